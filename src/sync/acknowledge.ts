// What the server's acknowledged mutation id means for the in-flight batch. Mutations at or
// below the ack are applied: their outbox entries go. If the server's ack is below our first
// id (it never saw an earlier batch we thought lost, or our counter ran ahead), the batch is
// renumbered to follow the ack so the server sees no gap. Runs inside a sync transaction.
import type { StoryPromptsDatabase } from '../db/database';
import { readSyncMeta, writeSyncMeta } from './sync-meta';
import type { InflightBatch } from './sync-meta';

export async function acknowledge(
  db: StoryPromptsDatabase,
  ackMid: number,
): Promise<InflightBatch | null> {
  const inflight = await readSyncMeta(db.meta, 'inflight');
  await writeSyncMeta(db.meta, 'acked_mid', ackMid);
  if (!inflight || inflight.mutations.length === 0) {
    const lastMid = await readSyncMeta(db.meta, 'last_mid');
    if (lastMid < ackMid) await writeSyncMeta(db.meta, 'last_mid', ackMid);
    return null;
  }
  const lastOfBatch = inflight.mutations.at(-1)!.mid;
  if (ackMid >= lastOfBatch) {
    await db.changes.where(':id').belowOrEqual(inflight.up_to_seq).delete();
    await writeSyncMeta(db.meta, 'inflight', null);
    await writeSyncMeta(
      db.meta,
      'last_mid',
      Math.max(ackMid, await readSyncMeta(db.meta, 'last_mid')),
    );
    return null;
  }
  const remaining = inflight.mutations.filter((mutation) => mutation.mid > ackMid);
  const renumbered: InflightBatch = {
    up_to_seq: inflight.up_to_seq,
    mutations: remaining.map((mutation, index) => ({ ...mutation, mid: ackMid + 1 + index })),
  };
  await writeSyncMeta(db.meta, 'inflight', renumbered);
  await writeSyncMeta(db.meta, 'last_mid', ackMid + renumbered.mutations.length);
  return renumbered;
}
