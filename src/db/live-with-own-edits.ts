// A live query that also shows this tab's own edits the moment they commit (committed-rows.ts),
// before its re-read of the database delivers them. For single-row views (the prompt editor and
// preview): the edited row reaches the screen without waiting behind the re-reads of every
// other live list the same edit touched. Use with dexie-react-hooks' useObservable.
import { liveQuery } from 'dexie';
import type { Prompt } from '../domain/entities';
import type { SyncedRowByTable, SyncedTable } from '../domain/synced-tables';
import { watchCommittedRows } from './committed-rows';
import type { StoryPromptsDatabase } from './database';
import { getPrompt } from './queries';

export interface LiveValue<T> {
  subscribe(
    onNext: (value: T) => void,
    onError?: (error: unknown) => void,
  ): { unsubscribe(): void };
  hasValue(): boolean;
  getValue(): T | undefined;
}

/**
 * `querier` as a live query; after each of this tab's committed edits to `table`,
 * `applyEdits(current, rows)` may return a new value to show until the next query result
 * (return `current` itself to leave it). Query results always win: they come from reads that
 * began after the commit, so they include it.
 */
export function liveWithOwnEdits<T, K extends SyncedTable>(
  database: StoryPromptsDatabase,
  table: K,
  querier: () => Promise<T>,
  applyEdits: (current: T, rows: readonly SyncedRowByTable[K][]) => T,
): LiveValue<T> {
  const source = liveQuery(querier);
  return {
    hasValue: () => source.hasValue?.() ?? false,
    getValue: () => source.getValue?.(),
    subscribe(onNext, onError) {
      let shown: { value: T } | null = null;
      const show = (value: T) => {
        shown = { value };
        onNext(value);
      };
      const subscription = source.subscribe({ next: show, error: onError });
      const stopWatching = watchCommittedRows(database, table, (rows) => {
        if (!shown) return;
        const next = applyEdits(shown.value, rows);
        if (next !== shown.value) show(next);
      });
      return {
        unsubscribe() {
          subscription.unsubscribe();
          stopWatching();
        },
      };
    },
  };
}

/**
 * The prompt, found under its own story only (null otherwise, or when deleted), live; this
 * tab's edits show as they commit. An edit that deletes it or moves it to another category
 * waits for the query, which also checks that category and story are still there.
 */
export function livePromptInStory(
  database: StoryPromptsDatabase,
  promptId: string,
  storyId: string,
): LiveValue<Prompt | null> {
  return liveWithOwnEdits(
    database,
    'prompts',
    async () => {
      const found = await getPrompt(database, promptId);
      return found?.story_id === storyId ? found : null;
    },
    (current, rows) => {
      const edited = rows.findLast((row) => row.id === promptId);
      const sameHome =
        current &&
        edited &&
        !edited.deleted &&
        edited.story_id === current.story_id &&
        edited.category_id === current.category_id;
      return sameHome ? edited : current;
    },
  );
}
