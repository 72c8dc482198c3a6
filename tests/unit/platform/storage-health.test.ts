import { describe, expect, it } from 'vitest';
import { formatBytes, isStorageLow, storageWarnings } from '../../../src/platform/storage-health';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('storage warnings', () => {
  it.each([
    // usage, quota, low?
    [0, 10 * GB, false],
    [8 * GB, 10 * GB, false], // exactly 80 %: not yet
    [8 * GB + 1, 10 * GB, true], // over 80 %
    [100, 150 * MB, false], // 150 MB free
    [51 * MB, 150 * MB, true], // under 100 MB free
    [0, 99 * MB, true], // a tiny quota is low even when empty
  ])('usage %d of quota %d is low: %s', (usage, quota, low) => {
    expect(isStorageLow(usage, quota)).toBe(low);
  });

  it('says nothing when the browser gives no estimate', () => {
    expect(isStorageLow(null, null)).toBe(false);
    expect(isStorageLow(10, 0)).toBe(false);
    expect(storageWarnings({ persisted: null, usage: null, quota: null })).toEqual([]);
  });

  it('reports refusal and low storage, the most urgent first', () => {
    expect(storageWarnings({ persisted: false, usage: 0, quota: 10 * GB })).toEqual(['refused']);
    expect(storageWarnings({ persisted: true, usage: 9.5 * GB, quota: 10 * GB })).toEqual(['low']);
    expect(storageWarnings({ persisted: false, usage: 9.5 * GB, quota: 10 * GB })).toEqual([
      'low',
      'refused',
    ]);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * MB)).toBe('250 MB');
    expect(formatBytes(3.25 * GB)).toBe('3.3 GB');
  });
});
