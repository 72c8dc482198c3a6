// Pull: ask for everything above our cursor, page by page, until the server says there is no
// more. Each page, its cursor and the acknowledgement it carries commit in one transaction,
// so a crash mid-pull resumes from the last whole page with nothing doubled or skipped.
import type { StoryPromptsDatabase } from '../db/database';
import { acknowledge } from './acknowledge';
import { applyServerRows } from './apply-server-rows';
import type { PullResponse } from './protocol';
import { PULL_PAGE_SIZE } from './protocol';
import { readSyncMeta, writeSyncMeta } from './sync-meta';
import { syncScope } from './sync-tables';
import type { SyncTransport } from './sync-transport';
import { SyncTransportError } from './sync-errors';
import { assertPullResponse } from './validate-response';

export interface PullProgress {
  pages: number;
  rows: number;
}

async function applyPage(db: StoryPromptsDatabase, page: PullResponse, requestedCursor: number) {
  await db.transaction('rw', syncScope(db), async () => {
    if ((await readSyncMeta(db.meta, 'pull_cursor')) !== requestedCursor) return; // applied elsewhere
    const inflight = await acknowledge(db, page.ack_mid);
    await applyServerRows(db, page.changes, inflight);
    await writeSyncMeta(db.meta, 'pull_cursor', page.cursor);
  });
}

/** Pulls until caught up. `onPage` reports progress (for a large first sync). */
export async function pullAll(
  db: StoryPromptsDatabase,
  transport: SyncTransport,
  onPage: (progress: PullProgress) => void = () => {},
  limit = PULL_PAGE_SIZE,
): Promise<PullProgress> {
  const clientId = await readSyncMeta(db.meta, 'client_id');
  const progress: PullProgress = { pages: 0, rows: 0 };
  for (;;) {
    const cursor = await readSyncMeta(db.meta, 'pull_cursor');
    const page = await transport.pull({ client_id: clientId, cursor, limit });
    assertPullResponse(page);
    if (page.reset_required) {
      if (cursor === 0) throw new SyncTransportError('invalid-response', 'The sync server asked for a reset from the very beginning.');
      // The server purged history we never saw: start over from the beginning. Local rows and
      // pending edits stay; every row is pulled again and merged like any other page.
      await writeSyncMeta(db.meta, 'pull_cursor', 0);
      continue;
    }
    if (page.has_more && page.cursor <= cursor) {
      throw new SyncTransportError('invalid-response', `The sync server did not advance past version ${cursor}; stopping instead of looping.`);
    }
    await applyPage(db, page, cursor);
    progress.pages += 1;
    progress.rows += page.changes.length;
    onPage(progress);
    if (!page.has_more) return progress;
  }
}
