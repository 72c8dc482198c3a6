// SQL for prompt categories, always run inside the caller's RLS transaction (database.ts):
// no query here filters by user, RLS does, so another writer's rows are simply not found.
import type { Category } from '../domain/entities';
import type { HlcClock } from '../domain/hlc';
import { positionAtEnd } from '../domain/ordering';
import { ApiError } from './api-error';
import type { CreateCategoryBody } from './data-schemas';
import type { DbClient } from './database';
import { publicRow, stampFields } from './row-stamps';

export const CATEGORY_COLUMNS =
  'id, story_id, title, description, color, position, deleted, created_at, updated_at';
const CATEGORY_FIELDS = [
  'story_id',
  'title',
  'description',
  'color',
  'position',
  'deleted',
] as const;

export const categoryNotFound = (): ApiError =>
  new ApiError(404, 'categories/not-found', 'No such category: it does not exist or was deleted.');

export async function listCategories(client: DbClient, storyId?: string): Promise<Category[]> {
  const result = await client.query(
    `select ${CATEGORY_COLUMNS} from public.prompt_categories
     where not deleted and ($1::uuid is null or story_id = $1::uuid)
     order by story_id, position collate "C", id`,
    [storyId ?? null],
  );
  return result.rows.map((row) => publicRow<Category>(row));
}

/** A live (not deleted) category the caller can see, or categories/not-found. */
export async function findCategory(client: DbClient, id: string): Promise<Category> {
  const result = await client.query(
    `select ${CATEGORY_COLUMNS} from public.prompt_categories where id = $1 and not deleted`,
    [id],
  );
  if (result.rowCount === 0) throw categoryNotFound();
  return publicRow<Category>(result.rows[0]);
}

export async function createCategory(
  client: DbClient,
  clock: HlcClock,
  body: CreateCategoryBody,
): Promise<Category> {
  const story = await client.query('select 1 from public.stories where id = $1 and not deleted', [
    body.story_id,
  ]);
  if (story.rowCount === 0)
    throw new ApiError(
      404,
      'stories/not-found',
      'No such story: it does not exist or was deleted.',
    );
  const position =
    body.position ?? (await endPosition(client, 'prompt_categories', 'story_id', body.story_id));
  const values = {
    story_id: body.story_id,
    title: body.title,
    description: body.description ?? '',
    color: body.color ?? '#4a7bd0',
    position,
    deleted: false,
  };
  const stamps = stampFields(clock, CATEGORY_FIELDS);
  const result = await client
    .query(
      `insert into public.prompt_categories (id, story_id, title, description, color, position, deleted, field_hlc)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${CATEGORY_COLUMNS}`,
      [body.id ?? globalThis.crypto.randomUUID(), ...Object.values(values), JSON.stringify(stamps)],
    )
    .catch(rethrowDuplicate('categories/conflict'));
  return publicRow<Category>(result.rows[0]);
}

/** A key after every sibling (deleted ones too, so a restored row never ties with a new one). */
export async function endPosition(
  client: DbClient,
  table: 'prompt_categories' | 'prompts',
  parent: string,
  parentId: string,
): Promise<string> {
  const result = await client.query<{ last: string | null }>(
    `select max(position collate "C") as last from public.${table} where ${parent} = $1`,
    [parentId],
  );
  const last = result.rows[0]?.last;
  try {
    return positionAtEnd(last ? [{ id: '', position: last }] : []);
  } catch {
    // A sibling key that is not a fractional index (hand-edited data): append after it anyway.
    return `${last}V`;
  }
}

export function rethrowDuplicate(code: string) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === '23505') {
      throw new ApiError(
        409,
        code,
        'A row with this id already exists. Leave out "id" to get a new one.',
      );
    }
    throw error;
  };
}
