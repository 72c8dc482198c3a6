// Shows moves at once, before the live query brings the written rows back, so a dropped card
// does not jump back to its old place for a frame, and queues the writes one after another
// so each move is computed by the repository against the order the previous one left.
//
// Model: each move is a patch over the live rows. A patch shows while its write is pending,
// and after the write settles until the live query delivers a new result (which contains the
// write, or — if it failed — the stored truth).
import { useEffect, useMemo, useRef, useState } from 'react';

interface Patch<T> {
  key: number;
  id: string;
  fields: Partial<T>;
  /** The rows on screen when the write settled; undefined while the write is pending. */
  settledOn?: readonly T[] | undefined;
  settled: boolean;
}

export interface OptimisticRows<T> {
  rows: T[] | undefined;
  /** Shows `fields` on row `id` at once and runs `write` after every earlier queued write. */
  apply: (id: string, fields: Partial<T>, write: () => Promise<unknown>) => void;
  /** True while a queued write has not finished (for aria-busy and tests). */
  saving: boolean;
}

export function useOptimisticRows<T extends { id: string }>(
  rows: T[] | undefined,
): OptimisticRows<T> {
  const [patches, setPatches] = useState<Patch<T>[]>([]);
  const latestRows = useRef(rows);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const nextKey = useRef(1);
  useEffect(() => {
    latestRows.current = rows;
  }, [rows]);

  const shown = useMemo(() => {
    const live = patches.filter((patch) => !patch.settled || patch.settledOn === rows);
    if (!rows || live.length === 0) return rows;
    return rows.map((row) =>
      live.reduce((acc, patch) => (patch.id === row.id ? { ...acc, ...patch.fields } : acc), row),
    );
  }, [rows, patches]);

  const apply = (id: string, fields: Partial<T>, write: () => Promise<unknown>) => {
    const key = nextKey.current++;
    setPatches((current) => [
      ...current.filter((p) => !p.settled || p.settledOn === latestRows.current),
      { key, id, fields, settled: false },
    ]);
    const settle = () =>
      setPatches((current) =>
        current.map((p) =>
          p.key === key ? { ...p, settled: true, settledOn: latestRows.current } : p,
        ),
      );
    queue.current = queue.current.then(write).then(settle, settle);
  };

  return { rows: shown, apply, saving: patches.some((patch) => !patch.settled) };
}
