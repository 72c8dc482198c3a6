// B21 (page side): what the origin stores, from navigator.storage.estimate(), and the size of
// the data itself (its JSON, UTF-8) as the baseline. The driver calls `storageNow` right after
// the first imports of a fresh profile, before any database was deleted: deleted databases
// can keep counting until the backing store compacts, which would inflate the figure.
import { releaseWorkbenchData, workbenchData, workbenchMessages } from './data';

export interface StorageFigures {
  usageBytes: number;
  databases: string[];
}

export async function storageNow(): Promise<StorageFigures> {
  const estimate = await navigator.storage.estimate();
  const databases = (await indexedDB.databases()).map((info) => info.name ?? '?');
  return { usageBytes: estimate.usage ?? NaN, databases };
}

export function rawDataBytes(messageCount: number): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const prompt of workbenchData().prompts)
    bytes += encoder.encode(JSON.stringify(prompt)).length;
  for (const message of workbenchMessages(messageCount))
    bytes += encoder.encode(JSON.stringify(message)).length;
  return bytes;
}

/** Drops the generated rows so the heap figure is the app code's, not the generator's. */
export function release(): void {
  releaseWorkbenchData();
}
