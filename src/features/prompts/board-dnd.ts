// Drag and drop on the board (dnd-kit). Two kinds of draggable share one DndContext:
// categories (sortable sections) and prompts (sortable cards, which may cross into another
// section). While one kind is dragged the other kind's drop targets are disabled, so the
// keyboard sensor and collision detection only ever see targets of the right kind.
import { closestCenter, pointerWithin } from '@dnd-kit/core';
import type { Announcements, CollisionDetection, DroppableContainer } from '@dnd-kit/core';
import { createContext, useContext } from 'react';
import { indexBesideAnchor } from './board-model';
import type { BoardSection } from './board-model';

export type DragKind = 'category' | 'prompt';

/** What each draggable / droppable carries in its dnd-kit `data`. */
export type BoardDragData =
  | { type: 'category'; title: string }
  | { type: 'prompt'; title: string; categoryId: string }
  | { type: 'prompt-list'; title: string; categoryId: string };

export const ActiveDragKindContext = createContext<DragKind | null>(null);

export function useActiveDragKind(): DragKind | null {
  return useContext(ActiveDragKindContext);
}

function dataOf(
  container: { data: { current?: unknown } } | null | undefined,
): BoardDragData | undefined {
  return container?.data.current as BoardDragData | undefined;
}

/**
 * Prompts: the card under the pointer; in a gap of a list, the nearest card of that list; an
 * empty list itself. Without a pointer (keyboard) the nearest target. Categories: nearest.
 */
export const boardCollisions: CollisionDetection = (args) => {
  if (dataOf(args.active)?.type !== 'prompt') return closestCenter(args);
  const hits = pointerWithin(args);
  const containerOf = (id: unknown) => args.droppableContainers.find((c) => c.id === id);
  const cardHit = hits.find((hit) => dataOf(containerOf(hit.id))?.type === 'prompt');
  if (cardHit) return [cardHit];
  const listHit = hits.find((hit) => dataOf(containerOf(hit.id))?.type === 'prompt-list');
  if (listHit) {
    const listData = dataOf(containerOf(listHit.id));
    const listCategory = listData && listData.type !== 'category' ? listData.categoryId : undefined;
    const cards = args.droppableContainers.filter((c: DroppableContainer) => {
      const data = dataOf(c);
      return data?.type === 'prompt' && data.categoryId === listCategory;
    });
    return cards.length > 0 ? closestCenter({ ...args, droppableContainers: cards }) : [listHit];
  }
  return closestCenter(args);
};

export type BoardMove =
  | { kind: 'category'; id: string; targetIndex: number }
  | { kind: 'prompt'; id: string; categoryId: string; targetIndex: number };

interface DropInput {
  activeId: string;
  active: BoardDragData | undefined;
  overId: string;
  over: BoardDragData | undefined;
}

/** Turns a finished drag into the one move to write, or null when nothing changes. */
export function resolveDrop(sections: readonly BoardSection[], input: DropInput): BoardMove | null {
  const { activeId, active, overId, over } = input;
  if (!active || !over || activeId === overId) return null;
  if (active.type === 'category' && over.type === 'category') {
    const order = sections.map((section) => section.category);
    const from = order.findIndex((c) => c.id === activeId);
    const to = order.findIndex((c) => c.id === overId);
    if (from < 0 || to < 0) return null;
    return {
      kind: 'category',
      id: activeId,
      targetIndex: indexBesideAnchor(order, activeId, overId, from < to ? 'after' : 'before'),
    };
  }
  if (active.type !== 'prompt' || over.type === 'category') return null;
  const target = sections.find((section) => section.category.id === over.categoryId);
  if (!target) return null;
  if (over.type === 'prompt-list')
    return { kind: 'prompt', id: activeId, categoryId: target.category.id, targetIndex: 0 };
  let place: 'before' | 'after' = 'before';
  if (active.categoryId === over.categoryId) {
    const from = target.visible.findIndex((p) => p.id === activeId);
    const to = target.visible.findIndex((p) => p.id === overId);
    place = from >= 0 && from < to ? 'after' : 'before';
  }
  const targetIndex = indexBesideAnchor(target.prompts, activeId, overId, place);
  return { kind: 'prompt', id: activeId, categoryId: target.category.id, targetIndex };
}

function describe(data: BoardDragData | undefined): string {
  if (!data) return 'item';
  if (data.type === 'category') return `category ${data.title}`;
  if (data.type === 'prompt-list') return `the empty list of ${data.title}`;
  return `prompt ${data.title}`;
}

/** Screen reader messages that name things by title, not by id. */
export const boardAnnouncements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${describe(dataOf(active))}.`,
  onDragOver: ({ active, over }) =>
    over
      ? `${describe(dataOf(active))} is over ${describe(dataOf(over))}.`
      : `${describe(dataOf(active))} is not over a drop target.`,
  onDragEnd: ({ active, over }) =>
    over
      ? `Dropped ${describe(dataOf(active))} at ${describe(dataOf(over))}.`
      : `Dropped ${describe(dataOf(active))}; nothing moved.`,
  onDragCancel: ({ active }) => `Cancelled. ${describe(dataOf(active))} is back where it was.`,
};
