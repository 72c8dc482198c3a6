// The client's side of tombstone purge: after pulling it tells the server how far it got, and
// when the server can no longer continue its cursor (history purged while it was away) it
// downloads everything again and deletes the rows the server no longer has, except those with
// an edit still waiting to be pushed.
import { describe, expect, it } from 'vitest';
import { insertRow, updateRow } from '../../../src/db/write-rows';
import { pullAll } from '../../../src/sync/pull';
import type {
  AckPullRequest,
  PullRequest,
  PullResponse,
  TableRow,
} from '../../../src/sync/protocol';
import { readSyncMeta } from '../../../src/sync/sync-meta';
import type { SyncTransport } from '../../../src/sync/sync-transport';
import { freshDatabase } from '../db/test-database';
import { serverStoryRow as storyRow } from './server-story-row';

/**
 * An in-memory sync server with sync_pull's rules: rows by version, a purge horizon (a cursor
 * below it is refused unless the download already saw that horizon), acknowledgements logged.
 */
class FakeServer implements SyncTransport {
  rows: TableRow[] = [];
  gcVersion = 0;
  acks: number[] = [];
  ackFails = false;

  push(): never {
    throw new Error('not used');
  }

  async pull(request: PullRequest): Promise<PullResponse> {
    const gcVersion = this.gcVersion;
    if (request.cursor > 0 && request.cursor < gcVersion && (request.gc_seen ?? -1) < gcVersion) {
      return {
        changes: [],
        cursor: request.cursor,
        has_more: false,
        ack_mid: 0,
        gc_version: gcVersion,
        reset_required: true,
      };
    }
    const newer = this.rows
      .filter(({ row }) => row.server_version > request.cursor)
      .sort((a, b) => a.row.server_version - b.row.server_version);
    const changes = newer.slice(0, request.limit);
    const cursor = changes.at(-1)?.row.server_version ?? request.cursor;
    return {
      changes,
      cursor,
      has_more: newer.length > changes.length,
      ack_mid: 0,
      gc_version: gcVersion,
      reset_required: false,
    };
  }

  async ackPull(request: AckPullRequest) {
    if (this.ackFails) throw new Error('network down');
    this.acks.push(request.version);
    return { last_pull_version: request.version, gc_version: this.gcVersion };
  }

  /** Another device deleted `row` and every device but ours pulled it: the row is purged. */
  purge(row: TableRow, gcVersion: number): void {
    this.rows = this.rows.filter((candidate) => candidate !== row);
    this.gcVersion = gcVersion;
  }
}

describe('acknowledging pulls', () => {
  it('tells the server its cursor once caught up, only when it moved, and again after a failed try', async () => {
    const db = freshDatabase();
    const server = new FakeServer();
    server.rows = [storyRow(1), storyRow(2), storyRow(3)];
    await pullAll(db, server, undefined, 2);
    expect(server.acks).toEqual([3]);

    await pullAll(db, server, undefined, 2);
    expect(server.acks).toEqual([3]); // nothing new: nothing to say

    server.rows.push(storyRow(4));
    server.ackFails = true;
    await expect(pullAll(db, server)).resolves.toMatchObject({ rows: 1 });
    expect(await db.stories.count()).toBe(4); // the pulled row is stored all the same
    server.ackFails = false;
    await pullAll(db, server);
    expect(server.acks).toEqual([3, 4]);
  });
});

describe('a full download after the server purged history this device never saw', () => {
  it('a new device downloads page by page from a server that purged long ago', async () => {
    const db = freshDatabase();
    const server = new FakeServer();
    server.rows = [storyRow(3), storyRow(5), storyRow(20)];
    server.gcVersion = 10; // every page but the last ends below the horizon
    await expect(pullAll(db, server, undefined, 1)).resolves.toEqual({ pages: 3, rows: 3 });
    expect(await db.stories.count()).toBe(3);
  });

  it('deletes the local rows the server no longer has, keeping pending edits and unsynced rows', async () => {
    const db = freshDatabase();
    const server = new FakeServer();
    const [kept, purged, editedHere] = [storyRow(1), storyRow(2), storyRow(3)];
    server.rows = [kept, purged, editedHere];
    await pullAll(db, server);
    // While this device is away: it edits one story and adds another, offline.
    await updateRow(db, 'stories', editedHere.row.id, { title: 'Rewritten offline' });
    const added = await insertRow(db, 'stories', {
      ...storyRow(0, 'New offline').row,
      id: crypto.randomUUID(),
    } as never);
    // Meanwhile the other devices delete two stories, add one, and the server purges the tombstones.
    const newer = storyRow(9, 'Written elsewhere');
    server.rows.push(newer);
    server.purge(purged, 8);
    server.purge(editedHere, 8);

    await pullAll(db, server);

    const live = (await db.stories.toArray()).filter((story) => !story.deleted);
    expect(live.map((story) => story.title).sort()).toEqual(
      ['New offline', 'Rewritten offline', 'Story 1', 'Written elsewhere'].sort(),
    );
    expect((await db.stories.get(purged.row.id))?.deleted).toBe(true);
    expect(await db.stories.get(added.id)).toBeDefined();
    expect(await readSyncMeta(db.meta, 'resync')).toBeNull();
    expect(await readSyncMeta(db.meta, 'pull_cursor')).toBe(9);
    expect(server.acks.at(-1)).toBe(9);
    expect((await db.stories.get(kept.row.id))?.deleted).toBe(false);
  });

  it('finishes the clean-up on the next sync when the download was interrupted', async () => {
    const db = freshDatabase();
    const server = new FakeServer();
    const [kept, purged] = [storyRow(1), storyRow(2)];
    server.rows = [kept, purged, storyRow(3)];
    await pullAll(db, server);
    server.purge(purged, 5);
    server.rows.push(storyRow(6));
    const failing: SyncTransport = {
      push: () => server.push(),
      ackPull: (request) => server.ackPull(request),
      pull: async (request) => {
        if (request.cursor > 0 && request.cursor !== 3) throw new Error('connection lost');
        return server.pull(request);
      },
    };

    await expect(pullAll(db, failing, undefined, 1)).rejects.toThrow('connection lost');
    expect((await db.stories.get(purged.row.id))?.deleted).toBe(false); // not known yet
    expect(await readSyncMeta(db.meta, 'resync')).not.toBeNull();

    await pullAll(db, server, undefined, 1);
    expect((await db.stories.get(purged.row.id))?.deleted).toBe(true);
    expect((await db.stories.get(kept.row.id))?.deleted).toBe(false);
  });
});
