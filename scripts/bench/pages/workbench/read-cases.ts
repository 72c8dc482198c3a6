// B5: the app's indexed reads against a raw IndexedDB index read of the same rows, on the
// databases B2 (10k prompts) and B4 (100k messages) left behind. Each pair is interleaved.
import { Dexie } from 'dexie';
import { StoryPromptsDatabase } from '../../../../src/db/database';
import {
  listCategoryPrompts,
  listPromptsWithTag,
  recentStoryPrompts,
} from '../../../../src/db/queries';
import { quantile } from '../shared/measure';
import { lastOfRange, openExistingDatabase, request } from '../shared/raw-idb';
import { workbenchData } from './data';
import { MSG_OURS_DB, OURS_DB } from './write-cases';

export interface ReadCase {
  name: string;
  rows: number;
  p95: number;
  rawP95: number;
}

type Read = () => Promise<unknown[]>;

async function pair(name: string, ours: Read, raw: Read, repetitions: number): Promise<ReadCase> {
  for (let i = 0; i < 5; i++) await Promise.all([ours(), raw()]); // warm-up: caches, JIT
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  let rows = 0;
  for (let i = 0; i < repetitions; i++) {
    let start = performance.now();
    rows = (await ours()).length;
    oursMs.push(performance.now() - start);
    start = performance.now();
    await raw();
    rawMs.push(performance.now() - start);
  }
  return { name, rows, p95: quantile(oursMs, 0.95), rawP95: quantile(rawMs, 0.95) };
}

export async function indexedReads(repetitions: number): Promise<ReadCase[]> {
  const { story, prompts, chats } = workbenchData();
  const db = new StoryPromptsDatabase(OURS_DB);
  const messagesDb = new StoryPromptsDatabase(MSG_OURS_DB);
  const raw = await openExistingDatabase(OURS_DB);
  const rawMessages = await openExistingDatabase(MSG_OURS_DB);
  try {
    const categoryId = story.categories[7]!.id;
    const tag = prompts[0]!.tags[0]!;
    const chatId = chats[3]!.id;
    const store = (idb: IDBDatabase, name: string) =>
      idb.transaction(name, 'readonly').objectStore(name);
    return [
      await pair(
        'a category’s prompts: listCategoryPrompts',
        () => listCategoryPrompts(db, categoryId),
        () =>
          request(
            store(raw, 'prompts')
              .index('[category_id+position]')
              .getAll(IDBKeyRange.bound([categoryId, ''], [categoryId, '\uffff'])),
          ),
        repetitions,
      ),
      await pair(
        'tag filter: listPromptsWithTag',
        () => listPromptsWithTag(db, tag),
        () => request(store(raw, 'prompts').index('tags').getAll(tag)),
        repetitions,
      ),
      await pair(
        'recent 50 prompts of the story: recentStoryPrompts',
        () => recentStoryPrompts(db, story.story.id, 50),
        () =>
          lastOfRange(
            store(raw, 'prompts').index('[story_id+updated_at]'),
            IDBKeyRange.bound([story.story.id, ''], [story.story.id, '\uffff']),
            50,
          ),
        repetitions,
      ),
      await pair(
        // No repository function reads messages yet: this is the Dexie query a chat view would use.
        'last 50 messages of a chat (Dexie [chat_id+created_at] reverse limit 50)',
        () =>
          messagesDb.messages
            .where('[chat_id+created_at]')
            .between([chatId, Dexie.minKey], [chatId, Dexie.maxKey])
            .reverse()
            .limit(50)
            .toArray(),
        () =>
          lastOfRange(
            store(rawMessages, 'messages').index('[chat_id+created_at]'),
            IDBKeyRange.bound([chatId, ''], [chatId, '\uffff']),
            50,
          ),
        repetitions,
      ),
    ];
  } finally {
    db.close();
    messagesDb.close();
    raw.close();
    rawMessages.close();
  }
}
