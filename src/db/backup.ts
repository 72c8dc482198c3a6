// Backup and restore of the writer's data (src/domain/backup-format.ts is the file format).
//
// Export: every live row, leaving out rows hidden because their story, category or chat is
// deleted (the file then always passes its own parent check). Import: through the same
// repository writes as typing does (validated, stamped, with outbox entries), so what a backup
// brings back syncs to every device like any other change. Per row, by id:
//   - not on this device: added;
//   - on this device but deleted: restored with the backup's values;
//   - on this device and live: kept as it is (it may hold newer work than the backup).
import { BACKUP_TABLES } from '../domain/backup-format';
import type { BackupData, BackupTable } from '../domain/backup-format';
import type { SyncedRowByTable } from '../domain/synced-tables';
import { AppError } from '../lib/app-error';
import type { StoryPromptsDatabase } from './database';
import { insertRows, updateRow } from './write-rows';

/** Rows per write transaction: progress moves, and one transaction never holds a whole library. */
const IMPORT_CHUNK = 500;

export async function readBackupData(db: StoryPromptsDatabase): Promise<BackupData> {
  return db.transaction(
    'r',
    BACKUP_TABLES.map((table) => db.table(table)),
    async () => {
      const live = async <T extends BackupTable>(table: T) =>
        (await db.syncedTable(table).toArray()).filter(
          (row) => !row.deleted,
        ) as SyncedRowByTable[T][];
      const stories = await live('stories');
      const storyIds = new Set(stories.map((row) => row.id));
      const categories = (await live('prompt_categories')).filter((row) =>
        storyIds.has(row.story_id),
      );
      const categoryIds = new Set(categories.map((row) => row.id));
      const prompts = (await live('prompts')).filter(
        (row) => storyIds.has(row.story_id) && categoryIds.has(row.category_id),
      );
      const chats = (await live('chats')).filter(
        (row) => row.story_id === null || storyIds.has(row.story_id),
      );
      const chatIds = new Set(chats.map((row) => row.id));
      const messages = (await live('messages')).filter((row) => chatIds.has(row.chat_id));
      return {
        stories,
        prompt_categories: categories,
        prompts,
        personas: await live('personas'),
        chats,
        messages,
      };
    },
  );
}

export interface ImportCounts {
  added: number;
  restored: number;
  kept: number;
}

export type ImportPlan = Record<BackupTable, ImportCounts>;

/** What an import would do, table by table, without writing anything. */
export async function planImport(db: StoryPromptsDatabase, data: BackupData): Promise<ImportPlan> {
  const plan = {} as ImportPlan;
  for (const table of BACKUP_TABLES) {
    const rows = data[table];
    const local = await db.syncedTable(table).bulkGet(rows.map((row) => row.id));
    const counts: ImportCounts = { added: 0, restored: 0, kept: 0 };
    for (const row of local) {
      if (!row) counts.added += 1;
      else if (row.deleted) counts.restored += 1;
      else counts.kept += 1;
    }
    plan[table] = counts;
  }
  return plan;
}

export interface ImportProgress {
  done: number;
  total: number;
}

/** The writer stopped an import: the chunks written before that are saved, the rest is not. */
export class ImportStoppedError extends AppError {
  constructor(
    readonly plan: ImportPlan,
    readonly progress: ImportProgress,
  ) {
    super(
      'import/stopped',
      `Import stopped: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} items were imported and are saved. Importing the same file again adds only the rest.`,
    );
  }
}

/**
 * Imports `data`; `onProgress` hears after every chunk. Returns what was done. Aborting `signal`
 * stops it before the next chunk with an ImportStoppedError (the chunks before stay written).
 */
export async function importBackup(
  db: StoryPromptsDatabase,
  data: BackupData,
  onProgress: (progress: ImportProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<ImportPlan> {
  const total = BACKUP_TABLES.reduce((sum, table) => sum + data[table].length, 0);
  const result = Object.fromEntries(
    BACKUP_TABLES.map((table) => [table, { added: 0, restored: 0, kept: 0 }]),
  ) as ImportPlan;
  let done = 0;
  for (const table of BACKUP_TABLES) {
    const counts = result[table];
    const rows = data[table];
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
      if (signal?.aborted) throw new ImportStoppedError(result, { done, total });
      const chunk = rows.slice(start, start + IMPORT_CHUNK);
      await importChunk(db, table, chunk, counts);
      done += chunk.length;
      onProgress({ done, total });
    }
  }
  return result;
}

/** An insert refused because a row with the same id is there (Dexie wraps it in a BulkError). */
function isDuplicateKey(error: unknown): boolean {
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown } | null;
  if (!e) return false;
  if (e.name === 'ConstraintError') return true;
  if (Array.isArray(e.failures) && e.failures.some(isDuplicateKey)) return true;
  return e.inner !== undefined && e.inner !== error && isDuplicateKey(e.inner);
}

const CHUNK_ATTEMPTS = 3;

async function importChunk<T extends BackupTable>(
  db: StoryPromptsDatabase,
  table: T,
  rows: SyncedRowByTable[T][],
  counts: ImportCounts,
  attempt = 1,
): Promise<void> {
  const local = await db.syncedTable(table).bulkGet(rows.map((row) => row.id));
  const fresh = rows.filter((_, index) => !local[index]);
  try {
    if (fresh.length > 0) await insertRows(db, table, fresh);
  } catch (error) {
    // Rows missing a moment ago arrived meanwhile (the same file restoring in another tab, a
    // sync download). The insert wrote nothing (one transaction): read the chunk again, and
    // the rows now here are kept like any other.
    if (attempt >= CHUNK_ATTEMPTS || !isDuplicateKey(error)) throw error;
    return importChunk(db, table, rows, counts, attempt + 1);
  }
  counts.added += fresh.length;
  for (const [index, row] of rows.entries()) {
    const existing = local[index];
    if (!existing) continue;
    if (!existing.deleted) {
      counts.kept += 1;
      continue;
    }
    const { id: _id, created_at: _created, ...values } = row;
    await updateRow(db, table, row.id, { ...values, deleted: false } as Partial<
      SyncedRowByTable[T]
    >);
    counts.restored += 1;
  }
}
