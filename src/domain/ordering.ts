// Order of categories, prompts and action steps as fractional index strings
// (fractional-indexing): moving an item writes only that item's key, so two devices that
// reorder concurrently never collide on positions and no renumbering is ever needed.
// Ties (two devices inserting at the same spot) are broken by id, the same everywhere.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export interface Positioned {
  id: string;
  position: string;
}

export function comparePositioned(a: Positioned, b: Positioned): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByPosition<T extends Positioned>(items: readonly T[]): T[] {
  return [...items].sort(comparePositioned);
}

/** Key after the last item of an already sorted list. */
export function positionAtEnd(sorted: readonly Positioned[]): string {
  return generateKeyBetween(sorted.at(-1)?.position ?? null, null);
}

export function positionAtStart(sorted: readonly Positioned[]): string {
  return generateKeyBetween(null, sorted[0]?.position ?? null);
}

/**
 * The key that puts `movingId` at `targetIndex` of the sorted list (indexes as the list
 * looks after the move, like a drag-and-drop library reports them).
 */
export function positionForMove(
  sorted: readonly Positioned[],
  movingId: string,
  targetIndex: number,
): string {
  const others = sorted.filter((item) => item.id !== movingId);
  const index = Math.max(0, Math.min(targetIndex, others.length));
  const before = others[index - 1]?.position ?? null;
  let after = others[index]?.position ?? null;
  if (before !== null && after !== null && before >= after) {
    // Neighbours share a key (two devices inserted at the same spot). No key fits between
    // equal keys, so the item lands right after that group: before the next larger key.
    after = others.slice(index).find((item) => item.position > before)?.position ?? null;
  }
  return generateKeyBetween(before, after);
}

/** `count` keys in order, for bulk imports. */
export function positionsAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count);
}
