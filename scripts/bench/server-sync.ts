// Server side of benchmarks B13/B14 (shared/design/benchmarks.md): sync throughput through the
// local Supabase stand-in with the unmodified supabase-js, against a naive one-row-per-request
// approach on the SAME server in the same run, interleaved (A B A B ...), median of N after a
// warm-up. Ratios matter, absolute times do not (shared machines are noisy).
//   push: 1,000 mutations in batches of PUSH_BATCH.mutations vs 1,000 single-mutation pushes
//   pull: 10,000 prompt rows in pages of PULL_PAGE_SIZE vs pull with limit 1 (one row per
//         request), measured on a bounded sample and extrapolated; the row says so.
// Run alone: `npx tsx scripts/bench/server-sync.ts`; the bench runner imports runServerSyncBench.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { formatHlc } from '../../src/domain/hlc';
import { PULL_PAGE_SIZE, PUSH_BATCH } from '../../src/sync/protocol';
import type { Mutation, PullResponse, PushResponse } from '../../src/sync/protocol';
import { startStandin } from '../standin/standin';
import type { Standin } from '../standin/standin';

export interface ServerSyncResult {
  id: 'B13' | 'B14';
  name: string;
  metric: string;
  value: number;
  baseline: number;
  /** value / baseline: how many times faster than the naive approach. */
  ratio: number;
  note: string;
}

export interface ServerSyncOptions {
  /** Measured repetitions of each side (median reported). Default 5. */
  repetitions?: number;
  pushMutations?: number;
  pullRows?: number;
  /** Requests measured for the naive pull; its rate is extrapolated to pullRows. Default 1,000. */
  naivePullSample?: number;
  /** Reuse a running stand-in instead of starting a throwaway one. */
  standin?: Standin;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function signedInClient(
  standin: Standin,
): Promise<{ supabase: SupabaseClient; userId: string }> {
  const supabase = createClient(standin.url, standin.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
  const { data, error } = await supabase.auth.signUp({
    email: `bench-${randomUUID()}@example.test`,
    password: 'bench-password',
  });
  if (error || !data.user) throw new Error(`Bench sign-up failed: ${error?.message}`);
  return { supabase, userId: data.user.id };
}

async function rpc<T>(
  supabase: SupabaseClient,
  fn: string,
  args: Record<string, unknown>,
): Promise<T> {
  const { data, error } = await supabase.rpc(fn, args);
  if (error) throw new Error(`${fn} failed: ${error.code} ${error.message}`);
  return data as T;
}

/** `count` new-persona mutations numbered from 1 for a fresh client id. */
function personaMutations(count: number): { clientId: string; mutations: Mutation[] } {
  const node = randomUUID().slice(0, 8);
  const mutations = Array.from({ length: count }, (_, index): Mutation => {
    const hlc = formatHlc({ wall: Date.now(), counter: index % 10_000, node });
    const fields = {
      name: `Persona ${index}`,
      description: 'A benchmark persona.',
      temperature: 0.7,
      deleted: false,
    };
    return {
      mid: index + 1,
      table: 'personas',
      id: randomUUID(),
      fields: Object.fromEntries(
        Object.entries(fields).map(([key, v]) => [key, { v, hlc, base_hlc: null }]),
      ),
    };
  });
  return { clientId: randomUUID(), mutations };
}

async function pushInBatches(
  supabase: SupabaseClient,
  count: number,
  batchSize: number,
): Promise<number> {
  const { clientId, mutations } = personaMutations(count);
  return timed(async () => {
    for (let start = 0; start < mutations.length; start += batchSize) {
      const response = await rpc<PushResponse>(supabase, 'sync_push', {
        client_id: clientId,
        schema_version: 1,
        mutations: mutations.slice(start, start + batchSize),
      });
      if (response.rejected.length)
        throw new Error(`Bench push rejected: ${response.rejected[0]?.message}`);
    }
  });
}

/** Pulls from 0 until has_more is false or `maxRequests` were made; returns ms and rows. */
async function pullPaged(
  supabase: SupabaseClient,
  limit: number,
  maxRequests = Infinity,
): Promise<{ ms: number; rows: number }> {
  const clientId = randomUUID();
  let rows = 0;
  const ms = await timed(async () => {
    let cursor = 0;
    for (let requests = 0; requests < maxRequests; requests += 1) {
      const page = await rpc<PullResponse>(supabase, 'sync_pull', {
        client_id: clientId,
        cursor,
        limit,
      });
      rows += page.changes.length;
      cursor = page.cursor;
      if (!page.has_more) break;
    }
  });
  return { ms, rows };
}

/** 10,000 prompts shaped like benchmarks.md's data (≈2 KB details, 3 tags, 3 steps), via SQL. */
async function seedPrompts(standin: Standin, userId: string, count: number): Promise<void> {
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
       select $1, $2, c.ids[1 + g % 50], 'Prompt number ' || g || ' about the sea',
              repeat('The keeper climbs the stairs and counts the waves. ', 40) || g,
              array['tag-' || g % 200, 'tag-' || (g + 7) % 200, 'tag-' || (g + 13) % 200],
              jsonb_build_array(jsonb_build_object('id', gen_random_uuid(), 'text', 'Draft', 'done', false),
                                jsonb_build_object('id', gen_random_uuid(), 'text', 'Revise', 'done', false),
                                jsonb_build_object('id', gen_random_uuid(), 'text', 'Share', 'done', true)),
              'a' || lpad(g::text, 6, '0')
       from generate_series(1, $3) g,
            (select array_agg(id order by position) as ids from public.prompt_categories where story_id = $2) c`,
      [userId, storyId, count - 51],
    );
  } finally {
    await admin.end();
  }
}

async function measurePush(
  supabase: SupabaseClient,
  count: number,
  repetitions: number,
): Promise<ServerSyncResult> {
  await pushInBatches(supabase, 20, 10);
  const batched: number[] = [];
  const naive: number[] = [];
  for (let rep = 0; rep < repetitions; rep += 1) {
    batched.push(await pushInBatches(supabase, count, PUSH_BATCH.mutations));
    naive.push(await pushInBatches(supabase, count, 1));
  }
  const value = count / (median(batched) / 1000);
  const baseline = count / (median(naive) / 1000);
  return {
    id: 'B14',
    name: `server push: ${count} mutations in batches of ${PUSH_BATCH.mutations} vs one per request`,
    metric: 'mutations/s',
    value,
    baseline,
    ratio: value / baseline,
    note: `median of ${repetitions}; ${Math.ceil(count / PUSH_BATCH.mutations)} requests vs ${count}`,
  };
}

async function measurePull(
  supabase: SupabaseClient,
  rows: number,
  sample: number,
  repetitions: number,
): Promise<ServerSyncResult> {
  await pullPaged(supabase, PULL_PAGE_SIZE, 2);
  const paged: number[] = [];
  const naive: number[] = [];
  for (let rep = 0; rep < repetitions; rep += 1) {
    const full = await pullPaged(supabase, PULL_PAGE_SIZE);
    if (full.rows !== rows)
      throw new Error(`Paged pull returned ${full.rows} rows, expected ${rows}.`);
    paged.push(full.ms);
    const one = await pullPaged(supabase, 1, sample);
    naive.push(one.ms / one.rows);
  }
  const value = rows / (median(paged) / 1000);
  const baseline = 1000 / median(naive);
  return {
    id: 'B13',
    name: `server pull: ${rows} rows in pages of ${PULL_PAGE_SIZE} vs one row per request`,
    metric: 'rows/s',
    value,
    baseline,
    ratio: value / baseline,
    note: `median of ${repetitions}; naive rate measured on ${sample} requests and extrapolated to ${rows} rows`,
  };
}

export async function runServerSyncBench(
  options: ServerSyncOptions = {},
): Promise<ServerSyncResult[]> {
  const repetitions = options.repetitions ?? 5;
  const standin = options.standin ?? (await startStandin({ port: 0 }));
  try {
    const pusher = await signedInClient(standin);
    const pushResult = await measurePush(
      pusher.supabase,
      options.pushMutations ?? 1000,
      repetitions,
    );
    const puller = await signedInClient(standin);
    const rows = options.pullRows ?? 10_000;
    await seedPrompts(standin, puller.userId, rows);
    const pullResult = await measurePull(
      puller.supabase,
      rows,
      options.naivePullSample ?? 1000,
      repetitions,
    );
    return [pullResult, pushResult];
  } finally {
    if (!options.standin) await standin.stop();
  }
}

export function formatServerSyncResults(results: ServerSyncResult[]): string {
  const lines = results.map(
    (r) =>
      `| ${r.id} | ${r.name} | ${r.metric} | ${r.value.toFixed(0)} | ${r.baseline.toFixed(0)} | ${r.ratio.toFixed(1)}x | ${r.note} |`,
  );
  return [
    '| id | what | metric | value | naive baseline | ratio | note |',
    '|---|---|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runServerSyncBench().then(
    (results) => console.log(formatServerSyncResults(results)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
