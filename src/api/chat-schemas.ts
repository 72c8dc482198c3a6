// The chat request body: `content` (one new user message) and/or `messages` (the history),
// the model, and optionally a built-in persona id or a custom persona's system prompt.
// Limits come from the entity schemas, so the API refuses what the app would refuse.
import { z } from 'zod';
import { messageSchema, personaSchema } from '../domain/entities';
import { isBuiltinPersonaId } from '../domain/personas';

const MAX_HISTORY = 500;

const chatMessage = z.strictObject({
  role: messageSchema.shape.role,
  content: messageSchema.shape.content,
});

export const chatBody = z
  .strictObject({
    content: messageSchema.shape.content.optional(),
    messages: z
      .array(chatMessage)
      .max(MAX_HISTORY, { message: `At most ${MAX_HISTORY} messages.` })
      .optional(),
    model: messageSchema.shape.model.refine((model) => model.trim().length > 0, {
      message: 'Choose a model.',
    }),
    persona: z
      .string()
      .refine(isBuiltinPersonaId, { message: 'Not a built-in persona id.' })
      .optional(),
    system: personaSchema.shape.system_prompt.optional(),
    temperature: personaSchema.shape.temperature.optional(),
    stream: z.boolean().optional(),
  })
  .superRefine((body, context) => {
    if (body.content === undefined && (body.messages === undefined || body.messages.length === 0)) {
      context.addIssue({
        code: 'custom',
        path: ['content'],
        message: 'Send "content" or a non-empty "messages" list.',
      });
    }
    if (body.persona !== undefined && body.system !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['system'],
        message: 'Send either a built-in "persona" or a custom "system" prompt, not both.',
      });
    }
  });
export type ChatBody = z.infer<typeof chatBody>;
