// Shows prompt moves at once over the per-category groups, before the live queries bring the
// written rows back, and queues the writes one after another (each move is computed by the
// repository against the order the previous one left). The grouped sibling of
// use-optimistic-rows.ts, which does the same for flat rows (categories).
//
// Model: each move is a placement (id → category, position) over the live groups. It shows
// while its write is pending; after a successful write, until both the category it left and
// the one it entered have delivered new results (which contain the write); after a failed
// write, no longer (the live groups are the stored truth). Applying a placement the groups
// already contain changes nothing, so a placement that outlives its write is harmless.
import { useEffect, useMemo, useRef, useState } from 'react';
import { placePrompts } from './board-model';
import type { PromptGroups, PromptPlacement } from './board-model';

interface Pending {
  key: number;
  placement: PromptPlacement;
  /** The groups it touches: where the prompt was, and where it goes. */
  from: string | undefined;
  /** Their arrays when the write succeeded; undefined while pending. */
  settledOn?: { from: unknown; to: unknown };
  failed: boolean;
  settled: boolean;
}

export interface OptimisticPlacements {
  groups: PromptGroups;
  /** Shows the placement at once and runs `write` after every earlier queued write. */
  apply: (placement: PromptPlacement, write: () => Promise<boolean>) => void;
  saving: boolean;
}

function stillShown(pending: Pending, groups: PromptGroups): boolean {
  if (!pending.settled) return true;
  if (pending.failed || !pending.settledOn) return false;
  const fromSame =
    pending.from !== undefined && groups.get(pending.from) === pending.settledOn.from;
  const toSame = groups.get(pending.placement.category_id) === pending.settledOn.to;
  return fromSame || toSame;
}

function categoryOf(groups: PromptGroups, promptId: string): string | undefined {
  for (const [categoryId, group] of groups)
    if (group.some((prompt) => prompt.id === promptId)) return categoryId;
  return undefined;
}

export function useOptimisticPlacements(live: PromptGroups): OptimisticPlacements {
  const [pending, setPending] = useState<Pending[]>([]);
  const latest = useRef(live);
  useEffect(() => {
    latest.current = live;
  }, [live]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const nextKey = useRef(1);

  const groups = useMemo(() => {
    const shown = pending.filter((item) => stillShown(item, live));
    return placePrompts(
      live,
      shown.map((item) => item.placement),
    );
  }, [live, pending]);

  const apply = (placement: PromptPlacement, write: () => Promise<boolean>) => {
    const key = nextKey.current++;
    const from = categoryOf(latest.current, placement.id);
    const row =
      from === undefined
        ? undefined
        : latest.current.get(from)?.find((prompt) => prompt.id === placement.id);
    setPending((current) => [
      ...current.filter((item) => stillShown(item, latest.current)),
      { key, placement: { ...placement, row }, from, failed: false, settled: false },
    ]);
    const settle = (ok: boolean) => () =>
      setPending((current) =>
        current.map((item) => {
          if (item.key !== key) return item;
          const now = latest.current;
          const settledOn = {
            from: from === undefined ? undefined : now.get(from),
            to: now.get(placement.category_id),
          };
          return { ...item, settled: true, failed: !ok, settledOn };
        }),
      );
    queue.current = queue.current.then(write).then(
      (ok) => settle(ok)(),
      () => settle(false)(),
    );
  };

  return { groups, apply, saving: pending.some((item) => !item.settled) };
}
