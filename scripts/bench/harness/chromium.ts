// Debian Chromium through playwright-core, with the flags every bench uses. Persistent profiles
// (a temp user-data dir) rather than incognito contexts: incognito keeps IndexedDB in memory,
// which would make every storage figure meaningless.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // performance.memory with real (not bucketed) figures, for the heap rows.
  '--enable-precise-memory-info',
];

export interface Profile {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openProfile(
  options: Pick<BrowserContextOptions, 'serviceWorkers' | 'viewport'> = {},
): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`));
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Chromium's version string, read from a throwaway browser. */
export async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

/** JS heap of the page's main context after a full GC (CDP), in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const usage = await session.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await session.detach();
  }
}
