// B8–B11 in the browser: index builds in the worker pool, typing latency against two baselines,
// restore vs rebuild, and edits/deletes until searchable. Driven by scripts/bench/search.ts.
import { StoryPromptsDatabase } from '../../../src/db/database';
import { deletePrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { createSearchClient } from '../../../src/platform/search-client';
import type { SearchResponse } from '../../../src/platform/search-client';
import { WorkerPool } from '../../../src/platform/worker-pool';
import type { ShardName, ShardRef } from '../../../src/search/search-types';
import type { SearchWorkerApi } from '../../../workers/search.worker';
import { generateData } from './search-bench-data';
import type { BenchData } from './search-bench-data';

const DB = 'search-bench';
let db: StoryPromptsDatabase;
let data: BenchData;
let scanText: { prompts: string[]; messages: string[] };

function newSearch() {
  const pool = new WorkerPool<{ search: SearchWorkerApi }>({
    kinds: {
      search: {
        size: 1,
        create: () =>
          new Worker(new URL('../../../workers/search.worker.ts', import.meta.url), {
            type: 'module',
          }),
      },
    },
    defaultTimeoutMs: 0,
  });
  const client = createSearchClient(pool, DB);
  const onShard = <R>(
    shard: ShardName,
    call: (api: SearchWorkerApi, ref: ShardRef) => Promise<R>,
  ) =>
    pool.run('search', (api) => call(api as unknown as SearchWorkerApi, { dbName: DB, shard }), {
      affinity: `search:${shard}`,
    });
  return { pool, client, onShard };
}

const promptText = (p: BenchData['prompts'][number]) =>
  [p.title, p.details, p.tags.join(' '), p.action_steps.map((s) => s.text).join(' ')]
    .join(' ')
    .toLowerCase();

export async function seed(
  promptCount: number,
  messageCount: number,
): Promise<{ ms: number; words: string[] }> {
  const started = performance.now();
  await StoryPromptsDatabase.delete(DB);
  db = new StoryPromptsDatabase(DB);
  data = generateData(promptCount, messageCount);
  await db.stories.bulkPut(data.stories);
  await db.prompt_categories.bulkPut(data.categories);
  await db.prompts.bulkPut(data.prompts);
  await db.chats.bulkPut(data.chats);
  for (let i = 0; i < data.messages.length; i += 10_000)
    await db.messages.bulkPut(data.messages.slice(i, i + 10_000));
  scanText = {
    prompts: data.prompts.map(promptText),
    messages: data.messages.map((m) => m.content.toLowerCase()),
  };
  return { ms: performance.now() - started, words: data.words };
}

function watchLongTasks(): () => number[] {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => durations.push(entry.duration)),
  );
  observer.observe({ type: 'longtask', buffered: false });
  return () => {
    observer.takeRecords().forEach((entry) => durations.push(entry.duration));
    observer.disconnect();
    return durations;
  };
}

async function openAndWait(search: ReturnType<typeof newSearch>, shard: ShardName): Promise<void> {
  await search.onShard(shard, (api, ref) => api.open(ref));
  await search.onShard(shard, (api, ref) => api.whenIdle(ref));
}

/** B8: builds each shard from nothing in a fresh worker. */
export async function buildRun(): Promise<{
  libraryMs: number;
  messagesMs: number;
  longTasks: number[];
}> {
  await db.search_index.clear();
  const search = newSearch();
  const stop = watchLongTasks();
  let started = performance.now();
  await openAndWait(search, 'library');
  const libraryMs = performance.now() - started;
  started = performance.now();
  await openAndWait(search, 'messages');
  const messagesMs = performance.now() - started;
  const longTasks = stop();
  await search.pool.shutdown({ graceMs: 0 });
  return { libraryMs, messagesMs, longTasks };
}

/** B10: saves both shards once; then restore (fresh worker) and rebuild (fresh worker) times. */
export async function restoreRun(): Promise<{
  restoreMs: number;
  rebuildMs: number;
  storedChars: number;
}> {
  if ((await db.search_index.count()) < 2) {
    const search = newSearch();
    for (const shard of ['library', 'messages'] as const) {
      await openAndWait(search, shard);
      await search.onShard(shard, (api, ref) => api.persist(ref));
    }
    await search.pool.shutdown({ graceMs: 0 });
  }
  const saved = await db.search_index.toArray();
  const storedChars = saved.reduce((sum, entry) => sum + String(entry.index).length, 0);
  const restoring = newSearch();
  let started = performance.now();
  for (const shard of ['library', 'messages'] as const)
    await restoring.onShard(shard, (api, ref) => api.open(ref));
  const restoreMs = performance.now() - started;
  await restoring.pool.shutdown({ graceMs: 0 });
  await db.search_index.clear();
  const rebuilding = newSearch();
  started = performance.now();
  for (const shard of ['library', 'messages'] as const) await openAndWait(rebuilding, shard);
  const rebuildMs = performance.now() - started;
  await rebuilding.pool.shutdown({ graceMs: 0 });
  await db.search_index.bulkPut(saved);
  return { restoreMs, rebuildMs, storedChars };
}

let typing: ReturnType<typeof newSearch> | null = null;

async function paint(response: { titles: string[] }): Promise<void> {
  const list = document.getElementById('results')!;
  list.replaceChildren(
    ...response.titles.map((title) =>
      Object.assign(document.createElement('p'), { textContent: title }),
    ),
  );
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const titlesOf = (response: SearchResponse) =>
  [...response.stories, ...response.prompts, ...response.messages].map((hit) => hit.title.text);

function scanSearch(query: string): { titles: string[] } {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const titles: string[] = [];
  const scan = (texts: string[], title: (i: number) => string) => {
    let found = 0;
    texts.forEach((text, i) => {
      if (terms.every((term) => text.includes(term)) && found++ < 8) titles.push(title(i));
    });
  };
  scan(scanText.prompts, (i) => data.prompts[i]!.title);
  scan(scanText.messages, (i) => data.messages[i]!.content.slice(0, 60));
  return { titles };
}

async function dexieSearch(query: string): Promise<{ titles: string[] }> {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const prompts = await db.prompts
    .filter((p) => terms.every((t) => promptText(p).includes(t)))
    .limit(8)
    .toArray();
  const messages = await db.messages
    .filter((m) => terms.every((t) => m.content.toLowerCase().includes(t)))
    .limit(8)
    .toArray();
  return {
    titles: [...prompts.map((p) => p.title), ...messages.map((m) => m.content.slice(0, 60))],
  };
}

/** B9: types each query one key at a time; keystroke → results painted (ms) for every key. */
export async function typeRun(
  queries: string[],
  variant: 'ours' | 'scan' | 'dexie',
  wholeOnly = false,
): Promise<number[]> {
  if (variant === 'ours' && !typing) {
    typing = newSearch();
    for (const shard of ['library', 'messages'] as const) await openAndWait(typing, shard);
  }
  const times: number[] = [];
  for (const query of queries) {
    for (let length = wholeOnly ? query.length : 1; length <= query.length; length++) {
      const typed = query.slice(0, length);
      if (!typed.trim()) continue;
      const started = performance.now();
      const result =
        variant === 'ours'
          ? { titles: titlesOf(await typing!.client.search(typed)) }
          : variant === 'scan'
            ? scanSearch(typed)
            : await dexieSearch(typed);
      await paint(result);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** B11: edits then deletes `count` prompts; wall and worker time until each is searchable. */
export async function editRun(count: number) {
  const search = typing ?? newSearch();
  for (const shard of ['library', 'messages'] as const) await openAndWait(search, shard);
  const result = {
    editWall: [] as number[],
    editWorker: [] as number[],
    deleteWall: [] as number[],
    deleteWorker: [] as number[],
  };
  const word = (i: number) => `qedit${i.toString(36)}x${Date.now().toString(36)}`;
  const words: string[] = [];
  // By id: edit words differ by a letter or two, so fuzzy matching finds their neighbours too.
  const until = async (query: string, id: string, present: boolean) => {
    const deadline = performance.now() + 10_000;
    for (;;) {
      const response = await search.client.search(query);
      if (response.prompts.some((hit) => hit.id === id) === present) return;
      if (performance.now() > deadline) {
        const status = await search.onShard('library', (api, ref) => api.status(ref));
        throw new Error(
          `"${query}" not ${present ? 'found' : 'gone'} after 10 s: ${JSON.stringify(status)}`,
        );
      }
    }
  };

  const workerMs = async () =>
    (await search.onShard('library', (api, ref) => api.status(ref))).lastChangeMs ?? NaN;
  for (let i = 0; i < count; i++) {
    const prompt = data.prompts[(i * 37) % data.prompts.length]!;
    words.push(word(i));
    const started = performance.now();
    await updatePrompt(db, prompt.id, { details: `${prompt.details.slice(0, 1_800)} ${words[i]}` });
    await until(words[i]!, prompt.id, true);
    result.editWall.push(performance.now() - started);
    result.editWorker.push(await workerMs());
  }
  for (let i = 0; i < count; i++) {
    const prompt = data.prompts[(i * 37) % data.prompts.length]!;
    const started = performance.now();
    await deletePrompt(db, prompt.id);
    await until(words[i]!, prompt.id, false);
    result.deleteWall.push(performance.now() - started);
    result.deleteWorker.push(await workerMs());
  }
  return result;
}

export async function browserInfo() {
  return { cores: navigator.hardwareConcurrency, userAgent: navigator.userAgent };
}
