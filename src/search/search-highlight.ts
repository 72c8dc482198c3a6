// Finds where matched index terms occur in a text, for <mark> highlighting in the UI. Words are
// cut the way the index cuts them (search-shard-config.ts), so a highlighted word is exactly a
// word the index matched: offsets only, never markup. The index holds runs of CJK characters
// as overlapping pairs (search-words.ts): a character is marked with its right-hand neighbour
// when the pair matched, alone when it matched alone, and touching marks are joined.
import type { HighlightedText } from './search-types';
import { normalizeTerm, WORD } from './search-shard-config';
import { isCjkCharacter } from './search-words';

const SNIPPET_BEFORE = 50;
const SNIPPET_LENGTH = 180;

function matchRanges(
  text: string,
  terms: ReadonlySet<string>,
  from = 0,
  to = text.length,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const mark = (start: number, end: number) => {
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  };
  const word = new RegExp(WORD.source, WORD.flags);
  word.lastIndex = from;
  let previous: RegExpExecArray | null = null;
  for (let match = word.exec(text); match && match.index < to; match = word.exec(text)) {
    const end = Math.min(to, match.index + match[0].length);
    if (
      previous &&
      previous.index + previous[0].length === match.index &&
      isCjkCharacter(previous[0]) &&
      isCjkCharacter(match[0]) &&
      terms.has(normalizeTerm(previous[0] + match[0]))
    )
      mark(previous.index, end);
    if (terms.has(normalizeTerm(match[0]))) mark(match.index, end);
    previous = match;
  }
  return ranges;
}

export function highlightAll(text: string, terms: ReadonlySet<string>): HighlightedText {
  return { text, highlights: matchRanges(text, terms) };
}

/**
 * A passage of about SNIPPET_LENGTH characters around the first match, cut at word boundaries,
 * with "…" where text was left out; null when no term occurs in `text`.
 */
export function snippetOf(text: string, terms: ReadonlySet<string>): HighlightedText | null {
  const first = matchRanges(text, terms, 0, text.length)[0];
  if (!first) return null;
  let start = Math.max(0, first[0] - SNIPPET_BEFORE);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (start > 0) start = nextWordStart(text, start, first[0]);
  if (end < text.length) end = previousWordEnd(text, end, first[1]);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  // Line breaks become spaces one for one, so offsets computed on `text` stay valid.
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const highlights = matchRanges(text, terms, start, end).map(([from, to]): [number, number] => [
    from - start + prefix.length,
    to - start + prefix.length,
  ]);
  return { text: prefix + body + suffix, highlights };
}

function nextWordStart(text: string, at: number, limit: number): number {
  const space = text.slice(at, limit).search(/\s/);
  return space < 0 ? at : at + space + 1;
}

function previousWordEnd(text: string, at: number, minimum: number): number {
  const space = text.slice(minimum, at).search(/\s\S*$/);
  return space < 0 ? at : minimum + space;
}
