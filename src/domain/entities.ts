// The writer's data. Field names match the Supabase columns (snake_case) so a row means the
// same thing on every device and on the server. Every synced row has `deleted` (a tombstone,
// synced like any other field) and ISO timestamps that are informational only: ordering and
// merging use `position` keys and hybrid logical clocks, never these timestamps.
import { z } from 'zod';
import { LIMITS } from './limits';

/** `verb`: "are" for plural labels ("Prompt details are too long"). */
const text = (label: string, max: number, verb: 'is' | 'are' = 'is') =>
  z.string().max(max, {
    message: `${label} ${verb} too long: at most ${max.toLocaleString('en')} characters.`,
  });

const requiredText = (label: string, max: number) =>
  text(label, max).refine((value) => value.trim().length > 0, {
    message: `${label} cannot be empty.`,
  });

const id = z.string().uuid({ message: 'Not a valid id.' });
const isoDate = z.string();

const syncedRow = {
  id,
  created_at: isoDate,
  updated_at: isoDate,
  deleted: z.boolean(),
};

export const storySchema = z.object({
  ...syncedRow,
  title: requiredText('Story title', LIMITS.title),
  logline: text('Logline', LIMITS.logline),
  synopsis: text('Synopsis', LIMITS.synopsis),
  genre: text('Genre', LIMITS.genre),
  notes: text('Notes', LIMITS.notes),
});
export type Story = z.infer<typeof storySchema>;

export const categorySchema = z.object({
  ...syncedRow,
  story_id: id,
  title: requiredText('Category title', LIMITS.title),
  description: text('Category description', LIMITS.description),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, { message: 'Colour must look like #4a7bd0.' }),
  position: z.string().min(1),
});
export type Category = z.infer<typeof categorySchema>;

export const actionStepSchema = z.object({
  id,
  text: requiredText('Action step', LIMITS.actionStepText),
  done: z.boolean(),
});
export type ActionStep = z.infer<typeof actionStepSchema>;

export const fileRefSchema = z.object({
  id,
  name: requiredText('File name', LIMITS.fileName),
  mime: z.string().max(255),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const tagSchema = requiredText('Tag', LIMITS.tag).refine(
  (tag) => tag === normalizeTag(tag),
  {
    message: 'Tags are lower case with no surrounding spaces.',
  },
);

export const promptSchema = z.object({
  ...syncedRow,
  story_id: id,
  category_id: id,
  title: requiredText('Prompt title', LIMITS.title),
  details: text('Prompt details', LIMITS.details, 'are'),
  action_steps: z
    .array(actionStepSchema)
    .max(LIMITS.actionSteps, { message: `At most ${LIMITS.actionSteps} action steps per prompt.` }),
  files: z
    .array(fileRefSchema)
    .max(LIMITS.files, { message: `At most ${LIMITS.files} files per prompt.` }),
  tags: z.array(tagSchema).max(LIMITS.tags, { message: `At most ${LIMITS.tags} tags per prompt.` }),
  position: z.string().min(1),
});
export type Prompt = z.infer<typeof promptSchema>;

export const personaSchema = z.object({
  ...syncedRow,
  name: requiredText('Persona name', LIMITS.personaName),
  description: text('Persona description', LIMITS.description),
  system_prompt: text('System prompt', LIMITS.systemPrompt),
  default_model: text('Model', LIMITS.model),
  temperature: z.number().min(0).max(2),
});
export type Persona = z.infer<typeof personaSchema>;

export const chatSchema = z.object({
  ...syncedRow,
  story_id: id.nullable(),
  title: text('Chat title', LIMITS.title),
  model: text('Model', LIMITS.model),
  persona_id: z.string().max(100).nullable(),
});
export type Chat = z.infer<typeof chatSchema>;

export const messageStatusSchema = z.enum(['queued', 'sending', 'sent', 'error']);
export const messageSchema = z.object({
  ...syncedRow,
  chat_id: id,
  role: z.enum(['system', 'user', 'assistant']),
  content: text('Message', LIMITS.messageContent),
  model: text('Model', LIMITS.model),
  persona_id: z.string().max(100).nullable(),
  status: messageStatusSchema,
  usage: z
    .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() })
    .nullable(),
});
export type Message = z.infer<typeof messageSchema>;

export const conflictKindSchema = z.enum(['lww', 'text_overlap', 'edit_vs_delete']);
export const conflictSchema = z.object({
  ...syncedRow,
  entity: z.string(),
  row_id: id,
  field: z.string(),
  kind: conflictKindSchema,
  winner_value: z.unknown(),
  loser_value: z.unknown(),
  base_value: z.unknown(),
  winner_hlc: z.string().nullable(),
  loser_hlc: z.string().nullable(),
  resolved: z.boolean(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, '-');
}
