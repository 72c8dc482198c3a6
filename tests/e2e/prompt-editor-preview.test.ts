// The prompt editor and preview in real Chromium against the production build: autosave as
// you type (kept across a reload), action steps (add, tick, reorder by button and keyboard,
// rename, delete) feeding the overview's progress, tags, moving to another category, an
// over-long title refused with its message while the text stays, delete with undo, the preview
// filling story and form variables and copying the result, axe on editor and preview, and long
// unbroken titles that must wrap at 390 px on every screen of the workbench.
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

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  onTestFinished(() => context.close());
  return newPage(context);
}

interface Setup {
  storyId: string;
  editorUrl: string;
}

/** A story with categories "Characters" and "Plot" and one prompt "Motive" in Characters, opened in the editor. */
async function openEditor(page: Page, storyTitle: string): Promise<Setup> {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('New story title').fill(storyTitle);
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: storyTitle, exact: true }).click();
  await page.waitForURL(/\/stories\/[^/]+$/);
  const storyId = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`${baseURL}/stories/${storyId}/prompts`);
  for (const title of ['Characters', 'Plot']) {
    await page.getByLabel('New category title').fill(title);
    await page.getByRole('button', { name: 'Add category' }).click();
    await page
      .getByRole('button', { name: `Edit Category title: ${title}`, exact: true })
      .waitFor();
  }
  await page.getByLabel('New prompt title').first().fill('Motive');
  await page.getByRole('button', { name: 'Add prompt' }).first().click();
  await page.getByRole('link', { name: 'Motive', exact: true }).click();
  await page.getByLabel('Title', { exact: true }).waitFor();
  return { storyId, editorUrl: page.url() };
}

async function waitUntilSaved(page: Page): Promise<void> {
  await page.getByText('All changes saved').waitFor({ timeout: 5_000 });
}

function stepOrder(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Action steps' })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label') ?? ''));
}

async function addStep(page: Page, text: string): Promise<void> {
  await page.getByLabel('New action step').fill(text);
  await page.getByRole('button', { name: 'Add step' }).click();
  await page.getByRole('checkbox', { name: text, exact: true }).waitFor();
}

describe('prompt editor', () => {
  it('autosaves title and details as you type and keeps them across a reload', async () => {
    const page = await freshPage();
    await openEditor(page, 'Autosave');
    expect(await page.getByRole('button', { name: /^Save$/ }).count()).toBe(0);
    await page.getByLabel('Title', { exact: true }).fill('Motive, revised');
    await page.getByLabel('Details').fill('Why does **{{hero}}** walk?');
    await waitUntilSaved(page);
    await page.reload();
    await page.getByLabel('Title', { exact: true }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Motive, revised');
    expect(await page.getByLabel('Details').inputValue()).toBe('Why does **{{hero}}** walk?');
  });

  it('refuses an over-long title with its message, keeps the typed text (even across a reload), and stores nothing bad', async () => {
    const page = await freshPage();
    await openEditor(page, 'Limits');
    const tooLong = 'x'.repeat(201);
    await page.getByLabel('Title', { exact: true }).fill(tooLong);
    await page.getByText('Prompt title is too long: at most 200 characters.').waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(tooLong);
    expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    // Leaving the screen (here a reload) does not lose the refused text: it is offered back.
    await page.reload();
    const title = page.getByLabel('Title', { exact: true });
    await title.waitFor();
    expect(await title.inputValue()).toBe('Motive'); // the stored title
    await page.getByText('The title you typed here before could not be saved').waitFor();
    await page.getByRole('button', { name: 'Put it back' }).click();
    expect(await title.inputValue()).toBe(tooLong);
    await page.getByText('Prompt title is too long: at most 200 characters.').waitFor();

    await title.fill('Short again');
    await waitUntilSaved(page);
    await page.reload();
    await title.waitFor();
    expect(await title.inputValue()).toBe('Short again');
    // Saved at last: nothing is offered back any more.
    expect(await page.getByRole('button', { name: 'Put it back' }).count()).toBe(0);
  });

  it('adds, ticks, reorders, renames and deletes action steps, and the overview progress follows', async () => {
    const page = await freshPage();
    const { storyId, editorUrl } = await openEditor(page, 'Steps');
    for (const text of ['Outline', 'Draft', 'Revise']) await addStep(page, text);
    await page.getByRole('checkbox', { name: 'Outline', exact: true }).check();
    await page.getByText('1 of 3 done').waitFor();

    await page.getByRole('button', { name: 'Move step Revise up' }).click();
    await expect.poll(() => stepOrder(page)).toEqual(['Outline', 'Revise', 'Draft']);
    await page.getByRole('button', { name: 'Drag step Outline' }).focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(150);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(250);
    await page.keyboard.press('Space');
    await expect.poll(() => stepOrder(page)).toEqual(['Revise', 'Outline', 'Draft']);

    await page.getByRole('button', { name: 'Edit Action step: Draft' }).click();
    await page.getByRole('textbox', { name: 'Action step', exact: true }).fill('First draft');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'First draft', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete step Revise' }).click();
    await expect.poll(() => stepOrder(page)).toEqual(['Outline', 'First draft']);
    await page.getByRole('checkbox', { name: 'First draft', exact: true }).check();
    await page.getByText('2 of 2 done').waitFor();

    await page.goto(`${baseURL}/stories/${storyId}`);
    await page.getByText('2 / 2 action steps done').waitFor();
    await page.goto(editorUrl);
    await page.getByRole('checkbox', { name: 'Outline', exact: true }).uncheck();
    await page.getByText('1 of 2 done').waitFor();
    await page.goto(`${baseURL}/stories/${storyId}`);
    await page.getByText('1 / 2 action steps done').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Action steps done in Characters' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('1');
  });

  it('undoes a step delete: the step is back in its place, ticked as before, and the overview progress too', async () => {
    const page = await freshPage();
    const { storyId, editorUrl } = await openEditor(page, 'Undo step');
    for (const text of ['Outline', 'Draft', 'Revise']) await addStep(page, text);
    await page.getByRole('checkbox', { name: 'Draft', exact: true }).check();
    await page.getByText('1 of 3 done').waitFor();

    await page.getByRole('button', { name: 'Delete step Draft' }).click();
    await expect.poll(() => stepOrder(page)).toEqual(['Outline', 'Revise']);
    await page.getByText('0 of 2 done').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => stepOrder(page)).toEqual(['Outline', 'Draft', 'Revise']);
    expect(await page.getByRole('checkbox', { name: 'Draft', exact: true }).isChecked()).toBe(true);
    await page.getByText('1 of 3 done').waitFor();

    // Stored, not only shown: the overview and a reload agree.
    await page.goto(`${baseURL}/stories/${storyId}`);
    await page.getByText('1 / 3 action steps done').waitFor();
    await page.goto(editorUrl);
    await expect.poll(() => stepOrder(page)).toEqual(['Outline', 'Draft', 'Revise']);
  });

  it('keeps keyboard focus in place when a step is moved to an end, or a step or tag is removed', async () => {
    const page = await freshPage();
    await openEditor(page, 'Keyboard steps');
    for (const text of ['Outline', 'Draft', 'Revise']) await addStep(page, text);
    const focusedName = () =>
      page.evaluate(() => {
        const focused = document.activeElement as HTMLInputElement | null;
        return (
          focused?.getAttribute('aria-label') ??
          focused?.labels?.[0]?.textContent ??
          focused?.tagName
        );
      });
    const press = async (name: string) => {
      await page.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
    };

    await press('Move step Draft up');
    await expect.poll(() => stepOrder(page)).toEqual(['Draft', 'Outline', 'Revise']);
    expect(await focusedName()).toBe('Move step Draft up');

    await press('Delete step Outline');
    await expect.poll(() => stepOrder(page)).toEqual(['Draft', 'Revise']);
    expect(await focusedName()).toBe('Delete step Revise');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => stepOrder(page)).toEqual([]);
    expect(await focusedName()).toBe('New action step');

    for (const tag of ['arc', 'mood']) {
      await page.getByLabel('New tag').fill(tag);
      await page.getByLabel('New tag').press('Enter');
      await page.getByRole('button', { name: `Remove tag ${tag}` }).waitFor();
    }
    await press('Remove tag mood');
    await page.getByRole('button', { name: 'Remove tag mood' }).waitFor({ state: 'detached' });
    expect(await focusedName()).toBe('Remove tag arc');
  });

  it('adds and removes tags, moves the prompt to another category, and undoes a delete', async () => {
    const page = await freshPage();
    const { storyId } = await openEditor(page, 'Tags');
    await page.getByLabel('New tag').fill('Slow Burn');
    await page.getByLabel('New tag').press('Enter');
    await page.getByRole('button', { name: 'Remove tag slow-burn' }).waitFor();
    await page.getByLabel('New tag').fill('villain');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('button', { name: 'Remove tag villain' }).click();
    await page.getByRole('button', { name: 'Remove tag villain' }).waitFor({ state: 'detached' });

    await page.getByLabel('Move to category').selectOption({ label: 'Plot' });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByText('Moved to Plot').waitFor();
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    const plot = page.locator('li.board-section', {
      has: page.getByRole('button', { name: 'Edit Category title: Plot', exact: true }),
    });
    await plot.getByRole('link', { name: 'Motive', exact: true }).waitFor();
    expect(await plot.getByRole('list', { name: 'Tags of Motive' }).textContent()).toBe(
      'slow-burn',
    );

    await plot.getByRole('link', { name: 'Motive', exact: true }).click();
    await page.getByRole('button', { name: 'Delete prompt' }).click();
    await page.waitForURL(/\/prompts$/);
    await page.getByRole('link', { name: 'Motive', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await plot.getByRole('link', { name: 'Motive', exact: true }).waitFor();
  });

  it('keeps keyboard focus on the board when the prompt is deleted from the keyboard, with Undo reachable', async () => {
    const page = await freshPage();
    const { storyId } = await openEditor(page, 'Keyboard delete');
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await page.getByLabel('New prompt title').first().fill('Goal');
    await page.getByRole('button', { name: 'Add prompt' }).first().click();
    await page.getByRole('link', { name: 'Goal', exact: true }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return (
          element?.getAttribute('aria-label') ??
          element?.placeholder ??
          element?.textContent ??
          element?.tagName
        );
      });
    const deleteByKeyboard = async (title: string) => {
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.getByRole('button', { name: 'Delete prompt' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/prompts$/);
      await page.getByRole('link', { name: title, exact: true }).waitFor({ state: 'detached' });
    };

    // Motive is first in Characters: focus goes to the prompt after it.
    await deleteByKeyboard('Motive');
    await expect.poll(focused).toBe('Goal');
    // The Undo toast is reachable by keyboard from there (and stays while focused).
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      // Its text is "Undo" and the shortcut hint beside it.
      reached = (await focused())?.startsWith('Undo') ?? false;
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Motive', exact: true }).waitFor();

    // The last prompt of a category: focus goes to that category's new prompt field.
    await deleteByKeyboard('Goal');
    await expect.poll(focused).toBe('Motive');
    await deleteByKeyboard('Motive');
    await expect.poll(focused).toBe('New prompt title');
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest('li.board-section')?.querySelector('span[hidden]')
            ?.textContent,
      ),
    ).toBe('Characters');
  });

  it('deletes the prompt once, with one Undo toast, for a double click on Delete', async () => {
    const page = await freshPage();
    await openEditor(page, 'Double delete');
    await page.getByRole('button', { name: 'Delete prompt' }).dblclick();
    await page.waitForURL(/\/prompts$/);
    await page.getByText('Prompt “Motive” deleted').waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(1);
  });

  it('moves the prompt only on Move: browsing the categories by keyboard moves nothing', async () => {
    const page = await freshPage();
    const { storyId } = await openEditor(page, 'Browse categories');
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    const characters = page.locator('li.board-section', {
      has: page.getByRole('button', { name: 'Edit Category title: Characters', exact: true }),
    });
    await characters.getByLabel('New prompt title').fill('Later');
    await characters.getByRole('button', { name: 'Add prompt' }).click();
    await characters.getByRole('link', { name: 'Later', exact: true }).waitFor();
    await characters.getByRole('link', { name: 'Motive', exact: true }).click();

    // Arrow keys on a closed select change its value at once in Chrome.
    await page.getByLabel('Move to category').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    expect(await page.getByText(/^Moved to/).count()).toBe(0);
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await characters.getByRole('link', { name: 'Later', exact: true }).waitFor();
    expect(await characters.locator('.prompt-card__title').allTextContents()).toEqual([
      'Motive',
      'Later',
    ]);
  });

  it('has no serious or critical axe violations on the editor and the preview', async () => {
    const page = await freshPage();
    await openEditor(page, 'Axe');
    await addStep(page, 'Outline');
    await page.getByLabel('New tag').fill('arc');
    await page.getByLabel('New tag').press('Enter');
    await page.getByLabel('Details').fill('Hello {{name}}');
    await waitUntilSaved(page);
    expect((await runAxe(page)).summary).toBe('');
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    await page.getByLabel('name', { exact: true }).waitFor();
    expect((await runAxe(page)).summary).toBe('');
  });
});

describe('document titles', () => {
  it('names the board, editor, preview and not-found pages in the document title; a prompt under another story is not found', async () => {
    const page = await freshPage();
    const { storyId, editorUrl } = await openEditor(page, 'Titled');
    await expect.poll(() => page.title()).toBe('Edit Motive · Story Prompts');
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    await expect.poll(() => page.title()).toBe('Preview of Motive · Story Prompts');
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await expect.poll(() => page.title()).toBe('Prompts of Titled · Story Prompts');

    // A second prompt, kept, for the wrong-story address below.
    await page.getByLabel('New prompt title').first().fill('Still here');
    await page.getByRole('button', { name: 'Add prompt' }).first().click();
    await page.getByRole('link', { name: 'Still here', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    const lateId = new URL(page.url()).pathname.split('/')[4]!;

    await page.goto(editorUrl);
    await page.getByRole('button', { name: 'Delete prompt' }).click();
    await page.waitForURL(/\/prompts$/);
    await page.goto(editorUrl);
    await page.getByRole('heading', { name: 'Prompt not found' }).waitFor();
    expect(await page.title()).toBe('Prompt not found · Story Prompts');
    await page.goto(`${editorUrl}/preview`);
    await page.getByRole('heading', { name: 'Prompt not found' }).waitFor();
    expect(await page.title()).toBe('Prompt not found · Story Prompts');
    // A prompt under another story's address is not that story's prompt.
    await page.goto(`${baseURL}/`);
    await page.getByLabel('New story title').fill('Elsewhere');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('link', { name: 'Elsewhere', exact: true }).click();
    await page.waitForURL(/\/stories\/[^/]+$/);
    const elsewhere = new URL(page.url()).pathname.split('/')[2]!;
    await page.goto(`${baseURL}/stories/${elsewhere}/prompts/${lateId}`);
    await page.getByRole('heading', { name: 'Prompt not found' }).waitFor();
    await page.goto(`${baseURL}/stories/${elsewhere}/prompts/${lateId}/preview`);
    await page.getByRole('heading', { name: 'Prompt not found' }).waitFor();
    await page.goto(`${baseURL}/stories/${storyId}/prompts/${lateId}`);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Still here');

    await page.goto(`${baseURL}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found · Story Prompts');
  });
});

describe('long titles on a phone', () => {
  it('wraps long unbroken titles, tags, steps and variable names instead of widening a 390 px screen', async () => {
    const page = await freshPage();
    const unbroken = (prefix: string) => prefix + 'Unbreakable'.repeat(12);
    const { storyId, editorUrl } = await openEditor(page, unbroken('Story'));
    await page.getByLabel('Title', { exact: true }).fill(unbroken('Prompt'));
    await page.getByLabel('Details').fill(`{{${'v'.repeat(60)}}} ${unbroken('Text')}`);
    await waitUntilSaved(page);
    await addStep(page, unbroken('Step'));
    await page.getByLabel('New tag').fill('t'.repeat(40));
    await page.getByLabel('New tag').press('Enter');
    await page.getByRole('button', { name: `Remove tag ${'t'.repeat(40)}` }).waitFor();
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await page
      .getByRole('button', { name: 'Edit Category title: Characters', exact: true })
      .click();
    await page
      .getByRole('textbox', { name: 'Category title', exact: true })
      .fill(unbroken('Category'));
    await page.getByRole('textbox', { name: 'Category title', exact: true }).press('Enter');
    await page
      .getByRole('button', { name: `Edit Category title: ${unbroken('Category')}` })
      .waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    const pages: Array<[string, string]> = [
      [`/stories/${storyId}`, 'Recent prompts'],
      [`/stories/${storyId}/prompts`, 'Categories and prompts'],
      [new URL(editorUrl).pathname, 'Action steps'],
      [`${new URL(editorUrl).pathname}/preview`, 'Fill in'],
      ['/', 'Your stories'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${baseURL}${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll, `${path} is wider than the screen`).toBeLessThanOrEqual(widths.client);
    }
  });
});

describe('prompt preview', () => {
  it('fills story variables, turns other variables into fields, updates live, copies the filled prompt', async () => {
    const page = await freshPage();
    const { editorUrl } = await openEditor(page, 'The Salt Road');
    await page
      .getByLabel('Details')
      .fill(
        '# {{story.title}}\n\n**{{hero}}** meets {{villain}} in {{story.title}}. Genre: {{story.genre}}.',
      );
    await waitUntilSaved(page);
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('article', { name: 'Filled prompt' });
    await preview.getByRole('heading', { name: 'The Salt Road' }).waitFor();
    // No genre set in the overview: the variable stays visible rather than vanishing.
    expect(await preview.textContent()).toContain('Genre: {{story.genre}}.');

    await page.getByLabel('hero', { exact: true }).fill('Mara');
    await preview.locator('strong', { hasText: 'Mara' }).waitFor();
    await page.getByLabel('villain', { exact: true }).fill('the Tide Warden');
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied', { exact: true }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      '# The Salt Road\n\n**Mara** meets the Tide Warden in The Salt Road. Genre: {{story.genre}}.',
    );

    await page.getByRole('link', { name: 'Open in editor' }).click();
    await page.waitForURL(editorUrl);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Motive');
  });
});
