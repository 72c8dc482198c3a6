import { describe, expect, it } from 'vitest';
import { compactRowMeta, fieldHlcOf, highestFieldHlc } from '../../../src/db/outbox-entries';
import { syncedFieldsOf } from '../../../src/domain/synced-tables';

const hlc = (wall: number) => `${String(wall).padStart(18, '0')}-00000-aa`;

describe('row clocks stored compactly', () => {
  it('keeps the same clock for every field with the common one stored once', () => {
    const fields = syncedFieldsOf('stories');
    const clocks = Object.fromEntries(fields.map((field) => [field, hlc(100)]));
    clocks.title = hlc(200);
    const meta = compactRowMeta('stories', 'id-1', clocks, 7);
    expect(meta.field_hlc).toEqual({ title: hlc(200) });
    expect(meta.row_hlc).toBe(hlc(100));
    for (const field of fields) expect(fieldHlcOf(meta, field)).toBe(clocks[field]);
    expect(highestFieldHlc(meta)).toBe(hlc(200));
    expect(meta.server_version).toBe(7);
  });

  it('lists every clock when some field has none, so that field keeps no clock', () => {
    const clocks = { title: hlc(100), logline: hlc(100) };
    const meta = compactRowMeta('stories', 'id-1', clocks, 3);
    expect(meta.field_hlc).toEqual(clocks);
    expect(meta.row_hlc).toBeUndefined();
    expect(fieldHlcOf(meta, 'synopsis')).toBeNull();
  });
});
