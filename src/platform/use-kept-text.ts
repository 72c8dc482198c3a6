// A text field's refused saves, kept in this browser until a save succeeds. A refused text (too
// long, disk full) is in no database, so leaving the screen, a reload or a crash would drop it.
// `save` wraps the field's own save: on refusal it keeps the text under `keepKey` (and still
// throws, so the field shows why); on success it forgets it. When the field opens with such a
// text, `kept` offers it back until the writer takes or discards it. Shared by every autosaved
// text field (prompt editor, Story Overview) so they keep refused text the same way. A form saved
// by a button (settings) also calls `keep` as the writer types: its edits are in no database
// until Save, so leaving the screen first would drop them.
import { useCallback, useState } from 'react';
import { browserLocalTexts } from './local-texts';
import type { LocalTexts } from './local-texts';

export interface KeptText {
  /** The field's save, keeping a refused text under the key until a save succeeds. */
  save: (value: string) => Promise<void>;
  /** Keeps `value` as typed, not yet saved (nothing to keep when it equals the stored value). */
  keep: (value: string) => void;
  /** Text typed here before that could not be saved, or null. */
  kept: string | null;
  /** Stops offering the kept text and returns it (the caller puts it in the field). */
  takeKept: () => string | null;
  /** Forgets the kept text. */
  discardKept: () => void;
}

export function useKeptText(
  stored: string,
  save: (value: string) => Promise<unknown>,
  keepKey: string,
  texts: LocalTexts = browserLocalTexts,
): KeptText {
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
  const keep = useCallback(
    (value: string) => texts.write(keepKey, value === stored ? '' : value),
    [stored, keepKey, texts],
  );
  return {
    save: keepingSave,
    keep,
    kept,
    takeKept: () => {
      setKept(null);
      return kept;
    },
    discardKept: () => {
      texts.write(keepKey, '');
      setKept(null);
    },
  };
}
