// Large writes go to IndexedDB slice by slice, with a bounded number of slices issued and not
// yet stored: enough to keep the disk busy, few enough to keep each main-thread task short.
import { describe, expect, it } from 'vitest';
import { writeInSlices } from '../../../src/db/sliced-writes';

/** A write whose completion the test controls, recording how many were outstanding. */
function controlledWrites() {
  const issued: number[][] = [];
  const finishers: (() => void)[] = [];
  let outstanding = 0;
  let mostOutstanding = 0;
  const write = (slice: number[]) => {
    issued.push(slice);
    outstanding += 1;
    mostOutstanding = Math.max(mostOutstanding, outstanding);
    return new Promise<void>((resolve) =>
      finishers.push(() => {
        outstanding -= 1;
        resolve();
      }),
    );
  };
  /** Finishes every issued write, again and again, until `done` settles. */
  const drain = async (done: Promise<void>) => {
    let settled = false;
    void done.finally(() => (settled = true));
    let next = 0;
    while (!settled) {
      while (next < finishers.length) finishers[next++]!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await done;
  };
  return { write, issued, drain, mostOutstanding: () => mostOutstanding };
}

const items = Array.from({ length: 10 }, (_, index) => index);

describe('writing in slices', () => {
  it('writes every item once, in order, in slices of the given size', async () => {
    const writes = controlledWrites();
    await writes.drain(writeInSlices(items, writes.write, 3));
    expect(writes.issued).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
  });

  it.each([1, 2, 4])('keeps at most %i slices issued and not yet stored', async (inFlight) => {
    const writes = controlledWrites();
    const done = writeInSlices(items, writes.write, 1, inFlight);
    // Before any write finishes, exactly `inFlight` slices have gone out.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writes.issued).toHaveLength(inFlight);
    await writes.drain(done);
    expect(writes.issued).toHaveLength(items.length);
    expect(writes.mostOutstanding()).toBe(inFlight);
  });

  it('rejects at once when preparing a slice throws, issuing nothing after it', async () => {
    const issued: number[][] = [];
    const done = writeInSlices(
      items,
      (slice) => {
        // As insertRows validates: synchronously, before the slice's write is issued.
        if (slice.includes(4)) throw new Error('row 4 is invalid');
        issued.push(slice);
        return new Promise<void>(() => {}); // never stored: the rejection must not wait for it
      },
      2,
      4,
    );
    await expect(done).rejects.toThrow('row 4 is invalid');
    expect(issued).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
