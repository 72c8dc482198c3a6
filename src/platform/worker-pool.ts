// A small pool of Comlink workers, one set of slots per kind of worker (search, sync, ...).
//
// Model: each slot runs one task at a time. Tasks wait in a queue per kind, except tasks with an
// affinity key, which always run in the key's home slot (the stable home of stateful work such as
// a search index shard: the slot with the fewest homes when the key is first seen, then fixed for
// the pool's life) and wait in that slot's own queue; a free slot takes the oldest
// of its pinned queue and the shared queue. A task that outlives its timeout, or whose worker
// reports an error event, gets its worker terminated and replaced; the task is retried when the
// caller said it is idempotent (`retries`) and otherwise fails with a typed WorkerPoolError.
// Long-running work that must stay responsive (index builds) runs inside the worker in slices,
// not as one pool task, so the one-task-per-slot rule never blocks queries for long.
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import { crashedError, shutdownError, timeoutError, WorkerPoolError } from './worker-pool-errors';
import { defaultPoolSize } from './worker-pool-size';
import { WorkerSlot } from './worker-pool-slot';
import type { WorkerFactory } from './worker-pool-slot';

export type { PoolWorker, WorkerFactory } from './worker-pool-slot';
export { WorkerPoolError } from './worker-pool-errors';

export interface WorkerKindConfig {
  create: WorkerFactory;
  /** Slots for this kind; defaults to the pool size. */
  size?: number;
}

export interface WorkerPoolOptions<Apis> {
  kinds: { [K in keyof Apis]: WorkerKindConfig };
  /** Defaults to hardwareConcurrency − 1, within 1..4. */
  size?: number;
  /** Per-task timeout when the task gives none (ms); 0 means no timeout. */
  defaultTimeoutMs?: number;
  /** Told when a worker was replaced, so owners of stateful work know its state is gone. */
  onWorkerReplaced?: (event: { kind: string; slot: number; reason: 'crashed' | 'timeout' }) => void;
}

export interface RunOptions {
  /** Tasks with the same key always run in the same slot (same worker while it lives). */
  affinity?: string;
  timeoutMs?: number;
  /** Extra attempts after a crash or timeout: only for idempotent tasks. */
  retries?: number;
}

export type PoolTask<Api, R> = (api: Remote<Api>) => Promise<R> | R;

export interface PoolStats {
  kind: string;
  slots: number;
  liveWorkers: number;
  running: number;
  queued: number;
  replaced: number;
}

interface QueuedTask {
  seq: number;
  run: (api: unknown) => Promise<unknown> | unknown;
  options: RunOptions;
  attempt: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface SlotState {
  slot: WorkerSlot<unknown>;
  pinned: QueuedTask[];
  running: QueuedTask | null;
  timer: ReturnType<typeof setTimeout> | null;
}

interface KindState {
  name: string;
  slots: SlotState[];
  homes: Map<string, number>;
  shared: QueuedTask[];
  replaced: number;
}

/** Marks buffers inside `value` to be moved to the worker instead of copied. */
export function withTransfer<T>(value: T, transferables: Transferable[]): T {
  return Comlink.transfer(value, transferables);
}

export class WorkerPool<Apis extends Record<string, object>> {
  private readonly kinds = new Map<string, KindState>();
  private readonly defaultTimeoutMs: number;
  private seq = 0;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions<Apis>) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
    const size = Math.max(1, options.size ?? defaultPoolSize());
    for (const [name, config] of Object.entries(options.kinds) as [string, WorkerKindConfig][]) {
      const slotCount = Math.max(1, config.size ?? size);
      const slots = Array.from({ length: slotCount }, (_, index) => ({
        slot: new WorkerSlot<unknown>(index, config.create, (slot, generation, cause) =>
          this.onCrash(name, slot.index, generation, cause),
        ),
        pinned: [],
        running: null,
        timer: null,
      }));
      this.kinds.set(name, { name, slots, homes: new Map(), shared: [], replaced: 0 });
    }
  }

  /** Runs `task` with the remote API of a `kind` worker; see RunOptions for placement and retry. */
  run<K extends keyof Apis & string, R>(
    kind: K,
    task: PoolTask<Apis[K], R>,
    options: RunOptions = {},
  ): Promise<R> {
    if (this.closed) return Promise.reject(shutdownError(kind));
    const state = this.kindState(kind);
    return new Promise<R>((resolve, reject) => {
      const queued: QueuedTask = {
        seq: ++this.seq,
        run: task as QueuedTask['run'],
        options,
        attempt: 0,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      this.enqueue(state, queued, false);
      this.dispatch(state);
    });
  }

  /** The slot an affinity key lives in (stable for the life of the pool). */
  slotFor(kind: keyof Apis & string, affinity: string): number {
    return homeOf(this.kindState(kind), affinity);
  }

  stats(): PoolStats[] {
    return [...this.kinds.values()].map((state) => ({
      kind: state.name,
      slots: state.slots.length,
      liveWorkers: state.slots.filter((entry) => entry.slot.alive).length,
      running: state.slots.filter((entry) => entry.running).length,
      queued:
        state.shared.length + state.slots.reduce((sum, entry) => sum + entry.pinned.length, 0),
      replaced: state.replaced,
    }));
  }

  /**
   * Refuses new tasks, fails queued ones with 'worker/shutdown', lets running tasks finish for
   * up to `graceMs`, then terminates every worker (tasks still running fail with 'worker/shutdown').
   */
  async shutdown({ graceMs = 1_000 }: { graceMs?: number } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const running: Promise<unknown>[] = [];
    for (const state of this.kinds.values()) {
      for (const task of state.shared.splice(0)) task.reject(shutdownError(state.name));
      for (const entry of state.slots) {
        for (const task of entry.pinned.splice(0)) task.reject(shutdownError(state.name));
        if (entry.running) running.push(settled(entry.running));
      }
    }
    if (running.length > 0) await Promise.race([Promise.all(running), delay(graceMs)]);
    for (const state of this.kinds.values()) {
      for (const entry of state.slots) {
        const task = entry.running;
        this.clearRunning(entry);
        entry.slot.terminate();
        task?.reject(shutdownError(state.name));
      }
    }
  }

  private kindState(kind: string): KindState {
    const state = this.kinds.get(kind);
    if (!state)
      throw new WorkerPoolError('worker/crashed', `No worker kind "${kind}" in this pool.`);
    return state;
  }

  private enqueue(state: KindState, task: QueuedTask, front: boolean): void {
    const { affinity } = task.options;
    const queue =
      affinity === undefined ? state.shared : state.slots[homeOf(state, affinity)]!.pinned;
    if (front) queue.unshift(task);
    else queue.push(task);
  }

  private dispatch(state: KindState): void {
    if (this.closed) return;
    for (const entry of state.slots) {
      if (entry.running) continue;
      const next = takeOldest(entry.pinned, state.shared);
      if (next) this.start(state, entry, next);
    }
  }

  private start(state: KindState, entry: SlotState, task: QueuedTask): void {
    entry.running = task;
    task.attempt += 1;
    const timeoutMs = task.options.timeoutMs ?? this.defaultTimeoutMs;
    if (timeoutMs > 0) {
      entry.timer = setTimeout(
        () => this.fail(state, entry, { reason: 'timeout', timeoutMs }),
        timeoutMs,
      );
    }
    let api: unknown;
    try {
      api = entry.slot.remote();
    } catch (error) {
      // The worker could not even be constructed: nothing to retry into.
      this.clearRunning(entry);
      task.reject(crashedError(state.name, error));
      return;
    }
    Promise.resolve()
      .then(() => task.run(api))
      .then(
        (value) => this.settle(state, entry, task, () => task.resolve(value)),
        (error) => this.settle(state, entry, task, () => task.reject(error)),
      );
  }

  /** A task finished in its worker; ignored when the task was already failed by a crash/timeout. */
  private settle(state: KindState, entry: SlotState, task: QueuedTask, done: () => void): void {
    if (entry.running !== task) return;
    this.clearRunning(entry);
    done();
    this.dispatch(state);
  }

  private onCrash(kind: string, slotIndex: number, generation: number, cause: unknown): void {
    const state = this.kindState(kind);
    const entry = state.slots[slotIndex]!;
    if (entry.slot.generation !== generation || !entry.slot.alive) return;
    this.fail(state, entry, { reason: 'crashed', cause });
  }

  private fail(
    state: KindState,
    entry: SlotState,
    failure: { reason: 'crashed'; cause: unknown } | { reason: 'timeout'; timeoutMs: number },
  ): void {
    const task = entry.running;
    this.clearRunning(entry);
    entry.slot.terminate();
    state.replaced += 1;
    this.options.onWorkerReplaced?.({
      kind: state.name,
      slot: entry.slot.index,
      reason: failure.reason,
    });
    if (task) {
      const retries = task.options.retries ?? 0;
      if (!this.closed && task.attempt <= retries) this.enqueue(state, task, true);
      else
        task.reject(
          failure.reason === 'timeout'
            ? timeoutError(state.name, failure.timeoutMs)
            : crashedError(state.name, failure.cause),
        );
    }
    this.dispatch(state);
  }

  private clearRunning(entry: SlotState): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    entry.running = null;
  }
}

function takeOldest(pinned: QueuedTask[], shared: QueuedTask[]): QueuedTask | undefined {
  if (pinned.length === 0) return shared.shift();
  if (shared.length === 0) return pinned.shift();
  return pinned[0]!.seq < shared[0]!.seq ? pinned.shift() : shared.shift();
}

/** The key's home slot: assigned once, to the slot that is home to the fewest keys so far. */
function homeOf(state: KindState, key: string): number {
  let home = state.homes.get(key);
  if (home === undefined) {
    const load = state.slots.map(() => 0);
    for (const slot of state.homes.values()) load[slot]! += 1;
    home = load.indexOf(Math.min(...load));
    state.homes.set(key, home);
  }
  return home;
}

function settled(task: QueuedTask): Promise<void> {
  return new Promise((resolve) => {
    const { resolve: onValue, reject: onError } = task;
    task.resolve = (value) => {
      onValue(value);
      resolve();
    };
    task.reject = (error) => {
      onError(error);
      resolve();
    };
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
