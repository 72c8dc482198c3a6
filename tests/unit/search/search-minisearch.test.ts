import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { FastAddMiniSearch } from '../../../src/search/search-minisearch';
import { indexOptions } from '../../../src/search/search-shard-config';
import type { SearchDoc } from '../../../src/search/search-documents';

const doc = (id: string, title: string, details: string): SearchDoc => ({
  id,
  kind: 'prompt',
  time: '2025-01-01T00:00:00.000Z',
  storyId: 's',
  chatId: null,
  tags: ['drama'],
  category: 'Act One',
  title,
  details,
  steps: 'Describe the bell. Then the bell again.',
  tagText: 'drama',
});

const docs = [
  doc('a', 'The storm arrives', 'Waves climb the cliffs; the lantern flickers, the lantern dies.'),
  doc('b', 'A letter', '…sealed with wax — wax, again! Storm, storm, storm.'),
  doc('c', '', 'Ünïcode wörds and  double  spaces\nand lines.'),
];

describe('FastAddMiniSearch', () => {
  it('builds exactly the index MiniSearch itself builds', () => {
    const fast = new FastAddMiniSearch<SearchDoc>(indexOptions('library'));
    const plain = new MiniSearch<SearchDoc>(indexOptions('library'));
    for (const d of docs) {
      fast.add(d);
      plain.add(d);
    }
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
  });

  it('stays exact through discards, vacuums and re-adds', async () => {
    const fast = new FastAddMiniSearch<SearchDoc>(indexOptions('library'));
    const plain = new MiniSearch<SearchDoc>(indexOptions('library'));
    for (const index of [fast, plain] as MiniSearch<SearchDoc>[]) {
      for (const d of docs) index.add(d);
      index.discard('b');
      await index.vacuum();
      index.add(doc('b', 'Wax', 'Only wax now.'));
      index.add(doc('d', 'Storm', 'A storm.'));
    }
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
    expect(fast.search('wax').map((hit) => hit.id)).toEqual(['b']);
    expect(fast.search('lantern').map((hit) => hit.id)).toEqual(['a']);
  });
});
