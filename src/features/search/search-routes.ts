// Where a search result leads: the story, the prompt's editor, or the chat at that message.
import type { SearchHit } from '../../platform/search-client';

export function pathOfHit(hit: SearchHit): string {
  const id = encodeURIComponent(hit.id);
  if (hit.kind === 'story') return `/stories/${id}`;
  if (hit.kind === 'prompt')
    return `/stories/${encodeURIComponent(hit.storyId ?? '')}/prompts/${id}`;
  return `/chats/${encodeURIComponent(hit.chatId ?? '')}?message=${id}`;
}
