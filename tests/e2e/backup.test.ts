// Backup and restore in real Chromium: a writer downloads a backup and a story as Markdown,
// then brings the backup back into a browser that has nothing (another profile), sees what it
// will add, imports it and finds the story, its category and prompt; a restore stopped halfway
// keeps what it wrote and the same file finishes it; a file that is not a backup is refused
// with a clear message and changes nothing. A prompt pack (CSV) adds its
// categories and prompts to a chosen story after a preview.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoPageErrors, launchBrowser, newPage, runAxe } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function freshContext(): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  onTestFinished(() => context.close());
  return context;
}

async function writeLibrary(page: Page): Promise<void> {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('New story title').fill('Salt Roads');
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: 'Salt Roads', exact: true }).click();
  await page.waitForURL(/\/stories\/[^/]+$/);
  await page
    .getByRole('navigation', { name: 'Story' })
    .getByRole('link', { name: 'Prompts' })
    .click();
  await page.getByLabel('New category title').fill('Scenes');
  await page.getByRole('button', { name: 'Add category' }).click();
  await page.getByLabel('New prompt title').first().fill('Storm at sea');
  await page.getByRole('button', { name: 'Add prompt' }).first().click();
  await page.getByRole('link', { name: 'Storm at sea', exact: true }).waitFor();
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** From now on, writing a prompt fails as a full disk does (what IndexedDB throws). */
async function fillDiskAtPrompts(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'prompts')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
      };
    }
  });
}

describe('backup and restore', () => {
  it('downloads a backup and brings it back into an empty browser', async () => {
    const writer = await newPage(await freshContext());
    await writeLibrary(writer);
    await writer.goto(`${baseURL}/`);
    // Headless Chromium refuses persistent storage; a local-only writer is pointed at backups.
    await writer.getByRole('status').getByRole('link', { name: 'download a backup' }).waitFor();
    await writer.getByRole('link', { name: 'Backup and restore' }).click();
    await writer.getByRole('heading', { name: 'Backup and restore' }).waitFor();

    const backup = await download(writer, 'Download backup');
    expect(backup.name).toMatch(/^story-prompts-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await writer.getByText('Backup downloaded: 1 story, 1 category and 1 prompt.').waitFor();
    const markdown = await download(writer, 'Download as Markdown');
    expect(markdown).toEqual({
      name: 'salt-roads.md',
      text: '# Salt Roads\n\n## Scenes\n\n### Storm at sea\n',
    });
    expect((await runAxe(writer)).summary).toBe('');
    expectNoPageErrors(writer);

    const other = await newPage(await freshContext());
    await other.goto(`${baseURL}/backup`);
    await other.getByLabel('Backup file').setInputFiles({
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    });
    const preview = other.getByRole('region', { name: 'What this backup holds' });
    await preview.getByText('1 prompt: 1 new').waitFor();
    await other.getByRole('button', { name: 'Import 3 items' }).click();
    await other.getByText('Import complete').waitFor();

    await other.goto(`${baseURL}/`);
    await other.getByRole('link', { name: 'Salt Roads', exact: true }).click();
    await other
      .getByRole('navigation', { name: 'Story' })
      .getByRole('link', { name: 'Prompts' })
      .click();
    await other.getByRole('heading', { name: 'Scenes' }).waitFor();
    await other.getByRole('link', { name: 'Storm at sea', exact: true }).waitFor();

    // The same file again: everything is already here.
    await other.goto(`${baseURL}/backup`);
    await other.getByLabel('Backup file').setInputFiles({
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    });
    await other.getByText('1 story: 1 already here, kept as they are').waitFor();
    await expect(
      other.getByRole('button', { name: 'Nothing to import' }).isDisabled(),
    ).resolves.toBe(true);
    expectNoPageErrors(other);
  });

  it('says what a full disk means for a restore, and how to finish it', async () => {
    const writer = await newPage(await freshContext());
    await writeLibrary(writer);
    await writer.goto(`${baseURL}/backup`);
    const backup = await download(writer, 'Download backup');

    const other = await newPage(await freshContext());
    await other.goto(`${baseURL}/backup`);
    await other.getByLabel('Backup file').setInputFiles({
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    });
    await other.getByRole('button', { name: 'Import 3 items' }).waitFor();
    // The disk fills up when the prompts are written (the story and category fit).
    await fillDiskAtPrompts(other);
    await other.getByRole('button', { name: 'Import 3 items' }).click();
    const alert = other.getByRole('region', { name: 'Restore from a backup' }).getByRole('alert');
    await alert.getByText(/out of storage/).waitFor();
    // It used to add the editor's wording: "What you typed is still in the editor".
    const text = await alert.innerText();
    expect(text).not.toContain('editor');
    expect(text).toContain(
      'What was imported before that is saved: free some space, then choose the same file again to add the rest.',
    );

    // A prompt pack has no ids: choosing it again would add its prompts twice, so not advised.
    await other.getByLabel('Prompt pack file').setInputFiles({
      name: 'pack.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('title\nHarbour at dawn\nCaptain Ilse\n'),
    });
    await other.getByRole('button', { name: 'Add 2 prompts' }).click();
    await other
      .getByRole('region', { name: 'Import a prompt pack' })
      .getByRole('alert')
      .getByText(
        'This device is out of storage, so the import stopped after 0 of 2 prompts. Those are on the board; free some space before adding more.',
      )
      .waitFor();
  });

  it('stops a restore when asked, keeps what it wrote, and finishes it from the same file', async () => {
    const writer = await newPage(await freshContext());
    await writeLibrary(writer);
    await writer.goto(`${baseURL}/backup`);
    const backup = await download(writer, 'Download backup');
    const file = {
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    };

    const other = await newPage(await freshContext());
    await other.goto(`${baseURL}/backup`);
    await other.getByLabel('Backup file').setInputFiles(file);
    await other.getByRole('button', { name: 'Import 3 items' }).waitFor();
    // Another connection keeps the stories store busy, so the import is still writing its first
    // table when Stop is pressed, however fast this machine is.
    // (Resolves once that transaction holds the store; it lets go 2 s later.)
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('story-prompts');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('stories', 'readwrite').objectStore('stories');
            const until = performance.now() + 2_000;
            const spin = () => {
              if (performance.now() < until) store.count().onsuccess = spin;
              else open.result.close();
            };
            spin();
            resolve();
          };
        }),
    );
    await other.getByRole('button', { name: 'Import 3 items' }).click();
    await other.getByRole('button', { name: 'Stop import' }).click();
    const stopped = other.getByRole('status').filter({ hasText: 'Import stopped' });
    await stopped
      .getByText(
        'Import stopped: 1 of 3 items were imported and are saved. Importing the same file again adds only the rest.',
      )
      .waitFor();
    await stopped.getByText('1 story: 1 new').waitFor();

    await other.getByLabel('Backup file').setInputFiles(file);
    const preview = other.getByRole('region', { name: 'What this backup holds' });
    await preview.getByText('1 prompt: 1 new').waitFor();
    await preview.getByText('1 story: 1 already here, kept as they are').waitFor();
    await other.getByRole('button', { name: 'Import 2 items' }).click();
    await other.getByText('Import complete').waitFor();
    expect((await runAxe(other)).summary).toBe('');
  });

  it('keeps keyboard focus in the restore section when its buttons go away', async () => {
    // "Import" and "Cancel" vanish once pressed; focus fell to <body>, so a keyboard writer
    // started again from the top of the page.
    const writer = await newPage(await freshContext());
    await writeLibrary(writer);
    await writer.goto(`${baseURL}/backup`);
    const backup = await download(writer, 'Download backup');

    const other = await newPage(await freshContext());
    await other.goto(`${baseURL}/backup`);
    const focusedLabel = () =>
      other.evaluate(
        () =>
          (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ??
          document.activeElement?.tagName,
      );
    const chooseBackup = () =>
      other.getByLabel('Backup file').setInputFiles({
        name: backup.name,
        mimeType: 'application/json',
        buffer: Buffer.from(backup.text),
      });
    // Opening the page does not move focus down to the restore section.
    await other.getByLabel('Backup file').waitFor();
    await expect(focusedLabel()).resolves.not.toBe('Backup file');

    await chooseBackup();
    await other.getByRole('button', { name: 'Cancel' }).focus();
    await other.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Backup file');

    await chooseBackup();
    await other.getByRole('button', { name: 'Import 3 items' }).focus();
    await other.keyboard.press('Enter');
    await other.getByText('Import complete').waitFor();
    await expect.poll(focusedLabel).toBe('Backup file');

    // The same in "Import a prompt pack".
    const choosePack = () =>
      other.getByLabel('Prompt pack file').setInputFiles({
        name: 'pack.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('title\nHarbour at dawn\n'),
      });
    const pack = other.getByRole('region', { name: 'Import a prompt pack' });
    await choosePack();
    await pack.getByRole('button', { name: 'Cancel' }).focus();
    await other.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Prompt pack file');
    await choosePack();
    await pack.getByRole('button', { name: 'Add 1 prompt' }).focus();
    await other.keyboard.press('Enter');
    await other.getByText('Prompt pack added').waitFor();
    await expect.poll(focusedLabel).toBe('Prompt pack file');
  });

  it("names the backup after the writer's own date, not UTC's", async () => {
    // 21:00 on 26 November in New York is already the 27th in UTC: the file was named for a
    // day that had not come yet where the writer was.
    const context = await browser.newContext({
      acceptDownloads: true,
      timezoneId: 'America/New_York',
    });
    onTestFinished(() => context.close());
    const page = await newPage(context);
    await page.clock.setFixedTime(new Date('2026-11-27T02:00:00Z'));
    await page.goto(`${baseURL}/backup`);
    const backup = await download(page, 'Download backup');
    expect(backup.name).toBe('story-prompts-backup-2026-11-26.json');
  });

  it('refuses a file that is not a backup, and says why', async () => {
    const page = await newPage(await freshContext());
    await page.goto(`${baseURL}/backup`);
    await page.getByLabel('Backup file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"chapters": []}'),
    });
    await page.getByRole('alert').getByText('This file is not a Story Prompts backup.').waitFor();
    await page.getByLabel('Backup file').setInputFiles({
      name: 'cut-short.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "story-prompts-backup", "vers'),
    });
    await page
      .getByRole('alert')
      .getByText(/This file is not valid JSON/)
      .waitFor();
    await expect(
      page.getByRole('region', { name: 'What this backup holds' }).count(),
    ).resolves.toBe(0);
  });

  it('fits a 390 px phone when a story has a long title', async () => {
    // The story pickers took the width of the longest title and pushed every card past the
    // screen edge, so the page scrolled sideways.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    onTestFinished(() => context.close());
    const page = await newPage(context);
    await page.goto(`${baseURL}/`);
    const title = 'The Lighthouse Keeper of Anticonstitutionnellement Bay, a Winter Chronicle';
    await page.getByLabel('New story title').fill(title);
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: title, exact: true }).waitFor();
    await page.goto(`${baseURL}/backup`);
    await page.getByLabel('Into story').waitFor();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    // A preview naming a file and a category without spaces wraps too.
    await page.getByLabel('Prompt pack file').setInputFiles({
      name: 'sea_prompts_for_the_second_draft_from_the_writing_group.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('category,title\nHarbourScenesAtDawnAndDuskAndEverythingBetween,Fog\n'),
    });
    await page.getByRole('region', { name: 'What this pack adds' }).waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    expectNoPageErrors(page);
  });

  it('adds a CSV prompt pack to a story after showing what it adds', async () => {
    const page = await newPage(await freshContext());
    await writeLibrary(page);
    await page.goto(`${baseURL}/backup`);
    await page.getByLabel('Into story').selectOption({ label: 'Salt Roads' });
    const csv = [
      'category,title,details,tags,action_steps',
      'Scenes,Harbour at dawn,"Fog, gulls, a bell.","setting, act-one",Sketch the quay|Name the ship',
      'Characters,Captain Ilse,,,',
    ].join('\n');
    await page.getByLabel('Prompt pack file').setInputFiles({
      name: 'sea-pack.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page
      .getByRole('region', { name: 'What this pack adds' })
      .getByText('adds 2 prompts into a new category “Characters” and the existing “Scenes”')
      .waitFor();
    await page.getByRole('button', { name: 'Add 2 prompts' }).click();
    await page.getByText('Prompt pack added').waitFor();
    await page.getByRole('link', { name: 'Open the board' }).click();
    await page.getByRole('heading', { name: 'Characters' }).waitFor();
    await page.getByRole('link', { name: 'Captain Ilse', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Harbour at dawn', exact: true }).click();
    await expect(page.getByLabel('Details').inputValue()).resolves.toBe('Fog, gulls, a bell.');
    await page.getByText('Sketch the quay').waitFor();
  });
});
