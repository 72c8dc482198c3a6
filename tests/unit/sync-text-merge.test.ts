import { describe, expect, it } from 'vitest';
import { mergeText } from '../../src/sync/text-merge';

// Each case: base, one side, the other side, expected merge (null = conflict). Run both ways.
const cases: [string, string, string, string, string | null][] = [
  ['disjoint lines', 'a\nb\nc\n', 'A\nb\nc\n', 'a\nb\nC\n', 'A\nb\nC\n'],
  ['same line', 'a\nb\nc\n', 'a\nX\nc\n', 'a\nY\nc\n', null],
  ['identical edits', 'a\nb\n', 'a\nZ\n', 'a\nZ\n', 'a\nZ\n'],
  ['one side unchanged', 'a\nb\n', 'a\nb\n', 'a\nb\nc\n', 'a\nb\nc\n'],
  ['appends at both ends', 'm\n', 'top\nm\n', 'm\nbottom\n', 'top\nm\nbottom\n'],
  ['no trailing newline', 'a\nb\nc', 'A\nb\nc', 'a\nb\nC', 'A\nb\nC'],
  ['from empty base, both write', '', 'one\n', 'two\n', null],
  ['delete vs edit same line', 'a\nb\nc\n', 'a\nc\n', 'a\nB\nc\n', null],
];

describe('three-way text merge', () => {
  for (const [name, base, ours, theirs, expected] of cases) {
    for (const [label, a, b] of [
      ['ours first', ours, theirs],
      ['theirs first', theirs, ours],
    ] as const) {
      it(`${name} (${label})`, () => {
        const result = mergeText(base, a, b);
        if (expected === null) expect(result.clean).toBe(false);
        else expect(result).toEqual({ clean: true, text: expected });
      });
    }
  }
});
