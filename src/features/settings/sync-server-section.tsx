// Settings › Sync server: the Supabase URL and anon key this device syncs with (stored on this
// device only), saved explicitly, and a connection test that says what is wrong. Edits not yet
// saved are kept (use-settings-draft.ts) and offered back when the writer returns.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { TextField } from '../../components/ui/text-field';
import { db } from '../../db/instance';
import { describeError } from '../../lib/app-error';
import type { LocalTexts } from '../../platform/local-texts';
import { SYNC_SERVER_DRAFT_KEY, useSettingsDraftTexts } from './settings-draft-texts';
import {
  checkServerUrl,
  readSyncServerSettings,
  syncServerSettingsFrom,
  writeSyncServerSettings,
} from './sync-server-settings';
import type { SyncServerSettings } from './sync-server-settings';
import { testSyncServer } from './test-connection';
import type { ConnectionCheck } from './test-connection';
import { SettingsDraftNotices } from './settings-draft-notices';
import { parseKeptSettings, useSettingsDraft } from './use-settings-draft';

// The build's defaults, used when a field is left empty (see src/app/sync/sync-config.ts).
const BUILT_URL = (import.meta.env.VITE_SUPABASE_URL as string | undefined) ?? '';
const BUILT_KEY = (import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined) ?? '';

// Sync needs both halves (an empty field falls back to the build's value): saying "Sign in to
// sync" after saving only one of them sent the writer to an Account page that says sync is off.
function savedMessage(draft: SyncServerSettings): string {
  if (!draft.url.trim() && !draft.anonKey.trim())
    return 'Saved: using the app’s default server, if any.';
  const url = draft.url.trim() || BUILT_URL;
  const anonKey = draft.anonKey.trim() || BUILT_KEY;
  if (!url || !anonKey)
    return `Saved, but sync stays off until the ${url ? 'anon key' : 'Supabase URL'} is filled in too.`;
  return 'Saved. Sign in on the Account page to sync.';
}

const parseKept = (text: string) => parseKeptSettings(text, syncServerSettingsFrom);

function SyncServerForm({ saved, texts }: { saved: SyncServerSettings; texts: LocalTexts }) {
  const write = useCallback((value: SyncServerSettings) => writeSyncServerSettings(db, value), []);
  const kept = useSettingsDraft(saved, {
    keepKey: SYNC_SERVER_DRAFT_KEY,
    texts,
    parse: parseKept,
    write,
  });
  const { draft, setDraft } = kept;
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [saveState, setSaveState] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urlError = checkServerUrl(draft.url);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (urlError) return;
    try {
      await kept.save();
      setSaveState(savedMessage(draft));
    } catch (error) {
      setSaveState(`Not saved: ${describeError(error)}`);
    }
  };

  const test = async () => {
    if (urlError) return; // already said under the field
    setBusy(true);
    setCheck(await testSyncServer(draft.url || BUILT_URL, draft.anonKey || BUILT_KEY));
    setBusy(false);
  };

  return (
    <form className="stack-tight" onSubmit={(event) => void save(event)} aria-label="Sync server">
      <SettingsDraftNotices draft={kept} name="sync server settings" />
      <TextField
        label="Supabase URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder={BUILT_URL || 'https://your-project.supabase.co'}
        value={draft.url}
        error={urlError}
        onChange={(event) => setDraft({ ...draft, url: event.target.value })}
      />
      <TextField
        label="Anon key"
        autoComplete="off"
        spellCheck={false}
        hint="The public “anon” key from the project’s API settings. Stored on this device only."
        value={draft.anonKey}
        onChange={(event) => setDraft({ ...draft, anonKey: event.target.value })}
      />
      <div className="row">
        {/* The hidden words tell this form's buttons from the other form's, for screen readers
            and voice control (whose names start with what is shown). */}
        <Button type="submit" variant="primary">
          Save<span className="sr-only"> sync server</span>
        </Button>
        <Button onClick={() => void test()} disabled={busy}>
          {busy ? 'Testing…' : 'Test connection'}
          <span className="sr-only"> to the sync server</span>
        </Button>
      </div>
      {saveState ? <p role="status">{saveState}</p> : null}
      {check ? <Notice tone={check.ok ? 'success' : 'error'}>{check.message}</Notice> : null}
    </form>
  );
}

export function SyncServerSection() {
  const saved = useLiveQuery(() => readSyncServerSettings(db), []);
  const texts = useSettingsDraftTexts();
  return (
    <div className="stack-tight">
      <p className="muted">
        Leave both empty to keep everything on this device
        {BUILT_URL ? ' (or to use the app’s default server)' : ''}. The server is not synced: each
        device chooses its own.
      </p>
      {saved && texts ? (
        <SyncServerForm saved={saved} texts={texts} />
      ) : (
        <p className="page-loading">Loading…</p>
      )}
    </div>
  );
}
