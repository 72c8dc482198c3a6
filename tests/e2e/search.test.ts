// Search in real Chromium against the production build: the Ctrl/Cmd+K palette finds a prompt
// by its details and opens it with the keyboard, Escape gives focus back, the empty state says
// what was searched, an edit is searchable within a second, search keeps working offline, and a
// change made in another tab becomes searchable in this one; an Enter typed before the results
// caught up opens a hit of what is in the field; a palette that cannot load says so in its dialog;
// Enter and the arrows belong to an input method while it composes.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  goOffline,
  launchBrowser,
  newPage,
  runAxe,
  waitForServiceWorkerControl,
} from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function freshContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  onTestFinished(() => context.close());
  return context;
}

/** Creates a story with one category and one prompt and opens the prompt's editor. */
async function createPrompt(page: Page, storyTitle: string, promptTitle: string): Promise<string> {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('New story title').fill(storyTitle);
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: storyTitle, exact: true }).click();
  await page.waitForURL(/\/stories\/[^/]+$/);
  const storyId = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`${baseURL}/stories/${storyId}/prompts`);
  await page.getByLabel('New category title').fill('Plot');
  await page.getByRole('button', { name: 'Add category' }).click();
  await page.getByLabel('New prompt title').first().fill(promptTitle);
  await page.getByRole('button', { name: 'Add prompt' }).first().click();
  await page.getByRole('link', { name: promptTitle, exact: true }).click();
  await page.getByLabel('Details').waitFor();
  return page.url();
}

async function writeDetails(page: Page, text: string): Promise<void> {
  await page.getByLabel('Details').fill(text);
  await page.getByText('All changes saved').waitFor({ timeout: 5_000 });
}

async function openPalette(page: Page) {
  await page.locator('main').waitFor(); // the shell (and its key listener) is mounted
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.waitFor();
  return {
    dialog,
    input: dialog.getByRole('combobox', { name: 'Search stories, prompts and chats' }),
  };
}

function option(page: Page, name: RegExp | string) {
  return page.getByRole('dialog', { name: 'Search' }).getByRole('option', { name });
}

describe('search palette', () => {
  it('finds a prompt as you type, highlights the match and opens it with the keyboard', async () => {
    const page = await newPage(await freshContext());
    const editorUrl = await createPrompt(page, 'Lighthouse', 'Motive');
    await writeDetails(page, 'At midnight the keeper hears a bell ringing under the water.');
    await page.getByLabel('Details').focus();

    const { dialog, input } = await openPalette(page);
    await input.pressSequentially('bel', { delay: 30 });
    const hit = option(page, /Motive/);
    await hit.waitFor({ timeout: 5_000 });
    expect(await dialog.getByRole('group', { name: 'Prompts' }).count()).toBe(1);
    expect(await hit.locator('mark').allTextContents()).toContain('bell');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    expect((await runAxe(page)).summary).toBe('');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(
      await page.getByLabel('Details').evaluate((element) => element === document.activeElement),
    ).toBe(true);

    await page.goto(`${baseURL}/`);
    const again = await openPalette(page);
    await again.input.fill('keeper bell');
    await option(page, /Motive/).waitFor();
    await again.input.fill('zzqqxx');
    await page.getByText('No results for “zzqqxx”').waitFor();
    await again.input.fill('bell');
    await option(page, /Motive/).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(editorUrl);
    expect(await page.getByRole('dialog', { name: 'Search' }).count()).toBe(0);
  });

  it('keeps what is typed right after Ctrl+K while the palette is still loading', async () => {
    const context = await freshContext();
    const page = await newPage(context);
    await createPrompt(page, 'Harbour', 'Lanterns');
    await writeDetails(page, 'The harbour lanterns swing in the gale.');
    await page.getByLabel('Details').focus();
    // The palette's code arrives late (a slow network on first use).
    await context.route(/search-palette-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.keyboard.press('Control+k');
    await page.keyboard.type('gale', { delay: 20 });
    const input = page
      .getByRole('dialog', { name: 'Search' })
      .getByRole('combobox', { name: 'Search stories, prompts and chats' });
    await option(page, /Lanterns/).waitFor({ timeout: 5_000 });
    expect(await input.inputValue()).toBe('gale');
    await page.keyboard.type('s');
    expect(await input.inputValue()).toBe('gales');
    // Nothing went into the editor that had focus.
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Details').inputValue()).toBe(
      'The harbour lanterns swing in the gale.',
    );
  });

  it('finds a prompt by the words of an edit within a second', async () => {
    const page = await newPage(await freshContext());
    await createPrompt(page, 'Edits', 'Rival');
    await writeDetails(page, 'A first draft.');
    const first = await openPalette(page);
    await first.input.fill('draft');
    await option(page, /Rival/).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');

    await writeDetails(page, 'The rival is secretly a cartographer named Bartholomew.');
    const saved = Date.now();
    const { input } = await openPalette(page);
    await input.fill('bartholomew');
    await option(page, /Rival/).waitFor({ timeout: 1_000 });
    expect(Date.now() - saved).toBeLessThan(1_000);
  });

  it('keeps working offline after the first visit', async () => {
    const context = await freshContext();
    const page = await newPage(context, {
      allowConsoleErrors: [/net::ERR_INTERNET_DISCONNECTED/, /Failed to (load|fetch)/],
    });
    await createPrompt(page, 'Offline', 'Harbour');
    await writeDetails(page, 'Fog rolls over the quay and the gulls fall silent.');
    await waitForServiceWorkerControl(page);
    await goOffline(context);
    await page.reload({ waitUntil: 'load' });
    await page.getByLabel('Details').waitFor();
    const { input } = await openPalette(page);
    await input.fill('gulls');
    await option(page, /Harbour/).waitFor({ timeout: 10_000 });
  });

  it('finds a change made in another tab', async () => {
    const context = await freshContext();
    const first = await newPage(context);
    await first.goto(`${baseURL}/`);
    const { input } = await openPalette(first);
    await input.fill('anything');
    await first.getByText('No results for “anything”').waitFor({ timeout: 10_000 });

    const second = await newPage(context);
    await createPrompt(second, 'Second tab', 'Quixotic errand');
    await writeDetails(second, 'A windmill is mistaken for a giant.');

    await input.fill('windmill');
    await option(first, /Quixotic errand/).waitFor({ timeout: 5_000 });
  });

  it('opens a hit of what was typed, not of the previous words, on an Enter typed right after them', async () => {
    const page = await newPage(await freshContext());
    const stormUrl = await createPrompt(page, 'Quick Enter', 'Storm');
    await writeDetails(page, 'The storm hits the lighthouse.');
    await page.goBack();
    await page.getByLabel('New prompt title').first().fill('Letter');
    await page.getByRole('button', { name: 'Add prompt' }).first().click();
    await page.getByRole('link', { name: 'Letter', exact: true }).click();
    await writeDetails(page, 'An envelope arrives at dawn.');
    const letterUrl = page.url();
    expect(letterUrl).not.toBe(stormUrl);

    for (let round = 0; round < 3; round++) {
      await page.goto(`${baseURL}/`);
      const { input } = await openPalette(page);
      await input.fill('storm');
      await option(page, /Storm/).waitFor({ timeout: 5_000 });
      // Pasted words and Enter at once: the results on screen are still those for "storm".
      await input.fill('envelope');
      await page.keyboard.press('Enter');
      await page.waitForURL(letterUrl, { timeout: 5_000 });
      await page.getByRole('dialog', { name: 'Search' }).waitFor({ state: 'detached' });
    }
  });

  it('says so when the palette cannot load, keeps the screen and what was typed, and loads on the next try', async () => {
    const context = await freshContext();
    const page = await newPage(context, {
      allowConsoleErrors: [/Failed to load resource/, /dynamically imported module/],
    });
    await context.route(/search-palette-[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${baseURL}/`);
    const title = page.getByLabel('New story title');
    await title.fill('A title not yet created');
    await page.locator('main').waitFor();
    await title.focus();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog
      .getByRole('alert')
      .getByText(/Search could not load/)
      .waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await title.inputValue()).toBe('A title not yet created');
    expect(await title.evaluate((field) => field === document.activeElement)).toBe(true);

    await context.unroute(/search-palette-[^/]*\.js$/);
    const { input } = await openPalette(page);
    await input.fill('anything');
    await page.getByText('No results for “anything”').waitFor({ timeout: 10_000 });
  });

  it('leaves Enter and arrows to an input method while it composes (Japanese, Chinese)', async () => {
    const page = await newPage(await freshContext());
    const editorUrl = await createPrompt(page, 'Composing', '山田の秘密');
    await writeDetails(page, '名前は山田です。');
    await page.goto(`${baseURL}/`);
    const { dialog, input } = await openPalette(page);
    await input.fill('山田');
    const hit = option(page, /山田の秘密/);
    await hit.waitFor({ timeout: 5_000 });
    // The keys an input method sends while its candidate window is open: they are its own.
    for (const key of ['ArrowDown', 'Enter']) {
      const handled = await input.evaluate((field, key) => {
        const event = new KeyboardEvent('keydown', {
          key,
          isComposing: true,
          bubbles: true,
          cancelable: true,
        });
        field.dispatchEvent(event);
        return event.defaultPrevented;
      }, key);
      expect(handled, key).toBe(false);
    }
    await page.waitForTimeout(300);
    expect(await dialog.count()).toBe(1);
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(editorUrl);
  });
});
