// A category's prompts as a sortable list (up to VIRTUALIZE_ABOVE cards): drag by the handle
// with mouse, touch or keyboard, or use the move buttons.
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import type { Prompt } from '../../domain/entities';
import { useActiveDragKind } from './board-dnd';
import type { BoardDragData } from './board-dnd';
import { DragHandle } from './drag-handle';
import { PromptCard } from './prompt-card';

export interface PromptListProps {
  categoryId: string;
  categoryTitle: string;
  prompts: readonly Prompt[];
  onStep: (promptId: string, direction: 'up' | 'down') => void;
  empty: ReactNode;
}

function SortablePromptCard({
  prompt,
  index,
  count,
  onStep,
}: {
  prompt: Prompt;
  index: number;
  count: number;
  onStep: PromptListProps['onStep'];
}) {
  const activeKind = useActiveDragKind();
  const data: BoardDragData = {
    type: 'prompt',
    title: prompt.title,
    categoryId: prompt.category_id,
  };
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: prompt.id,
    data,
    disabled: { draggable: false, droppable: activeKind === 'category' },
  });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <PromptCard
      prompt={prompt}
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'is-dragging' : undefined}
      handle={
        <DragHandle
          label={`Drag prompt ${prompt.title}`}
          attributes={attributes}
          listeners={listeners}
          setRef={setActivatorNodeRef}
        />
      }
      onMoveUp={index > 0 ? () => onStep(prompt.id, 'up') : undefined}
      onMoveDown={index < count - 1 ? () => onStep(prompt.id, 'down') : undefined}
    />
  );
}

export function SortablePromptList({
  categoryId,
  categoryTitle,
  prompts,
  onStep,
  empty,
}: PromptListProps) {
  const activeKind = useActiveDragKind();
  // The list itself is a drop target only when empty: otherwise its cards are the targets.
  const listData: BoardDragData = { type: 'prompt-list', title: categoryTitle, categoryId };
  const { setNodeRef: setListRef, isOver } = useDroppable({
    id: `list:${categoryId}`,
    data: listData,
    disabled: activeKind !== 'prompt' || prompts.length > 0,
  });
  return (
    <SortableContext
      items={prompts.map((prompt) => prompt.id)}
      strategy={verticalListSortingStrategy}
    >
      <ol
        ref={setListRef}
        className={`prompt-list${isOver ? ' is-over' : ''}`}
        aria-label={`Prompts in ${categoryTitle}`}
      >
        {prompts.map((prompt, index) => (
          <SortablePromptCard
            key={prompt.id}
            prompt={prompt}
            index={index}
            count={prompts.length}
            onStep={onStep}
          />
        ))}
        {prompts.length === 0 ? <li className="prompt-list__empty">{empty}</li> : null}
      </ol>
    </SortableContext>
  );
}
