// One shard of the search index, living in one worker, following the database.
//
// Model: on open the shard subscribes to Dexie's storagemutated events first (so no write is
// missed), then restores its stored copy or starts empty, and queues a reconcile of every table
// it follows: that is the first build for an empty index and the catch-up for a restored one.
// Changed rows named by later events queue behind it. One drain loop runs the queue; the loops
// inside it yield every few ms, so queries are answered throughout, flagged incomplete until the
// first full pass is done. After a quiet period the index is saved again (search-persistence.ts).
import { Dexie } from 'dexie';
import type { ObservabilitySet } from 'dexie';
import type { StoryPromptsDatabase } from '../db/database';
import { describeError } from '../lib/app-error';
import { dropShard, fingerprintOf, loadShard, saveShard } from './search-persistence';
import { SearchIndex } from './search-index';
import { readMutations } from './search-mutations';
import { parseQuery } from './search-query';
import type { ShardSource, ShardSourceFactory } from './search-source';
import { PERSIST_DELAY_MS } from './search-shard-config';
import { WorkQueue } from './search-work-queue';
import type { WorkItem } from './search-work-queue';
import type {
  SearchGroups,
  SearchRequest,
  ShardName,
  ShardResults,
  ShardState,
  ShardStatus,
} from './search-types';

export interface ShardControllerOptions {
  /** Quiet time after the last change before the index is saved (ms). */
  persistDelayMs?: number;
}

const DEFAULT_LIMIT = 8;

export class ShardController {
  private index: SearchIndex;
  private readonly source: ShardSource;
  private readonly queue = new WorkQueue();
  private state: ShardState = 'starting';
  private complete = false;
  private origin: ShardStatus['origin'] = null;
  private lastChangeMs: number | null = null;
  private error: string | null = null;
  private opening: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private savedRevision = 0;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly onMutations = (parts: ObservabilitySet) => this.follow(parts);

  constructor(
    private readonly db: StoryPromptsDatabase,
    readonly shard: ShardName,
    sourceFactory: ShardSourceFactory,
    private readonly options: ShardControllerOptions = {},
  ) {
    this.index = SearchIndex.empty(shard);
    this.source = sourceFactory(db, () => this.index);
  }

  /** Restores or starts building; resolves once the shard can answer (not when it is complete). */
  open(): Promise<ShardStatus> {
    this.opening ??= this.start();
    return this.opening.then(() => this.status());
  }

  status(): ShardStatus {
    const { shard, state, complete, origin, lastChangeMs, error } = this;
    return { shard, state, complete, documents: this.index.size, origin, lastChangeMs, error };
  }

  async query(request: SearchRequest): Promise<ShardResults> {
    await this.open();
    const started = performance.now();
    const raw = this.index.search(parseQuery(request.query), request.limit ?? DEFAULT_LIMIT);
    const hits = await this.source.toHits(raw);
    const groups: SearchGroups = { stories: [], prompts: [], messages: [] };
    for (const hit of hits)
      groups[
        hit.kind === 'story' ? 'stories' : hit.kind === 'prompt' ? 'prompts' : 'messages'
      ].push(hit);
    return { ...groups, status: this.status(), tookMs: performance.now() - started };
  }

  async whenIdle(): Promise<ShardStatus> {
    await this.open();
    while (this.draining) await this.draining;
    return this.status();
  }

  /** Drops the index and builds it again from the database. */
  async rebuild(): Promise<ShardStatus> {
    await this.open();
    this.index = SearchIndex.empty(this.shard);
    this.savedRevision = -1;
    this.setBuilding('rebuilt-forced');
    return this.whenIdle();
  }

  /** Saves the index now (when it is caught up with every known change). */
  async persist(): Promise<void> {
    await this.whenIdle();
    const revision = this.index.revision;
    const fingerprint = await fingerprintOf(this.db, this.source.tables);
    // A change that arrived while counting would make the fingerprint claim more than the index has.
    if (this.queue.length > 0 || this.draining || revision !== this.index.revision)
      return this.schedulePersist();
    if (!(await saveShard(this.db, this.shard, this.index, fingerprint)))
      return this.schedulePersist();
    this.savedRevision = revision;
  }

  async close(): Promise<void> {
    Dexie.on.storagemutated.unsubscribe(this.onMutations);
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    if (this.opening && this.index.revision !== this.savedRevision)
      await this.persist().catch(() => undefined);
    this.closed = true;
    this.queue.clear();
  }

  private async start(): Promise<void> {
    Dexie.on.storagemutated.subscribe(this.onMutations);
    this.state = 'restoring';
    const outcome = await loadShard(this.db, this.shard, this.source.tables);
    if (outcome.kind === 'restored') {
      this.index = outcome.index;
      this.savedRevision = this.index.revision;
      this.origin = 'restored';
      this.complete = outcome.upToDate;
      this.state = 'catching-up';
      this.queueEverything();
      return;
    }
    if (outcome.kind === 'corrupt') {
      this.error = `Stored index unreadable, rebuilding: ${describeError(outcome.error)}`;
      await dropShard(this.db, this.shard).catch(() => undefined);
    }
    this.setBuilding(
      outcome.kind === 'missing'
        ? 'rebuilt-missing'
        : outcome.kind === 'outdated'
          ? 'rebuilt-outdated'
          : 'rebuilt-corrupt',
    );
  }

  private setBuilding(origin: ShardStatus['origin']): void {
    this.origin = origin;
    this.complete = false;
    this.state = 'building';
    this.queue.clear();
    this.queueEverything();
  }

  private queueEverything(): void {
    for (const table of this.source.tables) this.queue.add({ table, all: true });
    this.kick();
  }

  private follow(parts: ObservabilitySet): void {
    if (this.closed) return;
    const mutations = readMutations(parts, this.db.name, this.source.tables);
    if (mutations === 'everything') return this.queueEverything();
    if (mutations.length === 0) return;
    for (const mutation of mutations) this.queue.add(mutation);
    this.kick();
  }

  private kick(): void {
    if (this.draining || this.closed || this.state === 'starting' || this.state === 'restoring')
      return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    for (let item = this.queue.take(); item && !this.closed; item = this.queue.take()) {
      try {
        await this.run(item);
      } catch (error) {
        // The index keeps answering with what it has; the next change or start retries.
        this.error = `Could not index changes to ${item.table}: ${describeError(error)}`;
      }
    }
    if (this.closed) return;
    if (this.state === 'building' || this.state === 'catching-up') {
      this.state = 'ready';
      this.complete = true;
    }
    if (this.index.revision !== this.savedRevision) this.schedulePersist();
  }

  private async run(item: WorkItem): Promise<void> {
    if ('all' in item) return this.source.reconcile(item.table);
    const started = performance.now();
    await this.source.applyKeys(item.table, [...item.keys]);
    this.lastChangeMs = performance.now() - started;
  }

  private schedulePersist(): void {
    if (this.closed) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.persist().catch((error: unknown) => {
        this.error = `Could not save the search index: ${describeError(error)}`;
      });
    }, this.options.persistDelayMs ?? PERSIST_DELAY_MS[this.shard]);
  }
}
