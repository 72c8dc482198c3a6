// Chat messages are append-only: content is written once, at insert. Only `status` moves on
// afterwards (queued → sending → sent | error, error → sending again on Retry), and a
// regenerated reply is a new assistant message. Messages written offline are queued on THIS
// device: their ids sit in a device-local list (db.settings, never synced) so only the device
// that queued a message ever sends it, even after the message row synced elsewhere. An id
// stays in that list while its message is 'sending' too: if the tab closes mid-reply, this
// device (and only it) knows the message was never answered and can offer Retry again.
import { Dexie } from 'dexie';
import type { Message } from '../domain/entities';
import { AppError } from '../lib/app-error';
import type { StoryPromptsDatabase } from './database';
import { NotFoundError } from './errors';
import { newRowBase } from './row-defaults';
import { insertRow, updateRow } from './write-rows';

export const CHAT_QUEUE_KEY = 'chat.queue';

export type MessageStatus = Message['status'];

export interface NewMessage {
  chatId: string;
  role: Message['role'];
  content: string;
  model: string;
  personaId: string | null;
  status: MessageStatus;
  usage?: Message['usage'];
}

const ALLOWED: Record<MessageStatus, readonly MessageStatus[]> = {
  queued: ['sending'],
  sending: ['sent', 'error', 'queued'],
  error: ['sending', 'queued'],
  sent: [],
};

/** Ordering is by created_at within a chat: a new message is always later than the last one. */
async function nextCreatedAt(db: StoryPromptsDatabase, chatId: string): Promise<string> {
  const last = await db.messages
    .where('[chat_id+created_at]')
    .between([chatId, Dexie.minKey], [chatId, Dexie.maxKey])
    .last();
  const now = Date.now();
  const after = last ? Date.parse(last.created_at) + 1 : now;
  return new Date(Math.max(now, after)).toISOString();
}

export async function readChatQueue(db: StoryPromptsDatabase): Promise<string[]> {
  const entry = await db.settings.get(CHAT_QUEUE_KEY);
  return Array.isArray(entry?.value) ? (entry.value as string[]) : [];
}

async function editQueue(db: StoryPromptsDatabase, edit: (ids: string[]) => string[]) {
  await db.settings.put({ key: CHAT_QUEUE_KEY, value: edit(await readChatQueue(db)) });
}

export async function appendMessage(
  db: StoryPromptsDatabase,
  message: NewMessage,
): Promise<Message> {
  const tables = [db.chats, db.messages, db.changes, db.row_meta, db.settings];
  return db.transaction('rw', tables, async () => {
    const base = newRowBase();
    const created_at = await nextCreatedAt(db, message.chatId);
    const row = await insertRow(db, 'messages', {
      ...base,
      created_at,
      updated_at: created_at,
      chat_id: message.chatId,
      role: message.role,
      content: message.content,
      model: message.model,
      persona_id: message.personaId,
      status: message.status,
      usage: message.usage ?? null,
    });
    if (row.status === 'queued') await editQueue(db, (ids) => [...ids, row.id]);
    // The chat lists are newest first by updated_at: a message makes its chat the most recent.
    // updated_at is device-local (UNSYNCED_FIELDS), so this is a plain write, no outbox entry;
    // in this transaction, so a refused message moves nothing.
    await db.chats.update(message.chatId, { updated_at: created_at });
    return row;
  });
}

export class MessageStatusError extends AppError {
  constructor(from: MessageStatus, to: MessageStatus) {
    super('chat/invalid-status', `A ${from} message cannot become ${to}.`);
    this.name = 'MessageStatusError';
  }
}

/** Moves a message to its next status, keeping this device's queue in step (see the top). */
export async function setMessageStatus(
  db: StoryPromptsDatabase,
  id: string,
  status: MessageStatus,
  usage?: Message['usage'],
): Promise<Message> {
  return db.transaction('rw', [db.messages, db.changes, db.row_meta, db.settings], async () => {
    const current = await db.messages.get(id);
    if (!current || current.deleted) throw new NotFoundError('Message', id);
    if (current.status === status) return current;
    if (!ALLOWED[current.status].includes(status))
      throw new MessageStatusError(current.status, status);
    const next = await updateRow(
      db,
      'messages',
      id,
      usage === undefined ? { status } : { status, usage },
    );
    // In the list while this device owes the message an answer (queued, or sending now).
    const owed = status === 'queued' || status === 'sending';
    await editQueue(db, (ids) =>
      owed ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((queued) => queued !== id),
    );
    return next;
  });
}

/**
 * Takes a queued or failed user message for sending. Exactly one caller wins (the check and the
 * write share one transaction), so two tabs flushing the queue never send a message twice.
 */
export async function claimMessageForSending(
  db: StoryPromptsDatabase,
  id: string,
): Promise<boolean> {
  return db.transaction('rw', [db.messages, db.changes, db.row_meta, db.settings], async () => {
    const current = await db.messages.get(id);
    if (!current || current.deleted || (current.status !== 'queued' && current.status !== 'error'))
      return false;
    await setMessageStatus(db, id, 'sending');
    return true;
  });
}

/**
 * A message left 'sending' by a tab that closed (or crashed) mid-reply becomes 'error', so the
 * writer sees "Not sent" with Retry. The caller makes sure no tab is still sending it.
 */
export async function markInterruptedMessage(
  db: StoryPromptsDatabase,
  id: string,
): Promise<boolean> {
  return db.transaction('rw', [db.messages, db.changes, db.row_meta, db.settings], async () => {
    const current = await db.messages.get(id);
    if (!current || current.deleted || current.status !== 'sending') return false;
    await setMessageStatus(db, id, 'error');
    return true;
  });
}

/**
 * Cancels a message that has not been answered (queued, or failed): it becomes a tombstone and
 * leaves the queue. Returns its text so the UI can put it back in the composer.
 */
export async function cancelUnsentMessage(db: StoryPromptsDatabase, id: string): Promise<string> {
  return db.transaction('rw', [db.messages, db.changes, db.row_meta, db.settings], async () => {
    const current = await db.messages.get(id);
    if (!current || current.deleted) throw new NotFoundError('Message', id);
    if (current.status === 'sent' || current.status === 'sending') {
      throw new AppError('chat/not-cancellable', 'This message was already sent.');
    }
    await updateRow(db, 'messages', id, { deleted: true });
    await editQueue(db, (ids) => ids.filter((queued) => queued !== id));
    return current.content;
  });
}
