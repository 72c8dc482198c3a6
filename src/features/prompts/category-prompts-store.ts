// The board's prompts, one Dexie live query per category over the [category_id+position] index
// (rows arrive in position order). Why not one query for the whole story: with 10,000 prompts
// the first section would wait for every row (and its ≈2 KB of details) to be read and
// deserialized, and every edit would read them all again. Per category, the first sections
// render after reading only their own rows, and an edit re-runs only the query of the
// category it touches.
//
// Model: `setCategories` is given the board's category ids in board order. Queries start in
// that order: the first alone (nothing competes with the read the first paint waits for), then
// at most `concurrency` of them waiting for their first result at a time, so the top of the
// board is read first and the rest streams in behind it. A category that leaves
// the list is unsubscribed and forgotten. The snapshot is a new Map on every change, with the
// unchanged categories' arrays kept as they were (so memoized sections can skip re-rendering).
import { liveQuery } from 'dexie';
import type { Subscription } from 'dexie';
import type { Prompt } from '../../domain/entities';
import type { PromptGroups } from './board-model';

export type ReadCategoryPrompts = (categoryId: string) => Promise<Prompt[]>;

export class CategoryPromptsStore {
  private snapshot: PromptGroups = new Map();
  private error: unknown = null;
  private readonly subscriptions = new Map<string, Subscription>();
  /** Categories whose query has started but not yet delivered a first result. */
  private readonly starting = new Set<string>();
  private queue: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly read: ReadCategoryPrompts,
    private readonly concurrency = 2,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PromptGroups => this.snapshot;

  /** The first error a query reported (rethrown by the hook so an error boundary shows it). */
  getError(): unknown {
    return this.error;
  }

  setCategories(ids: readonly string[]): void {
    const wanted = new Set(ids);
    let changed = false;
    for (const [id, subscription] of this.subscriptions) {
      if (wanted.has(id)) continue;
      subscription.unsubscribe();
      this.subscriptions.delete(id);
      this.starting.delete(id);
    }
    // Also rows kept from before a `close()` (another story's board, in the same component).
    for (const id of this.snapshot.keys())
      if (!wanted.has(id)) changed = this.forget(id) || changed;
    this.queue = ids.filter((id) => !this.subscriptions.has(id));
    if (changed) this.emit();
    this.startNext();
  }

  /**
   * Shows edits this tab just committed (committed-rows.ts) without waiting for their
   * categories to be read again. Only a row still in its category at the same position is
   * replaced in place; an insert, a move or a delete changes the list's membership or order
   * and waits for the live query, which re-reads the category after every commit anyway.
   */
  applyCommitted = (rows: readonly Prompt[]): void => {
    let next: Map<string, readonly Prompt[]> | null = null;
    for (const row of rows) {
      if (row.deleted) continue;
      const list = (next ?? this.snapshot).get(row.category_id);
      const index = list?.findIndex((shown) => shown.id === row.id) ?? -1;
      if (!list || index < 0 || list[index]!.position !== row.position) continue;
      if (sameRow(list[index]!, row)) continue;
      next ??= new Map(this.snapshot);
      next.set(row.category_id, list.with(index, row));
    }
    if (!next) return;
    this.snapshot = next;
    this.emit();
  };

  close(): void {
    for (const subscription of this.subscriptions.values()) subscription.unsubscribe();
    this.subscriptions.clear();
    this.starting.clear();
    this.queue = [];
  }

  private startNext(): void {
    const limit = this.snapshot.size === 0 ? 1 : this.concurrency;
    while (this.starting.size < limit && this.queue.length > 0) {
      const id = this.queue.shift()!;
      if (this.subscriptions.has(id)) continue;
      this.starting.add(id);
      const subscription = liveQuery(() => this.read(id)).subscribe({
        next: (rows) => this.deliver(id, rows),
        error: (error: unknown) => {
          this.error ??= error;
          this.starting.delete(id);
          this.snapshot = new Map(this.snapshot); // a new snapshot, so the hook renders and rethrows
          this.emit();
          this.startNext();
        },
      });
      // A closed subscription (unsubscribed while delivering synchronously) is not kept.
      if (!subscription.closed) this.subscriptions.set(id, subscription);
    }
  }

  private deliver(id: string, rows: Prompt[]): void {
    const previous = this.snapshot.get(id);
    const shared = keepUnchanged(previous, rows);
    if ((this.subscriptions.has(id) || this.starting.has(id)) && shared !== previous) {
      const next = new Map(this.snapshot);
      next.set(id, shared);
      this.snapshot = next;
      this.emit();
    }
    if (this.starting.delete(id)) this.startNext();
  }

  private forget(id: string): boolean {
    if (!this.snapshot.has(id)) return false;
    const next = new Map(this.snapshot);
    next.delete(id);
    this.snapshot = next;
    return true;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function sameRow(a: Prompt, b: Prompt): boolean {
  const keys = Object.keys(b) as (keyof Prompt)[];
  if (keys.length !== Object.keys(a).length) return false;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y))
      return false;
  }
  return true;
}

/**
 * `next` with every row equal to its previous version replaced by that version, or the
 * previous array itself when nothing changed. A re-run after one edit then hands React one
 * new row object, so only that card re-renders.
 */
export function keepUnchanged(
  previous: readonly Prompt[] | undefined,
  next: Prompt[],
): readonly Prompt[] {
  if (!previous || previous.length === 0) return next;
  const byId = new Map<string, Prompt>();
  for (const row of previous) byId.set(row.id, row);
  let same = previous.length === next.length;
  const shared = next.map((row, index) => {
    const before = byId.get(row.id);
    if (before && sameRow(before, row)) {
      if (previous[index] !== before) same = false;
      return before;
    }
    same = false;
    return row;
  });
  return same ? previous : shared;
}
