// MiniSearch settings of each shard. A stored index is only usable with the exact settings it
// was built with, so any change here must bump SEARCH_INDEX_FORMAT (stored indexes then count as
// outdated and are rebuilt in the background).
import type { Options, SearchOptions } from 'minisearch';
import type { SearchDoc } from './search-documents';
import type { TermRequirement } from './search-minisearch';
import type { SearchKind, ShardName } from './search-types';
import { foldAccents, isCjkCharacter, queryWordsOf, wordsOf } from './search-words';

// 4: words are accent-folded; 5: each Han, Hiragana or Katakana character is a word;
// 6: runs of those characters are indexed as overlapping pairs (search-words.ts).
export const SEARCH_INDEX_FORMAT = 6;

/**
 * Most documents of one kind per index segment (see search-index.ts). A query reads segments
 * newest first and stops once it has enough hits, so its cost is bounded by a segment's size for
 * common words; rare words read every segment, which costs little per segment. Measured at 10k
 * prompts (≈2 KB) and 100k messages (≈400 B): larger segments make 3-letter prefixes slow,
 * smaller ones make rare and misspelt words slow (each segment repeats the fuzzy term lookup).
 */
export const SEGMENT_CAPACITY: Record<SearchKind, number> = {
  story: 1_000,
  prompt: 1_000,
  message: 4_000,
};

/** Quiet time before a shard saves itself: saving the messages shard blocks its worker for a while. */
export const PERSIST_DELAY_MS: Record<ShardName, number> = { library: 2_000, messages: 20_000 };

/**
 * A word of a text with its offset, for highlighting (search-highlight.ts): one Han, Hiragana
 * or Katakana character (the index pairs neighbours of these, search-words.ts), or a run of
 * other characters that are not line breaks, spaces or punctuation.
 */
export const WORD =
  /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]|[^\n\r\p{Z}\p{P}\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]+/gu;

/** A word of the text as the index holds it (the same lower-casing and folding as wordsOf). */
export function normalizeTerm(term: string): string {
  const lower = term.toLowerCase();
  // Highlighting calls this for every word of a snippet: plain ASCII has no accents to fold.
  return NON_ASCII.test(lower) ? foldAccents(lower) : lower;
}

const NON_ASCII = /[^ -~\s]/;

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
    // wordsOf lower-cases as it splits (search-words.ts), so there is nothing left to process.
    tokenize: (text) => wordsOf(text),
    processTerm: (term) => term || null,
  };
}

/** Shortest word that also matches as the start of longer words (only the word being typed). */
export const PREFIX_MIN_LENGTH = 3;

/** Edits a word may be off by: none below 5 letters, one from 5, two from 7. */
export function typoTolerance(term: string): number {
  return term.length >= 7 ? 2 : term.length >= 5 ? 1 : 0;
}

/**
 * Every word must match (AND narrows as the writer types). Only the last word, the one being
 * typed, also matches as the start of longer words, and only from 3 letters: a 1–2 letter prefix
 * expands to a large share of the vocabulary and costs seconds at 100k messages (measured: "c"
 * 2 s, "co" 1.3 s), and the words before it are finished (a space followed them). Words of 5+
 * letters tolerate one typo, words of 7+ two (a swapped pair of letters, the commonest typo, is
 * two edits); a one-edit neighbourhood of a 4-letter word is a good part of the vocabulary and
 * mostly noise.
 */
export function searchOptions(shard: ShardName): SearchOptions {
  return {
    tokenize: (text) => queryWordsOf(text),
    processTerm: (term) => term || null,
    boost: BOOSTS[shard],
    prefix: (term, index, terms) => isPrefixWord(term, index, terms.length),
    fuzzy: (term) => typoTolerance(term) || false,
    combineWith: 'AND',
  };
}

function isPrefixWord(term: string, index: number, count: number): boolean {
  // One CJK character typed alone is held by the index as the first half of the pairs it
  // starts, so it matches as a start wherever it stands (a few hundred pairs at most).
  return (index === count - 1 && term.length >= PREFIX_MIN_LENGTH) || isCjkCharacter(term);
}

/**
 * The words of `text` that must be in a segment, as typed or as a start, for the query to match
 * anything there; words that tolerate typos may match other words, so they require nothing.
 */
export function requiredTerms(text: string): TermRequirement[] {
  const terms = queryWordsOf(text);
  return terms.flatMap((term, index) =>
    typoTolerance(term) > 0 ? [] : [{ term, prefix: isPrefixWord(term, index, terms.length) }],
  );
}
