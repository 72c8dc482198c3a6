// Device-local sync bookkeeping kept in the `meta` table, each key read and written inside the
// same transactions as the data it describes (so a crash never leaves them out of step).
import type { Table } from 'dexie';
import type { MetaEntry } from '../db/database';
import { SYNC_META_PREFIX } from '../db/meta-keys';
import type { Mutation } from './protocol';

export interface InflightBatch {
  /** Mutations exactly as sent (same ids on every retry, so the server can dedupe). */
  mutations: Mutation[];
  /** Outbox entries up to this seq are folded into the batch. */
  up_to_seq: number;
}

/**
 * A download of everything after the server purged history this device never saw (resync.ts):
 * rows it re-delivers are marked with `mark`; afterwards, the local rows known at or below
 * `up_to_version` that it did not re-deliver are gone from the server.
 */
export interface ResyncMark {
  mark: number;
  up_to_version: number;
}

export interface SyncMetaValues {
  client_id: string;
  /** Highest mutation id handed out so far. */
  last_mid: number;
  /** Highest mutation id the server confirmed applied. */
  acked_mid: number;
  pull_cursor: number;
  /** The server's purge horizon as the last stored page reported it (PullRequest.gc_seen). */
  gc_seen: number | null;
  /** The pull cursor the server last recorded for this client (sync_ack_pull). */
  acked_pull_cursor: number;
  /** Set while a full download after a reset is under way. */
  resync: ResyncMark | null;
  inflight: InflightBatch | null;
  /** The account whose data this database holds (set on first sync). */
  owner_user_id: string | null;
  last_synced_at: number | null;
}

const DEFAULTS: Omit<SyncMetaValues, 'client_id'> = {
  last_mid: 0,
  acked_mid: 0,
  pull_cursor: 0,
  gc_seen: null,
  acked_pull_cursor: 0,
  resync: null,
  inflight: null,
  owner_user_id: null,
  last_synced_at: null,
};

const PREFIX = SYNC_META_PREFIX;

export async function readSyncMeta<K extends keyof SyncMetaValues>(
  meta: Table<MetaEntry, string>,
  key: K,
): Promise<SyncMetaValues[K]> {
  const entry = await meta.get(PREFIX + key);
  if (entry) return entry.value as SyncMetaValues[K];
  if (key === 'client_id') {
    const clientId = crypto.randomUUID();
    await meta.put({ key: PREFIX + key, value: clientId });
    return clientId as SyncMetaValues[K];
  }
  return DEFAULTS[key as Exclude<K, 'client_id'>] as unknown as SyncMetaValues[K];
}

export function writeSyncMeta<K extends keyof SyncMetaValues>(
  meta: Table<MetaEntry, string>,
  key: K,
  value: SyncMetaValues[K],
): Promise<string> {
  return meta.put({ key: PREFIX + key, value });
}
