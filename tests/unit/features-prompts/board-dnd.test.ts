import { describe, expect, it } from 'vitest';
import type { Category, Prompt } from '../../../src/domain/entities';
import { resolveDrop } from '../../../src/features/prompts/board-dnd';
import { buildSections } from '../../../src/features/prompts/board-model';

const STORY = '00000000-0000-4000-8000-000000000000';
const now = '2026-01-01T00:00:00.000Z';
const category = (id: string, position: string): Category => ({
  id,
  story_id: STORY,
  title: id.toUpperCase(),
  description: '',
  color: '#2f6f9f',
  position,
  created_at: now,
  updated_at: now,
  deleted: false,
});
const prompt = (id: string, categoryId: string, position: string, tags: string[] = []): Prompt => ({
  id,
  story_id: STORY,
  category_id: categoryId,
  title: id,
  details: '',
  action_steps: [],
  files: [],
  tags,
  position,
  created_at: now,
  updated_at: now,
  deleted: false,
});

const categories = [category('a', 'a1'), category('b', 'a2'), category('c', 'a3')];
const prompts = [
  prompt('p1', 'a', 'a1'),
  prompt('p2', 'a', 'a2', ['x']),
  prompt('p3', 'a', 'a3'),
  prompt('p4', 'a', 'a4', ['x']),
  prompt('q1', 'b', 'a1'),
];
const sections = buildSections(categories, prompts, { tag: null, text: '' });
const asPrompt = (id: string, categoryId: string) => ({
  type: 'prompt' as const,
  title: id,
  categoryId,
});

describe('resolveDrop', () => {
  it('moves a category down past the one it is dropped on, and up before it', () => {
    const cat = { type: 'category' as const, title: '' };
    expect(resolveDrop(sections, { activeId: 'a', active: cat, overId: 'c', over: cat })).toEqual({
      kind: 'category',
      id: 'a',
      targetIndex: 2,
    });
    expect(resolveDrop(sections, { activeId: 'c', active: cat, overId: 'a', over: cat })).toEqual({
      kind: 'category',
      id: 'c',
      targetIndex: 0,
    });
  });

  it('reorders prompts within a category like a sortable list does', () => {
    expect(
      resolveDrop(sections, {
        activeId: 'p1',
        active: asPrompt('p1', 'a'),
        overId: 'p3',
        over: asPrompt('p3', 'a'),
      }),
    ).toEqual({
      kind: 'prompt',
      id: 'p1',
      categoryId: 'a',
      targetIndex: 2,
    });
    expect(
      resolveDrop(sections, {
        activeId: 'p4',
        active: asPrompt('p4', 'a'),
        overId: 'p2',
        over: asPrompt('p2', 'a'),
      }),
    ).toEqual({
      kind: 'prompt',
      id: 'p4',
      categoryId: 'a',
      targetIndex: 1,
    });
  });

  it('puts a prompt dropped on a card of another category before that card, and at the top of an empty list', () => {
    expect(
      resolveDrop(sections, {
        activeId: 'p2',
        active: asPrompt('p2', 'a'),
        overId: 'q1',
        over: asPrompt('q1', 'b'),
      }),
    ).toEqual({
      kind: 'prompt',
      id: 'p2',
      categoryId: 'b',
      targetIndex: 0,
    });
    const emptyList = { type: 'prompt-list' as const, title: 'C', categoryId: 'c' };
    expect(
      resolveDrop(sections, {
        activeId: 'p2',
        active: asPrompt('p2', 'a'),
        overId: 'list:c',
        over: emptyList,
      }),
    ).toEqual({
      kind: 'prompt',
      id: 'p2',
      categoryId: 'c',
      targetIndex: 0,
    });
  });

  it('maps a drop in a filtered list onto the full order (hidden prompts keep their places)', () => {
    const filtered = buildSections(categories, prompts, { tag: 'x', text: '' });
    // Visible: p2, p4. Dropping p2 on p4 puts it after p4 in the full list: p1 p3 p4 p2.
    expect(
      resolveDrop(filtered, {
        activeId: 'p2',
        active: asPrompt('p2', 'a'),
        overId: 'p4',
        over: asPrompt('p4', 'a'),
      }),
    ).toEqual({
      kind: 'prompt',
      id: 'p2',
      categoryId: 'a',
      targetIndex: 3,
    });
  });

  it('ignores drops on itself, on nothing, and of one kind onto the other', () => {
    const cat = { type: 'category' as const, title: '' };
    expect(
      resolveDrop(sections, {
        activeId: 'p1',
        active: asPrompt('p1', 'a'),
        overId: 'p1',
        over: asPrompt('p1', 'a'),
      }),
    ).toBeNull();
    expect(
      resolveDrop(sections, {
        activeId: 'p1',
        active: asPrompt('p1', 'a'),
        overId: 'b',
        over: cat,
      }),
    ).toBeNull();
    expect(
      resolveDrop(sections, {
        activeId: 'a',
        active: cat,
        overId: 'q1',
        over: asPrompt('q1', 'b'),
      }),
    ).toBeNull();
    expect(
      resolveDrop(sections, { activeId: 'a', active: cat, overId: 'x', over: undefined }),
    ).toBeNull();
  });
});
