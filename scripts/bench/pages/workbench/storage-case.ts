// B21 (page side): what the origin stores after B2 + B4 (10k prompts and 100k messages through
// the app's import path) against the size of the data itself (its JSON, UTF-8). The raw
// baseline databases are deleted first so only the app's databases count.
import { deleteDatabase } from '../shared/measure';
import { releaseWorkbenchData, workbenchData, workbenchMessages } from './data';
import { EDIT_OURS_DB, EDIT_RAW_DB, MSG_RAW_DB, RAW_DB } from './write-cases';

export interface StorageFigures {
  usageBytes: number;
  rawBytes: number;
  databases: string[];
}

export async function storageAfterImports(
  promptCount: number,
  messageCount: number,
): Promise<StorageFigures> {
  await Promise.all([RAW_DB, MSG_RAW_DB, EDIT_RAW_DB, EDIT_OURS_DB].map(deleteDatabase));
  const encoder = new TextEncoder();
  let rawBytes = 0;
  for (const prompt of workbenchData(promptCount).prompts)
    rawBytes += encoder.encode(JSON.stringify(prompt)).length;
  for (const message of workbenchMessages(messageCount))
    rawBytes += encoder.encode(JSON.stringify(message)).length;
  releaseWorkbenchData();
  const estimate = await navigator.storage.estimate();
  const databases = (await indexedDB.databases()).map((info) => info.name ?? '?');
  return { usageBytes: estimate.usage ?? NaN, rawBytes, databases };
}
