// Pure rules for storage warnings (tested in tests/unit/platform). The browser may evict a
// site's IndexedDB under pressure unless storage is persistent, and writes fail when the
// quota is reached: the writer should hear about both before anything is lost.
export const LOW_STORAGE_RATIO = 0.8;
export const LOW_STORAGE_FREE_BYTES = 100 * 1024 * 1024;

export type StorageWarning = 'refused' | 'low';

export interface StorageFacts {
  /** navigator.storage.persisted() (or the answer of persist()); null when unsupported. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export function isStorageLow(usage: number | null, quota: number | null): boolean {
  if (usage === null || quota === null || quota <= 0) return false;
  return usage > quota * LOW_STORAGE_RATIO || quota - usage < LOW_STORAGE_FREE_BYTES;
}

/** Every warning that applies, the most urgent first. */
export function storageWarnings(facts: StorageFacts): StorageWarning[] {
  const warnings: StorageWarning[] = [];
  if (isStorageLow(facts.usage, facts.quota)) warnings.push('low');
  if (facts.persisted === false) warnings.push('refused');
  return warnings;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
