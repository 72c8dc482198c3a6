// B6 baseline: a page with no framework that, from navigation start, opens the app's database
// and reads one story's prompts with a raw index getAll. `?story=<id>`. Publishes
// `window.rawRead = { ms, rows, getAllMs }` (ms since navigation start).
import { DATABASE_NAME } from '../../../../src/db/database';
import { openExistingDatabase, request } from '../shared/raw-idb';

async function read() {
  const storyId = new URLSearchParams(location.search).get('story') ?? '';
  const idb = await openExistingDatabase(DATABASE_NAME);
  const start = performance.now();
  const rows = await request(
    idb.transaction('prompts', 'readonly').objectStore('prompts').index('story_id').getAll(storyId),
  );
  const end = performance.now();
  idb.close();
  (globalThis as unknown as { rawRead: unknown }).rawRead = {
    ms: end,
    rows: rows.length,
    getAllMs: end - start,
  };
}

void read();
