// B13/B14, client side (design/benchmarks.md; issue 5): the real SyncEngine in Chromium (bench
// page pages/sync) against the local Supabase stand-in with 10k prompts seeded by SQL.
//   B13 initial sync of a fresh device: rows/s, main-thread long tasks, peak heap, against a
//       naive one-row-per-request sync (pull limit 1 through the same apply code), measured on
//       a sample of rows and extrapolated (said so in the row); interleaved, median.
//   B14 a local edit → synced: local commit ms, edit → pushed ms; a 50-edit burst: requests the
//       engine issues (counted by a wrapped fetch); baseline one bare HTTP round trip.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { BenchRow } from './bench-row';
import { openProfile } from './harness/chromium';
import { pageCall } from './harness/page-call';
import { benchRow, median, quantile } from './harness/stats';
import type { EditRun, InitialSyncRun } from './pages/sync/main';
import { startStandin } from '../standin/standin';
import type { Standin } from '../standin/standin';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PROMPTS = Number(process.env.BENCH_PROMPTS ?? 10_000);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 200);
const BURST = 50;
/** Single edits timed one by one: enough that a LevelDB compaction after the 10k-row sync is one sample, not the median. */
const SINGLE_EDITS = 30;
const MB = 1024 * 1024;

/** One story, 50 categories and `count` prompts shaped like the generators' (≈2 KB details). */
export async function seedServer(standin: Standin, userId: string, count: number): Promise<number> {
  const admin = new pg.Client({ connectionString: standin.adminUrl });
  await admin.connect();
  try {
    const story = await admin.query(
      `insert into public.stories (user_id, title) values ($1, 'Bench story') returning id`,
      [userId],
    );
    const storyId = story.rows[0].id as string;
    await admin.query(
      `insert into public.prompt_categories (user_id, story_id, title, position)
       select $1, $2, 'Category ' || g, 'a' || lpad(g::text, 3, '0') from generate_series(1, 50) g`,
      [userId, storyId],
    );
    await admin.query(
      `insert into public.prompts (user_id, story_id, category_id, title, details, tags, action_steps, position)
       select $1, $2, c.ids[1 + g % 50], 'Prompt number ' || g || ' about the lighthouse keeper',
              repeat('The keeper climbs the stairs and counts the waves. ', 40) || g,
              array['tag-' || g % 200, 'tag-' || (g + 7) % 200, 'tag-' || (g + 13) % 200],
              (select jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'text', 'Step ' || s, 'done', s % 2 = 0))
                 from generate_series(1, 3 + g % 6) s),
              'a' || lpad(g::text, 6, '0')
       from generate_series(1, $3) g,
            (select array_agg(id order by position) as ids from public.prompt_categories where story_id = $2) c`,
      [userId, storyId, count],
    );
    return count + 51;
  } finally {
    await admin.end();
  }
}

export async function signUp(
  standin: Standin,
): Promise<{ email: string; password: string; userId: string }> {
  const supabase = createClient(standin.url, standin.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no global WebSocket; supabase-js's Realtime client wants one at creation.
    realtime: { transport: WebSocket as never },
  });
  const email = `bench-${randomUUID()}@example.test`;
  const password = 'bench-password';
  const { data, error } = await supabase.auth.signUp({ email, password });
  if (error || !data.user) throw new Error(`Bench sign-up failed: ${error?.message}`);
  return { email, password, userId: data.user.id };
}

function initialSyncRows(
  runs: InitialSyncRun[],
  naive: { ms: number; rows: number }[],
): BenchRow[] {
  const rows = runs[0]!.rows;
  const rate = median(runs.map((r) => (r.rows / r.ms) * 1000));
  const naiveRate = median(naive.map((r) => (r.rows / r.ms) * 1000));
  const longest = Math.max(0, ...runs.flatMap((r) => r.longTasks));
  const over50 = Math.max(...runs.map((r) => r.longTasks.filter((d) => d > 50).length));
  const peak = median(runs.map((r) => r.peakHeap - r.startHeap));
  const how = `initial sync of ${rows.toLocaleString('en')} rows (${PROMPTS.toLocaleString('en')} prompts + categories + story) by SyncEngine.syncNow() in Chromium, ${runs[0]!.requests} pull requests, median of ${runs.length}`;
  return [
    benchRow(
      'B13',
      `${how}; baseline naive sync, one row per request (pull limit 1, same apply code), rate measured on ${NAIVE_SAMPLE} rows and extrapolated`,
      'rows/s',
      rate,
      naiveRate,
      '≥ 10× naive; ≥ 5k rows/s',
      rate >= 10 * naiveRate && rate >= 5_000,
    ),
    benchRow(
      'B13',
      `${how}: longest main-thread task (${over50} tasks > 50 ms in the worst run)`,
      'ms',
      longest,
      null,
      'no task > 50 ms',
      longest <= 50,
    ),
    benchRow(
      'B13',
      `${how}: of the total, time waiting for sync_pull replies (network + server + JSON); the rest is applying pages in IndexedDB`,
      'ms',
      median(runs.map((r) => r.pullWaitMs)),
      median(runs.map((r) => r.ms)),
      'record',
      null,
    ),
    benchRow(
      'B13',
      `${how}: peak JS heap growth during the sync (performance.memory, sampled every 25 ms)`,
      'MB',
      peak / MB,
      null,
      'record',
      null,
    ),
  ];
}

function editRows(run: EditRun): BenchRow[] {
  const commit = median(run.commitMs);
  const roundTrip = median(run.roundTripMs);
  return [
    benchRow(
      'B14',
      `local edit (updatePrompt title: row + row_meta + outbox) on a device holding the synced ${PROMPTS.toLocaleString('en')} prompts: local commit, median of ${run.commitMs.length} (p95 ${quantile(run.commitMs, 0.95).toFixed(1)} ms); baseline one bare HTTP round trip to the stand-in`,
      'ms',
      commit,
      roundTrip,
      '< 5 ms',
      commit < 5,
    ),
    benchRow(
      'B14',
      `local edit → synced (commit + SyncEngine.syncNow(): push, then pull), median of ${run.syncedMs.length}; baseline one bare HTTP round trip`,
      'ms',
      median(run.syncedMs),
      roundTrip,
      'record',
      null,
    ),
    benchRow(
      'B14',
      `a ${BURST}-edit burst then one sync: sync_push requests issued (counted by a wrapped fetch; ${run.burstAllRequests} requests in all, sync took ${run.burstSyncMs.toFixed(0)} ms; burst commits p95 ${quantile(run.burstCommitMs, 0.95).toFixed(1)} ms)`,
      'requests',
      run.burstPushRequests,
      null,
      '≤ 1 request',
      run.burstPushRequests <= 1,
    ),
  ];
}

export interface SyncClientOptions {
  benchOrigin: string;
  wants: (id: string) => boolean;
}

export async function runSyncClientBenchmarks({
  benchOrigin,
  wants,
}: SyncClientOptions): Promise<BenchRow[]> {
  const standin = await startStandin({ port: 0 });
  const profile = await openProfile();
  try {
    const user = await signUp(standin);
    const seeded = await seedServer(standin, user.userId, PROMPTS);
    console.log(`  sync client: seeded ${seeded} rows on the stand-in`);
    const { page } = profile;
    await page.goto(`${benchOrigin}/__bench/sync.html`);
    await page.waitForFunction(() => document.title === 'ready');
    await pageCall(
      page,
      'syncBench.signIn',
      standin.url,
      standin.anonKey,
      user.email,
      user.password,
    );
    await pageCall(page, 'syncBench.naiveSync', 20); // warm-up
    await pageCall(page, 'syncBench.initialSync');
    const runs: InitialSyncRun[] = [];
    const naive: { ms: number; rows: number }[] = [];
    for (let i = 0; i < (wants('B13') ? RUNS : 0); i++) {
      naive.push(await pageCall(page, 'syncBench.naiveSync', NAIVE_SAMPLE));
      runs.push(await pageCall<InitialSyncRun>(page, 'syncBench.initialSync'));
    }
    const rows = runs.length ? initialSyncRows(runs, naive) : [];
    if (wants('B14'))
      rows.push(...editRows(await pageCall<EditRun>(page, 'syncBench.edits', SINGLE_EDITS, BURST)));
    return rows;
  } finally {
    await profile.close();
    await standin.stop();
  }
}
