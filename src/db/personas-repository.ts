// Custom chat personas. Built-ins (src/domain/personas.ts) are not rows: a writer "copies" one
// to get an editable persona of their own, which is a synced row like any other.
import type { Persona } from '../domain/entities';
import { LIMITS } from '../domain/limits';
import { BUILTIN_PERSONAS } from '../domain/personas';
import type { StoryPromptsDatabase } from './database';
import { NotFoundError } from './errors';
import { newRowBase } from './row-defaults';
import { insertRow, updateRow } from './write-rows';

export type PersonaFields = Pick<
  Persona,
  'name' | 'description' | 'system_prompt' | 'default_model' | 'temperature'
>;

export function createPersona(
  db: StoryPromptsDatabase,
  fields: Partial<PersonaFields> & Pick<PersonaFields, 'name'>,
) {
  return insertRow(db, 'personas', {
    ...newRowBase(),
    description: '',
    system_prompt: '',
    default_model: '',
    temperature: 0.7,
    ...fields,
  });
}

/** Copies a built-in or custom persona into a new custom one named "<name> (copy)". */
export async function copyPersona(db: StoryPromptsDatabase, sourceId: string) {
  const source =
    BUILTIN_PERSONAS.find((persona) => persona.id === sourceId) ??
    (await db.personas.get(sourceId));
  if (!source || source.deleted) throw new NotFoundError('Persona', sourceId);
  const { name, description, system_prompt, default_model, temperature } = source;
  return createPersona(db, {
    name: copyName(name),
    description,
    system_prompt,
    default_model,
    temperature,
  });
}

export function updatePersona(db: StoryPromptsDatabase, id: string, patch: Partial<PersonaFields>) {
  return updateRow(db, 'personas', id, patch);
}

export function deletePersona(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'personas', id, { deleted: true });
}

export function restorePersona(db: StoryPromptsDatabase, id: string) {
  return updateRow(db, 'personas', id, { deleted: false });
}

function copyName(name: string): string {
  // Stays within the persona name limit however long the original is.
  const suffix = ' (copy)';
  return name.slice(0, LIMITS.personaName - suffix.length) + suffix;
}
