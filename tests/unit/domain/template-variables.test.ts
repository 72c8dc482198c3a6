import { describe, expect, it } from 'vitest';
import { fillTemplate, findFormVariables, findVariables, storyValues } from '../../../src/domain/template-variables';

const story = { title: 'Salt Roads', logline: 'A smuggler runs.', genre: 'Fantasy', synopsis: 'Long.' };

describe('template variables', () => {
  it('finds each variable once in order of appearance', () => {
    expect(findVariables('{{a}} {{ story.title }} {{a}} {{b-2}}')).toEqual(['a', 'story.title', 'b-2']);
  });

  it('leaves story variables to the overview and asks the writer for the rest', () => {
    expect(findFormVariables('Write {{story.title}} for {{character}} in {{story.genre}}')).toEqual(['character']);
  });

  it('fills story fields and form values', () => {
    const text = fillTemplate('{{story.title}}: {{character}} ({{story.genre}})', {
      ...storyValues(story),
      character: 'Ines',
    });
    expect(text).toBe('Salt Roads: Ines (Fantasy)');
  });

  it('keeps unfilled or empty variables visible', () => {
    expect(fillTemplate('Hello {{name}} from {{place}}', { name: '' })).toBe('Hello {{name}} from {{place}}');
  });

  it('ignores braces that are not variables', () => {
    expect(findVariables('{{ }} {{1abc}} {single}')).toEqual([]);
  });
});
