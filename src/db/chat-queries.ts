// Read queries of the chat feature (wrap them in useLiveQuery). Tombstones are hidden.
import { Dexie } from 'dexie';
import type { Chat, Message, Persona } from '../domain/entities';
import type { StoryPromptsDatabase } from './database';
import { readChatQueue } from './messages-repository';

const alive = <T extends { deleted: boolean }>(row: T) => !row.deleted;

/** Chats of one story, most recently changed first. */
export function listStoryChats(db: StoryPromptsDatabase, storyId: string): Promise<Chat[]> {
  return db.chats
    .where('[story_id+updated_at]')
    .between([storyId, Dexie.minKey], [storyId, Dexie.maxKey])
    .reverse()
    .filter(alive)
    .toArray();
}

/** Every chat (with or without a story), most recently changed first. */
export function listAllChats(db: StoryPromptsDatabase): Promise<Chat[]> {
  return db.chats.orderBy('updated_at').reverse().filter(alive).toArray();
}

export function getChat(db: StoryPromptsDatabase, id: string): Promise<Chat | undefined> {
  return db.chats.get(id).then((chat) => (chat && !chat.deleted ? chat : undefined));
}

/** All messages of a chat in order (the chat window virtualizes them). */
export function listChatMessages(db: StoryPromptsDatabase, chatId: string): Promise<Message[]> {
  return db.messages
    .where('[chat_id+created_at]')
    .between([chatId, Dexie.minKey], [chatId, Dexie.maxKey])
    .filter(alive)
    .toArray();
}

/** The last `limit` messages of a chat, oldest first: the context sent with a new message. */
export async function lastChatMessages(
  db: StoryPromptsDatabase,
  chatId: string,
  limit: number,
): Promise<Message[]> {
  const newestFirst = await db.messages
    .where('[chat_id+created_at]')
    .between([chatId, Dexie.minKey], [chatId, Dexie.maxKey])
    .reverse()
    .filter(alive)
    .limit(limit)
    .toArray();
  return newestFirst.reverse();
}

export function listCustomPersonas(db: StoryPromptsDatabase): Promise<Persona[]> {
  return db.personas
    .filter(alive)
    .toArray()
    .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name)));
}

export function getCustomPersona(
  db: StoryPromptsDatabase,
  id: string,
): Promise<Persona | undefined> {
  return db.personas.get(id).then((persona) => (persona && !persona.deleted ? persona : undefined));
}

/** Messages queued on this device, oldest first (tombstoned or already sent ones are skipped). */
export async function listQueuedMessages(db: StoryPromptsDatabase): Promise<Message[]> {
  const ids = await readChatQueue(db);
  const rows = await db.messages.bulkGet(ids);
  return rows.filter(
    (row): row is Message => row !== undefined && !row.deleted && row.status === 'queued',
  );
}
