// Builders for search tests: a fresh database per test and rows written the way the app writes
// them (repositories, write-rows), so the index sees exactly the app's change notifications.
import { StoryPromptsDatabase } from '../../../src/db/database';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt } from '../../../src/db/prompts-repository';
import { newRowBase } from '../../../src/db/row-defaults';
import { createStory } from '../../../src/db/stories-repository';
import { insertRow, insertRows } from '../../../src/db/write-rows';
import type { Chat, Message } from '../../../src/domain/entities';
import { newId } from '../../../src/domain/ids';
import { createSearchService } from '../../../src/search/search-service';
import type { SearchGroups, ShardName, ShardRef } from '../../../src/search/search-types';

export function freshDatabase(): StoryPromptsDatabase {
  return new StoryPromptsDatabase('x-' + crypto.randomUUID());
}

export async function seedLibrary(db: StoryPromptsDatabase) {
  const story = await createStory(db, {
    title: 'The Lighthouse Keeper',
    logline: 'A keeper guards a haunted coast.',
  });
  const actOne = await createCategory(db, story.id, { title: 'Act One' });
  const twists = await createCategory(db, story.id, { title: 'Plot Twists' });
  const storm = await createPrompt(db, actOne.id, {
    title: 'The storm arrives',
    details: 'Waves climb the cliffs while the lantern flickers.\nThe keeper hears a bell.',
    tags: ['weather', 'drama'],
    action_steps: [{ id: newId(), text: 'Describe the sound of the bell', done: false }],
  });
  const letter = await createPrompt(db, twists.id, {
    title: 'A letter from the drowned',
    details: 'Someone slides an envelope under the door, sealed with wax.',
    tags: ['mystery'],
  });
  return { story, actOne, twists, storm, letter };
}

export function chatRow(fields: Partial<Chat> = {}): Chat {
  return {
    ...newRowBase(),
    story_id: null,
    title: 'Brainstorm',
    model: 'gpt',
    persona_id: null,
    ...fields,
  };
}

export function messageRow(chatId: string, content: string): Message {
  return {
    ...newRowBase(),
    chat_id: chatId,
    role: 'user',
    content,
    model: 'gpt',
    persona_id: null,
    status: 'sent',
    usage: null,
  };
}

export async function seedChat(db: StoryPromptsDatabase, title: string, contents: string[]) {
  const chat = await insertRow(db, 'chats', chatRow({ title }));
  const messages = await insertRows(
    db,
    'messages',
    contents.map((content) => messageRow(chat.id, content)),
  );
  return { chat, messages };
}

/** A search service over `db` with fast persistence, plus helpers that search and list ids. */
export function searchOver(db: StoryPromptsDatabase) {
  const service = createSearchService({ persistDelayMs: 10 });
  const ref = (shard: ShardName): ShardRef => ({ dbName: db.name, shard });
  const search = async (query: string) => {
    const [library, messages] = await Promise.all([
      service.query(ref('library'), { query }),
      service.query(ref('messages'), { query }),
    ]);
    const groups: SearchGroups = {
      stories: library.stories,
      prompts: library.prompts,
      messages: messages.messages,
    };
    return { ...groups, library, messagesShard: messages };
  };
  const ids = async (query: string) => {
    const result = await search(query);
    return [...result.stories, ...result.prompts, ...result.messages].map((hit) => hit.id);
  };
  const idle = () =>
    Promise.all([service.whenIdle(ref('library')), service.whenIdle(ref('messages'))]);
  return { service, ref, search, ids, idle };
}
