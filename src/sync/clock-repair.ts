// When the server refuses our clocks as more than a day ahead, this device's wall clock is
// wrong. We switch to a clock offset by the server's time and re-stamp every pending edit
// that is ahead of it. The values are kept; only their timestamps change. The refused batch
// is dropped from `inflight` (the server applied none of it) and rebuilt with the same ids.
import { clockFor, setClock } from '../db/clock';
import type { StoryPromptsDatabase } from '../db/database';
import { HlcClock, parseHlc } from '../domain/hlc';
import { readSyncMeta, writeSyncMeta } from './sync-meta';
import { syncScope } from './sync-tables';

const TOLERANCE_MS = 60_000;

export async function repairClockAhead(db: StoryPromptsDatabase, serverTimeMs: number, now = Date.now): Promise<number> {
  const previous = clockFor(db);
  const clock = new HlcClock({ node: previous.node, now, offsetMs: serverTimeMs - now() });
  setClock(db, clock);
  const limit = serverTimeMs + TOLERANCE_MS;
  let restamped = 0;
  await db.transaction('rw', syncScope(db), async () => {
    const entries = await db.changes.toArray();
    for (const entry of entries) {
      let changed = false;
      for (const change of Object.values(entry.fields)) {
        if (parseHlc(change.hlc).wall > limit) {
          change.hlc = clock.send();
          changed = true;
          restamped += 1;
        }
      }
      if (!changed) continue;
      await db.changes.put(entry);
      const meta = await db.row_meta.get([entry.table, entry.row_id]);
      if (meta) {
        for (const [field, change] of Object.entries(entry.fields)) meta.field_hlc[field] = change.hlc;
        await db.row_meta.put(meta);
      }
    }
    await writeSyncMeta(db.meta, 'inflight', null);
    await writeSyncMeta(db.meta, 'last_mid', await readSyncMeta(db.meta, 'acked_mid'));
  });
  return restamped;
}
