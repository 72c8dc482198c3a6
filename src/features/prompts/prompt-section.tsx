// One category as a coloured, sortable section (seed `PromptSection`): its header, its prompts
// (sortable, or virtualized when long) and the "Add prompt" form.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { CSSProperties } from 'react';
import { createPrompt } from '../../db/prompts-repository';
import { db } from '../../db/instance';
import { useActiveDragKind } from './board-dnd';
import type { BoardDragData, BoardMove } from './board-dnd';
import { indexForStep, stepProgress } from './board-model';
import type { BoardSection } from './board-model';
import { CategoryHeader } from './category-header';
import { CreateForm } from './create-form';
import { DragHandle } from './drag-handle';
import { SortablePromptList } from './sortable-prompt-list';
import { useBoardActions } from './use-board-actions';
import { VirtualPromptList } from './virtual-prompt-list';

/**
 * Above this many prompts a section renders only the cards in view. Decided on the whole
 * category, not on what the filter leaves visible: typing a filter then never swaps a
 * 10,000-row virtual list for a sortable one (and back) between keystrokes.
 */
export const VIRTUALIZE_ABOVE = 100;

export interface PromptSectionProps {
  section: BoardSection;
  index: number;
  count: number;
  filtering: boolean;
  onMove: (move: BoardMove) => void;
}

function totals(prompts: BoardSection['prompts']) {
  let done = 0;
  let total = 0;
  for (const prompt of prompts) {
    const progress = stepProgress(prompt);
    done += progress.done;
    total += progress.total;
  }
  return { done, total };
}

/**
 * A category whose prompts are still being read: its title in its colour and nothing else yet.
 * Cheap on purpose, so a board of 50 categories commits its first sections quickly and each
 * full section (header tools, sortable, list, form) renders when its own prompts arrive.
 */
function LoadingSection({ section }: { section: BoardSection }) {
  const { category } = section;
  return (
    <li
      className="board-section board-section--loading"
      style={{ '--category-color': category.color } as CSSProperties}
      aria-labelledby={`category-${category.id}`}
      data-category-id={category.id}
    >
      <h2 id={`category-${category.id}`} className="board-section__title">
        {category.title}
      </h2>
      <p className="board-section__counts">Loading prompts…</p>
    </li>
  );
}

function PromptSectionView(props: PromptSectionProps) {
  return props.section.loading ? (
    <LoadingSection section={props.section} />
  ) : (
    <LoadedSection {...props} />
  );
}

function LoadedSection({ section, index, count, filtering, onMove }: PromptSectionProps) {
  const { category, prompts, visible } = section;
  const actions = useBoardActions();
  const activeKind = useActiveDragKind();
  const data: BoardDragData = { type: 'category', title: category.title };
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: category.id,
    data,
    disabled: { draggable: false, droppable: activeKind === 'prompt' },
  });
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
    '--category-color': category.color,
  } as CSSProperties;
  const steps = useMemo(() => totals(prompts), [prompts]);

  // Stable for the section's lifetime, so the (memoized) cards do not re-render when the
  // filter changes which prompts are visible; it reads the lists as they are at the click.
  const latest = useRef({ prompts, visible, onMove });
  useEffect(() => {
    latest.current = { prompts, visible, onMove };
  });
  const categoryId = category.id;
  const stepPrompt = useCallback(
    (promptId: string, direction: 'up' | 'down') => {
      const { prompts, visible, onMove } = latest.current;
      const targetIndex = indexForStep(prompts, visible, promptId, direction);
      if (targetIndex !== null) onMove({ kind: 'prompt', id: promptId, categoryId, targetIndex });
    },
    [categoryId],
  );
  const stepCategory = (direction: 'up' | 'down') => () =>
    onMove({
      kind: 'category',
      id: category.id,
      targetIndex: direction === 'up' ? index - 1 : index + 1,
    });
  const ListView = prompts.length > VIRTUALIZE_ABOVE ? VirtualPromptList : SortablePromptList;

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`board-section${isDragging ? ' is-dragging' : ''}`}
      aria-labelledby={`category-${category.id}`}
      data-category-id={category.id}
    >
      <span id={`category-${category.id}`} hidden>
        {category.title}
      </span>
      <CategoryHeader
        category={category}
        promptCount={prompts.length}
        stepsDone={steps.done}
        stepsTotal={steps.total}
        handle={
          <DragHandle
            label={`Drag category ${category.title}`}
            attributes={attributes}
            listeners={listeners}
            setRef={setActivatorNodeRef}
          />
        }
        onRename={(title) => actions.updateCategory(category.id, { title })}
        onDescribe={(description) => actions.updateCategory(category.id, { description })}
        onRecolor={(color) => actions.recolorCategory(category.id, color)}
        onMoveUp={index > 0 ? stepCategory('up') : undefined}
        onMoveDown={index < count - 1 ? stepCategory('down') : undefined}
        onDelete={() => void actions.deleteCategory(category)}
      />
      <ListView
        categoryId={category.id}
        categoryTitle={category.title}
        prompts={visible}
        onStep={stepPrompt}
        empty={filtering ? 'No prompts here match the filter.' : 'No prompts yet.'}
      />
      <CreateForm
        label={`New prompt title`}
        placeholder="New prompt title"
        buttonLabel="Add prompt"
        field="title"
        className="board-section__new-prompt"
        onCreate={(title) => createPrompt(db, category.id, { title })}
      />
    </li>
  );
}

/** Memoized: a section re-renders only when its own category, prompts or filter result change. */
export const PromptSection = memo(PromptSectionView);
