// A chat's updated_at is its last activity on this device: the chat lists read it newest first
// on the chats' updated_at indexes. It is device-local (UNSYNCED_FIELDS), so every device keeps
// it itself: appendMessage bumps it for a message written here, and the sync apply calls this
// for rows pulled from the server (messages written elsewhere, or a chat row whose server
// updated_at is below its newest message). Plain writes, no outbox entry; callers run it in
// the transaction that stores the rows, so the order never shows a half-applied page.
import { Dexie } from 'dexie';
import type { StoryPromptsDatabase } from './database';

/** The created_at of a chat's newest message: one step on the [chat_id+created_at] index. */
async function newestMessageAt(db: StoryPromptsDatabase, chatId: string): Promise<string | null> {
  // Keys only: the index key [chat_id, created_at] holds the answer, no message is read.
  const keys = await db.messages
    .where('[chat_id+created_at]')
    .between([chatId, Dexie.minKey], [chatId, Dexie.maxKey])
    .reverse()
    .limit(1)
    .keys();
  const key = keys[0] as [string, string] | undefined;
  return key?.[1] ?? null;
}

/** Raises each chat's updated_at to its newest message's created_at; never lowers it. */
export async function raiseChatActivity(
  db: StoryPromptsDatabase,
  chatIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(chatIds)];
  if (ids.length === 0) return;
  const [chats, newest] = await Promise.all([
    db.chats.bulkGet(ids),
    Promise.all(ids.map((id) => newestMessageAt(db, id))),
  ]);
  await Promise.all(
    ids.map((id, index) => {
      const chat = chats[index];
      // Compared as instants: pulled rows carry Postgres' text form (+00:00), local ones `Z`.
      const at = Date.parse(newest[index] ?? '');
      if (!chat || !(at > Date.parse(chat.updated_at))) return undefined;
      return db.chats.update(id, { updated_at: new Date(at).toISOString() });
    }),
  );
}
