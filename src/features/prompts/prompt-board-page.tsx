// The categories-and-prompts board of one story (route /stories/:storyId/prompts): coloured
// sections in the writer's order, filters, and the forms to add categories and prompts.
// Moves go through one path (`applyMove`): shown at once, then written as one row.
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { createCategory } from '../../db/categories-repository';
import { db } from '../../db/instance';
import type { Category, Prompt } from '../../domain/entities';
import { positionForMove, sortByPosition } from '../../domain/ordering';
import type { BoardMove } from './board-dnd';
import { boardTags, buildSections, isFiltering, NO_FILTER } from './board-model';
import type { BoardFilter } from './board-model';
import { BoardToolbar } from './board-toolbar';
import { CategoryBoard } from './category-board';
import { CreateForm } from './create-form';
import { useBoardActions } from './use-board-actions';
import { useBoardData } from './use-board-data';
import { useOptimisticRows } from './use-optimistic-rows';
import './prompts.css';

function useMoves(categories: Category[] | undefined, prompts: Prompt[] | undefined) {
  const actions = useBoardActions();
  const shownCategories = useOptimisticRows(categories);
  const shownPrompts = useOptimisticRows(prompts);
  const applyMove = (move: BoardMove) => {
    if (move.kind === 'category') {
      const sorted = sortByPosition(shownCategories.rows ?? []);
      const position = positionForMove(sorted, move.id, move.targetIndex);
      shownCategories.apply(move.id, { position }, () => actions.moveCategory(move.id, move.targetIndex));
      return;
    }
    const siblings = sortByPosition((shownPrompts.rows ?? []).filter((p) => p.category_id === move.categoryId));
    const position = positionForMove(siblings, move.id, move.targetIndex);
    shownPrompts.apply(move.id, { category_id: move.categoryId, position }, () =>
      actions.movePrompt(move.id, move.categoryId, move.targetIndex),
    );
  };
  return {
    shownCategories: shownCategories.rows,
    shownPrompts: shownPrompts.rows,
    saving: shownCategories.saving || shownPrompts.saving,
    applyMove,
  };
}

export function PromptBoardPage() {
  const { storyId = '' } = useParams();
  const { story, categories, prompts } = useBoardData(storyId);
  const { shownCategories, shownPrompts, saving, applyMove } = useMoves(categories, prompts);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  // Typing in the filter stays responsive with 10k prompts: the list catches up a frame later.
  const deferredFilter = useDeferredValue(filter);
  const sections = useMemo(
    () => buildSections(shownCategories ?? [], shownPrompts ?? [], deferredFilter),
    [shownCategories, shownPrompts, deferredFilter],
  );
  const tags = useMemo(() => boardTags(prompts ?? []), [prompts]);

  if (story === null) {
    return (
      <section className="board-page">
        <h1>Story not found</h1>
        <p>It may have been deleted. <Link to="/">Back to your stories</Link></p>
      </section>
    );
  }
  if (story === undefined || !categories || !prompts) return <p className="page-loading">Loading prompts…</p>;

  return (
    <section className="board-page" aria-labelledby="board-title">
      <header className="board-page__header">
        <p className="board-page__crumb">
          <Link to={`/stories/${storyId}`}>{story.title}</Link>
        </p>
        <h1 id="board-title">Categories and prompts</h1>
      </header>
      <BoardToolbar tags={tags} filter={filter} onChange={setFilter} />
      {sections.length === 0 ? (
        <p className="board-page__empty">No categories yet. Add one below to start collecting prompts.</p>
      ) : (
        <CategoryBoard sections={sections} filtering={isFiltering(deferredFilter)} saving={saving} onMove={applyMove} />
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
