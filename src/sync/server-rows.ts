// Server rows carry sync metadata (user_id, field_hlc, server_version) around the entity
// fields. Locally the entity goes to its table and the metadata to row_meta.
// PostgreSQL writes timestamps as `2026-11-26T09:00:00.123456+00:00` (or without the fraction
// when it is zero); the app writes `Date#toISOString()` (`…T09:00:00.123Z`). Lists sort these
// strings (a chat's messages by created_at, recent prompts and chats by updated_at), so pulled
// timestamps are brought to the app's form: one format per device, whichever device wrote them.
import { entityFieldsOf } from '../domain/synced-tables';
import type { SyncedTable } from '../domain/synced-tables';
import type { ServerRow } from './protocol';

const TIMESTAMP_FIELDS: ReadonlySet<string> = new Set(['created_at', 'updated_at']);
const APP_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The entity part of a server row, with only the fields the app knows. */
export function entityFromServerRow(table: SyncedTable, row: ServerRow): Record<string, unknown> {
  const entity: Record<string, unknown> = {};
  for (const field of entityFieldsOf(table)) {
    if (!(field in row)) continue;
    const value = row[field];
    entity[field] = TIMESTAMP_FIELDS.has(field) ? appTimestamp(value) : value;
  }
  return entity;
}

/** `value` as `toISOString()` writes it; anything that is not a readable date stays as it is. */
export function appTimestamp(value: unknown): unknown {
  if (typeof value !== 'string' || APP_TIMESTAMP.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
