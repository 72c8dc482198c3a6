// The chat lists are newest first by the chat's updated_at, which writing a message bumps on
// the device that writes it. updated_at is not synced, so a device that receives the messages
// through a pull must bump it too, or the chat stays where it was there.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAllChats, listStoryChats } from '../../../src/db/chat-queries';
import type { StoryPromptsDatabase } from '../../../src/db/database';
import type { TableRow } from '../../../src/sync/protocol';
import { freshDatabase } from '../db/test-database';
import { pullAsOnePage } from './pull-as-one-page';

const USER = '00000000-0000-4000-8000-000000000001';
const STORY = crypto.randomUUID();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 9, minute)).toISOString();
const hlc = (minute: number) => `${String(Date.parse(at(minute))).padStart(18, '0')}-00000-bb`;

let version = 0;
function chatRow(id: string, title: string, minute: number): TableRow {
  return {
    table: 'chats',
    row: {
      id,
      user_id: USER,
      story_id: STORY,
      title,
      model: 'stub-large',
      persona_id: null,
      created_at: at(minute),
      updated_at: at(minute),
      deleted: false,
      field_hlc: { title: hlc(minute) },
      server_version: ++version,
    },
  };
}

function messageRow(chatId: string, minute: number): TableRow {
  return {
    table: 'messages',
    row: {
      id: crypto.randomUUID(),
      user_id: USER,
      chat_id: chatId,
      role: 'user',
      content: `Written at minute ${minute}`,
      model: 'stub-large',
      persona_id: null,
      status: 'sent',
      usage: null,
      created_at: at(minute),
      // The server stamps updated_at itself (informational), here later than the message.
      updated_at: at(minute + 30),
      deleted: false,
      field_hlc: { content: hlc(minute) },
      server_version: ++version,
    },
  };
}

const titles = async (db: StoryPromptsDatabase) => ({
  all: (await listAllChats(db)).map((chat) => chat.title),
  story: (await listStoryChats(db, STORY)).map((chat) => chat.title),
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('chat order on a device that receives messages through sync', () => {
  it('moves a chat whose messages arrive through the pull to the top of both chat lists', async () => {
    const db = freshDatabase();
    const older = crypto.randomUUID();
    const newer = crypto.randomUUID();
    await pullAsOnePage(db, [chatRow(older, 'Older', 1), chatRow(newer, 'Newer', 2)]);
    expect(await titles(db)).toEqual({ all: ['Newer', 'Older'], story: ['Newer', 'Older'] });

    await pullAsOnePage(db, [messageRow(older, 10)]);
    expect(await titles(db)).toEqual({ all: ['Older', 'Newer'], story: ['Older', 'Newer'] });
    expect((await db.chats.get(older))?.updated_at).toBe(at(10));
    // Device-local: nothing waits to be pushed because of it.
    expect(await db.changes.count()).toBe(0);

    // An older message arriving late (written offline) moves nothing back or forward.
    await pullAsOnePage(db, [messageRow(newer, 5)]);
    expect(await titles(db)).toEqual({ all: ['Older', 'Newer'], story: ['Older', 'Newer'] });
    await pullAsOnePage(db, [messageRow(newer, 11)]);
    expect(await titles(db)).toEqual({ all: ['Newer', 'Older'], story: ['Newer', 'Older'] });
  });

  it('orders a first download by each chat’s newest message, whatever the page order', async () => {
    const db = freshDatabase();
    const quiet = crypto.randomUUID();
    const busy = crypto.randomUUID();
    await pullAsOnePage(db, [
      chatRow(busy, 'Busy', 1),
      messageRow(busy, 20),
      chatRow(quiet, 'Quiet', 3),
      messageRow(quiet, 4),
    ]);
    expect(await titles(db)).toEqual({ all: ['Busy', 'Quiet'], story: ['Busy', 'Quiet'] });

    // A chat row pulled again later (renamed elsewhere) with an updated_at below its newest
    // message, e.g. from a device whose clock is behind, keeps the chat where its messages put it.
    const renamed = chatRow(busy, 'Busy, renamed', 2);
    await pullAsOnePage(db, [renamed]);
    expect(await titles(db)).toEqual({
      all: ['Busy, renamed', 'Quiet'],
      story: ['Busy, renamed', 'Quiet'],
    });
  });

  it('finds a chat’s newest message on the [chat_id+created_at] index, never by scanning messages', async () => {
    const db = freshDatabase();
    const chat = crypto.randomUUID();
    const other = crypto.randomUUID();
    await pullAsOnePage(db, [chatRow(chat, 'Long', 1), chatRow(other, 'Other', 2)]);
    const history = Array.from({ length: 5_000 }, (_, index) => ({
      ...(messageRow(index % 2 ? chat : other, 3).row as Record<string, unknown>),
      created_at: new Date(Date.parse(at(3)) + index).toISOString(),
    }));
    await db.messages.bulkAdd(history as never);

    // Every read of the messages store during the pull, by how it reads.
    const reads: string[] = [];
    const spyStore = (
      method: 'openCursor' | 'openKeyCursor' | 'getAll' | 'getAllKeys' | 'count',
    ) => {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => unknown;
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
        this: IDBObjectStore,
        ...args: unknown[]
      ) {
        if (this.name === 'messages') reads.push(`store.${method}`);
        return original.apply(this, args);
      } as never);
    };
    const spyIndex = (
      method: 'openCursor' | 'openKeyCursor' | 'getAll' | 'getAllKeys' | 'count',
    ) => {
      const original = IDBIndex.prototype[method] as (...args: unknown[]) => unknown;
      vi.spyOn(IDBIndex.prototype, method).mockImplementation(function (
        this: IDBIndex,
        ...args: unknown[]
      ) {
        if (this.objectStore.name === 'messages') {
          const range = args[0] as IDBKeyRange | undefined;
          const oneChat =
            range instanceof IDBKeyRange &&
            Array.isArray(range.lower) &&
            Array.isArray(range.upper) &&
            range.lower[0] === range.upper[0];
          reads.push(`${this.name}.${method}${oneChat ? ' (one chat)' : ' (unbounded)'}`);
        }
        return original.apply(this, args);
      } as never);
    };
    for (const method of [
      'openCursor',
      'openKeyCursor',
      'getAll',
      'getAllKeys',
      'count',
    ] as const) {
      spyStore(method);
      spyIndex(method);
    }

    await pullAsOnePage(db, [messageRow(other, 59)]);
    expect(await titles(db)).toEqual({ all: ['Other', 'Long'], story: ['Other', 'Long'] });
    expect(reads).toHaveLength(1); // one chat touched: one step on the index
    expect(
      reads.every(
        (read) => read.startsWith('[chat_id+created_at].') && read.endsWith('(one chat)'),
      ),
    ).toBe(true);
  });
});
