// Turns raw index hits and the rows they point at into what the palette shows: a highlighted
// title and the best matching passage. Rows are read fresh for each answer, so passages never
// show text older than the database (and the index stays small: it stores no long text).
import type { Chat, Message, Prompt, Story } from '../domain/entities';
import { highlightAll, snippetOf } from './search-highlight';
import type { RawHit } from './search-index';
import type { HighlightedText, SearchHit } from './search-types';

function firstSnippet(
  texts: Array<string | undefined>,
  terms: ReadonlySet<string>,
): HighlightedText | null {
  for (const text of texts) {
    const snippet = text ? snippetOf(text, terms) : null;
    if (snippet) return snippet;
  }
  return null;
}

function base(hit: RawHit): Pick<SearchHit, 'kind' | 'id' | 'score'> {
  return { kind: hit.kind, id: hit.id, score: hit.score };
}

export function storyHit(hit: RawHit, story: Story): SearchHit {
  const terms = new Set(hit.terms);
  return {
    ...base(hit),
    title: highlightAll(story.title, terms),
    snippet: firstSnippet([story.logline, story.synopsis, story.notes, story.genre], terms),
    storyId: story.id,
    chatId: null,
    tags: [],
    category: null,
  };
}

export function promptHit(hit: RawHit, prompt: Prompt, category: string | null): SearchHit {
  const terms = new Set(hit.terms);
  const steps = prompt.action_steps.map((step) => step.text).join(' · ');
  return {
    ...base(hit),
    title: highlightAll(prompt.title, terms),
    snippet: firstSnippet(
      [prompt.details, steps, prompt.tags.join(', '), category ?? undefined],
      terms,
    ),
    storyId: prompt.story_id,
    chatId: null,
    tags: prompt.tags,
    category,
  };
}

export function messageHit(hit: RawHit, message: Message, chat: Chat | undefined): SearchHit {
  const terms = new Set(hit.terms);
  const title = chat?.title.trim() || 'Untitled chat';
  return {
    ...base(hit),
    title: highlightAll(title, terms),
    snippet: snippetOf(message.content, terms) ?? {
      text: message.content.slice(0, 180),
      highlights: [],
    },
    storyId: chat?.story_id ?? null,
    chatId: message.chat_id,
    tags: [],
    category: null,
  };
}
