// Server rows carry sync metadata (user_id, field_hlc, server_version) around the entity
// fields. Locally the entity goes to its table and the metadata to row_meta.
import { entityFieldsOf } from '../domain/synced-tables';
import type { SyncedTable } from '../domain/synced-tables';
import type { ServerRow } from './protocol';

/** The entity part of a server row, with only the fields the app knows. */
export function entityFromServerRow(table: SyncedTable, row: ServerRow): Record<string, unknown> {
  const entity: Record<string, unknown> = {};
  for (const field of entityFieldsOf(table)) {
    if (field in row) entity[field] = row[field];
  }
  return entity;
}
