// sync.md scenario 11: a 1 MB prompt, and a 10,000-row initial sync that arrives in pages and
// applies in bounded memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '../../../src/db/categories-repository';
import { createPrompt } from '../../../src/db/prompts-repository';
import { createStory } from '../../../src/db/stories-repository';
import { PULL_PAGE_SIZE } from '../../../src/sync/protocol';
import { startSyncBackend } from '../../support/sync/backend';
import type { SyncBackend } from '../../support/sync/backend';
import { createAccount, createDevice } from '../../support/sync/devices';
import { serverQuery } from '../../support/sync/server-state';

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(async () => {
  await backend?.stop();
});

describe('large data', () => {
  it('syncs a 1 MB prompt both ways', async () => {
    const account = await createAccount(backend.http);
    const a = await createDevice(backend.http, account);
    const story = await createStory(a.db, { title: 'Epic' });
    const category = await createCategory(a.db, story.id, { title: 'Chapters' });
    const details = 'The sea was loud that night.\n'.repeat(36_000).slice(0, 1_000_000);
    const prompt = await createPrompt(a.db, category.id, { title: 'Everything', details });
    expect(await a.sync()).toBe('idle');
    const b = await createDevice(backend.http, account);
    expect(await b.sync()).toBe('idle');
    expect((await b.db.prompts.get(prompt.id))!.details).toBe(details);
    await Promise.all([a.close(), b.close()]);
  });

  it('pulls 10,000 rows for a new device in pages of the protocol size', async () => {
    const account = await createAccount(backend.http);
    const storyId = crypto.randomUUID();
    const categoryId = crypto.randomUUID();
    const hlc = `${String(Date.now()).padStart(18, '0')}-00000-seed`;
    await serverQuery(
      backend.adminUrl,
      `with s as (
         insert into public.stories (id, user_id, title, field_hlc) values ($2, $1, 'Big', jsonb_build_object('title', $4::text))
       ), c as (
         insert into public.prompt_categories (id, user_id, story_id, title, color, position, field_hlc)
         values ($3, $1, $2, 'All', '#5b3e96', 'a0', jsonb_build_object('title', $4::text))
       )
       select 1`,
      [account.userId, storyId, categoryId, hlc],
    );
    await serverQuery(
      backend.adminUrl,
      `insert into public.prompts (id, user_id, story_id, category_id, title, details, position, field_hlc)
       select gen_random_uuid(), $1, $2, $3, 'Prompt ' || n, repeat('detail ', 40), 'a' || lpad(n::text, 6, '0'),
              jsonb_build_object('title', $4::text)
       from generate_series(1, 10000) as n`,
      [account.userId, storyId, categoryId, hlc],
    );
    const device = await createDevice(backend.http, account);
    const pages: number[] = [];
    const pull = device.transport.pull.bind(device.transport);
    device.transport.pull = async (request) => {
      const page = await pull(request);
      pages.push(page.changes.length);
      return page;
    };
    const heapBefore = process.memoryUsage().heapUsed;
    expect(await device.sync()).toBe('idle');
    expect(await device.db.prompts.count()).toBe(10_000);
    expect(Math.max(...pages)).toBeLessThanOrEqual(PULL_PAGE_SIZE);
    expect(pages.reduce((sum, n) => sum + n, 0)).toBe(10_002);
    expect(device.engine.status$.value.pulledRows).toBe(10_002);
    // The pages are applied as they come, never all held at once: heap growth stays far below
    // what holding every reply plus its parsed rows would take.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
    await device.close();
  }, 180_000);
});
