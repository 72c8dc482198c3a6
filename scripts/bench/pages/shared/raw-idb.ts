// Plain IndexedDB with the same object stores, indexes and durability as the app's Dexie
// schema (src/db/database.ts), so a raw-versus-ours ratio measures our code (validation, HLC,
// outbox, Dexie) and not a cheaper schema.
import { TRANSACTION_DURABILITY } from '../../../../src/db/database';

export const RAW_DURABILITY: IDBTransactionOptions = { durability: TRANSACTION_DURABILITY };

export function openRawDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const idb = request.result;
      const prompts = idb.createObjectStore('prompts', { keyPath: 'id' });
      prompts.createIndex('story_id', 'story_id');
      prompts.createIndex('category_id', 'category_id');
      prompts.createIndex('[category_id+position]', ['category_id', 'position']);
      prompts.createIndex('tags', 'tags', { multiEntry: true });
      prompts.createIndex('updated_at', 'updated_at');
      prompts.createIndex('[story_id+updated_at]', ['story_id', 'updated_at']);
      const messages = idb.createObjectStore('messages', { keyPath: 'id' });
      messages.createIndex('chat_id', 'chat_id');
      messages.createIndex('[chat_id+created_at]', ['chat_id', 'created_at']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens an existing database at its current version (e.g. the one Dexie created). */
export function openExistingDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** All rows in one readwrite transaction. */
export async function putAll(
  idb: IDBDatabase,
  store: string,
  rows: readonly unknown[],
): Promise<void> {
  const tx = idb.transaction(store, 'readwrite', RAW_DURABILITY);
  const objectStore = tx.objectStore(store);
  for (const row of rows) objectStore.put(row);
  await done(tx);
}

/** The last `count` rows of an index range, newest first (a reverse cursor). */
export async function lastOfRange(
  index: IDBIndex,
  range: IDBKeyRange,
  count: number,
): Promise<unknown[]> {
  const rows: unknown[] = [];
  return new Promise((resolve, reject) => {
    const cursorRequest = index.openCursor(range, 'prev');
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor || rows.length >= count) return resolve(rows);
      rows.push(cursor.value);
      cursor.continue();
    };
    cursorRequest.onerror = () => reject(cursorRequest.error);
  });
}
