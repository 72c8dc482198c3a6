// Diagnostics in real Chromium: after a writer creates a story and searches, the page counts
// what is on the device, shows the search in the speed table, logs an uncaught error, and
// exports a report that holds numbers and messages but none of the writer's text.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, runAxe } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('diagnostics', () => {
  it('counts the device, times searches, logs errors and exports no writing', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    onTestFinished(() => context.close());
    // Not newPage(): this test raises an uncaught error on purpose; any other still fails it.
    const page = await context.newPage();
    const unexpected: string[] = [];
    page.on('pageerror', (error) => {
      if (!error.message.includes('A test failure on purpose')) unexpected.push(error.message);
    });
    await page.goto(`${baseURL}/`);
    await page.getByLabel('New story title').fill('The Lantern Keeper');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'The Lantern Keeper', exact: true }).waitFor();

    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('combobox').fill('lantern');
    await dialog.getByRole('option', { name: /The Lantern Keeper/ }).waitFor();
    await page.keyboard.press('Escape');
    // An error nobody caught, as a bug would raise it.
    await page.evaluate(() =>
      setTimeout(() => Promise.reject(new Error('A test failure on purpose'))),
    );

    // In-app navigation: the figures belong to this tab.
    await page.getByRole('link', { name: 'Diagnostics' }).click();
    await page.getByRole('heading', { name: 'Diagnostics', level: 1 }).waitFor();
    const counts = page.getByRole('region', { name: 'On this device' });
    // The counts arrive from a live query after the page shows: wait for them, then check.
    await counts.getByRole('row', { name: 'Stories 1' }).waitFor();
    const speed = page.getByRole('region', { name: 'Speed in this tab' });
    await speed.getByRole('rowheader', { name: 'Searches' }).waitFor();
    await page
      .getByRole('list', { name: 'Recent errors' })
      .getByText('Error: A test failure on purpose')
      .waitFor();
    expect((await runAxe(page)).summary).toBe('');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export diagnostics' }).click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    const report = JSON.parse(text);
    expect(report).toMatchObject({ format: 'story-prompts-diagnostics', counts: { stories: 1 } });
    expect(report.metrics.timings.search.count).toBeGreaterThan(0);
    expect(text).not.toContain('Lantern');
    expect(unexpected).toEqual([]);
  });
  it("names the export after the writer's own date, not UTC's", async () => {
    // 21:00 on 26 November in New York is already the 27th in UTC.
    const context = await browser.newContext({
      acceptDownloads: true,
      timezoneId: 'America/New_York',
    });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-27T02:00:00Z'));
    await page.goto(`${baseURL}/diagnostics`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export diagnostics' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('story-prompts-diagnostics-2026-11-26.json');
  });
});
