// A prompt pack: categories of prompts to add to a story, from a file a writer was given or
// wrote. Three ways in, one shape out:
//   JSON      { "categories": [{ "title", "description"?, "prompts": [{ "title", "details"?,
//             "tags"?: [..], "action_steps"?: [..] }] }] }, or a list of prompts each naming
//             its "category";
//   CSV       a header row naming columns category, title, details, tags, action_steps (tags
//             separated by commas, steps by "|" or new lines); only title is required;
//   Markdown  "## Category", then "### Prompt" with its details below, "- [ ] step" lines as
//             action steps and a line of "#tags" (prompt-pack-markdown.ts).
// Every value is checked against the same limits as typing; the first problem is reported
// with where it is (entry, row or line), and nothing is imported from a file with one.
import { z } from 'zod';
import { AppError } from '../lib/app-error';
import { LIMITS } from './limits';
import { normalizeTag } from './entities';

export interface PackPrompt {
  title: string;
  details: string;
  tags: string[];
  action_steps: string[];
}

export interface PackCategory {
  title: string;
  description: string;
  prompts: PackPrompt[];
}

export interface PromptPack {
  categories: PackCategory[];
}

/** Prompts without a category go here. */
export const DEFAULT_PACK_CATEGORY = 'Imported prompts';

export class PromptPackError extends AppError {
  constructor(message: string) {
    super('import/invalid-pack', message);
  }
}

const title = (label: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} is missing.` : `${label} must be text.`,
    })
    .trim()
    .min(1, { message: `${label} is missing.` })
    .max(LIMITS.title, { message: `${label} is too long: at most ${LIMITS.title} characters.` });

/**
 * Other tools write null for an empty value and sometimes a list as one text: null counts as
 * absent, and a text is split like a CSV cell (tags at commas, steps at "|" or new lines).
 */
const absentIfNull = (value: unknown) => (value === null ? undefined : value);
const listOrText = (separator: RegExp) => (value: unknown) =>
  typeof value === 'string' ? splitList(value, separator) : absentIfNull(value);
const textOf = (label: string) => z.string({ error: `${label} must be text.` });

const packPrompt = z.object({
  title: title('The prompt title'),
  details: z.preprocess(
    absentIfNull,
    textOf('Details')
      .max(LIMITS.details, {
        message: `Details are too long: at most ${LIMITS.details} characters.`,
      })
      .default(''),
  ),
  tags: z.preprocess(
    listOrText(/[,;]/),
    z
      .array(
        textOf('A tag')
          .trim()
          .min(1)
          .max(LIMITS.tag, { message: `A tag is longer than ${LIMITS.tag} characters.` }),
        { error: 'Tags must be a list, or one text with commas between them.' },
      )
      .max(LIMITS.tags, { message: `At most ${LIMITS.tags} tags per prompt.` })
      .default([]),
  ),
  action_steps: z.preprocess(
    listOrText(/\||\r?\n/),
    z
      .array(
        textOf('An action step')
          .trim()
          .min(1)
          .max(LIMITS.actionStepText, {
            message: `An action step is longer than ${LIMITS.actionStepText} characters.`,
          }),
        { error: 'Action steps must be a list, or one text with "|" between them.' },
      )
      .max(LIMITS.actionSteps, {
        message: `At most ${LIMITS.actionSteps} action steps per prompt.`,
      })
      .default([]),
  ),
});

const packCategory = z.object({
  title: title('The category title'),
  description: z.preprocess(
    absentIfNull,
    textOf('The category description').max(LIMITS.description).default(''),
  ),
  prompts: z.preprocess(absentIfNull, z.array(packPrompt).default([])),
});

/** A category named by a CSV cell, a Markdown heading or an entry; empty: the default one. */
const categoryName = textOf('The category title')
  .trim()
  .max(LIMITS.title, {
    message: `The category title is too long: at most ${LIMITS.title} characters.`,
  });

const categorizedPrompt = packPrompt.extend({
  category: z.preprocess(absentIfNull, categoryName.optional()),
});

function failure(where: string, error: z.ZodError): PromptPackError {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return new PromptPackError(`${where}${field}: ${issue.message} Nothing was imported.`);
}

/** Checks one prompt read from a CSV row or a Markdown section. */
export function checkedPrompt(where: string, value: unknown): PackPrompt {
  const result = packPrompt.safeParse(value);
  if (!result.success) throw failure(where, result.error);
  return { ...result.data, tags: result.data.tags.map(normalizeTag) };
}

/** Checks a category named by a CSV row or a Markdown heading, like the prompts under it. */
export function checkedCategory(where: string, value: string): string {
  const result = categoryName.safeParse(value);
  if (!result.success) throw failure(where, result.error);
  return result.data;
}

/** Groups prompts by category title (first spelling wins), keeping the order they came in. */
export function grouped(
  entries: readonly { category: string; prompt: PackPrompt }[],
  descriptions: ReadonlyMap<string, string> = new Map(),
): PromptPack {
  const byKey = new Map<string, PackCategory>();
  for (const { category, prompt } of entries) {
    const name = category.trim() || DEFAULT_PACK_CATEGORY;
    const key = name.toLowerCase();
    if (!byKey.has(key))
      byKey.set(key, { title: name, description: descriptions.get(key) ?? '', prompts: [] });
    byKey.get(key)!.prompts.push(prompt);
  }
  return { categories: [...byKey.values()] };
}

function nonEmpty(pack: PromptPack): PromptPack {
  if (pack.categories.every((category) => category.prompts.length === 0)) {
    throw new PromptPackError('This file holds no prompts. Nothing was imported.');
  }
  return pack;
}

export function parsePackJson(text: string): PromptPack {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PromptPackError(`This file is not valid JSON (${(error as Error).message}).`);
  }
  if (Array.isArray(json)) {
    return nonEmpty(
      grouped(
        json.map((entry, index) => {
          const result = categorizedPrompt.safeParse(entry);
          if (!result.success) throw failure(`Entry ${index + 1}`, result.error);
          const { category, ...prompt } = result.data;
          return {
            category: category ?? '',
            prompt: { ...prompt, tags: prompt.tags.map(normalizeTag) },
          };
        }),
      ),
    );
  }
  const result = z.object({ categories: z.array(z.unknown()) }).safeParse(json);
  if (!result.success && (json as { format?: unknown } | null)?.format === 'story-prompts-backup') {
    throw new PromptPackError(
      'This file is a Story Prompts backup, not a prompt pack: restore it under “Restore from a backup” above.',
    );
  }
  if (!result.success) {
    throw new PromptPackError(
      'This JSON is not a prompt pack: it needs a "categories" list or a list of prompts.',
    );
  }
  const categories = result.data.categories.map((entry, index) => {
    const category = packCategory.safeParse(entry);
    if (!category.success) throw failure(`Category ${index + 1}`, category.error);
    return {
      ...category.data,
      prompts: category.data.prompts.map((prompt) => ({
        ...prompt,
        tags: prompt.tags.map(normalizeTag),
      })),
    };
  });
  return nonEmpty({ categories: mergedByTitle(categories) });
}

/**
 * Categories of the same title (ignoring case) become one, as grouped() does for CSV and
 * Markdown: the import matches titles the same way, and would otherwise add both.
 */
function mergedByTitle(categories: readonly PackCategory[]): PackCategory[] {
  const byKey = new Map<string, PackCategory>();
  for (const category of categories) {
    const key = category.title.toLowerCase();
    const first = byKey.get(key);
    if (!first) byKey.set(key, { ...category, prompts: [...category.prompts] });
    else {
      first.prompts.push(...category.prompts);
      first.description ||= category.description;
    }
  }
  return [...byKey.values()];
}

const CSV_COLUMNS = ['category', 'title', 'details', 'tags', 'action_steps'] as const;

/** `rows` as a CSV parser returns them, the first being the header. */
export function packFromCsvRows(rows: readonly (readonly string[])[]): PromptPack {
  const [header, ...body] = rows;
  const names = (header ?? []).map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const column = (name: (typeof CSV_COLUMNS)[number]) => names.indexOf(name);
  if (column('title') < 0) {
    throw new PromptPackError(
      `The first row of a CSV prompt pack names its columns, and one must be "title" (also understood: ${CSV_COLUMNS.join(', ')}).`,
    );
  }
  const cell = (row: readonly string[], name: (typeof CSV_COLUMNS)[number]) =>
    column(name) < 0 ? '' : (row[column(name)] ?? '').trim();
  const entries = body
    .map((row, index) => ({ row, line: index + 2 }))
    .filter(({ row }) => row.some((value) => value.trim() !== ''))
    .map(({ row, line }) => ({
      category: checkedCategory(`Row ${line} (category)`, cell(row, 'category')),
      prompt: checkedPrompt(`Row ${line}`, {
        title: cell(row, 'title'),
        details: cell(row, 'details'),
        tags: splitList(cell(row, 'tags'), /[,;]/),
        action_steps: splitList(cell(row, 'action_steps'), /\||\r?\n/),
      }),
    }));
  return nonEmpty(grouped(entries));
}

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
