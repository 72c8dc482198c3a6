import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../src/db/database';
import { foldEntries, numberMutations, takeBatch } from '../../../src/sync/outbox';

const entry = (
  seq: number,
  rowId: string,
  fields: ChangeEntry['fields'],
  table: ChangeEntry['table'] = 'prompts',
): ChangeEntry => ({
  seq,
  table,
  row_id: rowId,
  fields,
  created_at: seq,
});

describe('outbox folding', () => {
  it('keeps the newest value and clock but the oldest base of each field', () => {
    const rows = foldEntries([
      entry(1, 'p1', { details: { value: 'v1', hlc: 'h1', base_hlc: 'h0', base: 'v0' } }),
      entry(2, 'p1', {
        details: { value: 'v2', hlc: 'h2', base_hlc: 'h1', base: 'v1' },
        title: { value: 'T', hlc: 'h2', base_hlc: null },
      }),
    ]);
    expect(rows).toEqual([
      {
        table: 'prompts',
        id: 'p1',
        fields: {
          details: { v: 'v2', hlc: 'h2', base_hlc: 'h0', base: 'v0' },
          title: { v: 'T', hlc: 'h2', base_hlc: null },
        },
      },
    ]);
  });

  it('folds only consecutive edits of a row, so a row is created before rows that refer to it', () => {
    const rows = foldEntries([
      entry(1, 'prompt', { details: { value: 'x', hlc: 'h1', base_hlc: 'h0' } }),
      entry(
        2,
        'category',
        { title: { value: 'New', hlc: 'h2', base_hlc: null } },
        'prompt_categories',
      ),
      entry(3, 'prompt', { category_id: { value: 'category', hlc: 'h3', base_hlc: 'h0' } }),
    ]);
    expect(rows.map((row) => row.id)).toEqual(['prompt', 'category', 'prompt']);
  });

  it('carries the highest seen clock of a delete', () => {
    const rows = foldEntries([
      entry(1, 'a', { title: { value: 'A', hlc: 'h1', base_hlc: null } }),
      {
        ...entry(2, 'a', { deleted: { value: true, hlc: 'h3', base_hlc: null } }),
        row_hlc_seen: 'h1',
      },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row_hlc_seen).toBe('h1');
  });

  it('numbers mutations consecutively from the next id', () => {
    const mutations = numberMutations(foldEntries([entry(1, 'a', {}), entry(2, 'b', {})]), 7);
    expect(mutations.map((m) => m.mid)).toEqual([7, 8]);
  });

  it('cuts batches by folded mutations and by size, but always sends at least one entry', () => {
    const title = { title: { value: 'x'.repeat(10), hlc: 'h', base_hlc: null } };
    const entries = [
      entry(1, 'a', title),
      entry(2, 'a', title),
      entry(3, 'b', title),
      entry(4, 'c', title),
      entry(5, 'c', title),
    ];
    expect(takeBatch(entries, { mutations: 2, bytes: 1_000_000 })).toHaveLength(3);
    expect(takeBatch(entries, { mutations: 100, bytes: 1 })).toHaveLength(1);
    expect(foldEntries(takeBatch(entries, { mutations: 3, bytes: 1_000_000 }))).toHaveLength(3);
  });

  it('never sends part of the rows inserted together: they leave the outbox as one entry', () => {
    const title = { title: { value: 'x', hlc: 'h', base_hlc: null } };
    // Seq 2 is one stored entry of three rows inserted together, read as three inserts.
    const entries = [
      entry(1, 'a', title),
      entry(2, 'b', title),
      entry(2, 'c', title),
      entry(2, 'd', title),
      entry(3, 'e', title),
    ];
    expect(takeBatch(entries, { mutations: 2, bytes: 1_000_000 }).map((e) => e.row_id)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(takeBatch(entries, { mutations: 100, bytes: 1 }).map((e) => e.row_id)).toEqual(['a']);
    expect(takeBatch(entries.slice(1), { mutations: 1, bytes: 1 })).toHaveLength(3);
  });
});
