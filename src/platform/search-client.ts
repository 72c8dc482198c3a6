// The main thread's typed facade over search. It never indexes or scans anything itself: each
// shard lives in a search worker of the pool (pinned by affinity, so its index stays warm) and a
// query fans out to the shards and merges their groups. Every call is idempotent, so a call
// whose worker crashed is retried once in the replacement, which restores the shard from
// IndexedDB.
import type { SearchWorkerApi } from '../../workers/search.worker';
import { measured } from '../lib/app-metrics';
import type { SearchGroups, ShardName, ShardRef, ShardStatus } from '../search/search-types';
import type { WorkerPool } from './worker-pool';
import { appWorkerPool } from './worker-pool-app';

export type {
  HighlightedText,
  SearchGroups,
  SearchHit,
  SearchKind,
  ShardStatus,
} from '../search/search-types';

const SHARDS: readonly ShardName[] = ['library', 'messages'];
const QUERY_TIMEOUT_MS = 30_000;

export interface SearchResponse extends SearchGroups {
  query: string;
  /** False while some shard is still building or catching up: results may be missing some. */
  complete: boolean;
  /** Slowest shard's worker time (ms). */
  tookMs: number;
}

export interface SearchClient {
  search(query: string, options?: { limit?: number }): Promise<SearchResponse>;
  /** Opens every shard ahead of the first query (restore or background build). */
  warmUp(): Promise<ShardStatus[]>;
  status(): Promise<ShardStatus[]>;
  /** Resolves when every shard has indexed every change it knows of. */
  whenIdle(): Promise<ShardStatus[]>;
}

type SearchPool = Pick<WorkerPool<{ search: SearchWorkerApi }>, 'run'>;

export function createSearchClient(pool: SearchPool, dbName?: string): SearchClient {
  const ref = (shard: ShardName): ShardRef => (dbName ? { dbName, shard } : { shard });
  const onEachShard = <R>(call: (api: SearchWorkerApi, ref: ShardRef) => Promise<R>) =>
    Promise.all(
      SHARDS.map((shard) =>
        pool.run('search', (api) => call(api as unknown as SearchWorkerApi, ref(shard)), {
          affinity: `search:${shard}`,
          timeoutMs: QUERY_TIMEOUT_MS,
          retries: 1,
        }),
      ),
    );

  return {
    async search(query, options = {}) {
      const results = await measured('search', () =>
        onEachShard((api, shard) => api.query(shard, { query, limit: options.limit })),
      );
      const merged: SearchResponse = {
        query,
        stories: [],
        prompts: [],
        messages: [],
        complete: true,
        tookMs: 0,
      };
      for (const result of results) {
        merged.stories.push(...result.stories);
        merged.prompts.push(...result.prompts);
        merged.messages.push(...result.messages);
        merged.complete &&= result.status.complete;
        merged.tookMs = Math.max(merged.tookMs, result.tookMs);
      }
      return merged;
    },
    warmUp: () => onEachShard((api, shard) => api.open(shard)),
    status: () => onEachShard((api, shard) => api.status(shard)),
    whenIdle: () => onEachShard((api, shard) => api.whenIdle(shard)),
  };
}

/**
 * Wraps a search so that at most one runs at a time and only the newest waiting query runs next:
 * fast typing never piles queries up in the workers. Superseded calls resolve with null.
 */
export function latestOnly<R>(
  run: (query: string) => Promise<R>,
): (query: string) => Promise<R | null> {
  let running: Promise<unknown> | null = null;
  let waiting: {
    query: string;
    resolve: (value: R | null) => void;
    reject: (error: unknown) => void;
  } | null = null;

  const start = (query: string): Promise<R> => {
    const current = run(query);
    // The caller handles `current`'s failure; the bookkeeping chain must not report it again.
    running = current
      .catch(() => undefined)
      .then(() => {
        running = null;
        const next = waiting;
        waiting = null;
        if (next) start(next.query).then(next.resolve, next.reject);
      });
    return current;
  };

  return (query) => {
    if (!running) return start(query);
    waiting?.resolve(null);
    return new Promise<R | null>((resolve, reject) => {
      waiting = { query, resolve, reject };
    });
  };
}

let appClient: SearchClient | null = null;

/** The app's search client over the app's worker pool and database. */
export function appSearchClient(): SearchClient {
  appClient ??= createSearchClient(appWorkerPool());
  return appClient;
}
