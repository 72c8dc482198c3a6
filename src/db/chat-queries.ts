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

/** All messages of a chat in order. Filtered after reading: a Dexie filter would walk a cursor. */
export async function listChatMessages(
  db: StoryPromptsDatabase,
  chatId: string,
): Promise<Message[]> {
  const rows = await db.messages
    .where('[chat_id+created_at]')
    .between([chatId, Dexie.minKey], [chatId, Dexie.maxKey])
    .toArray();
  return rows.filter(alive);
}

export interface RecentMessages {
  /** The newest `limit` rows of the chat that are not tombstones, oldest first. */
  messages: Message[];
  /** The rows asked for (tombstones count): the window the chat window shows. */
  limit: number;
  /** Older rows may exist: scrolling up asks for a larger window. */
  hasOlder: boolean;
}

/**
 * The end of a chat, for opening it: a 2,000-message chat reads and renders only its newest
 * rows (B18), and older ones are read as the writer scrolls up.
 */
export async function recentChatMessages(
  db: StoryPromptsDatabase,
  chatId: string,
  limit: number,
): Promise<RecentMessages> {
  const newestFirst = await db.messages
    .where('[chat_id+created_at]')
    .between([chatId, Dexie.minKey], [chatId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
  const messages: Message[] = [];
  for (let index = newestFirst.length - 1; index >= 0; index--) {
    const row = newestFirst[index]!;
    if (!row.deleted) messages.push(row);
  }
  return { messages, limit, hasOlder: newestFirst.length === limit };
}

export interface MessageWindow extends RecentMessages {
  /** Where the message asked for is in `messages`. */
  index: number;
}

/**
 * The end of a chat down to one message and `above` rows before it (at least `minimum` rows),
 * for opening a chat at that message (a search hit). The rows from the message to the end are
 * counted on the [chat_id+created_at] index (no row is read for that), then the window is read
 * like recentChatMessages, so scrolling up keeps paging from there. Null when the message is
 * not in this chat: unknown, deleted, or another chat's.
 */
export function chatMessagesFrom(
  db: StoryPromptsDatabase,
  chatId: string,
  messageId: string,
  { minimum, above }: { minimum: number; above: number },
): Promise<MessageWindow | null> {
  return db.transaction('r', db.messages, async () => {
    const target = await db.messages.get(messageId);
    if (!target || target.deleted || target.chat_id !== chatId) return null;
    const fromTarget = await db.messages
      .where('[chat_id+created_at]')
      .between([chatId, target.created_at], [chatId, Dexie.maxKey], true, true)
      .count();
    const recent = await recentChatMessages(db, chatId, Math.max(minimum, fromTarget + above));
    const index = recent.messages.findIndex((message) => message.id === messageId);
    return index < 0 ? null : { ...recent, index };
  });
}

/**
 * The user message a reply answers: the nearest earlier user message of its chat, read
 * backwards on the [chat_id+created_at] index from the reply (usually one step). Read from the
 * database because the chat window may not have loaded it (the reply is the oldest one loaded).
 */
export function promptOfReply(
  db: StoryPromptsDatabase,
  reply: Message,
): Promise<Message | undefined> {
  let passedReply = false;
  return db.messages
    .where('[chat_id+created_at]')
    .between([reply.chat_id, Dexie.minKey], [reply.chat_id, reply.created_at], true, true)
    .reverse()
    .filter((row) => {
      // Rows sharing the reply's created_at sort by id: only those below the reply are earlier.
      if (!passedReply) {
        passedReply = row.id === reply.id;
        return false;
      }
      return row.role === 'user' && !row.deleted;
    })
    .first();
}

/**
 * The last `limit` messages of a chat up to and including `messageId`, oldest first: the
 * context of a reply to that message, wherever it is in the chat (a reply regenerated far up a
 * long chat answers its own prompt, not the chat's end). The chat's last messages when the
 * message is not in the chat.
 */
export async function chatMessagesUpTo(
  db: StoryPromptsDatabase,
  chatId: string,
  messageId: string,
  limit: number,
): Promise<Message[]> {
  const message = await db.messages.get(messageId);
  if (!message || message.chat_id !== chatId) return lastChatMessages(db, chatId, limit);
  const newestFirst = await db.messages
    .where('[chat_id+created_at]')
    .between([chatId, Dexie.minKey], [chatId, message.created_at], true, true)
    .reverse()
    .filter(alive)
    .limit(limit)
    .toArray();
  return newestFirst.reverse();
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
  return queueMessagesWithStatus(db, 'queued');
}

/** Messages this device was sending: a tab may still be streaming their reply, or it closed. */
export async function listSendingMessages(db: StoryPromptsDatabase): Promise<Message[]> {
  return queueMessagesWithStatus(db, 'sending');
}

async function queueMessagesWithStatus(
  db: StoryPromptsDatabase,
  status: Message['status'],
): Promise<Message[]> {
  const ids = await readChatQueue(db);
  const rows = await db.messages.bulkGet(ids);
  return rows.filter(
    (row): row is Message => row !== undefined && !row.deleted && row.status === status,
  );
}
