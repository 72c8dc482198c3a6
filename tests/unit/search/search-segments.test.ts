import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../src/search/search-documents';
import { SearchIndex } from '../../../src/search/search-index';
import { parseQuery } from '../../../src/search/search-query';
import { requiredTerms, SEGMENT_CAPACITY } from '../../../src/search/search-shard-config';
import { librarySource } from '../../../src/search/search-source-library';
import { createCategory } from '../../../src/db/categories-repository';
import { newRowBase } from '../../../src/db/row-defaults';
import { createStory } from '../../../src/db/stories-repository';
import { insertRows } from '../../../src/db/write-rows';
import { positionsAfter } from '../../../src/domain/ordering';
import { freshDatabase } from './search-fixtures';

const message = (n: number, content: string): SearchDoc => ({
  id: `m${n}`,
  kind: 'message',
  time: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString(),
  storyId: null,
  chatId: 'c',
  tags: [],
  category: null,
  content,
  chatTitle: 'Chat',
});

const ids = (index: SearchIndex, text: string, limit = 8) =>
  index.search(parseQuery(text), limit).map((hit) => hit.id);

describe('short-query rules', () => {
  it('expands only the last word, from 3 letters; typos tolerated from 5 letters', () => {
    const index = SearchIndex.empty('messages');
    index.upsert(message(1, 'the lantern flickers'));
    index.upsert(message(2, 'a lane in the fog'));
    index.upsert(message(3, 'la la land'));
    expect(ids(index, 'la').sort()).toEqual(['m3']); // 2 letters: the word itself only
    expect(ids(index, 'lan').sort()).toEqual(['m1', 'm2', 'm3']);
    expect(ids(index, 'lan fog')).toEqual([]); // a finished word is not a prefix
    expect(ids(index, 'lane fog')).toEqual(['m2']);
    expect(ids(index, 'lanx')).toEqual([]); // 4 letters: no typo tolerance
    expect(ids(index, 'lantren')).toEqual(['m1']); // swapped letters, 7 letters
  });

  it('names the words a segment must hold: exact or as a start, none for typo-tolerant words', () => {
    expect(requiredTerms('Lantern fog la')).toEqual([
      { term: 'fog', prefix: false },
      { term: 'la', prefix: false },
    ]);
    expect(requiredTerms('fog lan')).toEqual([
      { term: 'fog', prefix: false },
      { term: 'lan', prefix: true },
    ]);
  });
});

describe('segments', () => {
  const capacity = SEGMENT_CAPACITY.message;

  it('answers common words from the newest documents and rare ones from all', () => {
    const index = SearchIndex.empty('messages');
    for (let n = 0; n < capacity * 2 + 10; n++)
      index.upsert(message(n, n === 5 ? 'the kraken wakes' : `common words ${n}`));
    const newest = ids(index, 'common');
    expect(newest).toHaveLength(8);
    expect(newest.every((id) => Number(id.slice(1)) >= capacity * 2)).toBe(true);
    expect(ids(index, 'kraken')).toEqual(['m5']);
    expect(ids(index, 'common 7')).toEqual(['m7']);
  });

  it('moves an edited document to the newest segment and survives a save and restore', async () => {
    const index = SearchIndex.empty('messages');
    for (let n = 0; n < capacity + 5; n++) index.upsert(message(n, `common words ${n}`));
    index.upsert(message(3, 'common words edited'));
    expect(ids(index, 'common')).toContain('m3');
    index.remove('m4');
    const saved = (await index.serialize())!;
    const restored = await SearchIndex.restore('messages', saved);
    expect(restored.size).toBe(capacity + 4);
    expect(ids(restored, 'edited')).toEqual(['m3']);
    expect(ids(restored, 'common 4')).toEqual([]);
    restored.upsert(message(9, 'now about a whale'));
    expect(ids(restored, 'whale')).toEqual(['m9']);
    expect(ids(restored, 'common 9')).toEqual([]);
  });
});

describe('a first build from the database', () => {
  it('fills segments oldest first whatever order the ids sort in', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Tides' });
    const category = await createCategory(db, story.id, { title: 'Act One' });
    const count = SEGMENT_CAPACITY.prompt * 2 + 10;
    const positions = positionsAfter(null, count);
    // Random ids: their order has nothing to do with the prompts' times.
    const prompts = Array.from({ length: count }, (_, n) => ({
      ...newRowBase(new Date(Date.UTC(2025, 0, 1) + n * 1000)),
      story_id: story.id,
      category_id: category.id,
      title: n === 5 ? 'the kraken wakes' : `common words ${n}`,
      details: '',
      action_steps: [],
      files: [],
      tags: [],
      position: positions[n]!,
    }));
    await insertRows(db, 'prompts', prompts);
    const index = SearchIndex.empty('library');
    const source = librarySource(db, () => index);
    for (const table of source.tables) await source.reconcile(table);

    expect(index.size).toBe(count + 1); // and the story
    const byTitle = (text: string) =>
      index
        .search(parseQuery(text), 8)
        .filter((hit) => hit.kind === 'prompt')
        .map((hit) => prompts.findIndex((prompt) => prompt.id === hit.id));
    const newest = byTitle('common');
    expect(newest).toHaveLength(8);
    expect(newest.every((n) => n >= SEGMENT_CAPACITY.prompt * 2)).toBe(true);
    expect(byTitle('kraken')).toEqual([5]);
    db.close();
  });
});
