// Builders for sync mutations in integration tests: HLC stamps at chosen wall times and a
// device that numbers its mutations 1, 2, 3 ... like the real outbox does.
import { randomUUID } from 'node:crypto';
import { formatHlc } from '../../src/domain/hlc';
import type { FieldChange, Mutation } from '../../src/sync/protocol';
import type { SyncedTable } from '../../src/domain/synced-tables';

/** An HLC `offsetMs` after now (counter and node make it unique). */
export function hlc(offsetMs = 0, counter = 0, node = 'node-a'): string {
  return formatHlc({ wall: Date.now() + offsetMs, counter, node });
}

export function change(
  v: unknown,
  stamp: string,
  baseHlc: string | null = null,
  base?: string | null,
): FieldChange {
  return base === undefined
    ? { v, hlc: stamp, base_hlc: baseHlc }
    : { v, hlc: stamp, base_hlc: baseHlc, base };
}

/** Every field of `values` stamped with the same HLC and base. */
export function changes(
  values: Record<string, unknown>,
  stamp: string,
  baseHlc: string | null = null,
): Record<string, FieldChange> {
  return Object.fromEntries(
    Object.entries(values).map(([key, v]) => [key, change(v, stamp, baseHlc)]),
  );
}

export class TestDevice {
  readonly clientId = randomUUID();
  private nextMid = 1;
  constructor(readonly node = `node-${randomUUID().slice(0, 8)}`) {}

  stamp(offsetMs = 0, counter = 0): string {
    return hlc(offsetMs, counter, this.node);
  }

  mutation(
    table: SyncedTable,
    id: string,
    fields: Record<string, FieldChange>,
    rowHlcSeen?: string | null,
  ): Mutation {
    const mutation: Mutation = { mid: this.nextMid++, table, id, fields };
    if (rowHlcSeen !== undefined) mutation.row_hlc_seen = rowHlcSeen;
    return mutation;
  }
}

export const storyValues = (title = 'The Lighthouse') => ({
  title,
  logline: 'A keeper hears the sea speak.',
  synopsis: 'Line one\nLine two\n',
  genre: 'literary',
  notes: '',
  deleted: false,
});

export const categoryValues = (storyId: string, title = 'Characters') => ({
  story_id: storyId,
  title,
  description: 'People in the story',
  color: '#4a7bd0',
  position: 'a0',
  deleted: false,
});

export const promptValues = (
  storyId: string,
  categoryId: string,
  title = 'Who is the keeper?',
) => ({
  story_id: storyId,
  category_id: categoryId,
  title,
  details: 'Describe the keeper.',
  action_steps: [{ id: randomUUID(), text: 'Draft a page', done: false }],
  files: [],
  tags: ['keeper', 'sea'],
  position: 'a0',
  deleted: false,
});
