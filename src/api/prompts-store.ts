// SQL for prompts, inside the caller's RLS transaction (database.ts). Creates and updates
// stamp field_hlc per changed field so the change syncs (row-stamps.ts).
import type { Prompt } from '../domain/entities';
import type { HlcClock } from '../domain/hlc';
import { sortByPosition } from '../domain/ordering';
import { ApiError } from './api-error';
import { endPosition, findCategory, rethrowDuplicate } from './categories-store';
import type { CreatePromptBody, UpdatePromptBody } from './data-schemas';
import type { DbClient } from './database';
import { publicRow, sameValue, stampFields } from './row-stamps';

const PROMPT_COLUMNS =
  'id, story_id, category_id, title, details, action_steps, files, tags, position, deleted, created_at, updated_at';
const JSON_COLUMNS = new Set(['action_steps', 'files']);

export const promptNotFound = (): ApiError =>
  new ApiError(404, 'prompts/not-found', 'No such prompt: it does not exist or was deleted.');

export async function listPrompts(client: DbClient, categoryId: string): Promise<Prompt[]> {
  await findCategory(client, categoryId);
  const result = await client.query(
    `select ${PROMPT_COLUMNS} from public.prompts where category_id = $1 and not deleted`,
    [categoryId],
  );
  // Sorted here with the app's own comparison (position, then id) so ties order the same.
  return sortByPosition(result.rows.map((row) => publicRow<Prompt>(row)));
}

export async function createPrompt(
  client: DbClient,
  clock: HlcClock,
  body: CreatePromptBody,
): Promise<Prompt> {
  const category = await findCategory(client, body.category_id);
  if (body.story_id !== undefined && body.story_id !== category.story_id) {
    throw new ApiError(
      400,
      'validation/invalid-body',
      'story_id must be the story of the category.',
      {
        fields: { story_id: 'Not the story of this category.' },
      },
    );
  }
  const values: Record<string, unknown> = {
    story_id: category.story_id,
    category_id: category.id,
    title: body.title,
    details: body.details ?? '',
    action_steps: body.action_steps ?? [],
    files: body.files ?? [],
    tags: body.tags ?? [],
    position: body.position ?? (await endPosition(client, 'prompts', 'category_id', category.id)),
    deleted: false,
  };
  const columns = Object.keys(values);
  const stamps = stampFields(clock, columns);
  const placeholders = columns.map(
    (column, index) => `$${index + 2}${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`,
  );
  const result = await client
    .query(
      `insert into public.prompts (id, ${columns.join(', ')}, field_hlc)
       values ($1, ${placeholders.join(', ')}, $${columns.length + 2}::jsonb) returning ${PROMPT_COLUMNS}`,
      [
        body.id ?? globalThis.crypto.randomUUID(),
        ...columns.map((column) => sqlValue(column, values[column])),
        JSON.stringify(stamps),
      ],
    )
    .catch(rethrowDuplicate('prompts/conflict'));
  return publicRow<Prompt>(result.rows[0]);
}

export async function updatePrompt(
  client: DbClient,
  clock: HlcClock,
  id: string,
  body: UpdatePromptBody,
): Promise<Prompt> {
  const found = await client.query(
    `select ${PROMPT_COLUMNS}, field_hlc from public.prompts where id = $1 for update`,
    [id],
  );
  const current = found.rows[0] as
    (Record<string, unknown> & { field_hlc: Record<string, string> }) | undefined;
  // A deleted prompt is gone for the API unless this very request restores it.
  if (!current || (current.deleted && body.deleted !== false)) throw promptNotFound();
  const wanted: Record<string, unknown> = { ...body };
  if (body.category_id !== undefined && body.category_id !== current.category_id) {
    const category = await findCategory(client, body.category_id);
    wanted.story_id = category.story_id;
    wanted.position ??= await endPosition(client, 'prompts', 'category_id', category.id);
  }
  const changed = Object.keys(wanted).filter(
    (column) => !sameValue(wanted[column], current[column]),
  );
  if (changed.length === 0) return publicRow<Prompt>(current);
  const stamps = stampFields(clock, changed, current.field_hlc);
  const assignments = changed.map(
    (column, index) => `${column} = $${index + 2}${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`,
  );
  const result = await client.query(
    `update public.prompts set ${assignments.join(', ')}, field_hlc = field_hlc || $${changed.length + 2}::jsonb
     where id = $1 returning ${PROMPT_COLUMNS}`,
    [id, ...changed.map((column) => sqlValue(column, wanted[column])), JSON.stringify(stamps)],
  );
  return publicRow<Prompt>(result.rows[0]);
}

/** jsonb columns need JSON text: node-postgres would send a JS array as a PostgreSQL array. */
function sqlValue(column: string, value: unknown): unknown {
  return JSON_COLUMNS.has(column) ? JSON.stringify(value) : value;
}
