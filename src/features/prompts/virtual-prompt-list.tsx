// A long category (more than VIRTUALIZE_ABOVE prompts) as a virtualized list: only the cards
// in view exist in the DOM, so 10,000 prompts stay a few hundred nodes. Cards here are not
// draggable (dnd-kit cannot measure cards that are not rendered); the move buttons reorder,
// and a prompt dragged from another section can still be dropped on the list (at the top).
//
// Kept cheap per keystroke of the filter and per scroll: the virtualizer's options are stable
// between renders (a new `getItemKey` would make it recompute the positions of all 10,000
// rows on every render), rows are memoized on plain values, and card heights come from the
// ResizeObserver only (a mounting card takes its last known height, or the typical one,
// instead of forcing a synchronous layout of the page to measure it). The estimate for cards
// not yet measured is the most common measured height: most cards are alike, so a card that
// scrolls or filters into view rarely resizes, and each resize would make the virtualizer
// recompute every position after it.
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';
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
const VirtualRow = memo(function VirtualRow({
  prompt,
  index,
  start,
  first,
  last,
  measure,
  onStep,
}: VirtualRowProps) {
  return (
    <PromptCard
      prompt={prompt}
      ref={measure}
      dataIndex={index}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        transform: `translateY(${start}px)`,
      }}
      onMoveUp={first ? undefined : () => onStep(prompt.id, 'up')}
      onMoveDown={last ? undefined : () => onStep(prompt.id, 'down')}
    />
  );
});

export function VirtualPromptList({
  categoryId,
  categoryTitle,
  prompts,
  onStep,
  empty,
}: PromptListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Card heights by prompt id, as the ResizeObserver last reported them.
  const heights = useRef(new Map<string, number>());
  // How many cards measured at each height, and the most common one.
  const heightCounts = useRef(new Map<number, number>());
  const typicalHeight = useRef(ESTIMATED_CARD_HEIGHT);
  const activeKind = useActiveDragKind();
  const listData: BoardDragData = { type: 'prompt-list', title: categoryTitle, categoryId };
  const { setNodeRef: setListRef, isOver } = useDroppable({
    id: `list:${categoryId}`,
    data: listData,
    disabled: activeKind !== 'prompt',
  });
  const getItemKey = useCallback((index: number) => prompts[index]!.id, [prompts]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback(() => typicalHeight.current, []);
  const measureElement = useCallback((element: Element, entry: ResizeObserverEntry | undefined) => {
    const id = (element as HTMLElement).dataset.promptId ?? '';
    const box = entry?.borderBoxSize[0];
    if (box) {
      const height = Math.round(box.blockSize);
      heights.current.set(id, height);
      const counts = heightCounts.current;
      const count = (counts.get(height) ?? 0) + 1;
      counts.set(height, count);
      if (count > (counts.get(typicalHeight.current) ?? 0)) typicalHeight.current = height;
      return height;
    }
    return heights.current.get(id) ?? typicalHeight.current;
  }, []);
  // The compiler cannot memoize around useVirtualizer; this component does not rely on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: prompts.length,
    getScrollElement,
    estimateSize,
    measureElement,
    overscan: 6,
    getItemKey,
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
      {prompts.length === 0 ? <p className="prompt-list__empty">{empty}</p> : null}
      <ol
        className="prompt-list prompt-list--virtual"
        style={{ height: virtualizer.getTotalSize() }}
      >
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
