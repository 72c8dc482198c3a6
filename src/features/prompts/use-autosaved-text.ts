// A text field backed by a stored value and saved as the writer types (useAutosave). The
// draft is the field's own state, so a refused save (too long, disk full) never touches what
// is on screen. A change made elsewhere (another tab, sync) is taken into the field only
// while it holds no unsaved edit of its own.
import { useState } from 'react';
import { useAutosave } from '../../components/ui/use-autosave';
import type { Autosave } from '../../components/ui/use-autosave';

export interface AutosavedText {
  draft: string;
  setDraft: (value: string) => void;
  autosave: Autosave<string>;
}

export function useAutosavedText(stored: string, save: (value: string) => Promise<unknown>): AutosavedText {
  const [draft, setDraft] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const autosave = useAutosave(draft, save, { delayMs: 400 });
  if (stored !== lastStored) {
    // Adjusting state while rendering (React's pattern for "reset on prop change").
    setLastStored(stored);
    if (!autosave.dirty && stored !== draft) setDraft(stored);
  }
  return { draft, setDraft, autosave };
}
