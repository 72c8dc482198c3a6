// Prompt templates: `{{story.title}}`, `{{story.logline}}`, `{{story.genre}}` and
// `{{story.synopsis}}` come from the Story Overview; any other `{{name}}` is a variable the
// writer fills in a form. Unfilled variables stay visible as `{{name}}` so nothing is
// silently dropped from what is copied or sent.
import type { Story } from './entities';

// A name starts with a letter (any script: writers name things in their own language) or `_`,
// and may hold letters, digits, `_ . -` and spaces (`{{main character}}`), on one line. The
// lazy count leaves the spaces before `}}` to `\s*`, so `{{ hero }}` is the variable `hero`.
const VARIABLE = /\{\{\s*([\p{L}_][\p{L}\p{M}\p{N}_. -]{0,63}?)[ \t]*\}\}/gu;

export const STORY_VARIABLES = [
  'story.title',
  'story.logline',
  'story.genre',
  'story.synopsis',
] as const;
export type StoryVariable = (typeof STORY_VARIABLES)[number];

/**
 * The story variable a name means, whatever its letter case (`{{Story.Title}}`, `{{STORY.GENRE}}`):
 * writers type them as they like, and one in other capitals must not become a form field.
 */
export function storyVariableOf(name: string): StoryVariable | null {
  const lower = name.toLowerCase();
  return (STORY_VARIABLES as readonly string[]).includes(lower) ? (lower as StoryVariable) : null;
}

export function isStoryVariable(name: string): boolean {
  return storyVariableOf(name) !== null;
}

/** Every distinct variable name in order of first appearance. */
export function findVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(VARIABLE)) names.add(match[1]!);
  return [...names];
}

/** The variables the writer must fill by hand (everything not from the overview). */
export function findFormVariables(template: string): string[] {
  return findVariables(template).filter((name) => !isStoryVariable(name));
}

export function storyValues(
  story: Pick<Story, 'title' | 'logline' | 'genre' | 'synopsis'>,
): Record<StoryVariable, string> {
  return {
    'story.title': story.title,
    'story.logline': story.logline,
    'story.genre': story.genre,
    'story.synopsis': story.synopsis,
  };
}

/** Replaces each known, non-blank variable; unknown or blank ones stay as `{{name}}`. */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): string {
  return template.replace(VARIABLE, (whole, name: string) => {
    const value = values[storyVariableOf(name) ?? name];
    // A field holding only spaces looks empty to the writer: it must not erase the variable.
    return value !== undefined && value.trim() !== '' ? value : whole;
  });
}
