// A long chat is only partly loaded (its newest rows, then pages as the writer scrolls up), so
// what the chat does with one message must not depend on what the window holds: opening the
// chat at an old message (a search hit) reads down to it, regenerating the oldest loaded reply
// still finds its prompt, and the request carries that prompt's own context, not the chat's end.
import { describe, expect, it } from 'vitest';
import { chatMessagesFrom, promptOfReply, recentChatMessages } from '../../../src/db/chat-queries';
import { createChat } from '../../../src/db/chats-repository';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import type { Message } from '../../../src/domain/entities';
import type { ChatProvider, ChatRequest } from '../../../src/platform/chat-providers/chat-provider';
import { runChatTurn } from '../../../src/features/chat/chat-turn';
import { freshDatabase } from '../db/test-database';

const BASE = Date.parse('2026-02-01T00:00:00Z');

/**
 * Writes `roles.length` sent messages one second apart, straight into the table (as a pull or
 * an import would land them): "message 0", "message 1", ... Returns them oldest first.
 */
async function seedMessages(
  db: StoryPromptsDatabase,
  chatId: string,
  roles: ReadonlyArray<Message['role']>,
  startSecond = 0,
): Promise<Message[]> {
  const rows = roles.map((role, index): Message => {
    const at = new Date(BASE + (startSecond + index) * 1000).toISOString();
    return {
      id: crypto.randomUUID(),
      created_at: at,
      updated_at: at,
      deleted: false,
      chat_id: chatId,
      role,
      content: `message ${index}`,
      model: 'm',
      persona_id: null,
      status: 'sent',
      usage: null,
    };
  });
  await db.messages.bulkAdd(rows);
  return rows;
}

const alternating = (count: number): Array<Message['role']> =>
  Array.from({ length: count }, (_, index) => (index % 2 ? 'assistant' : 'user'));

describe('chatMessagesFrom', () => {
  const around = { minimum: 60, above: 40 };

  it('reads down to a message older than the newest 60 and says where it is; paging goes on from there', async () => {
    const db = freshDatabase();
    const chat = await createChat(db, { model: 'm' });
    const rows = await seedMessages(db, chat.id, alternating(700));
    const newest = await recentChatMessages(db, chat.id, 60);
    expect(newest.messages.some((message) => message.id === rows[100]!.id)).toBe(false);

    const window = await chatMessagesFrom(db, chat.id, rows[100]!.id, around);
    expect(window).not.toBeNull();
    expect(window!.messages[window!.index]!.id).toBe(rows[100]!.id);
    // The message, 40 rows of context above it, and everything after it, oldest first.
    expect(window!.index).toBe(40);
    expect(window!.messages.map((message) => message.id)).toEqual(
      rows.slice(60).map((row) => row.id),
    );
    expect(window).toMatchObject({ limit: 640, hasOlder: true });

    const nextPage = await recentChatMessages(db, chat.id, window!.limit + 200);
    expect(nextPage.messages.map((message) => message.id)).toEqual(rows.map((row) => row.id));
    expect(nextPage.hasOlder).toBe(false);
  });

  it('keeps at least the window asked for when the message is among the newest', async () => {
    const db = freshDatabase();
    const chat = await createChat(db, { model: 'm' });
    const rows = await seedMessages(db, chat.id, alternating(700));
    const window = await chatMessagesFrom(db, chat.id, rows[690]!.id, around);
    expect(window).toMatchObject({ index: 50, limit: 60, hasOlder: true });
    expect(window!.messages[50]!.id).toBe(rows[690]!.id);
  });

  it('reports a message that is not in this chat: unknown, deleted, or another chat’s', async () => {
    const db = freshDatabase();
    const chat = await createChat(db, { model: 'm' });
    const other = await createChat(db, { model: 'm' });
    const rows = await seedMessages(db, chat.id, alternating(80));
    const elsewhere = await seedMessages(db, other.id, alternating(3));
    await db.messages.update(rows[5]!.id, { deleted: true });

    expect(await chatMessagesFrom(db, chat.id, crypto.randomUUID(), around)).toBeNull();
    expect(await chatMessagesFrom(db, chat.id, rows[5]!.id, around)).toBeNull();
    expect(await chatMessagesFrom(db, chat.id, elsewhere[1]!.id, around)).toBeNull();
    expect((await chatMessagesFrom(db, chat.id, rows[6]!.id, around))?.index).toBe(5);
  });
});

describe('promptOfReply', () => {
  it('finds the prompt of the oldest loaded reply, which the loaded window does not hold', async () => {
    const db = freshDatabase();
    const chat = await createChat(db, { model: 'm' });
    const rows = await seedMessages(db, chat.id, alternating(151));
    const window = await recentChatMessages(db, chat.id, 60);
    const oldestLoaded = window.messages[0]!;
    expect(oldestLoaded).toMatchObject({ role: 'assistant', content: 'message 91' });
    expect(window.messages.some((message) => message.id === rows[90]!.id)).toBe(false);

    expect((await promptOfReply(db, oldestLoaded))?.id).toBe(rows[90]!.id);
  });

  it('skips earlier replies, deleted messages and other chats; none before the first reply', async () => {
    const db = freshDatabase();
    const chat = await createChat(db, { model: 'm' });
    const other = await createChat(db, { model: 'm' });
    const rows = await seedMessages(db, chat.id, [
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
      'assistant',
    ]);
    await db.messages.update(rows[3]!.id, { deleted: true });
    // Another chat's user message half a second before the regenerated reply.
    await db.messages.add({
      ...rows[1]!,
      id: crypto.randomUUID(),
      chat_id: other.id,
      created_at: new Date(BASE + 4_500).toISOString(),
    });

    expect((await promptOfReply(db, rows[5]!))?.id).toBe(rows[1]!.id);
    expect((await promptOfReply(db, rows[2]!))?.id).toBe(rows[1]!.id);
    expect(await promptOfReply(db, rows[0]!)).toBeUndefined();
  });
});

describe('regenerating a reply far up a long chat', () => {
  it('sends that reply’s prompt with the messages before it, not the chat’s last messages', async () => {
    const db = freshDatabase();
    const chat = await createChat(db, { model: 'm' });
    const rows = await seedMessages(db, chat.id, alternating(200));
    const requests: ChatRequest[] = [];
    const provider: ChatProvider = {
      kind: 'app-server',
      stream: async function* (request) {
        requests.push(request);
        yield {
          type: 'done',
          final: { id: 'r', model: 'm', content: 'Again.', usage: null, finishReason: 'stop' },
        };
      },
      listModels: async () => [],
      testConnection: async () => ({ ok: true, message: '' }),
    };
    const outcome = await runChatTurn(
      db,
      provider,
      {
        chatId: chat.id,
        model: 'm',
        personaId: null,
        persona: {},
        userMessageId: rows[20]!.id,
        mode: 'regenerate',
      },
      new AbortController().signal,
    );

    expect(outcome.kind).toBe('sent');
    expect(requests[0]!.messages.map((turn) => turn.content)).toEqual(
      rows.slice(0, 21).map((row) => row.content),
    );
  });
});
