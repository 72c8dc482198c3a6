// One HLC per database connection. The node id is random per connection (each tab and each
// worker is its own node), so two contexts of one device never mint the same timestamp.
// Before stamping a field, writers fold in the field's stored HLC (see write-rows.ts), so a
// later edit always carries a higher clock than the one it replaces, across tabs too.
import { HlcClock } from '../domain/hlc';

const clocks = new WeakMap<object, HlcClock>();

function randomNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function clockFor(database: object, now?: () => number): HlcClock {
  let clock = clocks.get(database);
  if (!clock) {
    clock = new HlcClock({ node: randomNodeId(), now });
    clocks.set(database, clock);
  }
  return clock;
}

/** Tests and the sync engine (after a clock-ahead refusal) replace the clock. */
export function setClock(database: object, clock: HlcClock): void {
  clocks.set(database, clock);
}
