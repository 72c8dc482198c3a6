// MiniSearch settings of each shard. A stored index is only usable with the exact settings it
// was built with, so any change here must bump SEARCH_INDEX_FORMAT (stored indexes then count as
// outdated and are rebuilt in the background).
import type { Options, SearchOptions } from 'minisearch';
import type { SearchDoc } from './search-documents';
import type { ShardName } from './search-types';

export const SEARCH_INDEX_FORMAT = 1;

/** Quiet time before a shard saves itself: saving the messages shard blocks its worker for a while. */
export const PERSIST_DELAY_MS: Record<ShardName, number> = { library: 2_000, messages: 20_000 };

/** MiniSearch's own separators: runs of spaces, line breaks and punctuation. */
export const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
/** The complement, to find the words of a text (and their offsets) the way the index saw them. */
export const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

export function normalizeTerm(term: string): string {
  return term.toLowerCase();
}

const BOOSTS: Record<ShardName, Record<string, number>> = {
  library: {
    title: 3,
    tagText: 2,
    logline: 1.5,
    steps: 1.2,
    category: 1,
    genre: 1,
    details: 1,
    synopsis: 1,
    notes: 0.8,
  },
  messages: { content: 1, chatTitle: 0.5 },
};

const FIELDS: Record<ShardName, string[]> = {
  library: [
    'title',
    'logline',
    'synopsis',
    'genre',
    'notes',
    'details',
    'steps',
    'tagText',
    'category',
  ],
  messages: ['content', 'chatTitle'],
};

const STORED: Record<ShardName, string[]> = {
  library: ['kind', 'storyId', 'tags', 'category'],
  messages: ['kind', 'chatId'],
};

export function indexOptions(shard: ShardName): Options<SearchDoc> {
  return {
    idField: 'id',
    fields: FIELDS[shard],
    storeFields: STORED[shard],
    tokenize: (text) => text.split(SEPARATORS),
    processTerm: (term) => (term ? normalizeTerm(term) : null),
  };
}

/**
 * Every word must match (AND narrows as the writer types). Words of 3+ letters also match as the
 * start of longer words: a 1–2 letter prefix expands to a large share of the vocabulary and costs
 * seconds at 100k messages (measured: "c" 2 s, "co" 1.3 s), so short words match exactly. Words of
 * 4+ letters tolerate one typo, words of 7+ two (a swapped pair of letters, the commonest typo, is
 * two edits).
 */
export function searchOptions(shard: ShardName): SearchOptions {
  return {
    boost: BOOSTS[shard],
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : false),
    combineWith: 'AND',
  };
}
