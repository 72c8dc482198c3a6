// Hybrid logical clock (wall millis, counter, node id) as a fixed-width string, so the
// plain string order is the clock order on the client and in PostgreSQL ("C" collation):
//   000001764128000000-00000-<node id>
// send() stamps a local event; recv() folds in a clock seen from elsewhere so the next local
// stamp is later than anything this device has seen. A remote clock far in the future is
// folded in only up to `maxDriftMs` ahead of our wall clock, so one bad clock cannot drag
// every device forward.

const WALL_DIGITS = 18;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export interface HlcParts {
  wall: number;
  counter: number;
  node: string;
}

export function formatHlc({ wall, counter, node }: HlcParts): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(hlc: string): HlcParts {
  const [wall, counter, ...node] = hlc.split('-');
  const parts = { wall: Number(wall), counter: Number(counter), node: node.join('-') };
  if (!Number.isSafeInteger(parts.wall) || !Number.isSafeInteger(parts.counter) || !parts.node) {
    throw new Error(`Not a hybrid logical clock value: ${hlc}`);
  }
  return parts;
}

export function compareHlc(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  return a < b ? -1 : 1;
}

export function maxHlc(a: string | null | undefined, b: string | null | undefined): string | null {
  return compareHlc(a, b) >= 0 ? (a ?? null) : (b ?? null);
}

export interface HlcClockOptions {
  node: string;
  now?: () => number;
  /** A remote clock further ahead than this is not adopted beyond it. */
  maxDriftMs?: number;
  /** Shifts our wall clock (a server-measured offset when the local clock is wrong). */
  offsetMs?: number;
}

export class HlcClock {
  private wall = 0;
  private counter = 0;
  readonly node: string;
  private readonly now: () => number;
  private readonly maxDriftMs: number;
  offsetMs: number;

  constructor(options: HlcClockOptions) {
    this.node = options.node;
    this.now = options.now ?? Date.now;
    this.maxDriftMs = options.maxDriftMs ?? 60_000;
    this.offsetMs = options.offsetMs ?? 0;
  }

  private physical(): number {
    return Math.floor(this.now() + this.offsetMs);
  }

  /** A new timestamp for a local event, later than every timestamp seen so far. */
  send(): string {
    const physical = this.physical();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bump();
    }
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Folds in a clock value seen from another device or the server. */
  recv(remote: string): void {
    const { wall, counter } = parseHlc(remote);
    const cappedWall = Math.min(wall, this.physical() + this.maxDriftMs);
    if (cappedWall > this.wall) {
      this.wall = cappedWall;
      this.counter = cappedWall === wall ? counter : 0;
    } else if (cappedWall === this.wall) {
      this.counter = Math.max(this.counter, counter);
    }
  }

  /** The latest timestamp issued or seen, for persisting across restarts. */
  last(): string {
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  private bump(): void {
    if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      this.wall += 1;
      this.counter = 0;
    }
  }
}
