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
// found only by its first characters. A run of Han, Hiragana or Katakana characters is cut into
// overlapping pairs instead (the usual CJK bigrams): `名前は山田です` holds 名前 前は は山 山田 田で
// です, plus its last character す alone, so that every character starts some word. A query cuts
// its runs the same way but without the lone last character (queryWordsOf): `山田` must be the pair
// 山田, not 山 and 田 anywhere in the text. A query of one such character finds every pair it
// starts (search-shard-config.ts makes it a prefix). Membership is by script extensions, so the
// marks kana share (the long-vowel mark ー, the iteration marks) stay inside their run.

/** One separator character (a whole code point). */
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;

/** One character of a CJK run (see above). */
const CJK =
  /^[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]$/u;

const ASCII_SEPARATOR = new Uint8Array(128).map((_, code) =>
  SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0,
);

const WORD_PART = 0;
const BREAK = 1;
const IN_RUN = 2;

/** One Han, Hiragana or Katakana character (a whole code point): paired with its neighbours. */
export function isCjkCharacter(char: string): boolean {
  return CJK.test(char);
}

/** What the non-ASCII character `char` is to a word. */
function kindOf(char: string): number {
  if (SEPARATOR.test(char)) return BREAK;
  return CJK.test(char) ? IN_RUN : WORD_PART;
}

/** The words of `text` as the index holds them: lower-cased, accent-folded, in order, none empty. */
export function wordsOf(text: string): string[] {
  return scanWords(text, true);
}

/** The words of a query: as wordsOf, but a run of CJK characters is only its pairs. */
export function queryWordsOf(text: string): string[] {
  return scanWords(text, false);
}

/** Adds the words of a run of CJK characters: its pairs, and its last character if asked. */
function pushRun(words: string[], run: string[], lastAlone: boolean): void {
  if (run.length === 1) words.push(run[0]!);
  else {
    for (let i = 0; i < run.length - 1; i++) words.push(run[i]! + run[i + 1]!);
    if (lastAlone) words.push(run[run.length - 1]!);
  }
  run.length = 0;
}

function scanWords(text: string, lastAlone: boolean): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  const run: string[] = [];
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
    if (kind === IN_RUN) {
      if (start >= 0) push(i);
      start = -1;
      run.push(lower.slice(i, i + width));
    } else if (run.length > 0) pushRun(words, run, lastAlone);
    if (kind === BREAK) {
      if (start >= 0) push(i);
      start = -1;
    } else if (kind === WORD_PART) {
      if (start < 0) {
        start = i;
        wide = false;
      }
      if (code >= 128) wide = true;
    }
    i += width;
  }
  if (start >= 0) push(lower.length);
  if (run.length > 0) pushRun(words, run, lastAlone);
  return words;
}
