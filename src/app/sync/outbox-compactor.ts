// Runs the outbox compaction (sync/outbox-compaction.ts) in the tab that leads sync, whether
// sync is on or not: once the app is idle after start, then whenever the outbox has grown by
// COMPACT_AFTER_NEW_ENTRIES since the last run (checked every CHECK_INTERVAL_MS with a count,
// which is cheap). Failures are left for the next check: compaction only saves space.
import type { StoryPromptsDatabase } from '../../db/database';
import { whenIdle } from '../../platform/when-idle';
import { compactOutbox } from '../../sync/outbox-compaction';

export const CHECK_INTERVAL_MS = 5 * 60_000;
export const COMPACT_AFTER_NEW_ENTRIES = 200;
const IDLE_TIMEOUT_MS = 10_000;

export interface CompactorTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  whenIdle(run: () => void, timeoutMs: number): () => void;
}

const browserTimers: CompactorTimers = {
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  whenIdle,
};

/** Starts compacting `db`'s outbox in the background; returns the function that stops it. */
export function startOutboxCompactor(
  db: StoryPromptsDatabase,
  timers: CompactorTimers = browserTimers,
): () => void {
  let stopped = false;
  let running = false;
  let countAfterLastRun = 0;
  let cancelIdle = () => {};
  const compact = async () => {
    if (stopped || running) return;
    running = true;
    try {
      await compactOutbox(db);
      countAfterLastRun = await db.changes.count();
    } catch {
      // The next check tries again.
    } finally {
      running = false;
    }
  };
  const check = async () => {
    if (stopped || running) return;
    const count = await db.changes.count().catch(() => countAfterLastRun);
    if (count - countAfterLastRun >= COMPACT_AFTER_NEW_ENTRIES)
      cancelIdle = timers.whenIdle(() => void compact(), IDLE_TIMEOUT_MS);
  };
  cancelIdle = timers.whenIdle(() => void compact(), IDLE_TIMEOUT_MS);
  const interval = timers.setInterval(() => void check(), CHECK_INTERVAL_MS);
  return () => {
    stopped = true;
    cancelIdle();
    timers.clearInterval(interval);
  };
}
