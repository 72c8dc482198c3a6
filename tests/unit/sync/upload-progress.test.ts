// While the engine uploads, the indicator can say "Uploading 100 of 250 changes…": the engine
// reports the rows confirmed so far and the total, counted in rows (not outbox entries), and
// the waiting count it reports is rows too.
import { describe, expect, it } from 'vitest';
import { createStory, updateStory } from '../../../src/db/stories-repository';
import { insertRows } from '../../../src/db/write-rows';
import { SyncEngine } from '../../../src/sync/sync-engine';
import type {
  AckPullResponse,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../../src/sync/protocol';
import type { SyncStatus } from '../../../src/sync/sync-status';
import type { SyncTransport } from '../../../src/sync/sync-transport';
import { freshDatabase } from '../db/test-database';
import { chatRow } from '../search/search-fixtures';

/** A server that accepts every mutation and has nothing to send back. */
class AcceptingServer implements SyncTransport {
  pushes = 0;
  onPush: () => Promise<void> = async () => {};

  async push(request: PushRequest): Promise<PushResponse> {
    this.pushes += 1;
    await this.onPush();
    return { ack_mid: request.mutations.at(-1)!.mid, rows: [], conflicts: [], rejected: [] };
  }

  async pull(): Promise<PullResponse> {
    return { changes: [], cursor: 0, has_more: false, ack_mid: 0, reset_required: false };
  }

  async ackPull(): Promise<AckPullResponse> {
    return { last_pull_version: 0, gc_version: 0 };
  }
}

function engineFor(db: ReturnType<typeof freshDatabase>, server: AcceptingServer) {
  const engine = new SyncEngine({
    db,
    transport: server,
    reconciler: { mergeText: async () => ({ clean: false }) as never },
  });
  const seen: SyncStatus[] = [];
  engine.status$.subscribe((status) => seen.push(status));
  return { engine, seen };
}

const uploads = (seen: SyncStatus[]) =>
  seen.filter((status) => status.phase === 'pushing').map((status) => status.upload);

describe('upload progress', () => {
  it('counts up in rows, batch by batch, to the total', async () => {
    const db = freshDatabase();
    for (let index = 0; index < 250; index++) {
      const story = await createStory(db, { title: `Story ${index}` });
      await updateStory(db, story.id, { title: `Story ${index}, edited` });
    }
    const server = new AcceptingServer();
    const { engine, seen } = engineFor(db, server);
    await engine.syncNow();
    // 500 outbox entries, 250 rows; consecutive edits of a row fold, so 100 rows a batch.
    expect(server.pushes).toBe(3);
    expect(uploads(seen)).toEqual([
      { done: 0, total: 250 },
      { done: 100, total: 250 },
      { done: 200, total: 250 },
      { done: 250, total: 250 },
    ]);
    expect(seen.at(-1)).toMatchObject({ phase: 'idle', pending: 0, upload: null });
    engine.stop();
  });

  it('raises the total when the writer changes more rows during the upload, never going back', async () => {
    const db = freshDatabase();
    for (let index = 0; index < 150; index++) await createStory(db, { title: `Story ${index}` });
    const server = new AcceptingServer();
    server.onPush = async () => {
      if (server.pushes === 1)
        for (let n = 0; n < 30; n++) await createStory(db, { title: `Late ${n}` });
    };
    const { engine, seen } = engineFor(db, server);
    await engine.syncNow();
    const progress = uploads(seen);
    expect(progress[0]).toEqual({ done: 0, total: 150 });
    expect(progress.at(-1)).toEqual({ done: 180, total: 180 });
    for (let index = 1; index < progress.length; index++) {
      expect(progress[index]!.done).toBeGreaterThanOrEqual(progress[index - 1]!.done);
      expect(progress[index]!.done).toBeLessThanOrEqual(progress[index]!.total!);
    }
    engine.stop();
  });

  it('counts up without a total while more rows wait than are counted, then gets one', async () => {
    const db = freshDatabase();
    await insertRows(
      db,
      'chats',
      Array.from({ length: 1_150 }, (_, index) => chatRow({ title: `Imported ${index}` })),
    );
    const server = new AcceptingServer();
    const { engine, seen } = engineFor(db, server);
    await engine.syncNow();
    const progress = uploads(seen);
    expect(progress[0]).toEqual({ done: 0, total: null });
    // Once no more than the limit waits, the total is known: what was sent plus what waits.
    const counted = progress.filter((upload) => upload!.total !== null);
    expect(counted.length).toBeGreaterThan(0);
    for (const upload of counted) expect(upload!.total).toBe(1_150);
    expect(progress.at(-1)).toEqual({ done: 1_150, total: 1_150 });
    expect(seen.at(-1)).toMatchObject({ phase: 'idle', pending: 0, upload: null });
    engine.stop();
  });

  it('reports rows waiting, not outbox entries, while offline', async () => {
    const db = freshDatabase();
    const story = await createStory(db, { title: 'One' });
    for (let n = 0; n < 4; n++) await updateStory(db, story.id, { logline: `take ${n}` });
    const engine = new SyncEngine({
      db,
      transport: new AcceptingServer(),
      reconciler: { mergeText: async () => ({ clean: false }) as never },
      isOnline: () => false,
    });
    await engine.syncNow();
    expect(engine.status$.value).toMatchObject({ phase: 'offline', pending: 1, upload: null });
    engine.stop();
  });
});
