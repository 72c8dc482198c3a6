// Restoring a backup on a second device of a signed-in writer before that device's first
// download has finished: the restore waits for the download, so the prompt the writer renamed
// after taking the backup keeps its new title everywhere and no conflict appears. The test
// holds the device's sync_pull request to keep the first download unfinished.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStandin } from '../../scripts/standin/standin';
import type { Standin } from '../../scripts/standin/standin';
import { launchBrowser, newPage } from '../support/browser';
import {
  configureServer,
  createStoryWithPrompts,
  editPrompt,
  readRows,
  signIn,
  signUp,
  waitForPhase,
} from '../support/sync-ui';

const baseURL = inject('baseURL');
const PASSWORD = 'correct horse battery';
let browser: Browser;
let standin: Standin;

beforeAll(async () => {
  [browser, standin] = await Promise.all([launchBrowser(), startStandin({ port: 0 })]);
});

afterAll(async () => {
  await browser?.close();
  await standin?.stop();
});

async function device(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  onTestFinished(() => context.close());
  const page = await newPage(context);
  await configureServer(page, baseURL, standin.url, standin.anonKey);
  return page;
}

async function downloadBackup(page: Page): Promise<string> {
  await page.goto(`${baseURL}/backup`);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

describe('restoring a backup on a signed-in device', () => {
  it('waits for the first download: newer work on the server is kept, no conflict', async () => {
    const laptop = await device();
    const { boardUrl } = await createStoryWithPrompts(laptop, baseURL, 'Harbour Town', {
      Harbour: 'Fog over the water.',
    });
    const writer = `rita-${Date.now()}@example.com`;
    await signUp(laptop, baseURL, writer, PASSWORD);
    await waitForPhase(laptop, 'synced');
    const backup = await downloadBackup(laptop);
    // Renamed after the backup was taken, and uploaded.
    await laptop.goto(boardUrl);
    await laptop.getByRole('link', { name: 'Harbour', exact: true }).click();
    await editPrompt(laptop, { title: 'Harbour at dawn' });
    await waitForPhase(laptop, 'synced');

    const phone = await device();
    let releasePull!: () => void;
    const pullHeld = new Promise<void>((resolve) => (releasePull = resolve));
    await phone.route('**/rest/v1/rpc/sync_pull', async (route) => {
      await pullHeld;
      await route.continue();
    });
    await signIn(phone, baseURL, writer, PASSWORD);
    await phone.goto(`${baseURL}/backup`);
    await phone.getByLabel('Backup file').setInputFiles({
      name: 'story-prompts-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
    // Not downloaded yet: the preview can only call everything new.
    await phone.getByText('1 prompt: 1 new').waitFor();
    await phone.getByRole('button', { name: 'Import 3 items' }).click();
    await phone.getByText('Downloading your synced work first').waitFor();
    expect(await readRows(phone, 'prompts')).toEqual([]);

    releasePull();
    await phone.getByText('Import complete').waitFor({ timeout: 30_000 });
    await phone.getByText('1 prompt: 1 already here, kept as they are').waitFor();
    await waitForPhase(phone, 'synced');
    expect((await readRows(phone, 'prompts')).map((row) => row.title)).toEqual(['Harbour at dawn']);
    expect(await phone.locator('.sync-indicator__attention').count()).toBe(0);
  }, 90_000);
});
