// B7: one prompt edited while 20 live queries watch it (8 lists, 6 counts, 6 details), as the
// app subscribes: the board reads each category once (CategoryPromptsStore, one shared live
// query per category, rows kept when unchanged) and renders memoized cards, so the 8 lists are
// the edited prompt's category, 6 other categories of the board and the overview's recent 50
// (useLiveQuery); counts are useLiveQuery; details subscribe as the editor and preview do
// (livePromptInStory). The board store and the details show this tab's committed edits as they
// commit (committed-rows.ts), as in the app. Measures write start →
// the new title in the DOM of every list and detail subscriber that shows the prompt (React
// commit), against the same 20 queries as bare Dexie liveQuery subscriptions (write start →
// every such emission carries it).
import { liveQuery } from 'dexie';
import { useObservable } from 'dexie-react-hooks';
import { memo, useEffect, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { watchCommittedRows } from '../../../../src/db/committed-rows';
import { StoryPromptsDatabase } from '../../../../src/db/database';
import { livePromptInStory } from '../../../../src/db/live-with-own-edits';
import type { LiveValue } from '../../../../src/db/live-with-own-edits';
import { updatePrompt } from '../../../../src/db/prompts-repository';
import { getPrompt, listCategoryPrompts, recentStoryPrompts } from '../../../../src/db/queries';
import type { Prompt } from '../../../../src/domain/entities';
import { CategoryPromptsStore } from '../../../../src/features/prompts/category-prompts-store';
import { quantile } from '../shared/measure';
import { workbenchData } from './data';
import { OURS_DB } from './write-cases';

interface Query {
  kind: 'list' | 'count' | 'detail';
  /** A board section: the category whose prompts the list shows (read through the board's store). */
  categoryId?: string;
  /** Its result shows the edited prompt, so the edit must reach it (others just re-run). */
  watches: boolean;
  run: () => Promise<Prompt[] | Prompt | number | null | undefined>;
  /** How the app subscribes, when not as a bare live query of `run` (the editor's detail). */
  live?: () => LiveValue<Prompt | null>;
}

function queriesFor(
  db: StoryPromptsDatabase,
  target: Prompt,
  storyId: string,
  otherCategories: string[],
): Query[] {
  const list = (categoryId: string): Query => ({
    kind: 'list',
    categoryId,
    watches: categoryId === target.category_id,
    run: () => listCategoryPrompts(db, categoryId),
  });
  const count = (categoryId: string): Query => ({
    kind: 'count',
    watches: false,
    run: () => db.prompts.where('category_id').equals(categoryId).count(),
  });
  const detail: Query = {
    kind: 'detail',
    watches: true,
    run: () => getPrompt(db, target.id),
    live: () => livePromptInStory(db, target.id, storyId),
  };
  return [
    list(target.category_id),
    // The target enters the recent 50 with its first edit: re-runs, not waited for.
    { kind: 'list', watches: false, run: () => recentStoryPrompts(db, storyId, 50) },
    ...otherCategories.slice(0, 6).map(list),
    ...Array.from({ length: 4 }, () => count(target.category_id)),
    count(otherCategories[0]!),
    count(otherCategories[1]!),
    ...Array.from({ length: 6 }, () => detail),
  ];
}

/** The title the subscriber shows for the target prompt ('' when it does not show it). */
function titleIn(result: Prompt[] | Prompt | number | null | undefined, targetId: string): string {
  if (Array.isArray(result)) return result.find((prompt) => prompt.id === targetId)?.title ?? '';
  if (result && typeof result === 'object') return result.title;
  return '';
}

/** A card: memoized like the board's, so an edit re-renders the edited prompt's row only. */
const Row = memo(function Row({ prompt }: { prompt: Prompt }) {
  return <li>{prompt.title}</li>;
});

const Rows = memo(function Rows({
  rows,
  query,
  targetId,
  index,
}: {
  rows: readonly Prompt[];
  query: Query;
  targetId: string;
  index: number;
}) {
  return (
    <ul
      data-sub={query.watches ? index : undefined}
      data-title={titleIn(rows as Prompt[], targetId)}
    >
      {rows.map((prompt) => (
        <Row key={prompt.id} prompt={prompt} />
      ))}
    </ul>
  );
});

const NO_ROWS: readonly Prompt[] = [];

/** A board section: the category's prompts from the board's store, as the board reads them. */
function Section({
  store,
  query,
  targetId,
  index,
}: {
  store: CategoryPromptsStore;
  query: Query;
  targetId: string;
  index: number;
}) {
  const groups = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return (
    <Rows
      rows={groups.get(query.categoryId!) ?? NO_ROWS}
      query={query}
      targetId={targetId}
      index={index}
    />
  );
}

function Subscriber({ query, targetId, index }: { query: Query; targetId: string; index: number }) {
  const result = useObservable(query.live ?? (() => liveQuery(query.run)), []);
  if (query.kind === 'count')
    return <p data-count={index}>{typeof result === 'number' ? result : '…'} prompts</p>;
  const rows = Array.isArray(result)
    ? result
    : result && typeof result === 'object'
      ? [result]
      : NO_ROWS;
  return <Rows rows={rows} query={query} targetId={targetId} index={index} />;
}

function Subscribers({
  db,
  queries,
  targetId,
}: {
  db: StoryPromptsDatabase;
  queries: Query[];
  targetId: string;
}) {
  const [store] = useState(
    () =>
      new CategoryPromptsStore((categoryId) => listCategoryPrompts(db, categoryId), queries.length),
  );
  useEffect(() => watchCommittedRows(db, 'prompts', store.applyCommitted), [db, store]);
  useEffect(() => {
    store.setCategories(queries.flatMap((query) => (query.categoryId ? [query.categoryId] : [])));
    return () => store.close();
  }, [store, queries]);
  return (
    <>
      {queries.map((query, index) =>
        query.categoryId ? (
          <Section key={index} store={store} query={query} targetId={targetId} index={index} />
        ) : (
          <Subscriber key={index} query={query} targetId={targetId} index={index} />
        ),
      )}
    </>
  );
}

/** A case that never sees its update would otherwise hang the whole bench run. */
const UPDATE_TIMEOUT_MS = 30_000;

function timedOut(what: string): Error {
  return new Error(`B7: ${what} did not happen within ${UPDATE_TIMEOUT_MS / 1000} s`);
}

function waitFor(condition: () => boolean, root: Element, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve(performance.now());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(timedOut(what));
    }, UPDATE_TIMEOUT_MS);
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    observer.observe(root, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
  });
}

export interface LiveRun {
  domMs: number[];
  emitMs: number[];
  subscribers: number;
  watched: number;
  listRows: number;
}

async function reactBlock(
  db: StoryPromptsDatabase,
  queries: Query[],
  target: Prompt,
  edits: number,
  nextTitle: () => string,
): Promise<{ ms: number[]; listRows: number }> {
  const watched = queries.filter((q) => q.watches).length;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(<Subscribers db={db} queries={queries} targetId={target.id} />));
  const shows = (title: string) => () => {
    const subs = host.querySelectorAll('[data-sub]');
    if (subs.length !== watched) return false;
    for (const sub of subs) if (sub.getAttribute('data-title') !== title) return false;
    return true;
  };
  const current = (await db.prompts.get(target.id))!.title;
  await waitFor(shows(current), host, 'the first render of every subscriber');
  const listRows = host.querySelector('[data-sub="0"]')?.childElementCount ?? 0;
  const ms: number[] = [];
  try {
    for (let i = 0; i < edits; i++) {
      const title = nextTitle();
      const start = performance.now();
      const committed = waitFor(shows(title), host, `the title edit ${i + 1} in every list's DOM`);
      await updatePrompt(db, target.id, { title });
      ms.push((await committed) - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    root.unmount();
    host.remove();
  }
  return { ms, listRows };
}

async function emitBlock(
  db: StoryPromptsDatabase,
  queries: Query[],
  target: Prompt,
  edits: number,
  nextTitle: () => string,
): Promise<number[]> {
  const seen: string[] = queries.map(() => '');
  let onEmit: () => void = () => {};
  const subscriptions = queries.map((query, index) =>
    liveQuery(query.run).subscribe((result) => {
      seen[index] = titleIn(result, target.id);
      onEmit();
    }),
  );
  const emitted = (title: string) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        onEmit = () => {};
        reject(timedOut(`an emission of "${title}" from every live query`));
      }, UPDATE_TIMEOUT_MS);
      const check = () => {
        if (!queries.every((q, i) => !q.watches || seen[i] === title)) return;
        onEmit = () => {};
        clearTimeout(timer);
        resolve(performance.now());
      };
      onEmit = check;
      check();
    });
  const ms: number[] = [];
  try {
    await emitted((await db.prompts.get(target.id))!.title);
    for (let i = 0; i < edits; i++) {
      const title = nextTitle();
      const start = performance.now();
      const done = emitted(title);
      await updatePrompt(db, target.id, { title });
      ms.push((await done) - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    subscriptions.forEach((s) => s.unsubscribe());
  }
  return ms;
}

export interface LiveRun {
  domMs: number[];
  emitMs: number[];
  subscribers: number;
  watched: number;
  listRows: number;
}

/**
 * `rounds` × (a React block, then an emit-only block) of `edits` edits each; the first round
 * is a warm-up. Each block mounts its own subscribers, so the two never run at once.
 */
export async function liveSubscribers(rounds: number, edits: number): Promise<LiveRun> {
  const { story, prompts } = workbenchData();
  const db = new StoryPromptsDatabase(OURS_DB);
  let version = 0;
  const nextTitle = () => `Edited title ${++version} ${Math.random().toString(36).slice(2, 6)}`;
  try {
    const target = (await db.prompts.get(prompts[42]!.id))!;
    const others = story.categories.map((c) => c.id).filter((id) => id !== target.category_id);
    const queries = queriesFor(db, target, story.story.id, others);
    const domMs: number[] = [];
    const emitMs: number[] = [];
    let listRows = 0;
    for (let round = 0; round <= rounds; round++) {
      const react = await reactBlock(db, queries, target, edits, nextTitle);
      const emit = await emitBlock(db, queries, target, edits, nextTitle);
      listRows = react.listRows;
      if (round === 0) continue;
      domMs.push(...react.ms);
      emitMs.push(...emit);
    }
    return {
      domMs,
      emitMs,
      subscribers: queries.length,
      watched: queries.filter((q) => q.watches).length,
      listRows,
    };
  } finally {
    db.close();
  }
}

export const p95 = (values: number[]) => quantile(values, 0.95);
