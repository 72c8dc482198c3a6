// Right-to-left writing in real Chromium against the production build: the fields where a writer
// types story text (overview, prompt editor, preview variables, search) take their direction from
// what is typed, so Hebrew or Arabic lays out from the right instead of scrambled left to right.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, newPage } from '../support/browser';

const baseURL = inject('baseURL');
const HEBREW = 'הגיבורה פוגשת את השומר.';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** True when the field lays `HEBREW` (just typed into it) out right to left. */
async function typesRightToLeft(field: Locator): Promise<boolean> {
  await field.fill(HEBREW);
  return field.evaluate((element) => element.matches(':dir(rtl)'));
}

describe('right-to-left text', () => {
  it('lays out Hebrew right to left in the overview, the editor, the preview fields and search', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    onTestFinished(() => context.close());
    const page = await newPage(context);
    await page.goto(`${baseURL}/`);
    await page.getByLabel('New story title').fill('Directions');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'Directions', exact: true }).click();
    await page.waitForURL(/\/stories\/[^/]+$/);
    const storyId = new URL(page.url()).pathname.split('/')[2]!;
    expect(await typesRightToLeft(page.getByLabel('Logline', { exact: true }))).toBe(true);

    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await page.getByLabel('New category title').fill('Scenes');
    await page.getByRole('button', { name: 'Add category' }).click();
    await page.getByLabel('New prompt title').first().fill('Meeting');
    await page.getByRole('button', { name: 'Add prompt' }).first().click();
    await page.getByRole('link', { name: 'Meeting', exact: true }).click();
    const details = page.getByLabel('Details');
    expect(await typesRightToLeft(details)).toBe(true);
    await details.fill('{{hero}} meets the warden.');
    await page.getByText('All changes saved').waitFor({ timeout: 5_000 });
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    expect(await typesRightToLeft(page.getByLabel('hero', { exact: true }))).toBe(true);

    await page.keyboard.press('Control+k');
    const search = page
      .getByRole('dialog', { name: 'Search' })
      .getByRole('combobox', { name: 'Search stories, prompts and chats' });
    expect(await typesRightToLeft(search)).toBe(true);
  });
});
