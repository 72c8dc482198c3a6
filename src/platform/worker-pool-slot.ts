// One place in a pool where a worker lives. The slot outlives its workers: when a worker crashes
// or hangs the slot terminates it and creates a fresh one on next use, so work pinned to the slot
// (an affinity key) keeps the same home. A generation number tells events of a dead worker
// apart from those of its replacement.
import * as Comlink from 'comlink';
import type { Endpoint, Remote } from 'comlink';

/** What the pool needs of a worker: a Comlink endpoint that can be terminated (a Web Worker). */
export interface PoolWorker extends Endpoint {
  terminate(): void;
}

export type WorkerFactory = () => PoolWorker;

export type WorkerFailure =
  { reason: 'crashed'; cause: unknown } | { reason: 'timeout'; timeoutMs: number };

export class WorkerSlot<Api> {
  private worker: PoolWorker | null = null;
  private remoteApi: Remote<Api> | null = null;
  private detach: (() => void) | null = null;
  generation = 0;

  constructor(
    readonly index: number,
    private readonly create: WorkerFactory,
    private readonly onCrash: (slot: WorkerSlot<Api>, generation: number, cause: unknown) => void,
  ) {}

  get alive(): boolean {
    return this.worker !== null;
  }

  /** The slot's worker, started on first use (workers cost memory: none start before work). */
  remote(): Remote<Api> {
    if (this.remoteApi) return this.remoteApi;
    const worker = this.create();
    const generation = ++this.generation;
    // An error event is an uncaught failure inside the worker (or its script failed to load):
    // its state can no longer be trusted, so it is replaced rather than reused.
    const onError = (event: unknown) => this.onCrash(this, generation, errorCause(event));
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    this.detach = () => {
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
    };
    this.worker = worker;
    this.remoteApi = Comlink.wrap<Api>(worker);
    return this.remoteApi;
  }

  /** Ends the current worker at once; the next `remote()` starts a fresh one. */
  terminate(): void {
    this.detach?.();
    this.detach = null;
    this.worker?.terminate();
    this.worker = null;
    this.remoteApi = null;
  }
}

function errorCause(event: unknown): unknown {
  if (event && typeof event === 'object' && 'message' in event) {
    const { message, filename, lineno } = event as {
      message?: unknown;
      filename?: unknown;
      lineno?: unknown;
    };
    return { message, filename, lineno };
  }
  return event;
}
