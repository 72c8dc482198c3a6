// Shows a move at once, before the live query brings the written row back, so a dropped card
// does not jump back to its old place for a frame. The patch applies only to the rows it was
// made against: the next live query result (which contains the real write) replaces it.
import { useMemo, useState } from 'react';

interface Pending<T> {
  base: readonly T[] | undefined;
  id: string;
  patch: Partial<T>;
}

export function useOptimisticRows<T extends { id: string }>(
  rows: T[] | undefined,
): [T[] | undefined, (id: string, patch: Partial<T>) => void] {
  const [pending, setPending] = useState<Pending<T> | null>(null);
  const shown = useMemo(() => {
    if (!rows || !pending || pending.base !== rows) return rows;
    return rows.map((row) => (row.id === pending.id ? { ...row, ...pending.patch } : row));
  }, [rows, pending]);
  const apply = (id: string, patch: Partial<T>) => setPending({ base: rows, id, patch });
  return [shown, apply];
}
