// One overview field: a local draft autosaved through the stories repository. The draft is
// what the writer sees, so a refused save (too long, disk full) never takes their text away.
// When the stored value changes elsewhere (another tab, later a sync) and this field is not
// being edited, the draft follows it.
import { useCallback, useState } from 'react';
import { db } from '../../db/instance';
import { updateStory } from '../../db/stories-repository';
import type { StoryFields } from '../../db/stories-repository';
import { useAutosave } from '../../components/ui/use-autosave';

export type StoryFieldName = keyof StoryFields;

export function useStoryField(storyId: string, field: StoryFieldName, stored: string) {
  const [draft, setDraft] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const [focused, setFocused] = useState(false);

  const save = useCallback(
    (value: string) => updateStory(db, storyId, { [field]: value }),
    [storyId, field],
  );
  const autosave = useAutosave(draft, save, { delayMs: 400 });

  // Adjusting state while rendering (React's pattern for "derive from a changed prop").
  if (stored !== lastStored) {
    setLastStored(stored);
    if (!focused && !autosave.dirty && draft !== stored) setDraft(stored);
  }

  return {
    draft,
    setDraft,
    autosave,
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      void autosave.flush();
    },
  };
}
