// The PWA contract in real Chromium against the production build: the service worker takes
// control after a reload, the app is installable, "Ready to work offline" shows on the first
// visit, the writer keeps working offline and finds their work after a browser restart, and a
// new version waits for the writer's "Reload" instead of reloading the page by itself.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createProductionApp } from '../../scripts/production-app.ts';
import { startServer } from '../../scripts/serve-app.ts';
import type { RunningServer } from '../../scripts/serve-app.ts';
import {
  goOffline,
  launchBrowser,
  launchPersistent,
  newPage,
  waitForServiceWorkerControl,
} from '../support/browser.ts';

const baseURL = inject('baseURL');
const distDir = inject('distDir');

// With the network cut, the browser itself logs every request it could not make (update check
// of sw.js, any fetch the app tries): expected here, unlike a script error.
const OFFLINE_NETWORK_ERRORS = [/net::ERR_INTERNET_DISCONNECTED/, /net::ERR_CONNECTION_REFUSED/];

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page in a fresh, non-persistent context: no service worker, empty storage. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext();
  onTestFinished(() => context.close());
  return newPage(context);
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A server of its own, so a test can stop it or change what it serves. */
async function ownServer(dir: string): Promise<RunningServer> {
  const production = createProductionApp({ distDir: dir });
  const server = await startServer(production.app, 0);
  // The test may have stopped it already; a second close only reports "not running".
  onTestFinished(async () => {
    await server.close().catch(() => {});
    await production.close();
  });
  return server;
}

async function persistentContext(userDataDir: string): Promise<BrowserContext> {
  const context = await launchPersistent(userDataDir);
  // Closing a context twice is harmless: tests close it themselves to simulate a restart.
  onTestFinished(() => context.close());
  return context;
}

const isControlled = (page: Page) =>
  page.evaluate(() => navigator.serviceWorker.controller !== null);

async function createStory(page: Page, title: string): Promise<void> {
  await page.getByLabel('New story title').fill(title);
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: title, exact: true }).waitFor();
}

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

interface WebManifest {
  name?: string;
  short_name?: string;
  display?: string;
  start_url?: string;
  theme_color?: string;
  icons?: ManifestIcon[];
}

describe('PWA', () => {
  it('shows "Ready to work offline" on the first visit and is controlled by the service worker after a reload', async () => {
    const page = await freshPage();
    await page.goto(`${baseURL}/`);
    await page
      .getByRole('status')
      .filter({ hasText: 'Ready to work offline' })
      .waitFor({ timeout: 20_000 });
    // Prompt mode: no clients.claim(), so the first visit is not yet controlled.
    expect(await isControlled(page)).toBe(false);

    await waitForServiceWorkerControl(page);
    expect(await isControlled(page)).toBe(true);
    // "Once": the message belongs to the first install, not to every launch.
    await page.getByRole('heading', { name: 'Your stories' }).waitFor();
    expect(
      await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).count(),
    ).toBe(0);
  });

  it('is installable: no installability errors in a persistent context, manifest complete', async () => {
    const context = await persistentContext(tempDir('sp-e2e-install-'));
    const page = await newPage(context);
    await page.goto(`${baseURL}/`);
    await waitForServiceWorkerControl(page);

    const cdp = await context.newCDPSession(page);
    // Chromium evaluates installability asynchronously after load (manifest and icons fetched).
    const installabilityErrors = async () =>
      (
        (await cdp.send('Page.getInstallabilityErrors')) as {
          installabilityErrors: { errorId: string }[];
        }
      ).installabilityErrors;
    let errors = await installabilityErrors();
    for (const deadline = Date.now() + 15_000; errors.length > 0 && Date.now() < deadline;) {
      await page.waitForTimeout(500);
      errors = await installabilityErrors();
    }
    expect(errors).toEqual([]);

    const manifestHref = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? null,
    );
    expect(manifestHref, 'index.html links a manifest').not.toBeNull();
    const response = await fetch(manifestHref!);
    expect(response.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = (await response.json()) as WebManifest;
    expect(manifest.name).toBe('Story Prompts');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const icons = manifest.icons ?? [];
    const sizes = icons.map((icon) => icon.sizes);
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    expect(icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);
    for (const icon of icons) {
      const iconResponse = await fetch(new URL(icon.src, manifestHref!));
      expect(iconResponse.status, icon.src).toBe(200);
      expect(iconResponse.headers.get('content-type'), icon.src).toBe('image/png');
    }
  });

  it('keeps working offline after one visit, and the work survives a browser restart', async () => {
    // A server of its own: stopping it proves the shell comes from the service worker, not
    // from a network that setOffline might not cut for the worker.
    const server = await ownServer(distDir);
    const userDataDir = tempDir('sp-e2e-offline-');
    const title = 'Written on a train with no signal';

    let context = await persistentContext(userDataDir);
    let page = await newPage(context, { allowConsoleErrors: OFFLINE_NETWORK_ERRORS });
    await page.goto(`${server.url}/`);
    await waitForServiceWorkerControl(page);

    await server.close();
    await goOffline(context);
    await page.reload();
    await page.getByRole('heading', { name: 'Your stories' }).waitFor();
    await page.locator('header').getByRole('status').filter({ hasText: 'Offline' }).waitFor();

    await createStory(page, title);
    await context.close();

    context = await persistentContext(userDataDir);
    page = await newPage(context, { allowConsoleErrors: OFFLINE_NETWORK_ERRORS });
    await goOffline(context);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Your stories' }).waitFor();
    await page.locator('header').getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await page
      .getByRole('list', { name: 'Stories' })
      .getByRole('link', { name: title, exact: true })
      .waitFor();
  });

  it('announces a waiting new version and reloads only when the writer clicks "Reload"', async () => {
    // A copy of the build, so changing sw.js does not touch the build other tests use.
    const copy = tempDir('sp-e2e-update-');
    cpSync(distDir, copy, { recursive: true });
    const server = await ownServer(copy);

    const page = await freshPage();
    await page.goto(`${server.url}/`);
    await waitForServiceWorkerControl(page);
    await page.getByRole('heading', { name: 'Your stories' }).waitFor();

    // A flag that only survives as long as this document: a reload would drop it.
    await page.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
    });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    // A new release: different sw.js bytes are what makes the browser install a new worker.
    appendFileSync(join(copy, 'sw.js'), `\n// e2e: new release ${Date.now()}\n`);
    await page.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((registration) => registration?.update()),
    );

    const prompt = page
      .getByRole('alertdialog')
      .or(page.getByRole('alert'))
      .filter({ hasText: 'New version available' });
    await prompt.waitFor({ timeout: 20_000 });
    const reload = prompt.getByRole('button', { name: 'Reload' });
    await reload.waitFor();
    // Screen readers hear of it too: an alertdialog that does not take focus (it must not,
    // mid-edit) is never announced, so a live region that was already there says it.
    await page
      .getByRole('status')
      .filter({ hasText: 'New version available. Reload to use it' })
      .waitFor();

    // Never a silent reload: the page stays the same document while the writer decides.
    await page.waitForTimeout(2_000);
    expect(navigations).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate),
    ).toBe(true);

    // On the writer's click, the new version takes over and the page reloads into it.
    const reloaded = page.waitForEvent('framenavigated', {
      predicate: (frame) => frame === page.mainFrame(),
      timeout: 20_000,
    });
    await reload.click();
    await reloaded;
    await page.waitForLoadState('load');
    await page.getByRole('heading', { name: 'Your stories' }).waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate),
    ).toBeUndefined();
    expect(await isControlled(page)).toBe(true);
    expect(await prompt.count()).toBe(0);
  });
  it('a Reload in one tab never reloads another tab; that tab reloads on its own click', async () => {
    // Both tabs announce the new version. Clicking "Reload" in one used to reload the other
    // too, whatever its writer was doing there; and that tab's own "Reload" then did nothing
    // (no version was waiting any more).
    const copy = tempDir('sp-e2e-update-tabs-');
    cpSync(distDir, copy, { recursive: true });
    const server = await ownServer(copy);
    const context = await browser.newContext();
    onTestFinished(() => context.close());
    const first = await newPage(context);
    await first.goto(`${server.url}/`);
    await waitForServiceWorkerControl(first);
    const second = await newPage(context);
    await second.goto(`${server.url}/`);
    await second.getByRole('heading', { name: 'Your stories' }).waitFor();
    await second.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
    });

    appendFileSync(join(copy, 'sw.js'), `\n// e2e: new release ${Date.now()}\n`);
    await first.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((registration) => registration?.update()),
    );
    const promptIn = (page: Page) =>
      page.getByRole('alertdialog').filter({ hasText: 'New version available' });
    await promptIn(first).waitFor({ timeout: 20_000 });
    await promptIn(second).waitFor({ timeout: 20_000 });

    const firstReloaded = first.waitForEvent('framenavigated', {
      predicate: (frame) => frame === first.mainFrame(),
      timeout: 20_000,
    });
    await promptIn(first).getByRole('button', { name: 'Reload' }).click();
    await firstReloaded;
    await first.getByRole('heading', { name: 'Your stories' }).waitFor();

    // The other tab keeps its document and still offers the reload.
    await second.waitForTimeout(2_000);
    expect(
      await second.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate),
    ).toBe(true);
    const secondReloaded = second.waitForEvent('framenavigated', {
      predicate: (frame) => frame === second.mainFrame(),
      timeout: 10_000,
    });
    await promptIn(second).getByRole('button', { name: 'Reload' }).click();
    await secondReloaded;
    await second.getByRole('heading', { name: 'Your stories' }).waitFor();
    expect(
      await second.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate),
    ).toBeUndefined();
    expect(await promptIn(second).count()).toBe(0);
  });
});
