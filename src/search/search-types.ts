// What search answers with, shared by the worker API, the main-thread client and the palette.
// Matches are returned as text plus [start, end) offsets, never as HTML, so the UI highlights
// them with <mark> elements and no markup from the writer's text is ever interpreted.

/** The index is split into shards that live in workers (see shard-controller.ts). */
export type ShardName = 'library' | 'messages';
export const SHARD_NAMES: readonly ShardName[] = ['library', 'messages'];

/** Which database a shard indexes: the app's own by default, unique ones in tests and benches. */
export interface ShardRef {
  dbName?: string;
  shard: ShardName;
}

export type SearchKind = 'story' | 'prompt' | 'message';

export interface SearchRequest {
  /** What the writer typed, including `tag:` and `category:` filters. */
  query: string;
  /** Most hits per kind. */
  limit?: number;
}

export interface HighlightedText {
  text: string;
  /** Sorted, non-overlapping [start, end) offsets into `text`. */
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  score: number;
  title: HighlightedText;
  /** The best matching passage of a longer field, when the match is not (only) in the title. */
  snippet: HighlightedText | null;
  storyId: string | null;
  chatId: string | null;
  tags: string[];
  category: string | null;
}

export interface SearchGroups {
  stories: SearchHit[];
  prompts: SearchHit[];
  messages: SearchHit[];
}

export type ShardState = 'starting' | 'restoring' | 'building' | 'catching-up' | 'ready';

export interface ShardStatus {
  shard: ShardName;
  state: ShardState;
  /** False while the index is known to miss documents (first build, stale restore). */
  complete: boolean;
  documents: number;
  /** How the shard started: restored from IndexedDB, or rebuilt (and why). */
  origin:
    | 'restored'
    | 'rebuilt-missing'
    | 'rebuilt-corrupt'
    | 'rebuilt-outdated'
    | 'rebuilt-forced'
    | null;
  /** Worker time (ms) the last batch of changed rows took to become searchable. */
  lastChangeMs: number | null;
  /** The last failure while following the database, if any (the index keeps answering). */
  error: string | null;
}

export interface ShardResults extends SearchGroups {
  status: ShardStatus;
  /** Worker time spent answering (ms). */
  tookMs: number;
}

/** The typed API of workers/search.worker.ts. Every call is idempotent (safe to retry). */
export interface SearchWorkerApi {
  /** Opens the shard (restore or background build) if it is not open yet. */
  open(ref: ShardRef): Promise<ShardStatus>;
  query(ref: ShardRef, request: SearchRequest): Promise<ShardResults>;
  status(ref: ShardRef): Promise<ShardStatus>;
  /** Resolves once every known change is indexed (tests, benchmarks). */
  whenIdle(ref: ShardRef): Promise<ShardStatus>;
  /** Writes the index to IndexedDB now instead of after the usual quiet period. */
  persist(ref: ShardRef): Promise<void>;
  /** Drops the index and builds it again from the database (benchmarks, repair). */
  rebuild(ref: ShardRef): Promise<ShardStatus>;
  /** Closes every shard of the database (persisting dirty ones) and releases the connection. */
  close(dbName?: string): Promise<void>;
}
