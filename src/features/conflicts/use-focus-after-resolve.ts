// A resolved conflict's card leaves the live list, and with it the button that had focus: the
// browser would drop a keyboard writer back at the start of the page. Instead the card that
// took its place (or the last one, or "No conflicts") gets focus, so the writer goes on from
// where they were.
import { useCallback, useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export const CONFLICT_HEADING_SELECTOR = '.conflict-card__title';

/** Returns `resolving(id, index)`: call it when the writer chooses on the card at `index`. */
export function useFocusAfterResolve(
  conflicts: readonly { id: string }[] | undefined,
  list: RefObject<HTMLElement | null>,
  empty: RefObject<HTMLElement | null>,
): (id: string, index: number) => void {
  const pending = useRef<{ id: string; index: number } | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (!target || !conflicts || conflicts.some((conflict) => conflict.id === target.id)) return;
    pending.current = null;
    // Only when focus went down with the card: never pull it away from where the writer moved.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    if (conflicts.length === 0) return empty.current?.focus();
    const headings = list.current?.querySelectorAll<HTMLElement>(CONFLICT_HEADING_SELECTOR);
    headings?.[Math.min(target.index, headings.length - 1)]?.focus();
  }, [conflicts, list, empty]);
  return useCallback((id: string, index: number) => {
    pending.current = { id, index };
  }, []);
}
