// The messages shard: chat messages, each carrying its chat's title (matched with a low boost).
// A message disappears while its chat is deleted; a chat rename or delete re-indexes its messages.
import type { StoryPromptsDatabase } from '../db/database';
import type { Message } from '../domain/entities';
import type { SyncedTable } from '../domain/synced-tables';
import { messageDoc } from './search-documents';
import { messageHit } from './search-hits';
import type { RawHit, SearchIndex } from './search-index';
import { applyRowKeys, indexRows, reconcileTable, refreshFacts } from './search-scan';
import type { ParentFacts } from './search-scan';
import type { ShardSource } from './search-source';
import type { SearchHit } from './search-types';

export function messagesSource(db: StoryPromptsDatabase, index: () => SearchIndex): ShardSource {
  const chats = new Map<string, ParentFacts>();
  let parentsKnown = false;

  const docFor = (message: Message) => {
    const chat = chats.get(message.chat_id);
    if (message.deleted || chat?.deleted) return null;
    return messageDoc(message, chat?.title ?? '');
  };

  async function refreshChats(keys?: readonly string[]) {
    const rows = keys ? await db.chats.bulkGet([...keys]) : await db.chats.toArray();
    const ids = keys ?? rows.map((row) => row!.id);
    const changed = refreshFacts(chats, rows, ids, (row) => ({
      title: row.title,
      deleted: row.deleted,
    }));
    if (!parentsKnown) return;
    for (const chatId of changed) {
      const messages = await db.messages.where('chat_id').equals(chatId).toArray();
      await indexRows(index(), messages, docFor);
    }
  }

  async function reconcile(table: SyncedTable) {
    if (table === 'chats') await refreshChats();
    if (table === 'messages') {
      await reconcileTable(db, index(), 'messages', 'message', docFor);
      parentsKnown = true;
    }
  }

  async function applyKeys(table: SyncedTable, keys: readonly string[]) {
    if (table === 'chats') await refreshChats(keys);
    if (table === 'messages') await applyRowKeys(db, index(), 'messages', keys, docFor);
  }

  async function toHits(raw: readonly RawHit[]): Promise<SearchHit[]> {
    const messages = await db.messages.bulkGet(raw.map((hit) => hit.id));
    const chatIds = [...new Set(messages.flatMap((message) => (message ? [message.chat_id] : [])))];
    const chatRows = await db.chats.bulkGet(chatIds);
    const chatById = new Map(chatRows.flatMap((chat) => (chat ? [[chat.id, chat] as const] : [])));
    return raw.flatMap((hit, i) => {
      const message = messages[i];
      return message && !message.deleted
        ? [messageHit(hit, message, chatById.get(message.chat_id))]
        : [];
    });
  }

  return { tables: ['chats', 'messages'], reconcile, applyKeys, toHits };
}
