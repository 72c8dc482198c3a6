import { afterEach, describe, expect, it } from 'vitest';
import { createSearchClient, latestOnly } from '../../../src/platform/search-client';
import { createSearchService } from '../../../src/search/search-service';
import { freshDatabase, seedChat, seedLibrary } from './search-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('search client', () => {
  it('fans a query out to every shard, pinned by affinity, and merges the groups', async () => {
    const db = freshDatabase();
    const service = createSearchService();
    cleanups.push(() => service.close(db.name).then(() => db.close()));
    const calls: Array<string | undefined> = [];
    const pool = {
      run: <R>(
        _kind: 'search',
        task: (api: never) => Promise<R> | R,
        options?: { affinity?: string },
      ) => {
        calls.push(options?.affinity);
        return Promise.resolve(task(service as never));
      },
    };
    const client = createSearchClient(pool, db.name);
    const { storm } = await seedLibrary(db);
    const { messages } = await seedChat(db, 'Storm chat', ['A storm is coming.']);
    await client.whenIdle();
    const result = await client.search('storm');
    expect(result.prompts.map((hit) => hit.id)).toEqual([storm.id]);
    expect(result.messages.map((hit) => hit.id)).toEqual([messages[0]!.id]);
    expect(result.complete).toBe(true);
    expect(new Set(calls)).toEqual(new Set(['search:library', 'search:messages']));
  });
});

describe('latestOnly', () => {
  it('runs one query at a time and skips superseded ones', async () => {
    const ran: string[] = [];
    const gates: Array<() => void> = [];
    const search = latestOnly((query: string) => {
      ran.push(query);
      return new Promise<string>((resolve) => gates.push(() => resolve(query.toUpperCase())));
    });
    const a = search('a');
    const ab = search('ab');
    const abc = search('abc');
    gates.shift()!();
    await expect(a).resolves.toBe('A');
    await expect(ab).resolves.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gates.shift()!();
    await expect(abc).resolves.toBe('ABC');
    expect(ran).toEqual(['a', 'abc']);
  });
});
