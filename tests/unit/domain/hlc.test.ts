import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HlcClock, parseHlc } from '../../../src/domain/hlc';

describe('hybrid logical clock', () => {
  it('formats to fixed width so string order is clock order', () => {
    const early = formatHlc({ wall: 999, counter: 5, node: 'b' });
    const late = formatHlc({ wall: 1000, counter: 0, node: 'a' });
    expect(early < late).toBe(true);
    expect(parseHlc(late)).toEqual({ wall: 1000, counter: 0, node: 'a' });
  });

  it('never goes backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 2, maxLength: 200 }),
        (walls) => {
          let index = 0;
          const clock = new HlcClock({
            node: 'n1',
            now: () => walls[Math.min(index++, walls.length - 1)]!,
          });
          let previous = clock.send();
          for (let i = 1; i < walls.length; i++) {
            const next = clock.send();
            expect(compareHlc(next, previous)).toBe(1);
            previous = next;
          }
        },
      ),
    );
  });

  it('stamps after a received remote clock', () => {
    const clock = new HlcClock({ node: 'local', now: () => 1_000 });
    const remote = formatHlc({ wall: 5_000, counter: 7, node: 'remote' });
    clock.recv(remote);
    expect(compareHlc(clock.send(), remote)).toBe(1);
  });

  it('does not adopt a remote clock far in the future beyond the drift limit', () => {
    const clock = new HlcClock({ node: 'local', now: () => 1_000, maxDriftMs: 60_000 });
    clock.recv(formatHlc({ wall: 10 * 86_400_000, counter: 0, node: 'skewed' }));
    expect(parseHlc(clock.send()).wall).toBeLessThanOrEqual(61_000);
  });

  it('applies a server-measured offset to its wall clock', () => {
    const clock = new HlcClock({ node: 'local', now: () => 1_000, offsetMs: 500 });
    expect(parseHlc(clock.send()).wall).toBe(1_500);
  });

  it('orders null before any clock', () => {
    expect(compareHlc(null, formatHlc({ wall: 0, counter: 0, node: 'a' }))).toBe(-1);
    expect(compareHlc(null, null)).toBe(0);
  });
});
