// The search worker's API: a registry of open shards, one database connection per database name.
// Every method is idempotent (opening an open shard is a no-op), so the pool may retry any of them
// in a fresh worker after a crash; a fresh worker simply restores the shard from IndexedDB.
import { DATABASE_NAME, StoryPromptsDatabase } from '../db/database';
import { librarySource } from './search-source-library';
import { messagesSource } from './search-source-messages';
import type { ShardSourceFactory } from './search-source';
import { ShardController } from './shard-controller';
import type { ShardControllerOptions } from './shard-controller';
import type { SearchRequest, SearchWorkerApi, ShardName, ShardRef } from './search-types';

const SOURCES: Record<ShardName, ShardSourceFactory> = {
  library: librarySource,
  messages: messagesSource,
};

export function createSearchService(options: ShardControllerOptions = {}): SearchWorkerApi {
  const databases = new Map<string, StoryPromptsDatabase>();
  const shards = new Map<string, ShardController>();

  function controller({ dbName = DATABASE_NAME, shard }: ShardRef): ShardController {
    const key = `${dbName}\u0000${shard}`;
    let existing = shards.get(key);
    if (!existing) {
      let db = databases.get(dbName);
      if (!db) databases.set(dbName, (db = new StoryPromptsDatabase(dbName)));
      existing = new ShardController(db, shard, SOURCES[shard], options);
      shards.set(key, existing);
    }
    return existing;
  }

  return {
    open: (ref: ShardRef) => controller(ref).open(),
    query: (ref: ShardRef, request: SearchRequest) => controller(ref).query(request),
    status: async (ref: ShardRef) => controller(ref).status(),
    whenIdle: (ref: ShardRef) => controller(ref).whenIdle(),
    persist: (ref: ShardRef) => controller(ref).persist(),
    rebuild: (ref: ShardRef) => controller(ref).rebuild(),
    async close(dbName = DATABASE_NAME) {
      for (const [key, shard] of shards) {
        if (!key.startsWith(`${dbName}\u0000`)) continue;
        await shard.close();
        shards.delete(key);
      }
      databases.get(dbName)?.close();
      databases.delete(dbName);
    },
  };
}
