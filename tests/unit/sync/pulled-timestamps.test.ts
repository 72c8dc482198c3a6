// PostgreSQL writes timestamps in its own ISO form (microseconds, `+00:00`, or the server's
// time zone); the app sorts a chat's messages and its recent lists by these strings. Pulled
// rows must land in the app's `toISOString()` form so that order follows time.
import { describe, expect, it } from 'vitest';
import { listChatMessages } from '../../../src/db/chat-queries';
import type { TableRow } from '../../../src/sync/protocol';
import { appTimestamp } from '../../../src/sync/server-rows';
import { freshDatabase } from '../db/test-database';
import { pullAsOnePage } from './pull-as-one-page';

const USER = '00000000-0000-4000-8000-000000000001';
const HLC = `${String(Date.UTC(2026, 10, 26, 9)).padStart(18, '0')}-00000-bb`;

let version = 0;
function messageRow(chatId: string, content: string, createdAt: string): TableRow {
  return {
    table: 'messages',
    row: {
      id: crypto.randomUUID(),
      user_id: USER,
      chat_id: chatId,
      role: 'user',
      content,
      model: 'stub-large',
      persona_id: null,
      status: 'sent',
      usage: null,
      created_at: createdAt,
      updated_at: createdAt,
      deleted: false,
      field_hlc: { content: HLC },
      server_version: ++version,
    },
  };
}

describe('timestamps pulled from PostgreSQL', () => {
  it('are stored as the app writes them, so a chat reads in the order it was written', async () => {
    const db = freshDatabase();
    const chat = crypto.randomUUID();
    await pullAsOnePage(db, [
      // Written at 09:30 UTC by a device (app form).
      messageRow(chat, 'second', '2026-11-26T09:30:00.000Z'),
      // Written at 09:00:00.5 UTC, as a server with TimeZone=Europe/Berlin prints it.
      messageRow(chat, 'first', '2026-11-26T10:00:00.5+01:00'),
      // Written at 09:45 UTC, with PostgreSQL's microseconds.
      messageRow(chat, 'third', '2026-11-26T09:45:00.123456+00:00'),
    ]);

    const messages = await listChatMessages(db, chat);
    expect(messages.map((message) => message.content)).toEqual(['first', 'second', 'third']);
    expect(messages.map((message) => message.created_at)).toEqual([
      '2026-11-26T09:00:00.500Z',
      '2026-11-26T09:30:00.000Z',
      '2026-11-26T09:45:00.123Z',
    ]);
    expect(messages.map((message) => message.updated_at)).toEqual(
      messages.map((message) => message.created_at),
    );
  });

  it('keeps the app’s own form untouched and leaves text that is not a date as it is', () => {
    expect(appTimestamp('2026-11-26T09:30:00.000Z')).toBe('2026-11-26T09:30:00.000Z');
    expect(appTimestamp('2026-11-26T09:00:00+00:00')).toBe('2026-11-26T09:00:00.000Z');
    expect(appTimestamp('2026-11-26 09:00:00.5+00')).toBe('2026-11-26T09:00:00.500Z');
    expect(appTimestamp('not a date')).toBe('not a date');
    expect(appTimestamp(null)).toBe(null);
  });
});
