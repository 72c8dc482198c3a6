// A settings form's draft: what the writer sees and edits until Save. The form is saved by a
// button, so typed edits are in no database until then; they are kept as typed (in db.settings,
// see settings-draft-texts.ts) and offered back when the form opens again after the writer left
// without saving, the way autosaved fields offer back a refused text (platform/use-kept-text.ts).
import { useCallback, useState } from 'react';
import type { LocalTexts } from '../../platform/local-texts';
import { useKeptText } from '../../platform/use-kept-text';

/** What the kept-text notice says: the kept draft may hold an API key, so it is not shown. */
export const UNSAVED_SETTINGS_MESSAGE =
  'You left this form with changes you had not saved. They were kept in this browser.';

/** A kept draft read back through the form's own reader, or null when it is not JSON. */
export function parseKeptSettings<T>(text: string, from: (value: unknown) => T): T | null {
  try {
    return from(JSON.parse(text));
  } catch {
    return null;
  }
}

export interface SettingsDraftOptions<T> {
  keepKey: string;
  texts: LocalTexts;
  /** The form's values from a kept text, or null when it is not one (another version's). */
  parse: (text: string) => T | null;
  write: (value: T) => Promise<void>;
}

export interface SettingsDraft<T> {
  draft: T;
  setDraft: (next: T) => void;
  /** Saves the draft; throws when refused (the draft stays kept). */
  save: () => Promise<void>;
  /** Edits typed here before and never saved, or null. */
  kept: string | null;
  restoreKept: () => void;
  discardKept: () => void;
}

export function useSettingsDraft<T>(saved: T, options: SettingsDraftOptions<T>): SettingsDraft<T> {
  const { keepKey, texts, parse, write } = options;
  const [draft, setDraftState] = useState(saved);
  const writeText = useCallback(
    async (text: string) => {
      const value = parse(text);
      if (value !== null) await write(value);
    },
    [parse, write],
  );
  const keeper = useKeptText(JSON.stringify(saved), writeText, keepKey, texts);
  const setDraft = (next: T) => {
    setDraftState(next);
    keeper.keep(JSON.stringify(next));
  };
  return {
    draft,
    setDraft,
    save: () => keeper.save(JSON.stringify(draft)),
    kept: keeper.kept,
    restoreKept: () => {
      const kept = keeper.takeKept();
      const value = kept === null ? null : parse(kept);
      if (value !== null) setDraft(value);
    },
    discardKept: () => {
      keeper.discardKept();
      keeper.keep(JSON.stringify(draft)); // edits typed since the form opened stay kept
    },
  };
}
