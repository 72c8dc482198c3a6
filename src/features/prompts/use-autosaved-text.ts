// A text field backed by a stored value and saved as the writer types (useAutosave). The
// draft is the field's own state, so a refused save (too long, disk full) never touches what
// is on screen. A change made elsewhere (another tab, sync) is taken into the field only
// while it holds no unsaved edit of its own.
//
// A refused text is also kept in this browser (under `keepKey`, see platform/use-kept-text.ts)
// until a save succeeds; when the field opens with such a text, `kept` offers it back and the
// writer restores or discards it.
import { useState } from 'react';
import { useAutosave } from '../../components/ui/use-autosave';
import type { Autosave } from '../../components/ui/use-autosave';
import type { LocalTexts } from '../../platform/local-texts';
import { useKeptText } from '../../platform/use-kept-text';

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
  texts?: LocalTexts,
): AutosavedText {
  const [draft, setDraft] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const keeper = useKeptText(stored, save, keepKey, texts);
  const autosave = useAutosave(draft, keeper.save, { delayMs: 400 });
  if (stored !== lastStored) {
    // Adjusting state while rendering (React's pattern for "reset on prop change").
    setLastStored(stored);
    if (!autosave.dirty && stored !== draft) setDraft(stored);
  }
  return {
    draft,
    setDraft,
    autosave,
    kept: keeper.kept,
    restoreKept: () => {
      const kept = keeper.takeKept();
      if (kept !== null) setDraft(kept);
    },
    discardKept: keeper.discardKept,
  };
}
