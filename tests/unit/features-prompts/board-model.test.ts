import { describe, expect, it } from 'vitest';
import type { Category, Prompt } from '../../../src/domain/entities';
import { positionForMove } from '../../../src/domain/ordering';
import {
  boardTags,
  buildSections,
  indexBesideAnchor,
  indexForStep,
  matchesFilter,
  NO_FILTER,
  stepProgress,
} from '../../../src/features/prompts/board-model';

const STORY = '00000000-0000-4000-8000-000000000000';
const now = '2026-01-01T00:00:00.000Z';

function category(id: string, position: string, extra: Partial<Category> = {}): Category {
  return {
    id,
    story_id: STORY,
    title: id,
    description: '',
    color: '#2f6f9f',
    position,
    created_at: now,
    updated_at: now,
    deleted: false,
    ...extra,
  };
}

function prompt(
  id: string,
  categoryId: string,
  position: string,
  extra: Partial<Prompt> = {},
): Prompt {
  return {
    id,
    story_id: STORY,
    category_id: categoryId,
    title: `Prompt ${id}`,
    details: '',
    action_steps: [],
    files: [],
    tags: [],
    position,
    created_at: now,
    updated_at: now,
    deleted: false,
    ...extra,
  };
}

describe('buildSections', () => {
  it('orders categories and their prompts by position and hides tombstones', () => {
    const sections = buildSections(
      [category('b', 'a2'), category('a', 'a1'), category('gone', 'a0', { deleted: true })],
      [
        prompt('p2', 'a', 'a5'),
        prompt('p1', 'a', 'a3'),
        prompt('p3', 'b', 'a1'),
        prompt('px', 'a', 'a4', { deleted: true }),
        prompt('orphan', 'gone', 'a1'),
      ],
      NO_FILTER,
    );
    expect(sections.map((s) => s.category.id)).toEqual(['a', 'b']);
    expect(sections[0]!.prompts.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(sections[1]!.visible.map((p) => p.id)).toEqual(['p3']);
  });

  it('filters visible prompts by tag and title text but keeps the full list for moves', () => {
    const sections = buildSections(
      [category('a', 'a1')],
      [
        prompt('p1', 'a', 'a1', { tags: ['villain'], title: 'Dark lord' }),
        prompt('p2', 'a', 'a2', { tags: ['hero'] }),
        prompt('p3', 'a', 'a3', { tags: ['villain'], title: 'Rival' }),
      ],
      { tag: 'villain', text: ' riv ' },
    );
    expect(sections[0]!.visible.map((p) => p.id)).toEqual(['p3']);
    expect(sections[0]!.prompts).toHaveLength(3);
  });
});

describe('matchesFilter', () => {
  it('matches titles case-insensitively', () => {
    expect(
      matchesFilter(prompt('p', 'a', 'a1', { title: 'The Storm' }), { tag: null, text: 'storm' }),
    ).toBe(true);
    expect(
      matchesFilter(prompt('p', 'a', 'a1', { title: 'The Storm' }), { tag: 'x', text: '' }),
    ).toBe(false);
  });
});

describe('boardTags', () => {
  it('lists each tag once, alphabetically, ignoring deleted prompts', () => {
    expect(
      boardTags([
        prompt('1', 'a', 'a1', { tags: ['plot', 'arc'] }),
        prompt('2', 'a', 'a2', { tags: ['arc'] }),
        prompt('3', 'a', 'a3', { tags: ['zzz'], deleted: true }),
      ]),
    ).toEqual(['arc', 'plot']);
  });
});

describe('moves', () => {
  const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

  it('places a prompt before or after an anchor in the list as it looks after the move', () => {
    expect(indexBesideAnchor(list, 'd', 'b', 'before')).toBe(1);
    expect(indexBesideAnchor(list, 'a', 'c', 'after')).toBe(2);
    expect(indexBesideAnchor(list, 'x', 'd', 'after')).toBe(4);
  });

  it('steps over the neighbour that is visible, skipping filtered-out prompts', () => {
    const visible = [{ id: 'a' }, { id: 'c' }];
    expect(indexForStep(list, visible, 'c', 'up')).toBe(0);
    expect(indexForStep(list, visible, 'a', 'down')).toBe(2);
    expect(indexForStep(list, visible, 'a', 'up')).toBeNull();
    expect(indexForStep(list, visible, 'c', 'down')).toBeNull();
  });

  it('gives a fractional key that really lands the item where the step said', () => {
    const rows = [
      { id: 'a', position: 'a0' },
      { id: 'b', position: 'a1' },
      { id: 'c', position: 'a2' },
    ];
    const target = indexForStep(rows, rows, 'c', 'up')!;
    const key = positionForMove(rows, 'c', target);
    expect(key > 'a0' && key < 'a1').toBe(true);
  });
});

describe('stepProgress', () => {
  it('counts done and total action steps', () => {
    const steps = [
      { id: '1', text: 'a', done: true },
      { id: '2', text: 'b', done: false },
    ];
    expect(stepProgress({ action_steps: steps })).toEqual({ done: 1, total: 2 });
  });
});
