// The backup file: every live row of the writer's data as JSON, versioned so an older app can
// say "made by a newer version" instead of misreading it. Rows keep their ids, so importing a
// backup twice adds nothing the second time, and their schemas are the same zod schemas every
// local write is validated with: a file edited by hand or cut short is refused with the exact
// place that is wrong, before anything is written.
import { z } from 'zod';
import { AppError } from '../lib/app-error';
import { ROW_SCHEMAS } from './synced-tables';
import type { SyncedRowByTable } from './synced-tables';

export const BACKUP_FORMAT = 'story-prompts-backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before they are read: parsing them would freeze the page. */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

/** The tables a backup holds, in the order they are imported (parents before children). */
export const BACKUP_TABLES = [
  'stories',
  'prompt_categories',
  'prompts',
  'personas',
  'chats',
  'messages',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export type BackupData = { [T in BackupTable]: SyncedRowByTable[T][] };

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exported_at: string;
  data: BackupData;
}

/** A backup as read for import: its live rows, and how many rows marked deleted were left out. */
export interface ReadBackup extends BackupFile {
  deletedLeftOut: number;
}

const TABLE_LABELS: Record<BackupTable, string> = {
  stories: 'story',
  prompt_categories: 'category',
  prompts: 'prompt',
  personas: 'persona',
  chats: 'chat',
  messages: 'chat message',
};

export function backupTableLabel(table: BackupTable, count: number): string {
  const label = TABLE_LABELS[table];
  return count === 1 ? label : label === 'story' ? 'stories' : `${label}s`;
}

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  exported_at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export function backupFile(data: BackupData, exportedAt: Date): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported_at: exportedAt.toISOString(),
    data,
  };
}

/** Why a file cannot be imported; `message` is written for the writer. */
export class BackupFormatError extends AppError {
  constructor(message: string) {
    super('import/invalid-backup', message);
  }
}

/** Reads a backup file's text. Throws BackupFormatError naming the first thing wrong. */
export function parseBackup(text: string): ReadBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupFormatError(
      `This file is not valid JSON (${(error as Error).message}). Choose a backup exported by Story Prompts.`,
    );
  }
  const head = envelope.safeParse(json);
  if (!head.success) throw new BackupFormatError(notABackup(json));
  if (head.data.version > BACKUP_VERSION) {
    throw new BackupFormatError(
      `This backup was made by a newer version of Story Prompts (format ${head.data.version}). Update the app, then import it again.`,
    );
  }
  const data = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) data[table] = readTable(table, head.data.data[table]);
  checkUniqueIds(data as BackupData);
  checkParents(data as BackupData);
  const { live, leftOut } = withoutDeleted(data as BackupData);
  return { ...head.data, format: BACKUP_FORMAT, data: live, deletedLeftOut: leftOut };
}

/** Other JSON files a writer keeps beside backups get a pointer to where they belong. */
function notABackup(json: unknown): string {
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (object.format === 'story-prompts-diagnostics')
    return 'This file is a diagnostics report, not a backup: it holds numbers about the app and none of your writing.';
  if (Array.isArray(json) || Array.isArray(object.categories))
    return 'This file is a prompt pack, not a backup: add it under “Import a prompt pack” below.';
  return 'This file is not a Story Prompts backup.';
}

function readTable(table: BackupTable, value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new BackupFormatError(`In this backup, "${table}" is not a list.`);
  const schema = ROW_SCHEMAS[table];
  return value.map((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const field = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new BackupFormatError(
      `The ${TABLE_LABELS[table]} at ${table}[${index}]${field} is not valid: ${issue.message} Nothing was imported.`,
    );
  });
}

/**
 * A row may appear once per table. A second copy (a hand-merged file) would otherwise abort the
 * import halfway, after the tables before it were written.
 */
function checkUniqueIds(data: BackupData): void {
  for (const table of BACKUP_TABLES) {
    const first = new Map<string, number>();
    data[table].forEach((row, index) => {
      const earlier = first.get(row.id);
      if (earlier !== undefined) {
        throw new BackupFormatError(
          `The ${TABLE_LABELS[table]} at ${table}[${index}] has the same id as ${table}[${earlier}]: this file holds it twice. Nothing was imported.`,
        );
      }
      first.set(row.id, index);
    });
  }
}

/** Every category, prompt, chat and message must have its parent in the same file. */
function checkParents(data: BackupData): void {
  const ids = (rows: readonly { id: string }[]) => new Set(rows.map((row) => row.id));
  const stories = ids(data.stories);
  const categories = ids(data.prompt_categories);
  const chats = ids(data.chats);
  const missing = (what: string, where: string, index: number) =>
    new BackupFormatError(
      `The ${what} at ${where}[${index}] belongs to something that is not in this backup. Nothing was imported.`,
    );
  data.prompt_categories.forEach((row, index) => {
    if (!stories.has(row.story_id)) throw missing('category', 'prompt_categories', index);
  });
  data.prompts.forEach((row, index) => {
    if (!stories.has(row.story_id) || !categories.has(row.category_id))
      throw missing('prompt', 'prompts', index);
  });
  data.chats.forEach((row, index) => {
    if (row.story_id !== null && !stories.has(row.story_id)) throw missing('chat', 'chats', index);
  });
  data.messages.forEach((row, index) => {
    if (!chats.has(row.chat_id)) throw missing('chat message', 'messages', index);
  });
}

/**
 * The rows a backup brings back: an exported backup holds live rows only, but a file edited by
 * hand (or made by another tool) may mark some deleted. Imported, they would be added unseen
 * and still counted as new; they are left out, with everything under them, as the export does.
 */
function withoutDeleted(data: BackupData): { live: BackupData; leftOut: number } {
  const stories = data.stories.filter((row) => !row.deleted);
  const storyIds = new Set(stories.map((row) => row.id));
  const categories = data.prompt_categories.filter(
    (row) => !row.deleted && storyIds.has(row.story_id),
  );
  const categoryIds = new Set(categories.map((row) => row.id));
  const chats = data.chats.filter(
    (row) => !row.deleted && (row.story_id === null || storyIds.has(row.story_id)),
  );
  const chatIds = new Set(chats.map((row) => row.id));
  const live: BackupData = {
    stories,
    prompt_categories: categories,
    prompts: data.prompts.filter(
      (row) => !row.deleted && storyIds.has(row.story_id) && categoryIds.has(row.category_id),
    ),
    personas: data.personas.filter((row) => !row.deleted),
    chats,
    messages: data.messages.filter((row) => !row.deleted && chatIds.has(row.chat_id)),
  };
  const count = (backup: BackupData) =>
    BACKUP_TABLES.reduce((sum, table) => sum + backup[table].length, 0);
  return { live, leftOut: count(data) - count(live) };
}
