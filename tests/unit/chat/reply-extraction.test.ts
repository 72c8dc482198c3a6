// Reply → action steps (each markdown list item, nested, numbered, task boxes; never code) and
// reply → prompt (title from the first heading or line, the reply as details).
import { describe, expect, it } from 'vitest';
import {
  extractListItems,
  plainInline,
  promptFromReply,
} from '../../../src/features/chat/reply-extraction';

describe('extractListItems', () => {
  it.each([
    ['bullets', '- one\n* two\n+ three', ['one', 'two', 'three']],
    [
      'numbered',
      '1. Open on the docks\n2) Mara hides the letter\n10. End',
      ['Open on the docks', 'Mara hides the letter', 'End'],
    ],
    [
      'nested',
      '- Act one\n  - Inciting incident\n    1. The storm\n- Act two',
      ['Act one', 'Inciting incident', 'The storm', 'Act two'],
    ],
    [
      'checkboxes',
      '- [ ] Draft the scene\n- [x] Name the ship\n* [X] Done too',
      ['Draft the scene', 'Name the ship', 'Done too'],
    ],
    [
      'emphasis and links',
      '- **Raise** the _stakes_ with [a map](https://x.test) and `code`',
      ['Raise the stakes with a map and code'],
    ],
    [
      'continuation lines',
      '- A long item\n  that wraps\n- Next',
      ['A long item that wraps', 'Next'],
    ],
    ['prose around lists', 'Here are ideas:\n\n- Idea\n\nThat is all.', ['Idea']],
    ['no list', 'Just prose.\nMore prose.', []],
  ])('%s', (_name, markdown, expected) => {
    expect(extractListItems(markdown)).toEqual(expected);
  });

  it('ignores lists inside code fences, rules and empty items', () => {
    expect(extractListItems('```\n- not a step\n```\n---\n* * *\n- \n- real')).toEqual(['real']);
  });

  it('clips an over-long item to the action step limit', () => {
    const [step] = extractListItems(`- ${'x'.repeat(1500)}`);
    expect(step!.length).toBe(1000);
  });
});

describe('promptFromReply', () => {
  it('titles from the first heading and keeps the whole reply as details', () => {
    const reply = 'Sure!\n\n## The **lighthouse** keeper\n\n- Motive';
    expect(promptFromReply(reply)).toEqual({ title: 'The lighthouse keeper', details: reply });
  });

  it('falls back to the first line, then to a default', () => {
    expect(promptFromReply('1. First idea\n2. Second').title).toBe('First idea');
    expect(promptFromReply('   \n').title).toBe('Saved reply');
    expect(promptFromReply('y'.repeat(200)).title.length).toBe(80);
  });

  it('keeps snake_case words intact', () => {
    expect(plainInline('use snake_case_names here')).toBe('use snake_case_names here');
  });
});

describe('splitMarkdownBlocks', () => {
  it('cuts at blank lines before unindented text, never inside fences, lists or indented continuations', async () => {
    const { splitMarkdownBlocks } = await import('../../../src/features/chat/markdown-blocks');
    const text =
      '# Title\n\nPara one\nstill one\n\n- a\n\n- b\n\n    code-ish continuation\n\n```\nx\n\ny\n```\n\nEnd';
    expect(splitMarkdownBlocks(text)).toEqual([
      '# Title\n',
      'Para one\nstill one\n',
      '- a\n\n- b\n\n    code-ish continuation\n',
      '```\nx\n\ny\n```\n',
      'End',
    ]);
    expect(splitMarkdownBlocks(text).join('\n')).toBe(text);
  });
});
