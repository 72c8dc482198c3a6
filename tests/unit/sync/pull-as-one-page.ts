// Pulls `rows` as one page from a stand-in transport: how a second device receives another
// device's writes, without a server.
import type { StoryPromptsDatabase } from '../../../src/db/database';
import { pullAll } from '../../../src/sync/pull';
import type { PullResponse, TableRow } from '../../../src/sync/protocol';
import type { SyncTransport } from '../../../src/sync/sync-transport';

export async function pullAsOnePage(db: StoryPromptsDatabase, rows: TableRow[]): Promise<void> {
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('not used')),
    ackPull: async (request) => ({ last_pull_version: request.version, gc_version: 0 }),
    pull: async (request): Promise<PullResponse> => {
      const changes = rows.filter((row) => row.row.server_version > request.cursor);
      const cursor = changes.at(-1)?.row.server_version ?? request.cursor;
      return { changes, cursor, has_more: false, ack_mid: 0, reset_required: false };
    },
  };
  await pullAll(db, transport);
}
