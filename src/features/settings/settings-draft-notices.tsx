// What a settings form says about its draft (use-settings-draft.ts): edits left unsaved on an
// earlier visit, offered back, and settings saved elsewhere while this form holds unsaved edits.
import { Button } from '../../components/ui/button';
import { KeptTextNotice } from '../../components/ui/kept-text-notice';
import { Notice } from '../../components/ui/notice';
import type { SettingsDraft } from './use-settings-draft';
import { UNSAVED_SETTINGS_MESSAGE } from './use-settings-draft';

export function SettingsDraftNotices<T>({
  draft,
  name,
}: {
  draft: SettingsDraft<T>;
  name: string;
}) {
  return (
    <>
      <KeptTextNotice
        kept={draft.kept}
        name={name}
        message={UNSAVED_SETTINGS_MESSAGE}
        onRestore={draft.restoreKept}
        onDiscard={draft.discardKept}
      />
      {draft.changedElsewhere ? (
        <Notice
          tone="warning"
          actions={<Button onClick={draft.takeStored}>Show the saved settings</Button>}
        >
          These settings were saved in another tab or window after you began editing here. Save
          would replace them with what is shown here.
        </Notice>
      ) : null}
    </>
  );
}
