// A story as the sync server sends it in a pull page, stamped with `version`.
import type { TableRow } from '../../../src/sync/protocol';

const USER = '00000000-0000-4000-8000-000000000001';

export function serverStoryRow(version: number, title = `Story ${version}`): TableRow {
  const now = new Date(1_700_000_000_000 + version).toISOString();
  return {
    table: 'stories',
    row: {
      id: crypto.randomUUID(),
      user_id: USER,
      title,
      logline: '',
      synopsis: '',
      genre: '',
      notes: '',
      created_at: now,
      updated_at: now,
      deleted: false,
      field_hlc: { title: `${String(1_700_000_000_000 + version).padStart(18, '0')}-00000-aa` },
      server_version: version,
    },
  };
}
