/**
 * Counting rows waiting to upload stops past this many. A distinct count takes one cursor step
 * per row, and the sync indicator's count re-runs on every write in every tab: uncapped, an
 * outbox of 10,000 imported prompts cost 250–650 ms of IndexedDB work per autosave. Past a
 * thousand, a writer needs "more than 1,000", not the number. A count above the limit means
 * "more than the limit".
 */
export const ROWS_WAITING_COUNT_LIMIT = 1_000;

const numberFormat = new Intl.NumberFormat('en');

/** "1 change", "250 changes", "more than 1,000 changes" (the count stops at the limit). */
export function changesText(rows: number): string {
  if (rows > ROWS_WAITING_COUNT_LIMIT)
    return `more than ${numberFormat.format(ROWS_WAITING_COUNT_LIMIT)} changes`;
  return `${numberFormat.format(rows)} ${rows === 1 ? 'change' : 'changes'}`;
}
