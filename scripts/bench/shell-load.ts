// B15: app shell load, LCP (PerformanceObserver 'largest-contentful-paint') of the production
// build's start page:
//   cold    a fresh profile: nothing cached, no service worker
//   warm    a reload once the service worker controls the page (shell precached)
//   offline the same reload with the network off (context.setOffline)
// against a static HTML page of the same first screen with no JavaScript (cold: fresh profile;
// warm: a reload with the HTTP cache), served from another origin so the app's service worker
// never answers for it. Cold and warm app/static loads are interleaved.
import type { Page } from 'playwright-core';
import type { BenchRow } from './bench-row';
import { openProfile } from './harness/chromium';
import type { Profile } from './harness/chromium';
import { benchRow, median } from './harness/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function recordLcp() {
  const state = { lcp: null as number | null };
  (globalThis as unknown as { __lcp: typeof state }).__lcp = state;
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    if (last) state.lcp = last.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

async function lcpOf(page: Page, load: () => Promise<unknown>): Promise<number> {
  await load();
  await page.waitForLoadState('load');
  await page.waitForFunction(
    () => (globalThis as unknown as { __lcp?: { lcp: number | null } }).__lcp?.lcp != null,
    null,
    { timeout: 60_000 },
  );
  // LCP may be replaced by a larger paint shortly after load (the lazy route's content).
  await page.waitForTimeout(1_000);
  return page.evaluate(() => (globalThis as unknown as { __lcp: { lcp: number } }).__lcp.lcp);
}

async function fresh(): Promise<Profile> {
  const profile = await openProfile();
  await profile.page.addInitScript(recordLcp);
  return profile;
}

async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  for (let i = 0; i < 10; i++) {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
    await page.reload();
  }
  throw new Error('The service worker never took control of the page.');
}

export interface ShellLoadOptions {
  appOrigin: string;
  staticOrigin: string;
}

export async function runShellLoadBenchmarks({
  appOrigin,
  staticOrigin,
}: ShellLoadOptions): Promise<BenchRow[]> {
  const appUrl = `${appOrigin}/`;
  const staticUrl = `${staticOrigin}/__bench/static-shell.html`;
  const cold: number[] = [];
  const staticCold: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    for (const [url, into] of [
      [appUrl, cold],
      [staticUrl, staticCold],
    ] as const) {
      const profile = await fresh();
      try {
        const lcp = await lcpOf(profile.page, () => profile.page.goto(url));
        if (i > 0) into.push(lcp); // the first of each is a warm-up (disk cache of the binary, JIT)
      } finally {
        await profile.close();
      }
    }
  }

  const app = await fresh();
  const stat = await fresh();
  const warm: number[] = [];
  const staticWarm: number[] = [];
  const offline: number[] = [];
  try {
    await app.page.goto(appUrl);
    await untilControlled(app.page);
    await stat.page.goto(staticUrl);
    for (let i = 0; i <= RUNS; i++) {
      const a = await lcpOf(app.page, () => app.page.reload());
      const s = await lcpOf(stat.page, () => stat.page.reload());
      if (i > 0) {
        warm.push(a);
        staticWarm.push(s);
      }
    }
    await app.context.setOffline(true);
    for (let i = 0; i <= RUNS; i++) {
      const lcp = await lcpOf(app.page, () => app.page.reload());
      if (i > 0) offline.push(lcp);
    }
  } finally {
    await app.close();
    await stat.close();
  }
  const warmMs = median(warm);
  const offlineMs = median(offline);
  return [
    benchRow(
      'B15',
      'app shell cold load (fresh profile, no service worker): LCP; baseline static HTML, no JS, fresh profile',
      'ms',
      median(cold),
      median(staticCold),
      'record',
      null,
    ),
    benchRow(
      'B15',
      'app shell warm load (service worker controls, precached): LCP; baseline static HTML reload (HTTP cache)',
      'ms',
      warmMs,
      median(staticWarm),
      '< 500 ms',
      warmMs < 500,
    ),
    benchRow(
      'B15',
      'app shell offline load (context offline, service worker): LCP; baseline the warm load above',
      'ms',
      offlineMs,
      warmMs,
      '≈ warm (≤ 1.2×)',
      offlineMs <= 1.2 * warmMs,
    ),
  ];
}
