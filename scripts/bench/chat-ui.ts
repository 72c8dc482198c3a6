// Chat UI benchmarks (design/benchmarks.md):
//   B18  open a 2,000-message chat: time from navigation to the last message visible, and heap;
//        baseline: a plain-text render of the same messages from the same IndexedDB.
//   B19  stream an 8 KB answer as 2,000 chunks while typing in the composer: main-thread long
//        tasks (> 50 ms) and keystroke → next frame latency; baseline: plain-text append.
// Production build of the app + the real API (/api/chat/messages) in front of the local
// OpenAI-compatible stub, Debian Chromium via playwright-core, A/B interleaved, one warm-up,
// median of RUNS (≥ 5). Run alone: `npx tsx scripts/bench/chat-ui.ts`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { apiConfigFromEnv, createApi } from '../../src/api/index';
import { startOpenAiStub } from '../../tests/support/openai-stub';
import type { OpenAiStub } from '../../tests/support/openai-stub';
import type { BenchRow } from './bench-row';
import { createServerApp, startServer } from './../serve-app';
import { benchRow, median, quantile } from './harness/stats';
import {
  installJankProbe,
  installVisibleProbe,
  PLAIN_CHAT_HTML,
  PLAIN_CHAT_JS,
  seedLongChat,
} from './chat-ui-pages';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RUNS = Math.max(5, Number(process.env.CHAT_BENCH_RUNS ?? 5));
const MESSAGES = 2_000;
const MARKER = 'END-OF-LONG-CHAT';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];

const p95 = (values: number[]) => quantile(values, 0.95);
const row = benchRow;

function buildApp(outDir: string): Promise<void> {
  const child = spawn(
    join(REPO, 'node_modules/.bin/vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: REPO, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  return new Promise((done, fail) =>
    child.once('close', (code) =>
      code === 0 ? done() : fail(new Error(`vite build exited ${code}`)),
    ),
  );
}

/** An 8 KB markdown answer: paragraphs, a list and a code fence, like a real reply. */
function eightKilobyteAnswer(): string {
  const paragraph =
    'Mara reads the harbour lights the way other people read letters, slowly and twice. ';
  let text = '';
  for (let index = 0; text.length < 8_192; index++) {
    text +=
      index % 6 === 5
        ? '- the tide\n- the ship\n- the secret\n\n'
        : index % 9 === 8
          ? '```\nconst storm = tide(ship);\n```\n\n'
          : `${paragraph.repeat(3)}\n\n`;
  }
  return text.slice(0, 8_192);
}

async function startServers(distDir: string, stub: OpenAiStub) {
  const api = createApi(
    apiConfigFromEnv({
      OPENAI_API_KEY: 'sk-bench-only',
      OPENAI_BASE_URL: stub.url,
      RATE_LIMIT_BURST: '1000',
      RATE_LIMIT_PER_MINUTE: '10000',
    }),
  );
  const app = new Hono();
  app.get('/__bench/plain-chat.html', (c) => c.html(PLAIN_CHAT_HTML));
  app.get('/__bench/plain-chat.js', (c) =>
    c.body(PLAIN_CHAT_JS, 200, { 'content-type': 'text/javascript' }),
  );
  app.route('/', createServerApp({ distDir, api: api.routes }));
  const server = await startServer(app, 0);
  return { url: server.url, close: async () => (await server.close(), await api.close()) };
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(
    () =>
      (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize /
      1_048_576,
  );
}

async function openChat(page: Page, url: string): Promise<{ ms: number; heapMb: number }> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __lastVisibleAt?: number }).__lastVisibleAt !== undefined,
    null,
    { timeout: 30_000 },
  );
  const ms = await page.evaluate(
    () => (window as unknown as { __lastVisibleAt: number }).__lastVisibleAt,
  );
  return { ms, heapMb: await heapAfterGc(page) };
}

async function benchOpenChat(context: BrowserContext, origin: string): Promise<BenchRow[]> {
  const page = await context.newPage();
  await context.addInitScript(installVisibleProbe, MARKER);
  await page.goto(`${origin}/`);
  await page.getByLabel('New story title').waitFor();
  const chatId = await page.evaluate(seedLongChat, { count: MESSAGES, marker: MARKER });
  const app = `${origin}/chats/${chatId}`;
  const plain = `${origin}/__bench/plain-chat.html?chat=${chatId}`;
  await openChat(page, app);
  await openChat(page, plain);
  const a: { ms: number; heapMb: number }[] = [];
  const b: { ms: number; heapMb: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    a.push(await openChat(page, app));
    b.push(await openChat(page, plain));
  }
  await page.close();
  const ms = median(a.map((r) => r.ms));
  return [
    row(
      'B18',
      `open a ${MESSAGES.toLocaleString('en')}-message chat (virtualized, markdown)`,
      'ms to last message visible',
      ms,
      median(b.map((r) => r.ms)),
      '< 300 ms',
      ms < 300,
    ),
    row(
      'B18',
      `open a ${MESSAGES.toLocaleString('en')}-message chat: heap after GC`,
      'MB JS heap',
      median(a.map((r) => r.heapMb)),
      median(b.map((r) => r.heapMb)),
      'record',
      null,
    ),
  ];
}

interface Jank {
  longTasks: number[];
  keyLatency: number[];
  eventDurations: number[];
}

async function typeWhile(page: Page, finished: Promise<unknown>): Promise<Jank> {
  await page.evaluate(
    () => ((window as unknown as { __jank: { recording: boolean } }).__jank.recording = true),
  );
  let done = false;
  void finished.finally(() => (done = true));
  while (!done) await page.keyboard.type('the tide turns ', { delay: 25 });
  await finished;
  return page.evaluate(() => {
    const jank = (window as unknown as { __jank: Jank & { recording: boolean } }).__jank;
    jank.recording = false;
    return {
      longTasks: jank.longTasks,
      keyLatency: jank.keyLatency,
      eventDurations: jank.eventDurations,
    };
  });
}

async function streamInApp(page: Page, origin: string): Promise<Jank> {
  await page.goto(`${origin}/`);
  await page.getByLabel('New story title').waitFor();
  const chatId = await page.evaluate(seedLongChat, { count: 1, marker: 'x' });
  await page.goto(`${origin}/chats/${chatId}`);
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Write the storm scene.');
  await page.getByRole('button', { name: 'Send' }).click();
  await composer.focus();
  const finished = page
    .locator('article.chat-message--assistant:not(.chat-message--streaming)')
    .nth(0)
    .waitFor({ timeout: 60_000 });
  return typeWhile(page, finished);
}

async function streamPlain(page: Page, origin: string): Promise<Jank> {
  await page.goto(`${origin}/__bench/plain-chat.html`);
  await page.locator('#composer').focus();
  const finished = page.evaluate(() =>
    (window as unknown as { __plainStream: () => Promise<void> }).__plainStream(),
  );
  return typeWhile(page, finished);
}

async function benchStreaming(
  context: BrowserContext,
  origin: string,
  stub: OpenAiStub,
): Promise<BenchRow[]> {
  stub.setBehaviour({ reply: eightKilobyteAnswer(), chunks: 2_000, chunkDelayMs: 2 });
  const page = await context.newPage();
  await page.addInitScript(installJankProbe);
  await streamInApp(page, origin);
  await streamPlain(page, origin);
  const a: Jank[] = [];
  const b: Jank[] = [];
  for (let run = 0; run < RUNS; run++) {
    a.push(await streamInApp(page, origin));
    b.push(await streamPlain(page, origin));
  }
  await page.close();
  const over50 = (runs: Jank[]) =>
    median(runs.map((r) => r.longTasks.filter((d) => d > 50).length));
  const keyP95 = (runs: Jank[]) => median(runs.map((r) => p95(r.keyLatency)));
  const worstEvent = (runs: Jank[]) => median(runs.map((r) => Math.max(0, ...r.eventDurations)));
  const tasks = over50(a);
  return [
    row(
      'B19',
      'stream 8 KB as 2,000 chunks while typing: main-thread tasks > 50 ms',
      'count (median of runs)',
      tasks,
      over50(b),
      '0',
      tasks === 0,
    ),
    row(
      'B19',
      'stream 8 KB as 2,000 chunks: longest main-thread task',
      'ms',
      median(a.map((r) => Math.max(0, ...r.longTasks))),
      median(b.map((r) => Math.max(0, ...r.longTasks))),
      'record',
      null,
    ),
    row(
      'B19',
      'typing while streaming: keystroke → next frame p95',
      'ms',
      keyP95(a),
      keyP95(b),
      '< 50 ms (responsive)',
      keyP95(a) < 50,
    ),
    row(
      'B19',
      'typing while streaming: slowest key event (Event Timing, ≥ 16 ms recorded)',
      'ms (0 = none ≥ 16 ms)',
      worstEvent(a),
      worstEvent(b),
      'INP ≤ 200 ms',
      worstEvent(a) <= 200,
    ),
  ];
}

export async function runChatUiBenchmarks(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'chat-ui-bench-'));
  const profile = await mkdtemp(join(tmpdir(), 'chat-ui-profile-'));
  const stub = await startOpenAiStub();
  let servers: Awaited<ReturnType<typeof startServers>> | undefined;
  let context: BrowserContext | undefined;
  try {
    await buildApp(join(dir, 'app'));
    servers = await startServers(join(dir, 'app'), stub);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
    // tsx (esbuild keepNames) wraps functions in __name(): give serialized page functions one.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const only = process.env.CHAT_BENCH_ONLY; // e.g. B18: one case while iterating
    const opened = only === 'B19' ? [] : await benchOpenChat(context, servers.url);
    return [...opened, ...(only === 'B18' ? [] : await benchStreaming(context, servers.url, stub))];
  } finally {
    await context?.close();
    await servers?.close();
    await stub.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runChatUiBenchmarks().then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
