// Request bodies of the data routes, derived from the entity schemas of src/domain so the
// API enforces exactly the limits the app does. Strict objects: a server-owned column
// (user_id, field_hlc, server_version ...) or a typo is refused, not silently dropped.
import { z } from 'zod';
import { categorySchema, promptSchema } from '../domain/entities';

const uuid = z.string().uuid({ message: 'Not a valid id.' });

export const createCategoryBody = z.strictObject({
  id: uuid.optional(),
  story_id: categorySchema.shape.story_id,
  title: categorySchema.shape.title,
  description: categorySchema.shape.description.optional(),
  color: categorySchema.shape.color.optional(),
  position: categorySchema.shape.position.max(200).optional(),
});
export type CreateCategoryBody = z.infer<typeof createCategoryBody>;

const promptEditable = {
  title: promptSchema.shape.title,
  details: promptSchema.shape.details,
  action_steps: promptSchema.shape.action_steps,
  files: promptSchema.shape.files,
  tags: promptSchema.shape.tags,
  position: promptSchema.shape.position.max(200),
};

export const createPromptBody = z.strictObject({
  id: uuid.optional(),
  category_id: promptSchema.shape.category_id,
  /** Optional: it is the category's story; given, it must match. */
  story_id: promptSchema.shape.story_id.optional(),
  title: promptEditable.title,
  details: promptEditable.details.optional(),
  action_steps: promptEditable.action_steps.optional(),
  files: promptEditable.files.optional(),
  tags: promptEditable.tags.optional(),
  position: promptEditable.position.optional(),
});
export type CreatePromptBody = z.infer<typeof createPromptBody>;

export const updatePromptBody = z
  .strictObject({
    ...promptEditable,
    category_id: promptSchema.shape.category_id,
    deleted: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one field to change.',
  });
export type UpdatePromptBody = z.infer<typeof updatePromptBody>;

export const idParam = z.strictObject({ id: uuid });
export const categoriesQuery = z.strictObject({ story_id: uuid.optional() });
