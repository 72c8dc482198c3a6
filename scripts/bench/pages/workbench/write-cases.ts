// B1, B2, B3, B4: writes. Each function is one timed run on a fresh database; the Node side
// interleaves raw and ours (A B A B ...) and takes medians. Databases are deleted before a run,
// outside the timed region.
import { StoryPromptsDatabase } from '../../../../src/db/database';
import { updatePrompt } from '../../../../src/db/prompts-repository';
import { insertRows } from '../../../../src/db/write-rows';
import type { Prompt } from '../../../../src/domain/entities';
import { deleteDatabase, recordLongTasks } from '../shared/measure';
import { done, openRawDatabase, putAll, RAW_DURABILITY } from '../shared/raw-idb';
import { workbenchData, workbenchMessages } from './data';

export const RAW_DB = 'bench-raw';
export const OURS_DB = 'bench-ours';
export const EDIT_RAW_DB = 'bench-edit-raw';
export const EDIT_OURS_DB = 'bench-edit-ours';
export const MSG_RAW_DB = 'bench-msg-raw';
export const MSG_OURS_DB = 'bench-msg-ours';

/** B1: raw put of every prompt in one transaction. */
export async function rawPromptImport(count: number): Promise<number> {
  const { prompts } = workbenchData(count);
  await deleteDatabase(RAW_DB);
  const idb = await openRawDatabase(RAW_DB);
  try {
    const start = performance.now();
    await putAll(idb, 'prompts', prompts);
    return performance.now() - start;
  } finally {
    idb.close();
  }
}

/** B2: the app's import path (insertRows: zod validation, HLCs, one compact outbox entry per 50 rows). */
export async function oursPromptImport(count: number): Promise<number> {
  const { story, prompts } = workbenchData(count);
  await deleteDatabase(OURS_DB);
  const db = new StoryPromptsDatabase(OURS_DB);
  try {
    await db.open();
    const start = performance.now();
    await insertRows(db, 'prompts', prompts);
    const elapsed = performance.now() - start;
    // Untimed: the prompts' story and categories. B5 and B7 read this database with the app's
    // queries, which (like the app) show only prompts whose category and story exist.
    await insertRows(db, 'stories', [story.story]);
    await insertRows(db, 'prompt_categories', story.categories);
    return elapsed;
  } finally {
    db.close();
  }
}

// B3 keeps both databases open across blocks, as an editor would.
let editRaw: IDBDatabase | null = null;
let editOurs: StoryPromptsDatabase | null = null;
let editTargets: Prompt[] = [];

export async function prepareEdits(count: number): Promise<void> {
  const { prompts } = workbenchData();
  editTargets = prompts.slice(0, count);
  await Promise.all([deleteDatabase(EDIT_RAW_DB), deleteDatabase(EDIT_OURS_DB)]);
  editRaw = await openRawDatabase(EDIT_RAW_DB);
  await putAll(editRaw, 'prompts', editTargets);
  editOurs = new StoryPromptsDatabase(EDIT_OURS_DB);
  await insertRows(editOurs, 'prompts', editTargets);
}

/** B3 raw: `count` saves of an edited prompt, each a put in its own transaction. ms/op. */
export async function rawEdits(from: number, count: number, round: number): Promise<number> {
  const idb = editRaw!;
  const start = performance.now();
  for (let i = from; i < from + count; i++) {
    const prompt = editTargets[i % editTargets.length]!;
    const tx = idb.transaction('prompts', 'readwrite', RAW_DURABILITY);
    tx.objectStore('prompts').put({
      ...prompt,
      details: `${prompt.details} r${round}`,
      updated_at: new Date().toISOString(),
    });
    await done(tx);
  }
  return (performance.now() - start) / count;
}

/** B3 ours: the editor's autosave path (updatePrompt: read, validate, HLC, row + row_meta + outbox). */
export async function oursEdits(from: number, count: number, round: number): Promise<number> {
  const db = editOurs!;
  const start = performance.now();
  for (let i = from; i < from + count; i++) {
    const prompt = editTargets[i % editTargets.length]!;
    await updatePrompt(db, prompt.id, { details: `${prompt.details} r${round}` });
  }
  return (performance.now() - start) / count;
}

export async function finishEdits(): Promise<void> {
  editRaw?.close();
  editOurs?.close();
  editRaw = null;
  editOurs = null;
  await Promise.all([deleteDatabase(EDIT_RAW_DB), deleteDatabase(EDIT_OURS_DB)]);
}

export interface ImportRun {
  ms: number;
  msgsPerSecond: number;
  longTasks: number[];
}

async function timedBatches(
  count: number,
  batch: number,
  write: (rows: ReturnType<typeof workbenchMessages>) => Promise<void>,
): Promise<ImportRun> {
  const messages = workbenchMessages(count);
  const recorder = recordLongTasks();
  const start = performance.now();
  for (let i = 0; i < messages.length; i += batch) await write(messages.slice(i, i + batch));
  const ms = performance.now() - start;
  return { ms, msgsPerSecond: (count / ms) * 1000, longTasks: await recorder.stop() };
}

/** B4 raw: messages in batches, one readwrite transaction per batch. */
export async function rawMessageImport(count: number, batch: number): Promise<ImportRun> {
  await deleteDatabase(MSG_RAW_DB);
  const idb = await openRawDatabase(MSG_RAW_DB);
  try {
    return await timedBatches(count, batch, (rows) => putAll(idb, 'messages', rows));
  } finally {
    idb.close();
  }
}

/** B4 ours: the same batches through insertRows('messages'). */
export async function oursMessageImport(count: number, batch: number): Promise<ImportRun> {
  await deleteDatabase(MSG_OURS_DB);
  const db = new StoryPromptsDatabase(MSG_OURS_DB);
  try {
    await db.open();
    return await timedBatches(count, batch, async (rows) => {
      await insertRows(db, 'messages', rows);
    });
  } finally {
    db.close();
  }
}
