// The categories-and-prompts board of one story (route /stories/:storyId/prompts): coloured
// sections in the writer's order, filters, and the forms to add categories and prompts.
// Moves go through one path (`applyMove`): shown at once, then written as one row.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { createCategory } from '../../db/categories-repository';
import { db } from '../../db/instance';
import type { Category } from '../../domain/entities';
import { positionForMove, sortByPosition } from '../../domain/ordering';
import type { BoardMove } from './board-dnd';
import { boardTags, createSectionBuilder, isFiltering, NO_FILTER } from './board-model';
import type { BoardFilter, PromptGroups } from './board-model';
import { BoardToolbar } from './board-toolbar';
import { CategoryBoard } from './category-board';
import { CreateForm } from './create-form';
import { useBoardActions } from './use-board-actions';
import { useBoardData } from './use-board-data';
import { useFocusAfterDelete } from './use-focus-after-delete';
import { useOptimisticPlacements } from './use-optimistic-placements';
import { useOptimisticRows } from './use-optimistic-rows';
import './prompts.css';

function useMoves(categories: Category[] | undefined, groups: PromptGroups) {
  const actions = useBoardActions();
  const shownCategories = useOptimisticRows(categories);
  const shownPrompts = useOptimisticPlacements(groups);
  // One stable callback for every section (so memoized sections skip re-rendering), reading
  // the rows on screen when the move is made.
  const latest = useRef({ actions, shownCategories, shownPrompts });
  useEffect(() => {
    latest.current = { actions, shownCategories, shownPrompts };
  });
  const applyMove = useCallback((move: BoardMove) => {
    const { actions, shownCategories, shownPrompts } = latest.current;
    if (move.kind === 'category') {
      const sorted = sortByPosition(shownCategories.rows ?? []);
      const position = positionForMove(sorted, move.id, move.targetIndex);
      shownCategories.apply(move.id, { position }, () =>
        actions.moveCategory(move.id, move.targetIndex),
      );
      return;
    }
    const siblings = shownPrompts.groups.get(move.categoryId) ?? [];
    const position = positionForMove(siblings, move.id, move.targetIndex);
    shownPrompts.apply({ id: move.id, category_id: move.categoryId, position }, () =>
      actions.movePrompt(move.id, move.categoryId, move.targetIndex),
    );
  }, []);
  return {
    shownCategories: shownCategories.rows,
    shownGroups: shownPrompts.groups,
    saving: shownCategories.saving || shownPrompts.saving,
    applyMove,
  };
}

export function PromptBoardPage() {
  const { storyId = '' } = useParams();
  const { story, categories, groups } = useBoardData(storyId);
  const { shownCategories, shownGroups, saving, applyMove } = useMoves(categories, groups);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const changeFilter = useCallback(
    (change: Partial<BoardFilter>) => setFilter((current) => ({ ...current, ...change })),
    [],
  );
  // Typing in the filter stays responsive with 10k prompts: the list catches up a frame later.
  const deferredFilter = useDeferredValue(filter);
  const [buildSections] = useState(createSectionBuilder);
  const sections = useMemo(
    () => buildSections(shownCategories ?? [], shownGroups, deferredFilter),
    [buildSections, shownCategories, shownGroups, deferredFilter],
  );
  const tags = useMemo(() => boardTags(groups), [groups]);
  const loading = sections.some((section) => section.loading);
  useFocusAfterDelete(!loading && sections.length > 0);

  if (story === null) {
    return (
      <section className="board-page">
        <title>Story not found · Story Prompts</title>
        <h1>Story not found</h1>
        <p>
          It may have been deleted. <Link to="/">Back to your stories</Link>
        </p>
      </section>
    );
  }
  if (story === undefined || !categories) return <p className="page-loading">Loading prompts…</p>;

  return (
    <section className="board-page" aria-labelledby="board-title">
      <title>{`Prompts of ${story.title} · Story Prompts`}</title>
      <header className="board-page__header">
        <p className="board-page__crumb">
          <Link to={`/stories/${storyId}`}>{story.title}</Link>
        </p>
        <h1 id="board-title">Categories and prompts</h1>
      </header>
      <BoardToolbar tags={tags} filter={filter} onChange={changeFilter} />
      {sections.length === 0 ? (
        <p className="board-page__empty">
          No categories yet. Add one below to start collecting prompts.
        </p>
      ) : (
        <CategoryBoard
          sections={sections}
          filtering={isFiltering(deferredFilter)}
          busy={saving || loading}
          onMove={applyMove}
        />
      )}
      <CreateForm
        label="New category title"
        buttonLabel="Add category"
        field="title"
        className="board-page__new-category"
        onCreate={(title) => createCategory(db, storyId, { title })}
      />
    </section>
  );
}
