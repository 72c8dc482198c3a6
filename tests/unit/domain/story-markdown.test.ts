// A story as Markdown: overview first, then categories in board order with their prompts.
import { describe, expect, it } from 'vitest';
import type { Category, Prompt, Story } from '../../../src/domain/entities';
import { parsePackMarkdown } from '../../../src/domain/prompt-pack-markdown';
import { fileNameFor, storyMarkdown } from '../../../src/domain/story-markdown';

const base = { created_at: '', updated_at: '', deleted: false };
const story: Story = {
  ...base,
  id: 's',
  title: 'Salt Roads',
  logline: 'A smuggler\nturns keeper.',
  synopsis: 'Act one.\n\nAct two.',
  genre: 'Sea adventure',
  notes: '',
};
const category: Category = {
  ...base,
  id: 'c',
  story_id: 's',
  title: 'Scenes',
  description: 'Set pieces.',
  color: '#4a7bd0',
  position: 'a0',
};
const prompt: Prompt = {
  ...base,
  id: 'p',
  story_id: 's',
  category_id: 'c',
  title: 'Storm',
  details: 'The **mast** cracks.',
  action_steps: [
    { id: 'a', text: 'Draft it', done: true },
    { id: 'b', text: 'Cut it', done: false },
  ],
  files: [],
  tags: ['weather', 'act-one'],
  position: 'a0',
};

describe('storyMarkdown', () => {
  it('writes the overview, then each category and prompt with its checklist and tags', () => {
    expect(storyMarkdown({ story, categories: [{ category, prompts: [prompt] }] })).toBe(
      [
        '# Salt Roads',
        '',
        '> A smuggler turns keeper.',
        '',
        'Genre: Sea adventure',
        '',
        '**Synopsis**',
        '',
        'Act one.',
        '',
        'Act two.',
        '',
        '## Scenes',
        '',
        'Set pieces.',
        '',
        '### Storm',
        '',
        '#weather #act-one',
        '',
        'The **mast** cracks.',
        '',
        '- [x] Draft it',
        '- [ ] Cut it',
        '',
      ].join('\n'),
    );
  });

  it('nests headings inside details below the prompt, so the document keeps its shape', () => {
    // A reply saved from chat is full of "##" and "###" headings: written as they were, they
    // read as new categories and prompts, and importing the file back as a pack split one
    // prompt into several.
    const details = [
      '## Setting',
      'Fog on the quay.',
      '### Beats',
      '- the bell',
      '```',
      '## inside code, unchanged',
      '```',
    ].join('\n');
    const text = storyMarkdown({
      story,
      categories: [{ category, prompts: [{ ...prompt, details }] }],
    });
    expect(text).toContain(
      '##### Setting\nFog on the quay.\n###### Beats\n- the bell\n```\n## inside code, unchanged\n```',
    );
    const pack = parsePackMarkdown(text);
    expect(pack.categories.map((c) => c.title)).toEqual(['Scenes']);
    expect(pack.categories[0]!.prompts.map((p) => p.title)).toEqual(['Storm']);
  });

  it('makes a safe file name from any title', () => {
    expect(fileNameFor('Salt Roads: Part 2/3', 'md')).toBe('salt-roads-part-2-3.md');
    expect(fileNameFor('«»', 'md')).toBe('story.md');
  });

  it('keeps titles in any script whole in the file name', () => {
    // Accents on Latin letters are dropped as before; in other scripts the marks are part of
    // the letters, and dropping them cut words apart ("カ-ンタ-ム" for ガンダム).
    expect(fileNameFor('Résumé: Café Noir', 'md')).toBe('resume-cafe-noir.md');
    expect(fileNameFor('ガンダム', 'md')).toBe('ガンダム.md');
    expect(fileNameFor('नमस्ते दुनिया', 'md')).toBe('नमस्ते-दुनिया.md');
    expect(fileNameFor('قصة مُشكّلة', 'md')).toBe('قصة-مُشكّلة.md');
    expect(fileNameFor('한국 이야기', 'md')).toBe('한국-이야기.md');
    expect(fileNameFor('סיפור', 'md')).toBe('סיפור.md');
    // Cut at 80 characters, never inside a character outside the Basic Multilingual Plane.
    expect(fileNameFor('𠜎'.repeat(100), 'md')).toBe(`${'𠜎'.repeat(80)}.md`);
  });
});
