// Rows become search documents here: what each kind indexes, what it keeps for filters, and a
// content stamp (a hash of everything indexed) that tells whether an indexed document is still
// what the database holds, whatever wrote the row (this tab, another tab, sync).
import type { Message, Prompt, Story } from '../domain/entities';
import type { SearchKind } from './search-types';

export interface SearchDoc {
  id: string;
  kind: SearchKind;
  /** When the row last changed (ISO): orders documents into index segments, newest last. */
  time: string;
  storyId: string | null;
  chatId: string | null;
  tags: string[];
  category: string | null;
  title?: string;
  logline?: string;
  synopsis?: string;
  genre?: string;
  notes?: string;
  details?: string;
  steps?: string;
  tagText?: string;
  content?: string;
  chatTitle?: string;
}

const INDEXED_TEXT: readonly (keyof SearchDoc)[] = [
  'title',
  'logline',
  'synopsis',
  'genre',
  'notes',
  'details',
  'steps',
  'tagText',
  'category',
  'content',
  'chatTitle',
];

export function storyDoc(story: Story): SearchDoc {
  const { id, title, logline, synopsis, genre, notes } = story;
  return {
    id,
    kind: 'story',
    time: story.updated_at,
    storyId: id,
    chatId: null,
    tags: [],
    category: null,
    title,
    logline,
    synopsis,
    genre,
    notes,
  };
}

export function promptDoc(prompt: Prompt, categoryTitle: string | null): SearchDoc {
  return {
    id: prompt.id,
    kind: 'prompt',
    time: prompt.updated_at,
    storyId: prompt.story_id,
    chatId: null,
    tags: prompt.tags,
    category: categoryTitle,
    title: prompt.title,
    details: prompt.details,
    steps: prompt.action_steps.map((step) => step.text).join('\n'),
    tagText: prompt.tags.join(' '),
  };
}

export function messageDoc(message: Message, chatTitle: string): SearchDoc {
  return {
    id: message.id,
    kind: 'message',
    time: message.created_at,
    storyId: null,
    chatId: message.chat_id,
    tags: [],
    category: null,
    content: message.content,
    chatTitle,
  };
}

/** A short stamp of the indexed content: equal stamps mean nothing searchable changed. */
export function docStamp(doc: SearchDoc): string {
  let text: string = doc.kind;
  for (const field of INDEXED_TEXT)
    text += '\u0001' + ((doc[field] as string | null | undefined) ?? '');
  return hash53(text).toString(36);
}

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; collisions ~2^-53). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
