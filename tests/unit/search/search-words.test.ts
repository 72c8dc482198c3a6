import { describe, expect, it } from 'vitest';
import { WORD } from '../../../src/search/search-shard-config';
import { wordsOf } from '../../../src/search/search-words';

/**
 * MiniSearch's default word split with each Han, Hiragana or Katakana character a word of its
 * own, lower-cased and accent-folded: what wordsOf must match.
 */
const reference = (text: string) =>
  text
    .toLowerCase()
    .split(/[\n\r\p{Z}\p{P}]+/u)
    .flatMap((word) => word.split(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u))
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

  it('makes each Han, Hiragana or Katakana character a word, as highlighting cuts them', () => {
    const text = '名前は山田です。Mara山田ラーメン';
    expect(wordsOf(text)).toEqual([
      '名',
      '前',
      'は',
      '山',
      '田',
      'で',
      'す',
      'mara',
      '山',
      '田',
      'ラ',
      'ー',
      'メ',
      'ン',
    ]);
    expect(text.toLowerCase().match(WORD)).toEqual(wordsOf(text));
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
