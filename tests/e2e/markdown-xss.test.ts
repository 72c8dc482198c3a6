// Markdown and title XSS in real Chromium: payloads that would set a window flag or open a
// dialog if they ever ran (script tags, onerror/onload attributes, javascript: links, SVG) are
// stored in a category title, a prompt title and prompt details, then shown on the board, in
// the editor and in the preview, where the dangerous link is even clicked. Nothing may run.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const TITLE_PAYLOAD = `<img src=x onerror="window.__xss='title'"><script>window.__xss='title-script'</script>`;
const CATEGORY_PAYLOAD = `<svg onload="window.__xss='category'">`;
const DETAILS_PAYLOAD = [
  '# Heading {{story.title}}',
  `<script>window.__xss='script'; alert('script')</script>`,
  `<img src=x onerror="window.__xss='img'; alert('img')">`,
  `<svg onload="window.__xss='svg'; alert('svg')"><circle r="5"/></svg>`,
  `[click me](javascript:window.__xss='link';alert('link'))`,
  `[encoded](jav&#x09;ascript:window.__xss='encoded')`,
  `![pic](javascript:window.__xss='image')`,
  `<a href="javascript:window.__xss='anchor'">raw anchor</a>`,
  `<iframe src="javascript:window.__xss='iframe'"></iframe>`,
  'Fill {{who}} here.',
].join('\n\n');

async function flag(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

describe('markdown and title XSS', () => {
  it('never runs script from titles or details on the board, in the editor or in the preview', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    onTestFinished(() => context.close());
    const page = await newPage(context, { allowConsoleErrors: [/Failed to load resource/] });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`${baseURL}/`);
    await page.getByLabel('New story title').fill('XSS story');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'XSS story', exact: true }).click();
    await page.waitForURL(/\/stories\/[^/]+$/);
    const storyId = new URL(page.url()).pathname.split('/')[2]!;
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await page.getByLabel('New category title').fill(CATEGORY_PAYLOAD);
    await page.getByRole('button', { name: 'Add category' }).click();
    await page.getByLabel('New prompt title').fill(TITLE_PAYLOAD);
    await page.getByRole('button', { name: 'Add prompt' }).click();
    // The payload is shown as the literal text it is.
    await page.getByRole('link', { name: TITLE_PAYLOAD, exact: true }).click();
    await page.getByLabel('Details').fill(DETAILS_PAYLOAD);
    await page.getByText('All changes saved').waitFor();

    // Board, editor and preview each freshly loaded, so stored values render from scratch.
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await page.getByRole('link', { name: TITLE_PAYLOAD, exact: true }).waitFor();
    expect(
      await page.getByRole('button', { name: `Edit Category title: ${CATEGORY_PAYLOAD}` }).count(),
    ).toBe(1);
    await page.getByRole('link', { name: TITLE_PAYLOAD, exact: true }).click();
    await page.getByLabel('Details').waitFor();
    expect(await page.getByLabel('Details').inputValue()).toBe(DETAILS_PAYLOAD);
    await page.reload();
    await page.getByLabel('Details').waitFor();
    await page.getByRole('link', { name: 'Preview', exact: true }).click();

    const preview = page.getByRole('article', { name: 'Filled prompt' });
    await preview.getByRole('heading', { name: 'Heading XSS story' }).waitFor();
    await page
      .getByLabel('who', { exact: true })
      .fill('<img src=x onerror="window.__xss=\'form\'">');
    await preview.getByText('Fill').waitFor();
    expect(
      await preview.locator('script, iframe, svg, img[onerror], [onload], [onerror]').count(),
    ).toBe(0);
    expect(await preview.locator('a[href^="javascript" i], img[src^="javascript" i]').count()).toBe(
      0,
    );
    // Whatever is left of the dangerous links, clicking it runs nothing.
    await preview.getByText('click me').click();
    await preview
      .getByText('raw anchor', { exact: false })
      .first()
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(500);

    expect(await flag(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(
      0,
    );
  });
});
