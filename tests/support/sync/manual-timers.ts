// Fake time for the sync engine: backoff timers fire only when a test advances the clock.
import type { Timers } from '../../../src/sync/sync-engine';

export class ManualTimers implements Timers {
  private current: number;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.now()) {
    this.current = start;
  }

  now = (): number => this.current;

  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + ms, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  /** Moves time forward, firing every timer that falls due. */
  advance(ms: number): void {
    this.current += ms;
    for (const [id, timer] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= this.current) {
        this.pending.delete(id);
        timer.callback();
      }
    }
  }

  get scheduled(): number {
    return this.pending.size;
  }
}
