// Complete new rows from what the writer gave, so every repository creates rows the same way.
import { newId } from '../domain/ids';

export function newRowBase(now: Date = new Date()) {
  const iso = now.toISOString();
  return { id: newId(), created_at: iso, updated_at: iso, deleted: false };
}
