import { describe, expect, it } from 'vitest';
import { pullAll } from '../../../src/sync/pull';
import type { PullRequest, PullResponse } from '../../../src/sync/protocol';
import { readSyncMeta, writeSyncMeta } from '../../../src/sync/sync-meta';
import type { SyncTransport } from '../../../src/sync/sync-transport';
import { freshDatabase } from '../db/test-database';
import { serverStoryRow as storyRow } from './server-story-row';

/** A server holding `total` stories, one per version, answering pages of `limit`. */
function pagedServer(total: number, events: string[], delayMs = 5): SyncTransport {
  const rows = Array.from({ length: total }, (_, index) => storyRow(index + 1));
  return {
    push: () => Promise.reject(new Error('not used')),
    ackPull: async (request) => {
      events.push(`ack ${request.version}`);
      return { last_pull_version: request.version, gc_version: 0 };
    },
    pull: async (request: PullRequest): Promise<PullResponse> => {
      events.push(`request ${request.cursor}`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const changes = rows
        .filter((row) => row.row.server_version > request.cursor)
        .slice(0, request.limit);
      const cursor = changes.at(-1)?.row.server_version ?? request.cursor;
      return { changes, cursor, has_more: cursor < total, ack_mid: 0, reset_required: false };
    },
  };
}

describe('pulling page by page', () => {
  it('asks for the next page while the previous one is being stored, and stores every row once', async () => {
    const db = freshDatabase();
    const events: string[] = [];
    const progress = await pullAll(
      db,
      pagedServer(25, events),
      (p) => events.push(`stored ${p.pages}`),
      10,
    );
    expect(progress).toEqual({ pages: 3, rows: 25 });
    expect(await db.stories.count()).toBe(25);
    expect(await readSyncMeta(db.meta, 'pull_cursor')).toBe(25);
    // The request for page 2 goes out before page 1 is reported stored.
    expect(events.indexOf('request 10')).toBeLessThan(events.indexOf('stored 1'));
    expect(events.filter((event) => event.startsWith('request'))).toEqual([
      'request 0',
      'request 10',
      'request 20',
    ]);
  });

  it('drops a page fetched ahead when another tab moved the cursor meanwhile', async () => {
    const db = freshDatabase();
    const events: string[] = [];
    const server = pagedServer(30, events);
    let moved = false;
    await pullAll(
      db,
      server,
      () => {
        // After page 1 is stored, another tab of this device stores pages 2 and 3 itself.
        if (moved) return;
        moved = true;
        void writeSyncMeta(db.meta, 'pull_cursor', 30);
      },
      10,
    );
    expect(await readSyncMeta(db.meta, 'pull_cursor')).toBe(30);
    expect(await db.stories.count()).toBe(10);
    expect(events).toContain('request 30');
  });
});
