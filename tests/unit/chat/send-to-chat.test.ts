// Prompt → chat: the preview fills story and form variables and hands the text to a new chat
// (router state, or a `draft` query parameter), which seeds the composer with it.
import { describe, expect, it } from 'vitest';
import { fillTemplate, storyValues } from '../../../src/domain/template-variables';
import { readChatDraft } from '../../../src/features/chat/chat-window-page';

const story = {
  title: 'Salt Roads',
  logline: 'A smuggler’s last run',
  genre: 'Fantasy',
  synopsis: '',
};

describe('prompt → chat', () => {
  it('fills story and form variables and keeps unfilled ones visible', () => {
    const template =
      'Write about {{story.title}} ({{ story.genre }}) and {{hero}}; {{story.synopsis}} {{place}}';
    const text = fillTemplate(template, { ...storyValues(story), hero: 'Mara' });
    expect(text).toBe('Write about Salt Roads (Fantasy) and Mara; {{story.synopsis}} {{place}}');
  });

  it('reads the handed-over text from router state first, then the query string', () => {
    expect(readChatDraft({ draft: 'from state' }, new URLSearchParams('draft=from+query'))).toBe(
      'from state',
    );
    expect(readChatDraft(null, new URLSearchParams('story=1&draft=from+query'))).toBe('from query');
    expect(readChatDraft({ draft: 42 }, new URLSearchParams(''))).toBeNull();
  });
});
