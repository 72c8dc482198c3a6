// Prompt packs: the same categories and prompts from JSON, CSV or Markdown (a story's own
// Markdown export reads back in), each problem reported with where it is, and an import that
// adds to the story's matching categories or new ones at the end of the board.
import { describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { importPack, planPackImport } from '../../../src/db/prompt-pack-import';
import { createPrompt } from '../../../src/db/prompts-repository';
import {
  countRowsWaitingToUpload,
  listCategories,
  listCategoryPrompts,
} from '../../../src/db/queries';
import { createStory } from '../../../src/db/stories-repository';
import { packFromCsvRows, parsePackJson } from '../../../src/domain/prompt-pack';
import { parsePackMarkdown } from '../../../src/domain/prompt-pack-markdown';
import type { PromptPack } from '../../../src/domain/prompt-pack';
import { readPromptPack } from '../../../src/features/import-export/read-prompt-pack';
import { freshDatabase } from '../db/test-database';

const PACK: PromptPack = {
  categories: [
    {
      title: 'Scenes',
      description: '',
      prompts: [
        {
          title: 'Storm',
          details: 'The mast cracks.',
          tags: ['weather', 'act-one'],
          action_steps: ['Draft it'],
        },
        { title: 'Harbour', details: '', tags: [], action_steps: [] },
      ],
    },
    {
      title: 'Characters',
      description: '',
      prompts: [{ title: 'Ilse', details: '', tags: [], action_steps: [] }],
    },
  ],
};

describe('reading a prompt pack', () => {
  it('reads JSON with categories, or a list of prompts naming their category', () => {
    expect(parsePackJson(JSON.stringify(PACK))).toEqual(PACK);
    const list = [
      {
        category: 'Scenes',
        title: 'Storm',
        details: 'The mast cracks.',
        tags: ['Weather', 'act one'],
        action_steps: ['Draft it'],
      },
      { category: 'scenes', title: 'Harbour' },
      { category: 'Characters', title: 'Ilse' },
    ];
    expect(parsePackJson(JSON.stringify(list))).toEqual(PACK);
  });

  it('reads CSV by its header, whatever the column order', async () => {
    const rows = [
      ['Title', 'Category', 'Tags', 'Action steps', 'Details'],
      ['Storm', 'Scenes', 'weather, act-one', 'Draft it', 'The mast cracks.'],
      ['Harbour', 'Scenes', '', '', ''],
      ['', '', '', '', ''],
      ['Ilse', 'Characters', '', '', ''],
    ];
    expect(packFromCsvRows(rows)).toEqual(PACK);
    const csv =
      'category,title,details\nScenes,"Storm, at night","Line one\nline two, with ""quotes"""\n';
    const pack = await readPromptPack(new File([csv], 'pack.csv', { type: 'text/csv' }));
    expect(pack.categories[0]!.prompts[0]).toMatchObject({
      title: 'Storm, at night',
      details: 'Line one\nline two, with "quotes"',
    });
  });

  it('reads Markdown as a story export writes it', () => {
    const markdown = [
      '# Salt Roads',
      '',
      '> A logline that is not a prompt.',
      '',
      '## Scenes',
      '',
      '### Storm',
      '',
      '#weather #act-one',
      '',
      'The mast cracks.',
      '',
      '- [x] Draft it',
      '',
      '### Harbour',
      '',
      '## Characters',
      '',
      '### Ilse',
    ].join('\n');
    expect(parsePackMarkdown(markdown)).toEqual(PACK);
  });

  it('keeps a category description written under its "##" heading', () => {
    // The story export writes it there; reading the export back as a pack dropped it.
    const pack = parsePackMarkdown(
      [
        '## Scenes',
        '',
        'Set pieces,',
        'big and small.',
        '',
        '### Storm',
        '',
        '## Characters',
        '',
        '### Ilse',
      ].join('\n'),
    );
    expect(pack.categories.map(({ title, description }) => ({ title, description }))).toEqual([
      { title: 'Scenes', description: 'Set pieces,\nbig and small.' },
      { title: 'Characters', description: '' },
    ]);
    // Too long is refused with the file, before any prompt is added.
    expect(() => parsePackMarkdown(`## Scenes\n\n${'x'.repeat(2001)}\n\n### Storm\n`)).toThrow(
      'The description of “Scenes” is too long: at most 2,000 characters. Nothing was imported.',
    );
  });

  it('says where the first problem is, and refuses files with no prompts', async () => {
    expect(() => parsePackJson('[{"category": "Scenes"}]')).toThrow(
      'Entry 1 (title): The prompt title is missing.',
    );
    expect(() =>
      packFromCsvRows([
        ['category', 'title'],
        ['Scenes', 'x'.repeat(201)],
      ]),
    ).toThrow(/Row 2 \(title\): The prompt title is too long/);
    expect(() => packFromCsvRows([['name', 'text']])).toThrow(/one must be "title"/);
    expect(() => parsePackMarkdown('Just some notes.\n')).toThrow(/No prompts found/);
    expect(() => parsePackJson('{"categories": []}')).toThrow(
      'This file holds no prompts. Nothing was imported.',
    );
    await expect(
      readPromptPack(new File(['x'], 'cover.png', { type: 'image/png' })),
    ).rejects.toThrow(/is not a prompt pack: choose a .json, .csv or .md file/);
  });

  it('merges JSON categories of the same name, as CSV and Markdown do', () => {
    // Two entries "Plot" and "plot" became two categories of the same name on the board.
    const pack = parsePackJson(
      JSON.stringify({
        categories: [
          { title: 'Plot', prompts: [{ title: 'Inciting incident' }] },
          { title: 'Characters', prompts: [{ title: 'Ilse' }] },
          { title: ' plot ', description: 'Turns', prompts: [{ title: 'Midpoint' }] },
        ],
      }),
    );
    expect(pack.categories.map((category) => category.title)).toEqual(['Plot', 'Characters']);
    expect(pack.categories[0]).toMatchObject({
      description: 'Turns',
      prompts: [{ title: 'Inciting incident' }, { title: 'Midpoint' }],
    });
  });

  it('reads UTF-16 files and refuses text that is not Unicode instead of garbling it', async () => {
    // Excel's "CSV" on Windows is Windows-1252: "Café" became "Caf\uFFFD" without a word.
    const latin1 = new Uint8Array([...Buffer.from('title\nCaf'), 0xe9, 0x0a]);
    await expect(
      readPromptPack(new File([latin1], 'excel.csv', { type: 'text/csv' })),
    ).rejects.toThrow(
      '“excel.csv” is not saved as UTF-8 text, so its accented letters would be garbled. Save it again as “CSV UTF-8” (Excel) or with UTF-8 encoding, then choose it again. Nothing was imported.',
    );
    // Excel's "Unicode Text": UTF-16 with a byte order mark.
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('title\nCafé\n', 'utf16le')]);
    const pack = await readPromptPack(new File([utf16], 'unicode.csv', { type: 'text/csv' }));
    expect(pack.categories[0]!.prompts[0]!.title).toBe('Café');
  });

  it('reads JSON the way other tools write it: null for empty, lists as text', () => {
    // Spreadsheet converters and databases write null for an empty cell: every such pack was
    // refused with "Invalid input: expected string, received null".
    const pack = parsePackJson(
      JSON.stringify([
        {
          category: null,
          title: 'Storm',
          details: null,
          tags: 'Weather, act one',
          action_steps: 'Draft it|Cut it',
        },
        { category: 'Scenes', title: 'Harbour', tags: null, action_steps: null },
      ]),
    );
    expect(pack.categories).toEqual([
      {
        title: 'Imported prompts',
        description: '',
        prompts: [
          {
            title: 'Storm',
            details: '',
            tags: ['weather', 'act-one'],
            action_steps: ['Draft it', 'Cut it'],
          },
        ],
      },
      {
        title: 'Scenes',
        description: '',
        prompts: [{ title: 'Harbour', details: '', tags: [], action_steps: [] }],
      },
    ]);
    expect(
      parsePackJson(
        JSON.stringify({
          categories: [{ title: 'Plot', description: null, prompts: [{ title: 'A' }] }],
        }),
      ).categories[0]!.description,
    ).toBe('');
    // A value of the wrong kind is named in words, not in zod's.
    expect(() => parsePackJson(JSON.stringify([{ title: 'Storm', details: 42 }]))).toThrow(
      'Entry 1 (details): Details must be text. Nothing was imported.',
    );
    expect(() => parsePackJson(JSON.stringify([{ title: 'Storm', tags: [1] }]))).toThrow(
      'Entry 1 (tags.0): A tag must be text. Nothing was imported.',
    );
  });

  it('reads a spreadsheet saved as text (.txt, tab-separated) as a table', async () => {
    // Excel's "Unicode Text" and "Text (Tab delimited)" are .txt files: read as Markdown, they
    // were refused with "No prompts found: ... starts with a "### Title" line".
    const table = 'Category\tTitle\tTags\r\nScenes\tStorm\tweather, act one\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(table, 'utf16le')]);
    const pack = await readPromptPack(new File([utf16], 'pack.txt', { type: 'text/plain' }));
    expect(pack.categories).toEqual([
      {
        title: 'Scenes',
        description: '',
        prompts: [{ title: 'Storm', details: '', tags: ['weather', 'act-one'], action_steps: [] }],
      },
    ]);
    const markdown = await readPromptPack(
      new File(['## Scenes\n\n### Title\n'], 'notes.txt', { type: 'text/plain' }),
    );
    expect(markdown.categories[0]!.prompts[0]!.title).toBe('Title');
  });

  it('points to "Restore from a backup" when the file is a backup', () => {
    const backup = JSON.stringify({ format: 'story-prompts-backup', version: 1, data: {} });
    expect(() => parsePackJson(backup)).toThrow(
      'This file is a Story Prompts backup, not a prompt pack: restore it under “Restore from a backup” above.',
    );
  });

  it('refuses a category title that is too long before anything is added', () => {
    // Only prompts were checked: a long category cell or heading passed, and the import then
    // stopped at that category with the prompts before it already on the board.
    const long = 'x'.repeat(201);
    expect(() =>
      packFromCsvRows([
        ['category', 'title'],
        ['Scenes', 'Storm'],
        [long, 'Harbour'],
      ]),
    ).toThrow(
      'Row 3 (category): The category title is too long: at most 200 characters. Nothing was imported.',
    );
    expect(() =>
      parsePackMarkdown(`## Scenes\n\n### Storm\n\n## ${long}\n\n### Harbour\n`),
    ).toThrow(
      'The category at line 5: The category title is too long: at most 200 characters. Nothing was imported.',
    );
    expect(() => parsePackJson(JSON.stringify([{ category: long, title: 'Storm' }]))).toThrow(
      'Entry 1 (category): The category title is too long: at most 200 characters. Nothing was imported.',
    );
  });
});

describe('importing a prompt pack', () => {
  it('adds to the category of the same name and creates the others at the end of the board', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    const scenes = await createCategory(db, story.id, { title: 'scenes' });
    await createPrompt(db, scenes.id, { title: 'Already here' });
    const waitingBefore = await countRowsWaitingToUpload(db);

    expect(await planPackImport(db, story.id, PACK)).toEqual({
      newCategories: ['Characters'],
      existingCategories: ['scenes'],
      prompts: 3,
    });
    const progress: number[] = [];
    await importPack(db, story.id, PACK, (done) => progress.push(done));

    const categories = await listCategories(db, story.id);
    expect(categories.map((category) => category.title)).toEqual(['scenes', 'Characters']);
    const scenePrompts = await listCategoryPrompts(db, scenes.id);
    expect(scenePrompts.map((prompt) => prompt.title)).toEqual([
      'Already here',
      'Storm',
      'Harbour',
    ]);
    expect(scenePrompts[1]).toMatchObject({
      details: 'The mast cracks.',
      tags: ['weather', 'act-one'],
      action_steps: [{ text: 'Draft it', done: false }],
    });
    expect(progress.at(-1)).toBe(3);
    // One category and three prompts wait to upload.
    expect(await countRowsWaitingToUpload(db)).toBe(waitingBefore + 4);
  });
});
