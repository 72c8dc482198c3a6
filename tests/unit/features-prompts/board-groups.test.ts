// The per-category board model: sections built from groups (reused when unchanged, loading
// when a group has not arrived), the cached filter, the tag list, optimistic placements, and
// the store that reads each category with its own live query, top of the board first.
import { afterEach, describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { watchCommittedRows } from '../../../src/db/committed-rows';
import { StoryPromptsDatabase } from '../../../src/db/database';
import { createPrompt, movePrompt, updatePrompt } from '../../../src/db/prompts-repository';
import { listCategoryPrompts } from '../../../src/db/queries';
import { createStory } from '../../../src/db/stories-repository';
import type { Category, Prompt } from '../../../src/domain/entities';
import {
  boardTags,
  createSectionBuilder,
  filterGroup,
  NO_FILTER,
  placePrompts,
} from '../../../src/features/prompts/board-model';
import type { PromptGroups } from '../../../src/features/prompts/board-model';
import {
  CategoryPromptsStore,
  keepUnchanged,
} from '../../../src/features/prompts/category-prompts-store';

const STORY = '00000000-0000-4000-8000-000000000000';
const now = '2026-01-01T00:00:00.000Z';

function category(id: string, position: string): Category {
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

describe('createSectionBuilder', () => {
  const a = category('a', 'a1');
  const b = category('b', 'a2');
  const groupA = [
    prompt('p1', 'a', 'a1', { title: 'Storm' }),
    prompt('p2', 'a', 'a2', { title: 'Calm' }),
  ];

  it('marks categories without a group as loading and reuses unchanged sections', () => {
    const build = createSectionBuilder();
    const first = build([b, a], new Map([['a', groupA]]), NO_FILTER);
    expect(first.map((s) => [s.category.id, s.loading, s.prompts.length])).toEqual([
      ['a', false, 2],
      ['b', true, 0],
    ]);
    const groupB = [prompt('p3', 'b', 'a1')];
    const second = build(
      [b, a],
      new Map<string, Prompt[]>([
        ['a', groupA],
        ['b', groupB],
      ]),
      NO_FILTER,
    );
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.visible).toBe(groupB);
    const filtered = build(
      [b, a],
      new Map<string, Prompt[]>([
        ['a', groupA],
        ['b', groupB],
      ]),
      { tag: null, text: ' STORM' },
    );
    expect(filtered[0]!.visible.map((p) => p.id)).toEqual(['p1']);
    expect(filtered[0]!.prompts).toBe(groupA);
  });

  it('filters by tag and case-insensitive title words', () => {
    const group = [
      prompt('1', 'a', 'a1', { title: 'Dark Lord', tags: ['villain'] }),
      prompt('2', 'a', 'a2', { title: 'Rival', tags: ['villain'] }),
      prompt('3', 'a', 'a3', { title: 'Rival hero' }),
    ];
    expect(filterGroup(group, { tag: 'villain', text: 'riv' }).map((p) => p.id)).toEqual(['2']);
    expect(filterGroup(group, NO_FILTER)).toBe(group);
  });

  it('lists tags of every group', () => {
    const groups: PromptGroups = new Map([
      ['a', [prompt('1', 'a', 'a1', { tags: ['plot'] })]],
      ['b', [prompt('2', 'b', 'a1', { tags: ['arc', 'plot'] })]],
    ]);
    expect(boardTags(groups)).toEqual(['arc', 'plot']);
  });
});

describe('placePrompts', () => {
  const groups: PromptGroups = new Map([
    ['a', [prompt('p1', 'a', 'a1'), prompt('p2', 'a', 'a2')]],
    ['b', [prompt('p3', 'b', 'a1')]],
  ]);

  it('shows a prompt in its new category at its new position and leaves other groups alone', () => {
    const placed = placePrompts(groups, [{ id: 'p1', category_id: 'b', position: 'a0' }]);
    expect(placed.get('a')!.map((p) => p.id)).toEqual(['p2']);
    expect(placed.get('b')!.map((p) => [p.id, p.category_id])).toEqual([
      ['p1', 'b'],
      ['p3', 'b'],
    ]);
    expect(placePrompts(groups, [])).toBe(groups);
  });

  it('is idempotent when the live data already has the move (or only half of it)', () => {
    const half: PromptGroups = new Map([
      ['a', [prompt('p1', 'a', 'a1'), prompt('p2', 'a', 'a2')]],
      ['b', [prompt('p1', 'b', 'a0'), prompt('p3', 'b', 'a1')]],
    ]);
    const placed = placePrompts(half, [{ id: 'p1', category_id: 'b', position: 'a0' }]);
    expect(placed.get('a')!.map((p) => p.id)).toEqual(['p2']);
    expect(placed.get('b')!.map((p) => p.id)).toEqual(['p1', 'p3']);
  });

  it('keeps the moved prompt shown while its old group no longer holds it and its new one not yet', () => {
    // The old category's live query delivered first: for a moment no group has the prompt.
    const between: PromptGroups = new Map([
      ['a', [prompt('p2', 'a', 'a2')]],
      ['b', [prompt('p3', 'b', 'a1')]],
    ]);
    const row = prompt('p1', 'a', 'a1', { title: 'Storm' });
    const placed = placePrompts(between, [{ id: 'p1', category_id: 'b', position: 'a0', row }]);
    expect(placed.get('b')!.map((p) => [p.id, p.title, p.category_id])).toEqual([
      ['p1', 'Storm', 'b'],
      ['p3', 'Prompt p3', 'b'],
    ]);
    expect(placed.get('a')!.map((p) => p.id)).toEqual(['p2']);
  });
});

describe('CategoryPromptsStore', () => {
  let db: StoryPromptsDatabase;
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(check()).toBe(true);
  };

  it('reads each category in board order, a few at a time, and follows edits, moves and removals', async () => {
    db = new StoryPromptsDatabase(`groups-${crypto.randomUUID()}`);
    const story = await createStory(db, { title: 'Story' });
    const cats = [];
    for (const title of ['One', 'Two', 'Three'])
      cats.push(await createCategory(db, story.id, { title }));
    const [one, two, three] = cats as [Category, Category, Category];
    const hero = await createPrompt(db, one.id, { title: 'Hero' });
    await createPrompt(db, two.id, { title: 'Plot' });

    const order: string[] = [];
    let reading = 0;
    let mostAtOnce = 0;
    const store = new CategoryPromptsStore(async (id) => {
      order.push(id);
      mostAtOnce = Math.max(mostAtOnce, ++reading);
      try {
        return await listCategoryPrompts(db, id);
      } finally {
        reading--;
      }
    }, 1);
    const titles = (id: string) =>
      store
        .getSnapshot()
        .get(id)
        ?.map((p) => p.title);
    store.setCategories([three.id, one.id, two.id]);
    await until(() => store.getSnapshot().size === 3);
    expect(order.slice(0, 3)).toEqual([three.id, one.id, two.id]);
    expect(mostAtOnce).toBe(1); // one at a time: the next starts after the first result

    await updatePrompt(db, hero.id, { title: 'Heroine' });
    await until(() => titles(one.id)?.[0] === 'Heroine');
    await movePrompt(db, hero.id, two.id, 0);
    await until(() => titles(two.id)?.join() === 'Heroine,Plot' && titles(one.id)?.length === 0);

    store.setCategories([one.id, two.id]);
    expect(store.getSnapshot().has(three.id)).toBe(false);
    // Closed and reused for another board: the old categories' rows do not linger.
    store.close();
    store.setCategories([three.id]);
    expect([...store.getSnapshot().keys()]).toEqual([]);
    await until(() => store.getSnapshot().has(three.id));
    store.close();
  });

  it("shows this tab's committed edit at once and keeps it through the re-read", async () => {
    db = new StoryPromptsDatabase(`groups-${crypto.randomUUID()}`);
    const story = await createStory(db, { title: 'Story' });
    const one = await createCategory(db, story.id, { title: 'One' });
    const two = await createCategory(db, story.id, { title: 'Two' });
    const hero = await createPrompt(db, one.id, { title: 'Hero' });
    const plot = await createPrompt(db, one.id, { title: 'Plot' });
    let reads = 0; // finished ones
    const store = new CategoryPromptsStore(async (id) => {
      const rows = await listCategoryPrompts(db, id);
      reads++;
      return rows;
    });
    const stopWatching = watchCommittedRows(db, 'prompts', store.applyCommitted);
    store.setCategories([one.id, two.id]);
    await until(() => store.getSnapshot().size === 2);
    const before = store.getSnapshot().get(one.id)!;
    const readsBefore = reads;

    await updatePrompt(db, hero.id, { title: 'Heroine' });
    const patched = store.getSnapshot().get(one.id)!;
    expect(reads).toBe(readsBefore); // shown before the category was read again
    expect(patched.map((p) => p.title)).toEqual(['Heroine', 'Plot']);
    expect(patched[1]).toBe(before[1]); // the other card keeps its row: it does not re-render
    await until(() => reads > readsBefore);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getSnapshot().get(one.id)).toBe(patched); // the re-read found the same rows

    // A move changes two lists' membership: left to the live queries.
    await movePrompt(db, plot.id, two.id, 0);
    expect(store.getSnapshot().get(one.id)).toBe(patched);
    await until(() => store.getSnapshot().get(two.id)?.[0]?.title === 'Plot');
    expect(
      store
        .getSnapshot()
        .get(one.id)!
        .map((p) => p.title),
    ).toEqual(['Heroine']);
    stopWatching();
    store.close();
  });
});

describe('keepUnchanged', () => {
  it('keeps unchanged rows (and the whole array when nothing changed) so only edited cards re-render', () => {
    const before = [prompt('1', 'a', 'a1', { tags: ['x'] }), prompt('2', 'a', 'a2')];
    const reread = before.map((row) => ({ ...row, tags: [...row.tags] }));
    expect(keepUnchanged(before, reread)).toBe(before);
    const edited = [{ ...reread[0]!, title: 'New' }, reread[1]!];
    const shared = keepUnchanged(before, edited);
    expect(shared[0]).toBe(edited[0]);
    expect(shared[1]).toBe(before[1]);
    expect(keepUnchanged(before, [reread[1]!])).toEqual([before[1]]);
  });
});
