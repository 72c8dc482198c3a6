// Diagnostic, not a benchmark: a CPU profile (CDP sampling profiler) of one bench case in
// Chromium, printed as the functions with the most self time, so a slow figure in the table can
// be traced to a place in src/. `npx tsx scripts/bench/profile-case.ts B2|B4|B13`
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startStandin } from '../standin/standin';
import { buildAll } from './harness/build';
import { openProfile } from './harness/chromium';
import { pageCall } from './harness/page-call';
import { serveBuild } from './harness/servers';
import { seedServer, signUp } from './sync-client';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

async function profiled(
  page: Page,
  work: () => Promise<unknown>,
): Promise<{ name: string; ms: number }[]> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  await work();
  const { profile } = (await session.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  };
  const msPerSample =
    (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0) * msPerSample);
  }
  return [...self].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

async function main(id: string) {
  const builds = await buildAll();
  const origins = await serveBuild(builds.appDir);
  const profile = await openProfile();
  const standin = id === 'B13' ? await startStandin({ port: 0 }) : null;
  try {
    const { page } = profile;
    const pageName = id === 'B13' ? 'sync' : 'workbench';
    await page.goto(`${origins.bench.url}/__bench/${pageName}.html`);
    await page.waitForFunction(() => document.title === 'ready');
    let work: () => Promise<unknown>;
    if (id === 'B13') {
      const user = await signUp(standin!);
      await seedServer(standin!, user.userId, 10_000);
      await pageCall(
        page,
        'syncBench.signIn',
        standin!.url,
        standin!.anonKey,
        user.email,
        user.password,
      );
      await pageCall(page, 'syncBench.initialSync');
      work = () => pageCall(page, 'syncBench.initialSync');
    } else {
      await pageCall(page, 'workbench.generate', 10_000, id === 'B4' ? 20_000 : 0);
      work =
        id === 'B4'
          ? () => pageCall(page, 'workbench.oursMessageImport', 20_000, 1_000)
          : () => pageCall(page, 'workbench.oursPromptImport', 10_000);
      await work();
    }
    const rows = await profiled(page, work);
    const total = rows.reduce((sum, row) => sum + row.ms, 0);
    console.log(`${id}: ${total.toFixed(0)} ms sampled; top self time:`);
    for (const row of rows.slice(0, 25))
      console.log(
        `${row.ms.toFixed(0).padStart(7)} ms ${((row.ms / total) * 100).toFixed(1).padStart(5)}%  ${row.name}`,
      );
  } finally {
    await profile.close();
    await standin?.stop();
    await origins.close();
    await builds.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ?? 'B2').catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
