// Sync end to end in real Chromium against the production build and the local Supabase
// stand-in (real PostgreSQL, the same migrations): two devices of one writer edit offline and
// converge (details merged line by line, the title clash listed in Conflicts), another writer
// sees none of it; two tabs of one device elect one leader that syncs for both and hands over
// when it closes; signing in as another account than the device's owner asks first.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { startStandin } from '../../scripts/standin/standin';
import type { Standin } from '../../scripts/standin/standin';
import { launchBrowser, newPage, runAxe, waitForServiceWorkerControl } from '../support/browser';
import {
  configureServer,
  createStoryWithPrompts,
  editPrompt,
  isLeader,
  openPromptFromBoard,
  readRows,
  signIn,
  signUp,
  waitForPhase,
} from '../support/sync-ui';

const baseURL = inject('baseURL');
const PASSWORD = 'correct horse battery';
// Offline devices log failed requests; the tests assert on what the writer sees instead.
const NETWORK_NOISE = [/Failed to load resource/, /ERR_INTERNET_DISCONNECTED/];
let browser: Browser;
let standin: Standin;

beforeAll(async () => {
  [browser, standin] = await Promise.all([launchBrowser(), startStandin({ port: 0 })]);
});

afterAll(async () => {
  await browser?.close();
  await standin?.stop();
});

async function device(
  allowConsoleErrors: RegExp[] = [],
): Promise<{ context: BrowserContext; page: Page; workers: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  onTestFinished(() => context.close());
  const page = await newPage(context, {
    allowConsoleErrors: [...NETWORK_NOISE, ...allowConsoleErrors],
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await configureServer(page, baseURL, standin.url, standin.anonKey);
  return { context, page, workers };
}

const unique = (name: string) =>
  `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/**
 * One writer on two devices: `a` makes the story before signing up (its data is adopted by the
 * new account and uploaded), `b` signs in to the same account; both end synced.
 */
async function twoDevices(storyTitle: string, prompts: Record<string, string>) {
  const a = await device();
  const { boardUrl } = await createStoryWithPrompts(a.page, baseURL, storyTitle, prompts);
  const writer = unique('ana');
  await signUp(a.page, baseURL, writer, PASSWORD);
  await waitForPhase(a.page, 'synced');
  const b = await device();
  await signIn(b.page, baseURL, writer, PASSWORD);
  await waitForPhase(b.page, 'synced');
  return { a, b, boardUrl };
}

/** Nudges both devices (a focus event is a sync trigger) until they hold the same prompts. */
async function converge(
  pages: Page[],
  done: (rows: Awaited<ReturnType<typeof readRows>>) => boolean,
) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const all = await Promise.all(pages.map((page) => readRows(page, 'prompts')));
    const same = all.every((rows) => JSON.stringify(rows) === JSON.stringify(all[0]));
    if (same && done(all[0]!)) return all[0]!;
    if (Date.now() > deadline)
      throw new Error(`Devices did not converge:\n${JSON.stringify(all, null, 2)}`);
    for (const page of pages) await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await new Promise((resolve) => setTimeout(resolve, 750));
  }
}

const BASE_DETAILS = 'The tide is out.\nGulls argue over the nets.\nA bell rings twice.';

describe('sync between devices', () => {
  it('two devices edit offline and converge; the title clash is in Conflicts; another writer sees nothing', async () => {
    const { a, b } = await twoDevices('Harbour Town', {
      Harbour: BASE_DETAILS,
      Lighthouse: 'The lamp is cold.',
      Market: 'Fish and salt.',
    });
    expect(await readRows(b.page, 'prompts')).toEqual(await readRows(a.page, 'prompts'));
    // Headless Chromium refuses persistent storage: the warning knows the work is synced.
    await a.page
      .getByText(
        'Your synced work is kept on your sync server; install the app to keep this copy too.',
      )
      .waitFor();

    const board = (await readRows(a.page, 'stories'))[0]!.id;
    for (const { page } of [a, b]) {
      await page.goto(`${baseURL}/stories/${board}/prompts`);
      await openPromptFromBoard(page, 'Harbour');
    }
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
    await Promise.all([waitForPhase(a.page, 'offline'), waitForPhase(b.page, 'offline')]);

    await editPrompt(a.page, {
      title: 'Harbour at dawn',
      details: BASE_DETAILS.replace('is out', 'is in'),
    });
    await editPrompt(b.page, {
      title: 'Harbour at dusk',
      details: BASE_DETAILS.replace('twice', 'three times'),
    });
    await openPromptFromBoard(a.page, 'Lighthouse');
    await editPrompt(a.page, { details: 'The lamp is lit.' });
    await openPromptFromBoard(b.page, 'Market');
    await editPrompt(b.page, { details: 'Fish, salt and rumours.' });
    // Two prompts changed (one of them in several saves): two changes, counted per prompt.
    await a.page
      .locator('.sync-indicator__label', { hasText: /^Offline · 2 changes waiting to upload$/ })
      .waitFor({ timeout: 5_000 });
    // One badge says so: the plain "Offline" one is for writers without sync.
    expect(await a.page.locator('header').getByText('Offline', { exact: true }).count()).toBe(0);

    await a.context.setOffline(false);
    await waitForPhase(a.page, 'synced');
    await b.context.setOffline(false);
    await waitForPhase(b.page, 'synced');

    const merged = 'The tide is in.\nGulls argue over the nets.\nA bell rings three times.';
    const rows = await converge([a.page, b.page], (prompts) =>
      prompts.some((prompt) => prompt.details === merged),
    );
    const byDetails = (text: string) => rows.find((row) => row.details === text);
    expect(byDetails(merged)?.title).toMatch(/^Harbour at (dawn|dusk)$/);
    expect(byDetails('The lamp is lit.')?.title).toBe('Lighthouse');
    expect(byDetails('Fish, salt and rumours.')?.title).toBe('Market');
    // The three-way merge ran off the main thread, in the worker pool's sync worker.
    expect([...a.workers, ...b.workers].some((url) => url.includes('sync.worker'))).toBe(true);

    for (const { page } of [a, b]) {
      await page.goto(`${baseURL}/conflicts`);
      const cards = page.getByRole('list', { name: 'Open conflicts' }).getByRole('listitem');
      await cards.first().waitFor();
      expect(await cards.count()).toBe(1);
      const card = await cards.first().textContent();
      expect(card).toMatch(/Prompt “Harbour at d(awn|usk)” · Title/);
      expect(card).toContain('Harbour at dawn');
      expect(card).toContain('Harbour at dusk');
    }
    expect((await runAxe(a.page)).summary).toBe('');

    const other = await device();
    await signUp(other.page, baseURL, unique('ben'), PASSWORD);
    await waitForPhase(other.page, 'synced');
    expect(await readRows(other.page, 'prompts')).toEqual([]);
    expect(await readRows(other.page, 'stories')).toEqual([]);
    await other.page.goto(`${baseURL}/conflicts`);
    await other.page.getByText('No conflicts').waitFor();
    for (const path of ['/account', '/settings']) {
      await other.page.goto(`${baseURL}${path}`);
      await other.page.getByRole('heading', { level: 1 }).waitFor();
      expect((await runAxe(other.page)).summary, path).toBe('');
    }
  });

  it("an edit on one device shows on the other's open board at once (Realtime hint)", async () => {
    const { a, b, boardUrl } = await twoDevices('Quayside', { Quay: 'Ropes creak.' });
    await b.page.goto(boardUrl);
    await b.page.getByRole('link', { name: 'Quay', exact: true }).waitFor();

    await a.page.goto(boardUrl);
    await openPromptFromBoard(a.page, 'Quay');
    await editPrompt(a.page, { title: 'Quay at night' });
    // No reload, focus or online event on b, and its periodic sync is minutes away: only the
    // hint a broadcasts after its push can make b pull now.
    await b.page
      .getByRole('link', { name: 'Quay at night', exact: true })
      .waitFor({ timeout: 10_000 });
  });

  it('signing in as another account asks first: cancel keeps the data, replace starts fresh', async () => {
    const { page } = await device();
    const ana = unique('ana');
    const ben = unique('ben');
    await signUp(page, baseURL, ben, PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'New here? Create an account' }).click();
    await page.getByLabel('Email', { exact: true }).fill(ana);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    // Ana's account now holds nothing yet: the device stays Ben's until the writer decides.
    const question = page.getByRole('alertdialog', { name: 'Replace this device’s data?' });
    await question.waitFor();
    expect(await question.textContent()).toContain(
      `This device holds the data of ${ben}. Replace it with ${ana}’s data?`,
    );
    // Nothing syncs until the writer chooses: the indicator points here, with no dead "Retry".
    const indicator = page.locator('.sync-indicator');
    await indicator.getByRole('link', { name: 'Open Account' }).waitFor({ timeout: 5_000 });
    expect(await indicator.getByRole('button').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel and sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();

    await page.goto(`${baseURL}/`);
    await page.getByLabel('New story title').fill('Ben’s draft');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'Ben’s draft', exact: true }).waitFor();
    await signInExpectingQuestion(page, ana);
    await page.getByRole('button', { name: `Replace with ${ana}’s data` }).click();
    await page.getByText('Signed in as').waitFor();
    await waitForPhase(page, 'synced');
    expect(await readRows(page, 'stories')).toEqual([]);
    expect(await storyTitlesOnServer()).not.toContain('Ben’s draft');
  });

  it('conflicts resolve with the keyboard alone: "Use this one" on either side, focus moves on', async () => {
    const { a, b, boardUrl } = await twoDevices('Jetty', { Pier: 'Nets dry.\nBoats rest.' });
    for (const { page } of [a, b]) {
      await page.goto(boardUrl);
      await openPromptFromBoard(page, 'Pier');
    }
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
    await Promise.all([waitForPhase(a.page, 'offline'), waitForPhase(b.page, 'offline')]);
    await editPrompt(a.page, { title: 'Pier at dawn', details: 'Nets wet.\nBoats rest.' });
    await editPrompt(b.page, { title: 'Pier at dusk', details: 'Nets torn.\nBoats rest.' });
    for (const { context, page } of [a, b]) {
      await context.setOffline(false);
      await waitForPhase(page, 'synced');
    }
    // Both clashes (title, and the same line of details) reach a with its next sync.
    await a.page.goto(`${baseURL}/conflicts`);
    const cards = a.page.getByRole('list', { name: 'Open conflicts' }).getByRole('listitem');
    const deadline = Date.now() + 30_000;
    while ((await cards.count()) < 2) {
      if (Date.now() > deadline) throw new Error('a never listed both conflicts');
      await a.page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const chosen: Record<string, string> = {};
    /** Tabs to the card's "Use this one" on the given side, presses Enter, returns the focus after. */
    const useByKeyboard = async (side: 'Other value' | 'Kept value') => {
      const card = cards.first();
      const field = (await card.getByRole('heading', { level: 2 }).textContent())!.split(' · ')[1]!;
      chosen[field] = (await card.getByRole('group', { name: side }).locator('pre').textContent())!;
      for (let presses = 0; ; presses++) {
        if (presses > 40) throw new Error(`never reached "Use this one" under ${side}`);
        await a.page.keyboard.press('Tab');
        const reached = await a.page.evaluate(
          (heading) =>
            document.activeElement?.textContent === 'Use this one' &&
            document.activeElement.closest('[role=group]')?.querySelector('h3')?.textContent ===
              heading,
          side,
        );
        if (reached) break;
      }
      await a.page.keyboard.press('Enter');
      // Focus leaves with the resolved card: wait until it has landed somewhere else.
      await a.page.waitForFunction(
        () => {
          const active = document.activeElement;
          return active && active !== document.body && active.textContent !== 'Use this one';
        },
        null,
        { timeout: 5_000 },
      );
      return a.page.evaluate(() => document.activeElement?.textContent);
    };
    await a.page.locator('main').focus();
    const afterFirst = await useByKeyboard('Other value');
    expect(await cards.count()).toBe(1);
    expect(afterFirst).toBe(await cards.first().getByRole('heading', { level: 2 }).textContent());
    expect(await useByKeyboard('Kept value')).toBe('No conflicts: every device agrees.');

    const rows = await converge([a.page, b.page], (prompts) =>
      prompts.some((prompt) => prompt.title === chosen.Title && prompt.details === chosen.Details),
    );
    expect(rows).toHaveLength(1);
    await b.page.goto(`${baseURL}/conflicts`);
    await b.page.getByText('No conflicts').waitFor();
  });

  it('settings: saving the URL without its anon key says sync stays off', async () => {
    const context = await browser.newContext();
    onTestFinished(() => context.close());
    const page = await newPage(context, { allowConsoleErrors: NETWORK_NOISE });
    await page.goto(`${baseURL}/settings`);
    const form = page.getByRole('form', { name: 'Sync server' });
    await form.getByLabel('Supabase URL').fill(standin.url);
    await form.getByRole('button', { name: 'Save sync server', exact: true }).click();
    await form
      .getByText('Saved, but sync stays off until the anon key is filled in too.')
      .waitFor({ timeout: 5_000 });
    await page.goto(`${baseURL}/account`);
    await page.getByText('This device keeps everything locally').waitFor();
  });

  it('an expired session says so, and signing in again uploads what was written meanwhile', async () => {
    const { page } = await device();
    const writer = unique('expiry');
    await signUp(page, baseURL, writer, PASSWORD);
    await waitForPhase(page, 'synced');
    // The access token ran out and the refresh token was revoked (e.g. signed out everywhere).
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        if (!key.startsWith('story-prompts-auth:') || key.endsWith(':expected')) continue;
        const session = JSON.parse(localStorage.getItem(key)!) as Record<string, unknown>;
        session.expires_at = Math.floor(Date.now() / 1000) - 60;
        session.refresh_token = 'revoked';
        localStorage.setItem(key, JSON.stringify(session));
      }
    });
    await page.goto(`${baseURL}/`);
    const label = page.locator('.sync-indicator__label');
    await page.waitForFunction(
      () => document.querySelector('.sync-indicator__label')?.textContent === 'Session expired',
    );
    expect(await label.getAttribute('title')).toContain('Sign in again to keep syncing');
    await page.getByLabel('New story title').fill('Written while expired');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'Written while expired', exact: true }).waitFor();

    await label.click();
    await page.getByText('Your session has expired').waitFor();
    await signIn(page, baseURL, writer, PASSWORD);
    await waitForPhase(page, 'synced');
    await waitForStoryOnServer('Written while expired');
  });

  it('a session that cannot be renewed while the server is unreachable is not called signed out or expired', async () => {
    // supabase-js logs its failed attempts to renew the session.
    const { context, page } = await device([
      /(TypeError|AuthRetryableFetchError): Failed to fetch/,
    ]);
    await signUp(page, baseURL, unique('renew'), PASSWORD);
    await waitForPhase(page, 'synced');
    // The access token ran out while the device was away; the refresh token is still good.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        if (!key.startsWith('story-prompts-auth:') || key.endsWith(':expected')) continue;
        const session = JSON.parse(localStorage.getItem(key)!) as Record<string, unknown>;
        session.expires_at = Math.floor(Date.now() / 1000) - 60;
        localStorage.setItem(key, JSON.stringify(session));
      }
    });
    await context.route(`${standin.url}/auth/v1/token**`, (route) =>
      route.abort('connectionrefused'),
    );
    await page.goto(`${baseURL}/`);
    // Auth keeps trying to renew for about half a minute, then keeps the session for later.
    const seen = new Set<string>();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const label = page.locator('.sync-indicator__label');
      const title = `${await label.textContent()}: ${await label.getAttribute('title')}`;
      seen.add(title);
      if (title.includes('could not be renewed yet')) break;
      if (Date.now() > deadline) throw new Error(`never said so: ${[...seen].join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect([...seen].filter((text) => /Signed out|Session expired/.test(text))).toEqual([]);
  }, 90_000);

  it('signing out works offline, and the device stays signed out', async () => {
    // supabase-js logs the failed request to end the session on the server.
    const { context, page } = await device([/TypeError: Failed to fetch/]);
    const writer = unique('away');
    await signUp(page, baseURL, writer, PASSWORD);
    await waitForPhase(page, 'synced');
    // The stories screen is loaded on demand: offline, only the service worker can serve it, and
    // a page opened before the worker was active is not under its control (slow machines).
    await waitForServiceWorkerControl(page);
    await waitForPhase(page, 'synced');
    await context.setOffline(true);
    await waitForPhase(page, 'offline');
    await page.getByRole('link', { name: 'Story Prompts', exact: true }).click();
    await page.getByLabel('New story title').fill('Not uploaded yet');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'Not uploaded yet', exact: true }).waitFor();
    await page.goBack();
    await page
      .getByText(`1 change is not uploaded yet: signed out, it waits here`)
      .waitFor({ timeout: 5_000 });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.sync-indicator').getAttribute('data-phase')).toBe('disabled');
    await context.setOffline(false);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    // Signed out on purpose: no "Session expired".
    expect(await page.locator('.sync-indicator__label').textContent()).toBe('Local only');
    await signIn(page, baseURL, writer, PASSWORD);
    await waitForPhase(page, 'synced');
    await waitForStoryOnServer('Not uploaded yet');
  });

  it('"Retry now" tries at once once the server is back, even while backing off', async () => {
    const { context, page } = await device();
    await signUp(page, baseURL, unique('retry'), PASSWORD);
    await waitForPhase(page, 'synced');
    // The server fails every sync call and asks for two minutes of quiet (503 + Retry-After).
    const rpc = `${standin.url}/rest/v1/rpc/**`;
    await context.route(rpc, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 503,
            headers: {
              'access-control-allow-origin': '*',
              'access-control-expose-headers': 'retry-after',
              'retry-after': '120',
            },
            contentType: 'application/json',
            body: JSON.stringify({ message: 'Service unavailable' }),
          })
        : route.fallback(),
    );
    await page.getByRole('link', { name: 'Story Prompts', exact: true }).click();
    await page.getByLabel('New story title').fill('Sent on retry');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForFunction(() =>
      /Retrying in \d{3}s/.test(document.querySelector('.sync-indicator')?.textContent ?? ''),
    );

    await context.unroute(rpc);
    await page.getByRole('button', { name: 'Retry now' }).click();
    await waitForPhase(page, 'synced', 10_000);
    expect(await storyTitlesOnServer()).toContain('Sent on retry');
  });

  it('two tabs: one leader syncs for both, and the other takes over when it closes', async () => {
    const { context, page: first } = await device();
    await signUp(first, baseURL, unique('tabs'), PASSWORD);
    await waitForPhase(first, 'synced');
    const second = await newPage(context, { allowConsoleErrors: NETWORK_NOISE });
    const secondRpcCalls: string[] = [];
    second.on('request', (request) => {
      if (request.url().includes('/rest/v1/rpc/')) secondRpcCalls.push(request.url());
    });
    await second.goto(`${baseURL}/`);
    await waitForPhase(second, 'synced');
    expect([await isLeader(first), await isLeader(second)]).toEqual([true, false]);

    await second.getByLabel('New story title').fill('Written in the second tab');
    await second.getByRole('button', { name: 'Create story' }).click();
    // In-app navigation: a reload would give up the lock and hand leadership to the second tab.
    await first.getByRole('link', { name: 'Story Prompts', exact: true }).click();
    await first.getByRole('link', { name: 'Written in the second tab', exact: true }).waitFor();
    await Promise.all([waitForPhase(first, 'synced'), waitForPhase(second, 'synced')]);
    await waitForStoryOnServer('Written in the second tab');
    expect(secondRpcCalls).toEqual([]);

    await first.close();
    await second.waitForFunction(
      () => document.querySelector('.sync-indicator')?.getAttribute('data-leader') === 'true',
    );
    await second.getByLabel('New story title').fill('After the handover');
    await second.getByRole('button', { name: 'Create story' }).click();
    await second.getByRole('link', { name: 'After the handover', exact: true }).waitFor();
    await waitForPhase(second, 'synced');
    await waitForStoryOnServer('After the handover');
    expect(secondRpcCalls.length).toBeGreaterThan(0);
  });
});

async function signInExpectingQuestion(page: Page, email: string): Promise<void> {
  await page.goto(`${baseURL}/account`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Replace this device’s data?' }).waitFor();
}

async function waitForStoryOnServer(title: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await storyTitlesOnServer()).includes(title)) {
    if (Date.now() > deadline) throw new Error(`“${title}” never reached the server`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function storyTitlesOnServer(): Promise<string[]> {
  const client = new pg.Client({ connectionString: standin.adminUrl });
  await client.connect();
  try {
    const result = await client.query<{ title: string }>('select title from public.stories');
    return result.rows.map((row) => row.title);
  } finally {
    await client.end();
  }
}
