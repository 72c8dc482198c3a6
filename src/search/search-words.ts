// The words of a text as the index sees them: lower-cased runs of characters between
// separators (line breaks, Unicode spaces \p{Z} and punctuation \p{P}, MiniSearch's own
// default). Tokenizing was a fifth of building 10k prompts of ≈ 2 KB: a Unicode-property regex
// split makes the engine test property tables for every character, and lower-casing each word
// afterwards made a second string per word that the index hashed again. Here the text is
// lower-cased once and scanned with a table for ASCII; only other characters go to the regex.

/** One separator character (a whole code point). */
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;

const ASCII_SEPARATOR = new Uint8Array(128).map((_, code) =>
  SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0,
);

/** The words of `text`, lower-cased, in order, with no empty strings. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length;) {
    const code = lower.charCodeAt(i);
    let width = 1;
    let separator: boolean;
    if (code < 128) separator = ASCII_SEPARATOR[code] === 1;
    else {
      const point = lower.codePointAt(i)!;
      if (point > 0xffff) width = 2;
      separator = SEPARATOR.test(String.fromCodePoint(point));
    }
    if (separator) {
      if (start >= 0) words.push(lower.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
    i += width;
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}
