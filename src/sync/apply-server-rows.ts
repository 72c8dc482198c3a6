// Writes rows from the server (pull pages, push replies) into the local database. Must run
// inside a transaction that covers the synced tables, row_meta, changes and meta. Fields with
// a pending local edit keep their local value and HLC; every other field takes the server's.
// During a full download after a reset, each row's meta also carries the download's mark.
// Chats the rows touch get their device-local updated_at raised to their newest message, so a
// chat written in elsewhere moves up the chat lists here too (chat-activity.ts).
import { raiseChatActivity } from '../db/chat-activity';
import { clockFor } from '../db/clock';
import type { RowMeta, StoryPromptsDatabase } from '../db/database';
import { compactRowMeta, fieldHlcOf } from '../db/outbox-entries';
import { writeInSlices } from '../db/sliced-writes';
import type { TableRow } from './protocol';
import { pendingFieldsFor, rowKey } from './pending-fields';
import { entityFromServerRow } from './server-rows';
import type { InflightBatch } from './sync-meta';

export async function applyServerRows(
  db: StoryPromptsDatabase,
  rows: readonly TableRow[],
  inflight: InflightBatch | null,
  resyncMark: number | null = null,
): Promise<void> {
  if (rows.length === 0) return;
  const refs = rows.map(({ table, row }) => ({ table, id: row.id }));
  const pending = await pendingFieldsFor(db, refs, inflight);
  // Local field clocks matter only for rows with pending edits (they keep theirs).
  const metas =
    pending.size === 0
      ? []
      : await db.row_meta.bulkGet(refs.map((ref) => [ref.table, ref.id] as [string, string]));
  const clock = clockFor(db);
  const byTable = new Map<string, Record<string, unknown>[]>();
  const newMetas: RowMeta[] = [];
  const pendingLocals: Promise<void>[] = [];
  // HLC strings order like their clocks: fold only the newest one into ours.
  let newestSeen = '';

  rows.forEach(({ table, row }, index) => {
    const incoming = entityFromServerRow(table, row);
    const localPending = pending.get(rowKey(table, row.id));
    const meta = metas[index];
    const fieldHlc: Record<string, string> = { ...(row.field_hlc ?? {}) };
    for (const hlc of Object.values(fieldHlc)) if (hlc > newestSeen) newestSeen = hlc;
    if (localPending && localPending.size > 0) {
      for (const field of localPending) {
        const localHlc = fieldHlcOf(meta, field);
        if (localHlc) fieldHlc[field] = localHlc;
      }
      pendingLocals.push(
        db
          .table(table)
          .get(row.id)
          .then((local: Record<string, unknown> | undefined) => {
            for (const field of localPending)
              if (local && field in local) incoming[field] = local[field];
          }),
      );
    }
    const list = byTable.get(table) ?? [];
    list.push(incoming);
    byTable.set(table, list);
    const newMeta = compactRowMeta(table, row.id, fieldHlc, Number(row.server_version));
    if (resyncMark !== null) newMeta.resync_mark = resyncMark;
    newMetas.push(newMeta);
  });
  if (newestSeen) clock.recv(newestSeen);
  await Promise.all(pendingLocals);
  for (const [table, list] of byTable)
    await writeInSlices(list, (slice) => db.table(table).bulkPut(slice));
  await writeInSlices(newMetas, (slice) => db.row_meta.bulkPut(slice));
  await raiseChatActivity(db, chatsTouched(rows));
}

/** The chats a batch changes or adds messages to. */
function chatsTouched(rows: readonly TableRow[]): string[] {
  const ids: string[] = [];
  for (const { table, row } of rows) {
    if (table === 'chats') ids.push(row.id);
    else if (table === 'messages' && typeof row.chat_id === 'string') ids.push(row.chat_id);
  }
  return ids;
}
