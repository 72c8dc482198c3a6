// The workbench bench page: exposes each case to the Node driver (scripts/bench/workbench.ts)
// as `window.workbench.<case>(...)`; the driver interleaves and takes medians.
import { indexedReads } from './read-cases';
import { liveSubscribers } from './live-cases';
import { rawDataBytes, release, storageNow } from './storage-case';
import {
  finishEdits,
  oursEdits,
  oursMessageImport,
  oursPromptImport,
  prepareEdits,
  rawEdits,
  rawMessageImport,
  rawPromptImport,
} from './write-cases';
import { workbenchData, workbenchMessages } from './data';

const workbench = {
  generate: async (prompts: number, messages: number) => {
    const start = performance.now();
    workbenchData(prompts);
    if (messages > 0) workbenchMessages(messages);
    return performance.now() - start;
  },
  rawPromptImport,
  oursPromptImport,
  prepareEdits,
  rawEdits,
  oursEdits,
  finishEdits,
  rawMessageImport,
  oursMessageImport,
  indexedReads,
  liveSubscribers,
  storageNow,
  rawDataBytes,
  release,
  cores: async () => navigator.hardwareConcurrency,
};

export type Workbench = typeof workbench;
(globalThis as unknown as { workbench: Workbench }).workbench = workbench;
document.title = 'ready';
