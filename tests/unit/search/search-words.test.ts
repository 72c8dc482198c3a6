import { describe, expect, it } from 'vitest';
import { queryWordsOf, wordsOf } from '../../../src/search/search-words';

const CJK_RUN =
  /([\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]+)/u;

/** A run of CJK characters as the index holds it: overlapping pairs, then the last one alone. */
function runWords(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  return [...chars.slice(1).map((char, index) => chars[index]! + char), chars.at(-1)!];
}

/**
 * MiniSearch's default word split, lower-cased and accent-folded, with each run of Han,
 * Hiragana or Katakana characters cut into pairs: what wordsOf must match.
 */
const reference = (text: string) =>
  text
    .toLowerCase()
    .split(/[\n\r\p{Z}\p{P}]+/u)
    .flatMap((word) =>
      word.split(CJK_RUN).flatMap((part) => (CJK_RUN.test(part) ? runWords(part) : [part])),
    )
    .filter(Boolean)
    .map((word) =>
      word
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .normalize('NFC'),
    );

// Letters (ASCII, accented, Greek, CJK), digits, separators of every kind the rule names (ASCII
// punctuation, no-break space, line separator, em dash, CJK full stop, an astral punctuation
// mark), and characters that are not separators although they look like one (tab, emoji, +).
const ALPHABET = [
  ...'abcXYZ09',
  'é',
  'Ü',
  'Σ',
  '語',
  '山',
  '田',
  ...' .,;:!?\'"()-_/',
  '\n',
  '\r',
  '\u00a0',
  '\u2028',
  '—',
  '。',
  '\u{10100}',
  '\t',
  '😀',
  '+',
];

function randomText(seed: number, length: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += ALPHABET[state % ALPHABET.length];
  }
  return text;
}

describe('wordsOf', () => {
  it('splits on line breaks, spaces and punctuation and lower-cases', () => {
    expect(wordsOf('The Storm—arrives!\nWaves,\u00a0waves… (again)')).toEqual([
      'the',
      'storm',
      'arrives',
      'waves',
      'waves',
      'again',
    ]);
  });

  it('keeps characters that are not separators inside words', () => {
    expect(wordsOf('tab\tinside C++ 😀smile')).toEqual(['tab\tinside', 'c++', '😀smile']);
  });

  it('folds Latin, Greek and Cyrillic accents, keeps the marks of other scripts', () => {
    expect(wordsOf('Café Zoë FENÊTRE ά й')).toEqual(['cafe', 'zoe', 'fenetre', 'α', 'и']);
    expect(wordsOf('が 한국')).toEqual(['が', '한국']);
  });

  it('cuts runs of Han, Hiragana or Katakana characters into overlapping pairs', () => {
    const text = '名前は山田です。Mara山田ラーメン 山';
    // The index: every pair, and each run's last character alone (so each character starts a word).
    expect(wordsOf(text)).toEqual([
      '名前',
      '前は',
      'は山',
      '山田',
      '田で',
      'です',
      'す',
      'mara',
      '山田',
      '田ラ', // scripts mix within a run: Han, then Katakana
      'ラー', // the long-vowel mark belongs to kana (by its script extensions)
      'ーメ',
      'メン',
      'ン',
      '山',
    ]);
    // A query: the pairs only, so 山田 means the two characters side by side.
    expect(queryWordsOf(text)).toEqual([
      '名前',
      '前は',
      'は山',
      '山田',
      '田で',
      'です',
      'mara',
      '山田',
      '田ラ',
      'ラー',
      'ーメ',
      'メン',
      '山',
    ]);
    expect(queryWordsOf('Storm 嵐')).toEqual(['storm', '嵐']);
  });

  it('has no empty words at the ends or between separators', () => {
    expect(wordsOf('  ...  ')).toEqual([]);
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf(',a,,b,')).toEqual(['a', 'b']);
  });

  it('matches the Unicode-property split on random text, astral characters included', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, 1 + (seed % 80));
      expect(wordsOf(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
