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

  it('imports back as the writer wrote it: headings, checklists, tag lines and code', () => {
    // Details full of Markdown that looks like the export's own structure: before, the
    // "- [ ]" lines came back as action steps, the "#tag" line as tags, the headings three
    // levels down, and the "##" inside the code block split the prompt.
    const details = [
      '# Act one',
      'Fog on the quay.',
      '## Beats',
      '- [ ] the bell rings',
      '  * [x] nested, already done',
      '#mood #fog',
      '\\- [ ] the writer escaped this one',
      '### Lines',
      '```md',
      '## not a category',
      '- [ ] not a step',
      '#not #tags',
      '```',
      'After the code.',
    ].join('\n');
    const description = 'Set pieces.\n- [ ] pick the weather\n## Rules';
    const text = storyMarkdown({
      story,
      categories: [
        { category: { ...category, description }, prompts: [{ ...prompt, details }] },
        {
          category: { ...category, id: 'c2', title: 'Later' },
          prompts: [{ ...prompt, id: 'p2', title: 'Next' }],
        },
      ],
    });
    const pack = parsePackMarkdown(text);
    expect(pack.categories.map((c) => c.title)).toEqual(['Scenes', 'Later']);
    const [scenes, later] = pack.categories;
    expect(scenes!.description).toBe(description);
    expect(scenes!.prompts).toHaveLength(1);
    expect(scenes!.prompts[0]).toMatchObject({
      title: 'Storm',
      details,
      tags: ['weather', 'act-one'],
      action_steps: ['Draft it', 'Cut it'],
    });
    expect(later!.prompts.map((p) => p.title)).toEqual(['Next']);
    // In the file itself they read as the writer's text, not as a checklist or tags.
    expect(text).toContain(
      '\n\\- [ ] the bell rings\n  \\* [x] nested, already done\n\\#mood #fog\n',
    );
  });

  it('closes a code block the writer left open, so the next prompt is still a prompt', () => {
    const details = 'Dialogue so far:\n```\n## CAPTAIN\nHold the line.';
    const text = storyMarkdown({
      story,
      categories: [
        {
          category,
          prompts: [
            { ...prompt, details },
            { ...prompt, id: 'p2', title: 'Harbour', details: '' },
          ],
        },
      ],
    });
    const prompts = parsePackMarkdown(text).categories[0]!.prompts;
    expect(prompts.map((p) => p.title)).toEqual(['Storm', 'Harbour']);
    // The one change: the block is closed where the details end (it renders the same).
    expect(prompts[0]!.details).toBe(`${details}\n\`\`\``);
  });

  it('refuses a hand-written pack whose code block never closes over later prompts', () => {
    expect(() => parsePackMarkdown('## Scenes\n\n### Storm\n\n```\ncode\n\n### Harbour\n')).toThrow(
      'The code block that starts at line 5 is never closed, so the categories and prompts after it would be read as code. Close it with a ``` line and import again. Nothing was imported.',
    );
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
