import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  findFormVariables,
  findVariables,
  storyValues,
} from '../../../src/domain/template-variables';

const story = {
  title: 'Salt Roads',
  logline: 'A smuggler runs.',
  genre: 'Fantasy',
  synopsis: 'Long.',
};

describe('template variables', () => {
  it('finds each variable once in order of appearance', () => {
    expect(findVariables('{{a}} {{ story.title }} {{a}} {{b-2}}')).toEqual([
      'a',
      'story.title',
      'b-2',
    ]);
  });

  it('takes story variables in any letter case from the overview', () => {
    const template = '{{Story.Title}} in {{STORY.GENRE}}, {{ story.Logline }} for {{Hero}}';
    expect(findFormVariables(template)).toEqual(['Hero']);
    expect(fillTemplate(template, { ...storyValues(story), Hero: 'Ada' })).toBe(
      'Salt Roads in Fantasy, A smuggler runs. for Ada',
    );
  });

  it('leaves story variables to the overview and asks the writer for the rest', () => {
    expect(findFormVariables('Write {{story.title}} for {{character}} in {{story.genre}}')).toEqual(
      ['character'],
    );
  });

  it('fills story fields and form values', () => {
    const text = fillTemplate('{{story.title}}: {{character}} ({{story.genre}})', {
      ...storyValues(story),
      character: 'Ines',
    });
    expect(text).toBe('Salt Roads: Ines (Fantasy)');
  });

  it('keeps a variable whose field holds only spaces visible, as an empty one', () => {
    expect(fillTemplate('Hello {{name}}!', { name: '   ' })).toBe('Hello {{name}}!');
    expect(fillTemplate('Hello {{name}}!', { name: ' Ines ' })).toBe('Hello  Ines !');
  });

  it('keeps unfilled or empty variables visible', () => {
    expect(fillTemplate('Hello {{name}} from {{place}}', { name: '' })).toBe(
      'Hello {{name}} from {{place}}',
    );
  });

  it('ignores braces that are not variables', () => {
    expect(findVariables('{{ }} {{1abc}} {single}')).toEqual([]);
  });

  it('finds variables named in any script or with spaces, as writers name them', () => {
    const template = '{{nom du héros}} meets {{ 名前 }} and {{Имя}} near {{main character}}.';
    expect(findFormVariables(template)).toEqual(['nom du héros', '名前', 'Имя', 'main character']);
    expect(
      fillTemplate(template, {
        'nom du héros': 'Ines',
        名前: 'Ken',
        Имя: 'Olga',
        'main character': 'Mara',
      }),
    ).toBe('Ines meets Ken and Olga near Mara.');
  });

  it('keeps a name on one line and trims the spaces around it', () => {
    expect(findVariables('{{a\nb}} {{ }} {{  two  words  }}')).toEqual(['two  words']);
  });
});
