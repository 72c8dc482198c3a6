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

export async function repairClockAhead(
  db: StoryPromptsDatabase,
  serverTimeMs: number,
  now = Date.now,
): Promise<number> {
  const previous = clockFor(db);
  const clock = new HlcClock({ node: previous.node, now, offsetMs: serverTimeMs - now() });
  setClock(db, clock);
  const limit = serverTimeMs + TOLERANCE_MS;
  let restamped = 0;
  await db.transaction('rw', syncScope(db), async () => {
    const entries = await db.changes.toArray();
    const isAhead = (hlc: string) => parseHlc(hlc).wall > limit;
    for (const entry of entries) {
      const restampInsert = entry.inserted_hlc !== undefined && isAhead(entry.inserted_hlc);
      if (restampInsert) entry.inserted_hlc = clock.send();
      const restampedFields = Object.values(entry.fields).filter((change) => isAhead(change.hlc));
      for (const change of restampedFields) change.hlc = clock.send();
      if (!restampInsert && restampedFields.length === 0) continue;
      restamped += (restampInsert ? 1 : 0) + restampedFields.length;
      await db.changes.put(entry);
      // A row still compact in an entry of rows inserted together has no row_meta yet.
      const meta = await db.row_meta.get([entry.table, entry.row_id]);
      if (meta) {
        if (restampInsert) meta.row_hlc = entry.inserted_hlc;
        for (const [field, change] of Object.entries(entry.fields))
          meta.field_hlc[field] = change.hlc;
        // An insert written out in full (the row was edited since) stamps every field: the
        // row clock, which a delete sends as seen, must not stay ahead either.
        const fieldClocks = Object.values(meta.field_hlc).sort();
        if (meta.row_hlc && isAhead(meta.row_hlc) && fieldClocks.length > 0)
          meta.row_hlc = fieldClocks.at(-1);
        await db.row_meta.put(meta);
      }
    }
    await writeSyncMeta(db.meta, 'inflight', null);
    await writeSyncMeta(db.meta, 'last_mid', await readSyncMeta(db.meta, 'acked_mid'));
  });
  return restamped;
}
