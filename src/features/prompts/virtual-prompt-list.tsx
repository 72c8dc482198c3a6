// A long category (more than VIRTUALIZE_ABOVE prompts) as a virtualized list: only the cards
// in view exist in the DOM, so 10,000 prompts stay a few hundred nodes. Cards here are not
// draggable (dnd-kit cannot measure cards that are not rendered); the move buttons reorder,
// and a prompt dragged from another section can still be dropped on the list (at the top).
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useActiveDragKind } from './board-dnd';
import type { BoardDragData } from './board-dnd';
import { PromptCard } from './prompt-card';
import type { PromptListProps } from './sortable-prompt-list';

const ESTIMATED_CARD_HEIGHT = 92;

export function VirtualPromptList({ categoryId, categoryTitle, prompts, onStep }: PromptListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeKind = useActiveDragKind();
  const listData: BoardDragData = { type: 'prompt-list', title: categoryTitle, categoryId };
  const { setNodeRef: setListRef, isOver } = useDroppable({ id: `list:${categoryId}`, data: listData, disabled: activeKind !== 'prompt' });
  // The compiler cannot memoize around useVirtualizer; this component does not rely on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: prompts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    overscan: 6,
    getItemKey: (index) => prompts[index]!.id,
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={(element) => {
        scrollRef.current = element;
        setListRef(element);
      }}
      className={`prompt-list-scroll${isOver ? ' is-over' : ''}`}
      // Scrollable regions must be reachable by keyboard (axe: scrollable-region-focusable).
      tabIndex={0}
      role="region"
      aria-label={`Prompts in ${categoryTitle}, ${prompts.length.toLocaleString('en')} in all`}
    >
      <ol className="prompt-list prompt-list--virtual" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const prompt = prompts[item.index]!;
          return (
            <PromptCard
              key={prompt.id}
              prompt={prompt}
              ref={virtualizer.measureElement}
              dataIndex={item.index}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              onMoveUp={item.index > 0 ? () => onStep(prompt.id, 'up') : undefined}
              onMoveDown={item.index < prompts.length - 1 ? () => onStep(prompt.id, 'down') : undefined}
            />
          );
        })}
      </ol>
    </div>
  );
}
