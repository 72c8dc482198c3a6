// A long category (more than VIRTUALIZE_ABOVE prompts) as a virtualized list: only the cards
// in view exist in the DOM, so 10,000 prompts stay a few hundred nodes. Cards here are not
// draggable (dnd-kit cannot measure cards that are not rendered); the move buttons reorder,
// and a prompt dragged from another section can still be dropped on the list (at the top).
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { Prompt } from '../../domain/entities';
import { useActiveDragKind } from './board-dnd';
import type { BoardDragData } from './board-dnd';
import { PromptCard } from './prompt-card';
import type { PromptListProps } from './sortable-prompt-list';

const ESTIMATED_CARD_HEIGHT = 92;

interface VirtualRowProps {
  prompt: Prompt;
  index: number;
  start: number;
  first: boolean;
  last: boolean;
  measure: (element: HTMLLIElement | null) => void;
  onStep: PromptListProps['onStep'];
}

/** Memoized on plain values: scrolling and filtering re-render only the rows that moved. */
const VirtualRow = memo(function VirtualRow({ prompt, index, start, first, last, measure, onStep }: VirtualRowProps) {
  return (
    <PromptCard
      prompt={prompt}
      ref={measure}
      dataIndex={index}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}
      onMoveUp={first ? undefined : () => onStep(prompt.id, 'up')}
      onMoveDown={last ? undefined : () => onStep(prompt.id, 'down')}
    />
  );
});

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
            <VirtualRow
              key={prompt.id}
              prompt={prompt}
              index={item.index}
              start={item.start}
              first={item.index === 0}
              last={item.index === prompts.length - 1}
              measure={virtualizer.measureElement}
              onStep={onStep}
            />
          );
        })}
      </ol>
    </div>
  );
}
