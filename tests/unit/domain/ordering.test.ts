import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  positionAtEnd,
  positionForMove,
  positionsAfter,
  sortByPosition,
} from '../../../src/domain/ordering';

const item = (id: string, position: string) => ({ id, position });

describe('fractional ordering', () => {
  it('appends after the last item', () => {
    const list = [item('a', 'a0'), item('b', 'a1')];
    const position = positionAtEnd(list);
    expect(sortByPosition([...list, item('c', position)]).map((i) => i.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('moves an item to any index by rewriting only its key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.nat(),
        fc.nat(),
        (count, fromSeed, toSeed) => {
          const keys = positionsAfter(null, count);
          const list = keys.map((key, index) => item(`id${index}`, key));
          const from = fromSeed % count;
          const to = toSeed % count;
          const moving = list[from]!;
          const moved = { ...moving, position: positionForMove(list, moving.id, to) };
          const result = sortByPosition(
            list.map((entry) => (entry.id === moving.id ? moved : entry)),
          );
          expect(result.findIndex((entry) => entry.id === moving.id)).toBe(to);
        },
      ),
    );
  });

  it('breaks ties between equal keys by id so every device shows the same order', () => {
    const sorted = sortByPosition([item('b', 'a0'), item('a', 'a0')]);
    expect(sorted.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('places an item moved next to a group of equal keys right after that group', () => {
    const list = sortByPosition([
      item('a', 'a0'),
      item('b', 'a0'),
      item('c', 'a1'),
      item('d', 'a2'),
    ]);
    const position = positionForMove(list, 'd', 1);
    const result = sortByPosition(
      list.map((entry) => (entry.id === 'd' ? { ...entry, position } : entry)),
    );
    expect(result.map((entry) => entry.id)).toEqual(['a', 'b', 'd', 'c']);
  });
});
