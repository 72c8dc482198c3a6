// What the writer typed into a preview's form, kept per prompt in this device's local texts (as
// the chat composer keeps its drafts): going to the editor to fix a typo and back, a reload or
// a closed tab loses none of it. Device-local and never synced: answers are not the prompt.
import { useEffect, useState } from 'react';
import { browserLocalTexts } from '../../platform/local-texts';
import type { LocalTexts } from '../../platform/local-texts';
import { setAnswer } from './preview-values';
import type { FormValues } from './preview-values';

const KEY_PREFIX = 'sp.previewAnswers:';

export function readAnswers(texts: LocalTexts, promptId: string): FormValues {
  const stored = texts.read(KEY_PREFIX + promptId);
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    // Only text answers: whatever else is there (an older format, a hand edit) is ignored.
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

export function writeAnswers(texts: LocalTexts, promptId: string, answers: FormValues): void {
  const typed = Object.entries(answers).filter(([, value]) => value !== '');
  // No answer left: the key is removed rather than kept as "{}".
  texts.write(KEY_PREFIX + promptId, typed.length ? JSON.stringify(Object.fromEntries(typed)) : '');
}

/** The answers for one prompt's variables, read on first render and stored as they change. */
export function usePreviewAnswers(
  promptId: string,
  texts: LocalTexts = browserLocalTexts,
): [FormValues, (name: string, value: string) => void] {
  const [answers, setAnswers] = useState(() => readAnswers(texts, promptId));
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (changed) writeAnswers(texts, promptId, answers);
  }, [changed, texts, promptId, answers]);
  const change = (name: string, value: string) => {
    setChanged(true);
    setAnswers((current) => setAnswer(current, name, value));
  };
  return [answers, change];
}
