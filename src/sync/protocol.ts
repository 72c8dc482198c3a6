// The sync wire protocol between a device and Supabase (`sync_push` / `sync_pull`).
// One small file of types, versioned: a server that does not speak this version answers
// `incompatible` and the client stops syncing instead of corrupting data.
//
// Model: every synced row is a set of fields, each with its own hybrid logical clock (HLC).
// A device sends, per changed field, the new value, its HLC and `base_hlc`, the HLC it had
// seen for that field. Equal to the stored HLC: a sequential edit, applied. Otherwise the
// edits were concurrent: the higher HLC wins and the loser is recorded in `sync_conflicts`.
// The server stamps every stored row with `server_version` from a per-user counter taken
// under a row lock, so pulling "everything above my cursor" never skips a commit.
import type { SyncedTable } from '../domain/synced-tables';

export const PROTOCOL_VERSION = 1;

/** Upper bounds the server enforces; the client batches below them. */
export const PUSH_LIMITS = { maxMutations: 500, maxBytes: 4 * 1024 * 1024 } as const;
export const PUSH_BATCH = { mutations: 100, bytes: 1024 * 1024 } as const;
export const PULL_PAGE_SIZE = 500;

export interface FieldChange {
  /** New value (JSON). */
  v: unknown;
  /** HLC of this edit. */
  hlc: string;
  /** The HLC this device had seen for the field before the edit; null for a new row. */
  base_hlc: string | null;
  /** Long text only: the text this device had before its edit, for a three-way merge. */
  base?: string | null;
}

export interface Mutation {
  /** Per-client, strictly increasing by exactly 1 from the last acknowledged id. */
  mid: number;
  table: SyncedTable;
  id: string;
  fields: Record<string, FieldChange>;
  /** Deletes only: the highest field HLC this device had seen on the row. */
  row_hlc_seen?: string | null;
}

export interface PushRequest {
  client_id: string;
  schema_version: number;
  mutations: Mutation[];
}

/** A row as stored on the server: the entity fields plus sync metadata. */
export interface ServerRow {
  id: string;
  user_id: string;
  deleted: boolean;
  field_hlc: Record<string, string>;
  server_version: number;
  [field: string]: unknown;
}

export interface TableRow {
  table: SyncedTable;
  row: ServerRow;
}

export interface PushResponse {
  /** Highest mutation id now applied for this client (duplicates included). */
  ack_mid: number;
  /** The stored rows the batch touched, after merging. */
  rows: TableRow[];
  /** Conflicts recorded by this batch (also pulled as `sync_conflicts` rows). */
  conflicts: ServerRow[];
  /**
   * Mutations the server refused as invalid (bad value, unknown table, missing parent row).
   * They count as acknowledged so the queue never blocks; the client shows them in its
   * dead-letter list.
   */
  rejected: RejectedMutation[];
}

export interface RejectedMutation {
  mid: number;
  table: string;
  id: string;
  code: string;
  message: string;
}

export interface PullRequest {
  client_id: string;
  cursor: number;
  limit: number;
  /**
   * The purge horizon this client's pages reported so far (null before its first page): a
   * cursor below the server's horizon is still valid when the download saw that horizon.
   */
  gc_seen: number | null;
}

export interface PullResponse {
  /** Rows with server_version > cursor, in server_version order. */
  changes: TableRow[];
  cursor: number;
  has_more: boolean;
  /** The client's last applied mutation id, so a lost push reply is still acknowledged. */
  ack_mid: number;
  /** Tombstones at or below this version may have been purged (absent from older servers). */
  gc_version?: number;
  reset_required: boolean;
}

/** After a pull: "this client has applied everything up to `version`" (`sync_ack_pull`). */
export interface AckPullRequest {
  client_id: string;
  version: number;
}

export interface AckPullResponse {
  /** The version recorded for this client (capped at the account's newest). */
  last_pull_version: number;
  /** Tombstones at or below this version may be gone from the server (purged). */
  gc_version: number;
}

/**
 * Typed failures the server functions raise (PostgreSQL SQLSTATE → meaning). PostgREST passes
 * the SQLSTATE through as `code` in its JSON error body.
 */
export const SYNC_ERROR_CODES = {
  SPGAP: 'mutation-gap',
  SPCLK: 'clock-ahead',
  SPOWN: 'client-owned-by-other-user',
  SPBIG: 'batch-too-large',
  SPVAL: 'invalid-mutation',
  SPVER: 'incompatible-schema-version',
} as const;
export type SyncErrorSqlState = keyof typeof SYNC_ERROR_CODES;
