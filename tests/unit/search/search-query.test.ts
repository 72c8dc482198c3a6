import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../../src/search/search-highlight';
import { readMutations } from '../../../src/search/search-mutations';
import { matchesFilters, parseQuery } from '../../../src/search/search-query';

describe('parseQuery', () => {
  it('separates words from tag: and category: filters, quoted or not', () => {
    expect(parseQuery('storm tag:Drama category:"act one" bell')).toEqual({
      text: 'storm bell',
      tags: ['drama'],
      categories: ['act one'],
    });
    expect(parseQuery('tag:')).toEqual({ text: '', tags: [], categories: [] });
    expect(parseQuery('category:"half typed')).toMatchObject({ categories: ['half typed'] });
  });

  it('matches tags by prefix and categories by substring', () => {
    const query = parseQuery('tag:dra category:act');
    expect(matchesFilters(query, ['drama'], 'Act One')).toBe(true);
    expect(matchesFilters(query, ['mystery'], 'Act One')).toBe(false);
    expect(matchesFilters(query, ['drama'], null)).toBe(false);
  });
});

describe('snippetOf', () => {
  it('matches tags and categories whatever their accents, as words are matched', () => {
    expect(matchesFilters(parseQuery('tag:cafe category:scenes'), ['café'], 'Scènes')).toBe(true);
    expect(matchesFilters(parseQuery('tag:café category:scènes'), ['cafe'], 'Scenes')).toBe(true);
    expect(matchesFilters(parseQuery('tag:the'), ['café'], null)).toBe(false);
  });

  it('cuts a passage around the first match with offsets into the passage', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(10)}The lantern flickers in the fog.\n${'More words here. '.repeat(20)}`;
    const snippet = snippetOf(text, new Set(['lantern', 'fog']))!;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.highlights.map(([start, end]) => snippet.text.slice(start, end))).toEqual([
      'lantern',
      'fog',
    ]);
  });

  it('is null when no term occurs', () => {
    expect(snippetOf('nothing here', new Set(['lantern']))).toBeNull();
  });
});

describe('readMutations', () => {
  it('reads single keys, and treats ranges and "all" as whole-table changes', () => {
    const single = {
      'idb://db/prompts/': { from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null },
    };
    expect(readMutations(single, 'db', ['prompts', 'stories'])).toEqual([
      { table: 'prompts', keys: ['b', 'a'] },
    ]);
    const range = { 'idb://db/messages/': { from: -Infinity, to: [[]], d: 1 } };
    expect(readMutations(range, 'db', ['messages'])).toEqual([{ table: 'messages', all: true }]);
    expect(readMutations({ all: { from: -Infinity, to: [[]], d: 1 } }, 'db', ['messages'])).toBe(
      'everything',
    );
    expect(
      readMutations({ 'idb://other/prompts/': { from: 'a', to: 'a', d: 1 } }, 'db', ['prompts']),
    ).toEqual([]);
  });
});
