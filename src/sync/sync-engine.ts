// The sync engine of one device (runs in the leader tab only). A run pushes the outbox oldest
// first until empty, pulls until caught up, then resolves what merges cleanly (and pushes that).
// Runs never overlap: a request during a run queues exactly one more run. Failures that the
// server or network cause back off behind the circuit breaker; every timer is injected so tests
// run on fake time.
import { BehaviorSubject } from 'rxjs';
import type { StoryPromptsDatabase } from '../db/database';
import { countRowsWaitingToUpload } from '../db/queries';
import { ROWS_WAITING_COUNT_LIMIT } from '../domain/rows-waiting';
import { CircuitBreaker } from './circuit-breaker';
import type { CircuitBreakerOptions } from './circuit-breaker';
import { PUSH_BATCH } from './protocol';
import { pullAll } from './pull';
import { pushOnce } from './push';
import type { Reconciler } from './reconcile';
import { reconcileConflicts } from './reconcile';
import { withRecovery } from './recovery';
import type { RecoveryContext } from './recovery';
import { isTransientFailure, SyncTransportError } from './sync-errors';
import { readSyncMeta, writeSyncMeta } from './sync-meta';
import type { SyncStatus, UploadProgress } from './sync-status';
import { INITIAL_SYNC_STATUS } from './sync-status';
import type { SyncTransport } from './sync-transport';
import { AppError, describeError } from '../lib/app-error';
import { appMetrics } from '../lib/app-metrics';

/** Thrown inside a run when stop() was called: the run ends quietly. */
class SyncStoppedError extends AppError {
  constructor() {
    super('sync/stopped', 'Sync was stopped.');
  }
}

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncEngineOptions {
  db: StoryPromptsDatabase;
  transport: SyncTransport;
  reconciler: Reconciler;
  /** Refreshes the session after a 401; false when the writer must sign in again. */
  refreshSession?: () => Promise<boolean>;
  isOnline?: () => boolean;
  timers?: Timers;
  breaker?: CircuitBreakerOptions;
  pullPageSize?: number;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SyncEngine {
  readonly status$ = new BehaviorSubject<SyncStatus>({ ...INITIAL_SYNC_STATUS, phase: 'idle' });
  readonly breaker: CircuitBreaker;
  private readonly options: Required<Omit<SyncEngineOptions, 'breaker' | 'pullPageSize'>> & {
    pullPageSize?: number;
  };
  private running: Promise<void> | null = null;
  private rerun = false;
  private retryTimer: unknown = null;
  private batchLimits: { mutations: number; bytes: number } = { ...PUSH_BATCH };
  private stopped = false;
  private readonly transport: SyncTransport;
  /** The current upload's progress (see SyncStatus.upload); null between uploads. */
  private upload: UploadProgress | null = null;

  constructor(options: SyncEngineOptions) {
    const timers = options.timers ?? realTimers;
    this.options = {
      refreshSession: async () => false,
      isOnline: () => true,
      ...options,
      timers,
    };
    this.breaker = new CircuitBreaker({ now: timers.now, ...options.breaker });
    this.transport = this.stoppable(options.transport);
  }

  /**
   * The transport as the engine uses it: after stop() no request starts, and a reply that
   * arrives after stop() is not applied (the run ends; the outbox keeps everything).
   */
  private stoppable(transport: SyncTransport): SyncTransport {
    const guard = async <T>(call: () => Promise<T>): Promise<T> => {
      if (this.stopped) throw new SyncStoppedError();
      const result = await call();
      if (this.stopped) throw new SyncStoppedError();
      return result;
    };
    return {
      push: (request) => guard(() => transport.push(request)),
      pull: (request) => guard(() => transport.pull(request)),
      ackPull: (request) => guard(() => transport.ackPull(request)),
    };
  }

  /** Runs a sync now (or right after the current one). Resolves when that run is over. */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.runLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no run is in progress (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The network came back: probe at once even if the breaker is waiting. */
  onOnline(): Promise<void> {
    this.breaker.probeNow();
    return this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) this.options.timers.clearTimeout(this.retryTimer);
    this.status$.complete();
  }

  private async runLoop(): Promise<void> {
    do {
      this.rerun = false;
      await this.runOnce();
    } while (this.rerun && !this.stopped);
  }

  private async runOnce(): Promise<void> {
    if (!this.options.isOnline()) return this.emit({ phase: 'offline', message: null });
    const wait = this.breaker.delayUntilNextAttempt();
    if (wait > 0) return this.scheduleRetry(wait, this.status$.value.message);
    const started = performance.now();
    try {
      await this.pushAll();
      await this.pullEverything();
      if ((await reconcileConflicts(this.options.db, this.options.reconciler)) > 0)
        await this.pushAll();
      this.breaker.recordSuccess();
      const now = this.options.timers.now();
      await writeSyncMeta(this.options.db.meta, 'last_synced_at', now);
      await this.emit({ phase: 'idle', lastSyncedAt: now, nextRetryAt: null, message: null });
      appMetrics.recordTiming('sync', performance.now() - started, true);
    } catch (error) {
      if (!(error instanceof SyncStoppedError)) {
        appMetrics.recordTiming('sync', performance.now() - started, false);
        appMetrics.recordError('sync', describeError(error));
      }
      await this.fail(error);
    }
  }

  private recoveryContext(): RecoveryContext {
    return {
      db: this.options.db,
      refreshSession: this.options.refreshSession,
      pullForAck: () => this.pullEverything(),
      shrinkBatches: () => {
        if (this.batchLimits.mutations <= 1) return false;
        this.batchLimits = {
          mutations: Math.ceil(this.batchLimits.mutations / 2),
          bytes: Math.ceil(this.batchLimits.bytes / 2),
        };
        return true;
      },
      now: () => this.options.timers.now(),
    };
  }

  private async pushAll(): Promise<void> {
    const { db } = this.options;
    this.upload = null;
    await this.emit({ phase: 'pushing' });
    for (;;) {
      const sentRows = await withRecovery(
        () => pushOnce(db, this.transport, this.batchLimits),
        this.recoveryContext(),
      );
      if (sentRows === 0) return;
      await this.emit({ phase: 'pushing' }, sentRows);
    }
  }

  private async pullEverything(): Promise<void> {
    const { db, pullPageSize } = this.options;
    await this.emit({ phase: 'pulling', pulledRows: 0 });
    await withRecovery(
      () =>
        pullAll(
          db,
          this.transport,
          (progress) => void this.emit({ phase: 'pulling', pulledRows: progress.rows }),
          pullPageSize,
        ),
      { ...this.recoveryContext(), pullForAck: async () => {} },
    );
  }

  private async fail(error: unknown): Promise<void> {
    if (isTransientFailure(error)) {
      const retryAfter = error instanceof SyncTransportError ? error.retryAfterMs : null;
      const delay = this.breaker.recordFailure(retryAfter);
      return this.scheduleRetry(delay, describeError(error));
    }
    if (error instanceof SyncStoppedError) return;
    const message =
      error instanceof SyncTransportError && error.kind === 'unauthorized'
        ? 'Your session has expired. Sign in again to keep syncing; your changes are saved on this device.'
        : error instanceof SyncTransportError && error.kind === 'client-owned-by-other-user'
          ? "This device's data belongs to another account. Sign in with that account, or replace this device's data from the Account screen. Nothing was uploaded."
          : describeError(error);
    await this.emit({ phase: 'error', message, nextRetryAt: null });
  }

  private async scheduleRetry(delay: number, message: string | null): Promise<void> {
    if (this.retryTimer !== null) this.options.timers.clearTimeout(this.retryTimer);
    const nextRetryAt = this.options.timers.now() + delay;
    this.retryTimer = this.options.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.syncNow();
    }, delay);
    await this.emit({ phase: 'backing-off', nextRetryAt, message });
  }

  /** `sentRows`: rows the server has just confirmed (upload progress). */
  private async emit(patch: Partial<SyncStatus>, sentRows = 0): Promise<void> {
    if (this.stopped) return;
    const { db } = this.options;
    const [pending, deadLetters, lastSyncedAt] = await Promise.all([
      countRowsWaitingToUpload(db),
      db.dead_letters.count(),
      readSyncMeta(db.meta, 'last_synced_at'),
    ]);
    const phase = patch.phase ?? this.status$.value.phase;
    const upload = phase === 'pushing' ? this.trackUpload(pending, sentRows) : null;
    this.status$.next({
      ...this.status$.value,
      lastSyncedAt,
      ...patch,
      pending,
      deadLetters,
      upload,
    });
  }

  /**
   * Upload progress: rows confirmed so far (by a push reply, or by a pull that acknowledged a
   * batch whose reply was lost) of those to send. Rows the writer changes during the upload
   * raise the total; "done" never goes back and equals the total once nothing waits. While
   * more rows wait than are counted, the total is unknown (null) and only "done" grows.
   */
  private trackUpload(waiting: number, sentRows: number): UploadProgress {
    const previous = this.upload;
    let done = (previous?.done ?? 0) + sentRows;
    if (previous?.total != null) done = Math.max(done, previous.total - waiting);
    const total =
      waiting > ROWS_WAITING_COUNT_LIMIT ? null : Math.max(previous?.total ?? 0, done + waiting);
    this.upload = { done, total };
    return this.upload;
  }
}
