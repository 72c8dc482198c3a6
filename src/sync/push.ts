// Push: take the oldest outbox entries (inserts with their row's values), fold them into numbered mutations, remember that batch
// (so a retry after a lost reply resends the very same ids and the server dedupes it), send
// it, then in one transaction drop the acknowledged entries, store what the server merged and
// any refused mutation in the dead-letter list.
import type { StoryPromptsDatabase } from '../db/database';
import { readOutbox } from '../db/outbox-entries';
import { foldEntries, numberMutations, takeBatch } from './outbox';
import { acknowledge } from './acknowledge';
import { applyServerRows } from './apply-server-rows';
import type { PushResponse, TableRow } from './protocol';
import { PROTOCOL_VERSION, PUSH_BATCH } from './protocol';
import { readSyncMeta, writeSyncMeta } from './sync-meta';
import type { InflightBatch } from './sync-meta';
import { syncedTablesOf, syncScope } from './sync-tables';
import type { SyncTransport } from './sync-transport';
import { assertPushResponse } from './validate-response';

const OUTBOX_READ_LIMIT = 2_000;

/** The batch to send: the remembered in-flight one, or a new one from the outbox. */
export function prepareBatch(
  db: StoryPromptsDatabase,
  limits: { mutations: number; bytes: number } = PUSH_BATCH,
): Promise<InflightBatch | null> {
  return db.transaction('rw', [db.changes, db.meta, ...syncedTablesOf(db)], async () => {
    const existing = await readSyncMeta(db.meta, 'inflight');
    if (existing && existing.mutations.length > 0) return existing;
    const outbox = await readOutbox(db, OUTBOX_READ_LIMIT);
    if (outbox.orphanSeqs.length > 0) await db.changes.bulkDelete(outbox.orphanSeqs);
    const entries = takeBatch(outbox.entries, limits);
    if (entries.length === 0) return null;
    const lastMid = await readSyncMeta(db.meta, 'last_mid');
    const batch: InflightBatch = {
      mutations: numberMutations(foldEntries(entries), lastMid + 1),
      up_to_seq: entries.at(-1)!.seq!,
    };
    await writeSyncMeta(db.meta, 'inflight', batch);
    await writeSyncMeta(db.meta, 'last_mid', lastMid + batch.mutations.length);
    return batch;
  });
}

async function recordRejections(
  db: StoryPromptsDatabase,
  batch: InflightBatch,
  response: PushResponse,
) {
  const now = Date.now();
  for (const rejection of response.rejected) {
    const mutation = batch.mutations.find((candidate) => candidate.mid === rejection.mid);
    if (!mutation) continue;
    const fields = Object.fromEntries(
      Object.entries(mutation.fields).map(([field, change]) => [
        field,
        { value: change.v, hlc: change.hlc, base_hlc: change.base_hlc },
      ]),
    );
    await db.dead_letters.add({
      table: mutation.table,
      row_id: mutation.id,
      fields,
      code: rejection.code,
      message: rejection.message,
      failed_at: now,
    });
  }
}

export async function applyPushResponse(
  db: StoryPromptsDatabase,
  batch: InflightBatch,
  response: PushResponse,
) {
  await db.transaction('rw', syncScope(db), async () => {
    const current = await readSyncMeta(db.meta, 'inflight');
    if (!current || current.mutations[0]?.mid !== batch.mutations[0]?.mid) return; // already handled
    await recordRejections(db, batch, response);
    const stillInflight = await acknowledge(db, response.ack_mid);
    const conflictRows: TableRow[] = response.conflicts.map((row) => ({
      table: 'sync_conflicts',
      row,
    }));
    await applyServerRows(db, [...response.rows, ...conflictRows], stillInflight);
  });
}

/**
 * Pushes one batch. Returns how many rows it carried (each row once, however many of its edits
 * folded into it), so the engine can report upload progress; 0 when the outbox was empty.
 */
export async function pushOnce(
  db: StoryPromptsDatabase,
  transport: SyncTransport,
  limits: { mutations: number; bytes: number } = PUSH_BATCH,
): Promise<number> {
  const batch = await prepareBatch(db, limits);
  if (!batch) return 0;
  const clientId = await readSyncMeta(db.meta, 'client_id');
  const response = await transport.push({
    client_id: clientId,
    schema_version: PROTOCOL_VERSION,
    mutations: batch.mutations,
  });
  assertPushResponse(response);
  await applyPushResponse(db, batch, response);
  return new Set(batch.mutations.map((mutation) => `${mutation.table}\u0000${mutation.id}`)).size;
}
