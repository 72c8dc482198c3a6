// Stories list and Story Overview in real Chromium against the production build: creating and
// opening stories, inline autosave of every overview field across a reload, a change from
// another tab taken in once the field is left, an over-long title refused with its message
// while the text stays, delete with undo, and axe on both screens.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, runAxe } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page in a fresh context: its own empty IndexedDB. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext();
  onTestFinished(() => context.close());
  return newPage(context);
}

async function createStory(page: Page, title: string): Promise<void> {
  await page.getByLabel('New story title').fill(title);
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: title, exact: true }).waitFor();
}

async function openStoriesPage(page: Page): Promise<void> {
  await page.goto(`${baseURL}/`);
  await page.getByRole('heading', { name: 'Your stories' }).waitFor();
}

async function waitUntilSaved(page: Page): Promise<void> {
  await page.locator('.save-state', { hasText: /^Saved$/ }).waitFor({ timeout: 5_000 });
}

const EDITS = {
  Title: 'Salt and Iron (second draft)',
  Logline:
    'A blacksmith’s apprentice forges a key that opens any door, and every door wants something back.',
  Genre: 'Dark fantasy',
  Synopsis:
    'In a port city ruled by guilds, Mara forges a key.\n\nEvery lock she opens costs her a memory.',
  Notes: '# Themes\n\n- **debt** and _memory_\n- the sea as a ledger',
} as const;

describe('stories and overview', () => {
  it('creates two stories, opens one, and keeps every overview edit across a reload', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    await page.getByText('No stories yet').waitFor();
    await createStory(page, 'The Lighthouse Keeper’s Daughter');
    await createStory(page, 'Salt and Iron');
    expect(await page.getByRole('list', { name: 'Stories' }).getByRole('link').count()).toBe(2);

    await page.getByRole('link', { name: 'Salt and Iron', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Salt and Iron');
    for (const name of ['Categories', 'Recent prompts', 'Tags']) {
      expect(await page.getByRole('heading', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('link', { name: 'Open prompts' }).getAttribute('href')).toMatch(
      /^\/stories\/[0-9a-f-]+\/prompts$/,
    );
    expect(await page.getByText('Sync: Local only').isVisible()).toBe(true);

    for (const [label, value] of Object.entries(EDITS)) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await waitUntilSaved(page);
    const storyUrl = page.url();

    await page.reload();
    await page.getByLabel('Title', { exact: true }).waitFor();
    for (const [label, value] of Object.entries(EDITS)) {
      expect(await page.getByLabel(label, { exact: true }).inputValue(), label).toBe(value);
    }
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(EDITS.Title);

    await openStoriesPage(page);
    expect(
      await page.getByRole('link', { name: EDITS.Title, exact: true }).getAttribute('href'),
    ).toBe(new URL(storyUrl).pathname);
    expect(
      await page.getByRole('link', { name: 'The Lighthouse Keeper’s Daughter' }).isVisible(),
    ).toBe(true);
  });

  it('keeps an edit made just before leaving the screen (flushed on unmount, no waiting)', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    await createStory(page, 'Quick exit');
    await page.getByRole('link', { name: 'Quick exit' }).click();
    await page.getByLabel('Genre', { exact: true }).waitFor();
    // Type and leave in one task, well inside the 400 ms debounce: only the unmount flush saves.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input.overview-field--genre')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, 'Noir');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(
        () => document.querySelector<HTMLAnchorElement>('a.app-header__brand')!.click(),
        0,
      );
    });
    await page.getByRole('heading', { name: 'Your stories' }).waitFor();
    await page.getByRole('link', { name: 'Quick exit' }).click();
    const genre = page.getByLabel('Genre', { exact: true });
    await genre.waitFor();
    expect(await genre.inputValue()).toBe('Noir');
    await page.reload();
    await genre.waitFor();
    expect(await genre.inputValue()).toBe('Noir');
  });

  it('takes in a change made in another tab while the field had focus once the writer leaves it', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    await createStory(page, 'Two windows');
    await page.getByRole('link', { name: 'Two windows' }).click();
    const genre = page.getByLabel('Genre', { exact: true });
    await genre.waitFor();
    const other = await newPage(page.context());
    await other.goto(page.url());
    await other.getByLabel('Genre', { exact: true }).waitFor();

    // The first tab's Genre has focus (nothing typed) while the other tab sets it.
    await genre.focus();
    await other.getByLabel('Genre', { exact: true }).fill('Noir');
    await other.locator('.save-state', { hasText: /^Saved$/ }).waitFor();
    await page.waitForTimeout(300);
    expect(await genre.inputValue()).toBe('');
    await genre.blur();
    await expect.poll(() => genre.inputValue()).toBe('Noir');

    // An edit building on it now keeps the other tab's text.
    await genre.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' thriller');
    await genre.blur();
    await waitUntilSaved(page);
    await other.reload();
    await other.getByLabel('Genre', { exact: true }).waitFor();
    expect(await other.getByLabel('Genre', { exact: true }).inputValue()).toBe('Noir thriller');
  });

  it('refuses an over-long title with a message next to the field and keeps the typed text', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    await createStory(page, 'Short title');
    await page.getByRole('link', { name: 'Short title' }).click();

    const title = page.getByLabel('Title', { exact: true });
    const tooLong = 'A'.repeat(201);
    await title.fill(tooLong);
    const error = page.getByText('Story title is too long: at most 200 characters.');
    await error.waitFor({ timeout: 5_000 });
    expect(await title.inputValue()).toBe(tooLong);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby')) ?? '';
    expect(await error.getAttribute('id')).toBeTruthy();
    expect(describedBy.split(' ')).toContain(await error.getAttribute('id'));
    expect(await page.locator('.save-state').textContent()).toBe('Not saved');

    // Nothing was written: a reload shows the stored title.
    await page.reload();
    await title.waitFor();
    expect(await title.inputValue()).toBe('Short title');

    // Fixing the text clears the error and saves.
    await title.fill('B'.repeat(200));
    await waitUntilSaved(page);
    expect(await error.count()).toBe(0);
    expect(await title.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers back a refused title or logline after the writer leaves the screen and comes back', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    await createStory(page, 'Kept');
    await page.getByRole('link', { name: 'Kept' }).click();

    const title = page.getByLabel('Title', { exact: true });
    const logline = page.getByLabel('Logline', { exact: true });
    const longTitle = 'T'.repeat(201);
    const longLogline = 'L'.repeat(501);
    await title.fill(longTitle);
    await logline.fill(longLogline);
    await page.getByText('Story title is too long: at most 200 characters.').waitFor();
    await page.getByText(/Logline is too long/).waitFor();

    // Leave through the app's own link, then come back.
    await page.locator('a.app-header__brand').click();
    await page.getByRole('heading', { name: 'Your stories' }).waitFor();
    await page.getByRole('link', { name: 'Kept' }).click();
    await title.waitFor();
    expect(await title.inputValue()).toBe('Kept'); // the stored title
    await page.getByText('The title you typed here before could not be saved').waitFor();
    await page.getByText('The logline you typed here before could not be saved').waitFor();

    const titleOffer = page.getByRole('status').filter({ hasText: 'The title you typed' });
    await titleOffer.getByRole('button', { name: 'Put it back' }).click();
    expect(await title.inputValue()).toBe(longTitle);
    await page.getByText('Story title is too long: at most 200 characters.').waitFor();
    const loglineOffer = page.getByRole('status').filter({ hasText: 'The logline you typed' });
    await loglineOffer.getByRole('button', { name: 'Discard' }).click();
    expect(await logline.inputValue()).toBe('');

    // Saved at last: after a reload nothing is offered back any more.
    await title.fill('Kept, shorter');
    await waitUntilSaved(page);
    await page.reload();
    await title.waitFor();
    expect(await title.inputValue()).toBe('Kept, shorter');
    expect(await page.getByRole('button', { name: 'Put it back' }).count()).toBe(0);
  });

  it('deletes a story with undo', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    await createStory(page, 'Keep me');
    await createStory(page, 'Delete me');
    await page.getByRole('button', { name: 'Delete Delete me' }).click();
    await page.getByText('Deleted “Delete me”.').waitFor();
    expect(await page.getByRole('link', { name: 'Delete me' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: 'Delete me' }).waitFor();
    expect(await page.getByRole('link', { name: 'Keep me' }).isVisible()).toBe(true);
  });

  it('undoes a deletion with Ctrl+Z, except while typing in a text field', async () => {
    // The Undo button sits at the end of the tab order; the keys reach it from anywhere.
    const page = await freshPage();
    await openStoriesPage(page);
    await createStory(page, 'Keep me');
    await createStory(page, 'Delete me');
    await page.getByRole('button', { name: 'Delete Delete me' }).click();
    await page.getByText('Deleted “Delete me”.').waitFor();
    const undo = page.getByRole('button', { name: 'Undo' });
    expect(await undo.getAttribute('aria-keyshortcuts')).toBe('Control+Z Meta+Z');

    // In the new-story field the keys undo typing, not the deletion.
    const field = page.getByLabel('New story title');
    await field.fill('Half a title');
    await field.press('Control+z');
    await page.waitForTimeout(300);
    expect(await page.getByRole('link', { name: 'Delete me' }).count()).toBe(0);

    await page.getByRole('heading', { name: 'Your stories' }).click();
    await page.keyboard.press('Control+z');
    await page.getByRole('link', { name: 'Delete me' }).waitFor();
    await undo.waitFor({ state: 'detached' });
    // Once used, the keys do nothing more.
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    const titles = await page
      .getByRole('list', { name: 'Stories' })
      .getByRole('link')
      .allTextContents();
    expect(titles.sort()).toEqual(['Delete me', 'Keep me']);
    expect((await runAxe(page)).summary).toBe('');
  });

  it('deletes one story, with one Undo toast, for a double click on Delete', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    for (const title of ['First', 'Second', 'Third']) await createStory(page, title);
    await page.getByRole('button', { name: 'Delete Second' }).dblclick();
    await page.getByText('Deleted “Second”.').waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    const left = await page
      .getByRole('list', { name: 'Stories' })
      .getByRole('link')
      .allTextContents();
    expect(left).toEqual(['Third', 'First']);
  });

  it('keeps keyboard focus in the list when a story is deleted from the keyboard', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    await createStory(page, 'Older');
    await createStory(page, 'Newer');
    const focusedName = () =>
      page.evaluate(() => {
        const focused = document.activeElement as HTMLInputElement | null;
        return focused?.getAttribute('aria-label') ?? focused?.labels?.[0]?.textContent;
      });
    // Newest first: deleting "Newer" moves focus to the delete button of the story after it.
    await page.getByRole('button', { name: 'Delete Newer' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Newer' }).waitFor({ state: 'detached' });
    expect(await focusedName()).toBe('Delete Older');
    await page.keyboard.press('Enter');
    await page.getByText('No stories yet').waitFor();
    expect(await focusedName()).toBe('New story title');
  });

  it('shows a Hebrew title right to left, with its closing punctuation at the left end', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    const title = 'שלום עולם!';
    await createStory(page, title);
    // Whether the "!" (the last character typed) is drawn left of the first letter.
    const bangDrawnFirst = (element: Element) => {
      const text = element.firstChild!;
      const left = (start: number) => {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + 1);
        return range.getBoundingClientRect().left;
      };
      return left((text.textContent ?? '').length - 1) < left(0);
    };
    const link = page.getByRole('link', { name: title });
    expect(await link.evaluate(bangDrawnFirst)).toBe(true);
    await link.click();
    const heading = page.getByRole('heading', { level: 1, name: title });
    await heading.waitFor();
    expect(await heading.evaluate(bangDrawnFirst)).toBe(true);
    // Fields take their direction from what is typed in them, line by line.
    const field = page.getByLabel('Title', { exact: true });
    expect(await field.evaluate((input) => getComputedStyle(input).unicodeBidi)).toBe('plaintext');
  });

  it('has no serious or critical axe violations on the stories page and the overview', async () => {
    const page = await freshPage();
    await openStoriesPage(page);
    const empty = await runAxe(page);
    expect(empty.summary).toBe('');

    await createStory(page, 'Accessible story');
    const list = await runAxe(page);
    expect(list.summary).toBe('');

    await page.getByRole('link', { name: 'Accessible story' }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    const overview = await runAxe(page);
    expect(overview.summary).toBe('');

    await page.getByLabel('Title', { exact: true }).fill('C'.repeat(250));
    await page.getByText('Story title is too long', { exact: false }).waitFor();
    const withError = await runAxe(page);
    expect(withError.summary).toBe('');
  });
});
