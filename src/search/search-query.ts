// Parses what the writer typed into words and filters: `tag:drama`, `category:"act one"`.
// Filters only ever narrow prompts (stories and messages have no tags or categories). Accents
// are folded on both sides, as for words (search-words.ts): `tag:cafe` finds the tag "café".
import { foldAccents } from './search-words';

export interface ParsedQuery {
  text: string;
  tags: string[];
  categories: string[];
}

const FILTER = /(^|\s)(tag|category):(?:"([^"]*)"?|(\S*))/gi;

export function parseQuery(input: string): ParsedQuery {
  const tags: string[] = [];
  const categories: string[] = [];
  const text = input.replace(
    FILTER,
    (_match, lead: string, name: string, quoted?: string, bare?: string) => {
      const value = foldAccents((quoted ?? bare ?? '').trim().toLowerCase());
      if (value) (name.toLowerCase() === 'tag' ? tags : categories).push(value);
      return lead;
    },
  );
  return { text: text.replace(/\s+/g, ' ').trim(), tags, categories };
}

export function hasFilters(query: ParsedQuery): boolean {
  return query.tags.length > 0 || query.categories.length > 0;
}

/** Tags match by prefix (so `tag:dra` already finds "drama" while typing); categories by substring. */
export function matchesFilters(
  query: ParsedQuery,
  tags: readonly string[],
  category: string | null,
): boolean {
  const tagsOk = query.tags.every((wanted) =>
    tags.some((tag) => foldAccents(tag.toLowerCase()).startsWith(wanted.replace(/\s+/g, '-'))),
  );
  const lowered = foldAccents((category ?? '').toLowerCase());
  const categoryOk = query.categories.every((wanted) => lowered.includes(wanted));
  return tagsOk && categoryOk;
}
