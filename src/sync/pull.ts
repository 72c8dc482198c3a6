// Pull: ask for everything above our cursor, page by page, until the server says there is no
// more. Each page, its cursor and the acknowledgement it carries commit in one transaction,
// so a crash mid-pull resumes from the last whole page with nothing doubled or skipped. Once
// caught up, the client tells the server how far it got (the server purges tombstones every
// active device has pulled), and a cursor the server can no longer continue starts a full
// download that also retires the rows purged meanwhile (resync.ts).
import type { StoryPromptsDatabase } from '../db/database';
import { acknowledge } from './acknowledge';
import { applyServerRows } from './apply-server-rows';
import type { PullResponse } from './protocol';
import { PULL_PAGE_SIZE } from './protocol';
import { beginResync, finishResync } from './resync';
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
    const resync = await readSyncMeta(db.meta, 'resync');
    await applyServerRows(db, page.changes, inflight, resync?.mark ?? null);
    await writeSyncMeta(db.meta, 'pull_cursor', page.cursor);
    await writeSyncMeta(db.meta, 'gc_seen', page.gc_version ?? null);
  });
}

type PullRequestFn = (cursor: number, gcSeen: number | null) => Promise<PullResponse>;

/** Asks for one page; a page fetched ahead that is never used must not become an unhandled rejection. */
function requestPage(request: PullRequestFn, cursor: number, gcSeen: number | null) {
  const response = request(cursor, gcSeen);
  response.catch(() => undefined);
  return { cursor, response };
}

/**
 * Pulls until caught up. `onPage` reports progress (for a large first sync). While a page is
 * applied, the next one is already being fetched (its cursor is in the page), so the network
 * and the disk work at the same time; a page fetched ahead is used only if the cursor it was
 * asked for is still ours once the previous page is stored.
 */
export async function pullAll(
  db: StoryPromptsDatabase,
  transport: SyncTransport,
  onPage: (progress: PullProgress) => void = () => {},
  limit = PULL_PAGE_SIZE,
): Promise<PullProgress> {
  const clientId = await readSyncMeta(db.meta, 'client_id');
  const request: PullRequestFn = (cursor, gcSeen) =>
    transport.pull({ client_id: clientId, cursor, limit, gc_seen: gcSeen });
  const progress: PullProgress = { pages: 0, rows: 0 };
  let ahead: ReturnType<typeof requestPage> | null = null;
  for (;;) {
    const [cursor, gcSeen] = await Promise.all([
      readSyncMeta(db.meta, 'pull_cursor'),
      readSyncMeta(db.meta, 'gc_seen'),
    ]);
    const next: ReturnType<typeof requestPage> =
      ahead?.cursor === cursor ? ahead : requestPage(request, cursor, gcSeen);
    ahead = null;
    const page = await next.response;
    assertPullResponse(page);
    if (page.reset_required) {
      if (cursor === 0)
        throw new SyncTransportError(
          'invalid-response',
          'The sync server asked for a reset from the very beginning.',
        );
      // The server purged history we never saw: start over from the beginning. Local rows and
      // pending edits stay; every row is pulled again and merged like any other page.
      await beginResync(db, cursor);
      continue;
    }
    if (page.has_more && page.cursor <= cursor) {
      throw new SyncTransportError(
        'invalid-response',
        `The sync server did not advance past version ${cursor}; stopping instead of looping.`,
      );
    }
    if (page.has_more) ahead = requestPage(request, page.cursor, page.gc_version ?? null);
    await applyPage(db, page, cursor);
    progress.pages += 1;
    progress.rows += page.changes.length;
    onPage(progress);
    if (!page.has_more) {
      await finishResync(db);
      await acknowledgePulled(db, transport, clientId);
      return progress;
    }
  }
}

/**
 * Tells the server this client has applied everything up to its cursor. Best effort: the data
 * is already stored, and a failed acknowledgement only delays the purge until the next sync
 * sends it again (an unacknowledged cursor is never "past" anything on the server).
 */
async function acknowledgePulled(
  db: StoryPromptsDatabase,
  transport: SyncTransport,
  clientId: string,
) {
  const [cursor, acked] = await Promise.all([
    readSyncMeta(db.meta, 'pull_cursor'),
    readSyncMeta(db.meta, 'acked_pull_cursor'),
  ]);
  if (cursor <= acked) return;
  try {
    await transport.ackPull({ client_id: clientId, version: cursor });
  } catch {
    return;
  }
  await writeSyncMeta(db.meta, 'acked_pull_cursor', cursor);
}
