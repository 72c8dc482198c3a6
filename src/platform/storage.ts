// Persistent storage and quota. On first use the app asks `navigator.storage.persist()` once
// (remembered in localStorage, so browsers that prompt ask only once); later launches read
// `persisted()`. `estimate()` tells how full the origin's quota is. See storage-health.ts for
// the thresholds.
import { useEffect, useState } from 'react';
import { storageWarnings } from './storage-health';
import type { StorageFacts, StorageWarning } from './storage-health';

const PERSIST_ASKED_KEY = 'sp.persistAsked';
const REFUSAL_DISMISSED_KEY = 'sp.storageRefusedDismissed';

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string): void {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Private modes may refuse localStorage: asking again next time is harmless.
  }
}

/**
 * A refusal rarely changes, so once the writer dismisses that warning it stays dismissed on
 * this device; "running low" is urgent and comes back on the next launch.
 */
export function isRefusalWarningDismissed(): boolean {
  return readFlag(REFUSAL_DISMISSED_KEY);
}

export function rememberRefusalWarningDismissed(): void {
  writeFlag(REFUSAL_DISMISSED_KEY);
}

/** Whether persist() would now succeed without a prompt; false when the browser cannot say. */
async function persistenceGrantable(): Promise<boolean> {
  try {
    const status = await navigator.permissions?.query({ name: 'persistent-storage' });
    return status?.state === 'granted';
  } catch {
    return false; // Safari and older browsers do not know this permission name.
  }
}

/**
 * Asks for persistent storage the first time; afterwards reports whether it is granted. A
 * browser that decides without a prompt (Chromium) may grant later, once the writer installs
 * the app as the storage warning advises: persistence only starts when persist() is called
 * again, so it is, but only when the permission says it would be granted (never a new prompt).
 */
export async function ensurePersistentStorage(): Promise<boolean | null> {
  const storage = navigator.storage;
  if (!storage?.persisted) return null;
  if (await storage.persisted()) return true;
  if (!storage.persist) return false;
  if (readFlag(PERSIST_ASKED_KEY)) return (await persistenceGrantable()) && storage.persist();
  writeFlag(PERSIST_ASKED_KEY);
  return storage.persist();
}

export async function estimateStorage(): Promise<Pick<StorageFacts, 'usage' | 'quota'>> {
  if (!navigator.storage?.estimate) return { usage: null, quota: null };
  const { usage, quota } = await navigator.storage.estimate();
  return { usage: usage ?? null, quota: quota ?? null };
}

export async function checkStorage(): Promise<StorageFacts> {
  const [persisted, estimate] = await Promise.all([
    ensurePersistentStorage().catch(() => null),
    estimateStorage().catch(() => ({ usage: null, quota: null })),
  ]);
  return { persisted, ...estimate };
}

export interface StorageStatus {
  facts: StorageFacts | null;
  warnings: StorageWarning[];
}

const RECHECK_MS = 5 * 60 * 1000;

/** Storage facts, checked at start and every few minutes while the app is open. */
export function useStorageStatus(): StorageStatus {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    let cancelled = false;
    const run = () =>
      void checkStorage().then((next) => {
        if (!cancelled) setFacts(next);
      });
    run();
    const timer = setInterval(run, RECHECK_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);
  return { facts, warnings: facts ? storageWarnings(facts) : [] };
}
