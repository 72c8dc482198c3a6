// The words of a text as the index sees them: lower-cased runs of characters between
// separators (line breaks, Unicode spaces \p{Z} and punctuation \p{P}, MiniSearch's own
// default). Tokenizing was a fifth of building 10k prompts of ≈ 2 KB: a Unicode-property regex
// split makes the engine test property tables for every character, and lower-casing each word
// afterwards made a second string per word that the index hashed again. Here the text is
// lower-cased once and scanned with a table for ASCII; only other characters go to the regex.

// Accents are folded (`café`, `Zoë`, `fenêtre` are the words `cafe`, `zoe`, `fenetre`): a writer
// on an English keyboard or a phone types them without accents and must still find them. Only
// the combining marks of Latin, Greek and Cyrillic letters (U+0300–U+036F) are dropped, so marks
// that change a letter of other scripts (Japanese voicing marks, Indic vowel signs) stay. Only
// words with a non-ASCII character pay for it.

const COMBINING_ACCENT = /[\u0300-\u036f]/g;

/** `word` without Latin, Greek or Cyrillic accents, recomposed (so Hangul syllables stay whole). */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(COMBINING_ACCENT, '').normalize('NFC');
}

// Chinese and Japanese are written without spaces between words: a sentence would be one word,
// found only by its first characters. Each Han, Hiragana or Katakana character is a word of its
// own instead, so `山田` finds `名前は山田です` (every character must be there, as for any words).

/** One separator character (a whole code point). */
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;

/** One character that is a word by itself (see above). */
const SINGLE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

const ASCII_SEPARATOR = new Uint8Array(128).map((_, code) =>
  SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0,
);

const WORD_PART = 0;
const BREAK = 1;
const ALONE = 2;

/** What the non-ASCII character `char` is to a word. */
function kindOf(char: string): number {
  if (SEPARATOR.test(char)) return BREAK;
  return SINGLE.test(char) ? ALONE : WORD_PART;
}

/** The words of `text`, lower-cased and accent-folded, in order, with no empty strings. */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  /** The current word has a non-ASCII character (and may carry accents to fold). */
  let wide = false;
  const push = (end: number) => {
    const word = lower.slice(start, end);
    words.push(wide ? foldAccents(word) : word);
  };
  for (let i = 0; i < lower.length;) {
    const code = lower.charCodeAt(i);
    let width = 1;
    let kind: number;
    if (code < 128) kind = ASCII_SEPARATOR[code] === 1 ? BREAK : WORD_PART;
    else {
      const point = lower.codePointAt(i)!;
      if (point > 0xffff) width = 2;
      kind = kindOf(String.fromCodePoint(point));
    }
    if (kind !== WORD_PART) {
      if (start >= 0) push(i);
      start = -1;
      if (kind === ALONE) words.push(lower.slice(i, i + width));
    } else {
      if (start < 0) {
        start = i;
        wide = false;
      }
      if (code >= 128) wide = true;
    }
    i += width;
  }
  if (start >= 0) push(lower.length);
  return words;
}
