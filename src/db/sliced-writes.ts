// Large writes inside one transaction, slice by slice. Dexie issues every put of a bulk call
// synchronously, so 500 pulled prompts or 1,000 imported messages were one main-thread task of
// structured cloning (tens of milliseconds). Here the next slice is issued before the previous
// one is awaited: the disk stays busy, and the main thread gets a turn between slices.

/**
 * The rows per slice: a few milliseconds of cloning each. The first two slices go out in one
 * task (with whatever prepared them): at 125 pulled prompts that task reached 50–62 ms in a
 * first sync of 10k prompts (B13); at 64 the longest task was 20–34 ms, at the same rows/s.
 */
export const WRITE_SLICE = 64;

/**
 * Slices written at once by default: the next is issued while the previous is still being
 * stored. Every slice issued before the first await goes out in one task, so more than two
 * would lengthen that task (B13's long-task limit).
 */
export const SLICES_IN_FLIGHT = 2;

/**
 * Calls `write` for each slice of `items` in order (call it inside a transaction), with at most
 * `inFlight` slices issued and not yet stored. A throw from `write` (a validation error) rejects
 * at once; the transaction then aborts every slice.
 */
export async function writeInSlices<T>(
  items: readonly T[],
  write: (slice: T[]) => Promise<unknown>,
  size = WRITE_SLICE,
  inFlight = SLICES_IN_FLIGHT,
): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (let start = 0; start < items.length; start += size) {
    const written = write(items.slice(start, start + size));
    // If a later slice throws first, this one fails with the aborted transaction: handled here.
    written.catch(() => undefined);
    pending.push(written);
    if (pending.length >= inFlight) await pending.shift();
  }
  await Promise.all(pending);
}
