// A persona form's unsaved text, per form (`new`, or the persona's id), kept in this device's
// local texts as it is typed: closing the persona manager, leaving the chat or a reload loses
// nothing (a system prompt can be long). Saving or Cancel removes it. Device-local, never synced.
import { browserLocalTexts } from '../../platform/local-texts';
import type { LocalTexts } from '../../platform/local-texts';
import type { PersonaFields } from '../../db/personas-repository';

const KEY_PREFIX = 'sp.personaDraft:';

/** The form as typed: the temperature stays text until it is checked on save. */
export interface PersonaDraft {
  fields: PersonaFields;
  temperature: string;
}

const TEXT_FIELDS = ['name', 'description', 'system_prompt', 'default_model'] as const;

export function readPersonaDraft(
  key: string,
  texts: LocalTexts = browserLocalTexts,
): PersonaDraft | null {
  const stored = texts.read(KEY_PREFIX + key);
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<Record<string, unknown>> | null;
    const fields = (value?.fields ?? {}) as Partial<Record<string, unknown>>;
    if (typeof value?.temperature !== 'string') return null;
    if (!TEXT_FIELDS.every((name) => typeof fields[name] === 'string')) return null;
    return { fields: fields as unknown as PersonaFields, temperature: value.temperature };
  } catch {
    return null; // unreadable: the form starts from the saved persona
  }
}

export function writePersonaDraft(
  key: string,
  draft: PersonaDraft | null,
  texts: LocalTexts = browserLocalTexts,
): void {
  texts.write(KEY_PREFIX + key, draft ? JSON.stringify(draft) : '');
}
