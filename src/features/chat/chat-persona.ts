// Resolves a chat's persona id to what the provider needs: built-ins are sent by id (the app
// server knows their prompts), custom personas as their system prompt and temperature.
import type { Persona } from '../../domain/entities';
import { BUILTIN_PERSONAS, isBuiltinPersonaId } from '../../domain/personas';
import type { ChatRequest } from '../../platform/chat-providers/chat-provider';

export type PersonaRequestFields = Pick<ChatRequest, 'personaId' | 'system' | 'temperature'>;

export function findPersona(
  personaId: string | null,
  custom: readonly Persona[],
): Persona | undefined {
  if (!personaId) return undefined;
  return (
    BUILTIN_PERSONAS.find((persona) => persona.id === personaId) ??
    custom.find((persona) => persona.id === personaId)
  );
}

export function personaRequestFields(persona: Persona | undefined): PersonaRequestFields {
  if (!persona) return {};
  if (isBuiltinPersonaId(persona.id))
    return { personaId: persona.id, temperature: persona.temperature };
  return { system: persona.system_prompt, temperature: persona.temperature };
}
