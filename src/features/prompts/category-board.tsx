// The sortable list of category sections and the single DndContext shared by category and
// prompt drags (so a prompt can be dropped into another section).
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { memo, useMemo, useState } from 'react';
import {
  ActiveDragKindContext,
  boardAnnouncements,
  boardCollisions,
  resolveDrop,
} from './board-dnd';
import type { BoardDragData, BoardMove, DragKind } from './board-dnd';
import type { BoardSection } from './board-model';
import { PromptSection } from './prompt-section';

/**
 * After a keyboard drop, focus goes back to the prompt's drag handle. A prompt dropped into
 * another section is a new card there, and dnd-kit's own focus restore (one frame after the
 * drop) targets the old, detached handle: without this, focus would fall to <body>.
 */
function refocusHandle(promptId: string): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const card = document.querySelector(`[data-prompt-id="${CSS.escape(promptId)}"]`);
      if (card && !card.contains(document.activeElement))
        card.querySelector<HTMLElement>('.drag-handle')?.focus();
    }),
  );
}

export interface CategoryBoardProps {
  sections: BoardSection[];
  filtering: boolean;
  /** A move is still being written, or prompts are still being read: the list is marked busy. */
  busy: boolean;
  onMove: (move: BoardMove) => void;
}

function CategoryBoardView({ sections, filtering, busy, onMove }: CategoryBoardProps) {
  const [active, setActive] = useState<{ kind: DragKind; title: string } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    // A short press delay so a finger can still scroll the board without starting a drag.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const ids = useMemo(() => sections.map((section) => section.category.id), [sections]);
  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as BoardDragData | undefined;
    if (data?.type === 'category' || data?.type === 'prompt')
      setActive({ kind: data.type, title: data.title });
  };
  const onDragEnd = (event: DragEndEvent) => {
    setActive(null);
    if (!event.over) return;
    const move = resolveDrop(sections, {
      activeId: String(event.active.id),
      active: event.active.data.current as BoardDragData | undefined,
      overId: String(event.over.id),
      over: event.over.data.current as BoardDragData | undefined,
    });
    if (!move) return;
    onMove(move);
    if (move.kind === 'prompt' && event.activatorEvent instanceof KeyboardEvent)
      refocusHandle(move.id);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollisions}
      accessibility={{ announcements: boardAnnouncements }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
    >
      <ActiveDragKindContext.Provider value={active?.kind ?? null}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="board-sections" aria-label="Categories" aria-busy={busy || undefined}>
            {sections.map((section, index) => (
              <PromptSection
                key={section.category.id}
                section={section}
                index={index}
                count={sections.length}
                filtering={filtering}
                onMove={onMove}
              />
            ))}
          </ol>
        </SortableContext>
      </ActiveDragKindContext.Provider>
      <DragOverlay>
        {active ? <div className="board-drag-overlay">{active.title}</div> : null}
      </DragOverlay>
    </DndContext>
  );
}

/** Memoized: typing in the filter re-renders the board only once the filtered sections change. */
export const CategoryBoard = memo(CategoryBoardView);
