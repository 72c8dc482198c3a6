// A text field backed by a stored value and saved as the writer types (useAutosave). The
// draft is the field's own state, so a refused save (too long, disk full) never touches what
// is on screen. A change made elsewhere (another tab, sync) is taken into the field only
// while it holds no unsaved edit of its own.
//
// A refused text is also kept in this browser (under `keepKey`) until a save succeeds: leaving
// the screen, a reload or a crash would otherwise drop it, since it is in no database. When the
// field opens with such a text, `kept` offers it back; the writer restores or discards it.
import { useCallback, useState } from 'react';
import { useAutosave } from '../../components/ui/use-autosave';
import type { Autosave } from '../../components/ui/use-autosave';
import { browserLocalTexts } from '../../platform/local-texts';
import type { LocalTexts } from '../../platform/local-texts';

export interface AutosavedText {
  draft: string;
  setDraft: (value: string) => void;
  autosave: Autosave<string>;
  /** Text typed here before that could not be saved, or null. */
  kept: string | null;
  restoreKept: () => void;
  discardKept: () => void;
}

export function useAutosavedText(
  stored: string,
  save: (value: string) => Promise<unknown>,
  keepKey: string,
  texts: LocalTexts = browserLocalTexts,
): AutosavedText {
  const [draft, setDraft] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const [kept, setKept] = useState(() => {
    const text = texts.read(keepKey);
    return text !== null && text !== stored ? text : null;
  });
  const keepingSave = useCallback(
    async (value: string) => {
      try {
        await save(value);
      } catch (error) {
        texts.write(keepKey, value);
        throw error;
      }
      texts.write(keepKey, '');
    },
    [save, keepKey, texts],
  );
  const autosave = useAutosave(draft, keepingSave, { delayMs: 400 });
  if (stored !== lastStored) {
    // Adjusting state while rendering (React's pattern for "reset on prop change").
    setLastStored(stored);
    if (!autosave.dirty && stored !== draft) setDraft(stored);
  }
  return {
    draft,
    setDraft,
    autosave,
    kept,
    restoreKept: () => {
      if (kept !== null) setDraft(kept);
      setKept(null);
    },
    discardKept: () => {
      texts.write(keepKey, '');
      setKept(null);
    },
  };
}
