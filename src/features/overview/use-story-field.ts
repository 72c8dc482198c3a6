// One overview field: a local draft autosaved through the stories repository. The draft is
// what the writer sees, so a refused save (too long, disk full) never takes their text away.
// When the stored value changes elsewhere (another tab, later a sync) and this field is not
// being edited, the draft follows it; a change that arrives while the field has focus is taken
// in when the writer leaves the field without unsaved typing (else the field would go on
// showing, and the next edit would build on, text that is no longer stored).
// A refused text is kept in this browser until a save succeeds and offered back when the field
// opens again (platform/use-kept-text.ts, as in the prompt editor).
import { useCallback, useState } from 'react';
import { db } from '../../db/instance';
import { updateStory } from '../../db/stories-repository';
import type { StoryFields } from '../../db/stories-repository';
import { useAutosave } from '../../components/ui/use-autosave';
import { useKeptText } from '../../platform/use-kept-text';

export type StoryFieldName = keyof StoryFields;

export function useStoryField(storyId: string, field: StoryFieldName, stored: string) {
  const [draft, setDraft] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const [focused, setFocused] = useState(false);
  // The stored value changed while the field had focus and differs from the draft.
  const [missed, setMissed] = useState(false);

  const save = useCallback(
    (value: string) => updateStory(db, storyId, { [field]: value }),
    [storyId, field],
  );
  const keeper = useKeptText(stored, save, `unsaved-text:stories:${storyId}:${field}`);
  const autosave = useAutosave(draft, keeper.save, { delayMs: 400 });

  // Adjusting state while rendering (React's pattern for "derive from a changed prop").
  if (stored !== lastStored) {
    setLastStored(stored);
    if (!focused && !autosave.dirty && draft !== stored) setDraft(stored);
    setMissed(focused && draft !== stored);
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
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      setMissed(false);
      if (missed && !autosave.dirty) {
        autosave.markSaved(lastStored);
        setDraft(lastStored);
      }
      void autosave.flush();
    },
  };
}
