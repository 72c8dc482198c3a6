// Personas, chats and messages in Dexie (fake-indexeddb): every write validated and in the
// outbox, messages append-only with a one-way status, the offline queue device-local.
import { describe, expect, it } from 'vitest';
import {
  listAllChats,
  listChatMessages,
  listCustomPersonas,
  listQueuedMessages,
  listSendingMessages,
  listStoryChats,
  lastChatMessages,
} from '../../../src/db/chat-queries';
import {
  createChat,
  deleteChat,
  renameChat,
  titleFromFirstMessage,
  titleFromText,
} from '../../../src/db/chats-repository';
import {
  appendMessage,
  cancelUnsentMessage,
  CHAT_QUEUE_KEY,
  markInterruptedMessage,
  setMessageStatus,
} from '../../../src/db/messages-repository';
import {
  copyPersona,
  createPersona,
  deletePersona,
  updatePersona,
} from '../../../src/db/personas-repository';
import { createStory } from '../../../src/db/stories-repository';
import { BUILTIN_PERSONAS } from '../../../src/domain/personas';
import { freshDatabase } from '../db/test-database';

const editor = BUILTIN_PERSONAS[1]!;

describe('personas', () => {
  it('copies a built-in into an editable synced persona', async () => {
    const db = freshDatabase();
    const copy = await copyPersona(db, editor.id);
    expect(copy).toMatchObject({
      name: 'Developmental editor (copy)',
      system_prompt: editor.system_prompt,
      temperature: editor.temperature,
    });
    expect(copy.id).not.toBe(editor.id);
    const changes = await db.changes
      .where('[table+row_id]')
      .equals(['personas', copy.id])
      .toArray();
    expect(changes).toHaveLength(1);
    await updatePersona(db, copy.id, {
      name: 'My editor',
      default_model: 'stub-small',
      temperature: 0.2,
    });
    expect(
      (await listCustomPersonas(db)).map((p) => [p.name, p.default_model, p.temperature]),
    ).toEqual([['My editor', 'stub-small', 0.2]]);
  });

  it('creates, lists by name and deletes (a tombstone, synced)', async () => {
    const db = freshDatabase();
    const b = await createPersona(db, { name: 'Beta reader', system_prompt: 'Read like a fan.' });
    await createPersona(db, { name: 'Agent' });
    expect((await listCustomPersonas(db)).map((p) => p.name)).toEqual(['Agent', 'Beta reader']);
    await deletePersona(db, b.id);
    expect((await listCustomPersonas(db)).map((p) => p.name)).toEqual(['Agent']);
    expect((await db.personas.get(b.id))?.deleted).toBe(true);
  });

  it('refuses an empty name and a temperature out of range', async () => {
    const db = freshDatabase();
    await expect(createPersona(db, { name: '  ' })).rejects.toMatchObject({
      code: 'validation/invalid',
    });
    await expect(createPersona(db, { name: 'Hot', temperature: 3 })).rejects.toMatchObject({
      code: 'validation/invalid',
    });
    expect(await db.changes.count()).toBe(0);
  });
});

describe('chats', () => {
  it('lists chats per story and all chats, hiding deleted ones', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    const a = await createChat(db, { story_id: story.id, model: 'stub-large' });
    await createChat(db, { title: 'Loose' });
    expect((await listStoryChats(db, story.id)).map((c) => c.id)).toEqual([a.id]);
    expect(await listAllChats(db)).toHaveLength(2);
    await deleteChat(db, a.id);
    expect(await listStoryChats(db, story.id)).toEqual([]);
  });

  it('takes its title from the first message until the writer renames it', async () => {
    const db = freshDatabase();
    const chat = await createChat(db);
    await titleFromFirstMessage(db, chat.id, '## What does Mara want?\nMore text');
    expect((await db.chats.get(chat.id))?.title).toBe('What does Mara want?');
    await titleFromFirstMessage(db, chat.id, 'Second message');
    expect((await db.chats.get(chat.id))?.title).toBe('What does Mara want?');
    await renameChat(db, chat.id, ' Mara ');
    expect((await db.chats.get(chat.id))?.title).toBe('Mara');
  });

  it('moves a chat to the top of the lists when a message is written to it, in the same transaction', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'Salt Roads' });
    const older = await createChat(db, { story_id: story.id, title: 'Older' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await createChat(db, { story_id: story.id, title: 'Newer' });
    expect((await listAllChats(db)).map((c) => c.title)).toEqual(['Newer', 'Older']);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const changesBefore = await db.changes.count();
    const message = await appendMessage(db, {
      chatId: older.id,
      role: 'user',
      content: 'Back to this one',
      model: 'stub-large',
      personaId: null,
      status: 'sent',
    });
    expect((await listAllChats(db)).map((c) => c.title)).toEqual(['Older', 'Newer']);
    expect((await listStoryChats(db, story.id)).map((c) => c.title)).toEqual(['Older', 'Newer']);
    expect((await db.chats.get(older.id))?.updated_at).toBe(message.created_at);
    // updated_at is device-local (never synced): the message's own entry is the only one.
    expect(await db.changes.count()).toBe(changesBefore + 1);

    // A message the database refuses moves nothing: the bump shares the message's transaction.
    const newerStamp = (await db.chats.get(newer.id))?.updated_at;
    await expect(
      appendMessage(db, {
        chatId: newer.id,
        role: 'user',
        content: 'x'.repeat(200_001),
        model: 'stub-large',
        personaId: null,
        status: 'sent',
      }),
    ).rejects.toMatchObject({ code: 'validation/invalid' });
    expect((await db.chats.get(newer.id))?.updated_at).toBe(newerStamp);
    expect((await listAllChats(db)).map((c) => c.title)).toEqual(['Older', 'Newer']);
  });

  it('cuts a long first line at a word', () => {
    const title = titleFromText('word '.repeat(40));
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title.endsWith('word…')).toBe(true);
    expect(titleFromText('\n\n')).toBe('Untitled chat');
  });
});

describe('messages', () => {
  async function chatWith() {
    const db = freshDatabase();
    const chat = await createChat(db, { model: 'stub-large' });
    const append = (
      content: string,
      role: 'user' | 'assistant' = 'user',
      status: 'queued' | 'sending' | 'sent' | 'error' = 'sent',
    ) =>
      appendMessage(db, {
        chatId: chat.id,
        role,
        content,
        model: 'stub-large',
        personaId: null,
        status,
      });
    return { db, chat, append };
  }

  it('keeps messages in order even when appended within one millisecond', async () => {
    const { db, chat, append } = await chatWith();
    for (let i = 0; i < 20; i++) await append(`m${i}`, i % 2 ? 'assistant' : 'user');
    expect((await listChatMessages(db, chat.id)).map((m) => m.content)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m${i}`),
    );
    expect((await lastChatMessages(db, chat.id, 3)).map((m) => m.content)).toEqual([
      'm17',
      'm18',
      'm19',
    ]);
  });

  it('moves status one way and never edits content', async () => {
    const { db, append } = await chatWith();
    const message = await append('Hello', 'user', 'sending');
    await setMessageStatus(db, message.id, 'sent', null);
    await expect(setMessageStatus(db, message.id, 'sending')).rejects.toMatchObject({
      code: 'chat/invalid-status',
    });
    const stored = await db.messages.get(message.id);
    expect(stored).toMatchObject({ content: 'Hello', status: 'sent' });
    const fields = (await db.changes.toArray())
      .filter((c) => c.row_id === message.id)
      .map((c) => Object.keys(c.fields));
    expect(fields[1]).toEqual(['status']);
  });

  it('queues offline messages on this device only and cancels them back to the composer', async () => {
    const { db, append } = await chatWith();
    const queued = await append('Offline thought', 'user', 'queued');
    expect((await db.settings.get(CHAT_QUEUE_KEY))?.value).toEqual([queued.id]);
    expect((await listQueuedMessages(db)).map((m) => m.id)).toEqual([queued.id]);
    // A queued message that synced in from another device is not in this device's queue.
    await db.messages.put({ ...queued, id: crypto.randomUUID() });
    expect(await listQueuedMessages(db)).toHaveLength(1);
    expect(await cancelUnsentMessage(db, queued.id)).toBe('Offline thought');
    expect(await listQueuedMessages(db)).toEqual([]);
    expect((await db.messages.get(queued.id))?.deleted).toBe(true);
  });

  it('leaves the queue when sending starts and cannot cancel a sent message', async () => {
    const { db, append } = await chatWith();
    const queued = await append('Later', 'user', 'queued');
    await setMessageStatus(db, queued.id, 'sending');
    expect(await listQueuedMessages(db)).toEqual([]);
    await setMessageStatus(db, queued.id, 'sent');
    await expect(cancelUnsentMessage(db, queued.id)).rejects.toMatchObject({
      code: 'chat/not-cancellable',
    });
  });

  it('remembers a message this device is sending until it settles, so a closed tab can be recovered', async () => {
    const { db, append } = await chatWith();
    const cut = await append('Cut short', 'user', 'queued');
    const done = await append('Answered', 'user', 'queued');
    await setMessageStatus(db, cut.id, 'sending');
    await setMessageStatus(db, done.id, 'sending');
    expect((await listSendingMessages(db)).map((m) => m.id)).toEqual([cut.id, done.id]);
    await setMessageStatus(db, done.id, 'sent');
    expect((await db.settings.get(CHAT_QUEUE_KEY))?.value).toEqual([cut.id]);

    // The tab sending `cut` closed: it becomes a failed message, and leaves the queue.
    expect(await markInterruptedMessage(db, cut.id)).toBe(true);
    expect((await db.messages.get(cut.id))?.status).toBe('error');
    expect((await db.settings.get(CHAT_QUEUE_KEY))?.value).toEqual([]);
    // One that settled in the meantime is left as it is.
    expect(await markInterruptedMessage(db, done.id)).toBe(false);
    expect((await db.messages.get(done.id))?.status).toBe('sent');
  });
});
