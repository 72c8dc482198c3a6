// A settings form's draft: what the writer sees and edits until Save. The form is saved by a
// button, so typed edits are in no database until then; they are kept as typed (in db.settings,
// see settings-draft-texts.ts) and offered back when the form opens again after the writer left
// without saving, the way autosaved fields offer back a refused text (platform/use-kept-text.ts).
// A change saved elsewhere (another tab) is taken into the draft while it holds no unsaved edit;
// over unsaved edits it is not, and `changedElsewhere` says so, so Save never silently replaces
// newer settings with a form built from older ones.
import { useCallback, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
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
  /** The stored settings changed elsewhere while this form held unsaved edits. */
  changedElsewhere: boolean;
  /** Drops the unsaved edits and shows the stored settings. */
  takeStored: () => void;
}

/** The draft as the stores save it: every text trimmed. */
function trimmed<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, field: unknown) =>
    typeof field === 'string' ? field.trim() : field,
  ) as T;
}

/**
 * Follows the stored value: called while rendering (React's "adjust state on a changed prop"),
 * it takes a new stored value into a draft without unsaved edits, or flags it as changed
 * elsewhere. Our own save (`ownWrite`) is never "elsewhere".
 */
function useFollowStored<T>(saved: T, draft: T, setDraft: Dispatch<SetStateAction<T>>) {
  const savedText = JSON.stringify(saved);
  const [lastSaved, setLastSaved] = useState(savedText);
  const [ownWrite, setOwnWrite] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  if (savedText !== lastSaved) {
    setLastSaved(savedText);
    const draftText = JSON.stringify(draft);
    const unsaved = draftText !== lastSaved && draftText !== savedText;
    if (savedText === ownWrite) {
      if (JSON.stringify(trimmed(draft)) === savedText) setDraft(saved);
    } else if (unsaved) setChangedElsewhere(true);
    else setDraft(saved);
    if (!unsaved) setChangedElsewhere(false);
  }
  return { changedElsewhere, setChangedElsewhere, setOwnWrite };
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
  const follow = useFollowStored(saved, draft, setDraftState);
  const setDraft = (next: T) => {
    setDraftState(next);
    keeper.keep(JSON.stringify(next));
  };
  return {
    draft,
    setDraft,
    save: async () => {
      const text = JSON.stringify(trimmed(draft));
      follow.setOwnWrite(text);
      await keeper.save(text);
      follow.setChangedElsewhere(false);
    },
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
    changedElsewhere: follow.changedElsewhere,
    takeStored: () => {
      setDraft(saved);
      follow.setChangedElsewhere(false);
    },
  };
}
