// The categories-and-prompts board in real Chromium against the production build: creating
// categories and prompts, reordering both by mouse drag, by finger on a phone, by the dnd-kit
// keyboard sensor and by the move buttons (each order must survive a reload), moving a prompt
// into another category, filtering by tag, delete with undo, a 2,000-prompt category that stays
// virtualized, and axe.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
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
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  onTestFinished(() => context.close());
  return newPage(context);
}

/** Creates a story from the stories page and opens its board; returns the story id. */
async function openNewStoryBoard(page: Page, title: string): Promise<string> {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('New story title').fill(title);
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/stories\/[^/]+$/);
  const storyId = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`${baseURL}/stories/${storyId}/prompts`);
  await page.getByRole('heading', { name: 'Categories and prompts' }).waitFor();
  return storyId;
}

async function addCategory(page: Page, title: string): Promise<void> {
  await page.getByLabel('New category title').fill(title);
  await page.getByRole('button', { name: 'Add category' }).click();
  await section(page, title).waitFor();
}

function section(page: Page, title: string): Locator {
  return page.locator('li.board-section', {
    has: page.getByRole('button', { name: `Edit Category title: ${title}`, exact: true }),
  });
}

async function addPrompt(page: Page, category: string, title: string): Promise<void> {
  const target = section(page, category);
  await target.getByLabel('New prompt title').fill(title);
  await target.getByRole('button', { name: 'Add prompt' }).click();
  await target.getByRole('link', { name: title, exact: true }).waitFor();
}

/** Waits until no move is still being written (the list is aria-busy meanwhile). */
async function movesWritten(page: Page): Promise<void> {
  await page.locator('ol[aria-label="Categories"]:not([aria-busy])').waitFor();
}

async function categoryOrder(page: Page): Promise<string[]> {
  await movesWritten(page);
  return page
    .locator('.board-section__title .ui-inline-edit')
    .evaluateAll((buttons) =>
      buttons.map((button) => (button.textContent ?? '').replace('Edit Category title: ', '')),
    );
}

async function promptOrder(page: Page, category: string): Promise<string[]> {
  await movesWritten(page);
  return section(page, category).locator('.prompt-card__title').allTextContents();
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Mouse drag: press on `handle`, move so that `dragged` ends centred on `target`, release. */
async function dragWithMouse(
  page: Page,
  handle: Locator,
  dragged: Locator,
  target: Locator,
  dy = 0,
): Promise<void> {
  const start = await center(handle);
  const from = await center(dragged);
  const to = await center(target);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + 8, { steps: 4 });
  await page.mouse.move(start.x + (to.x - from.x), start.y + (to.y - from.y) + dy, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.up();
}

/** dnd-kit keyboard sensor: focus the handle, Space to lift, arrows to move, Space to drop. */
async function dragWithKeyboard(
  page: Page,
  handle: Locator,
  key: 'ArrowDown' | 'ArrowUp',
  times = 1,
): Promise<void> {
  await handle.focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(150);
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(250);
  }
  await page.keyboard.press('Space');
}

/**
 * Finger drag through the browser's own touch input (CDP): press on `handle`, hold past the
 * touch sensor's delay, slide so that `dragged` ends centred on `target`, lift.
 */
async function dragWithFinger(
  page: Page,
  handle: Locator,
  dragged: Locator,
  target: Locator,
): Promise<void> {
  const start = await center(handle);
  const from = await center(dragged);
  const to = await center(target);
  const session = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    session.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
    });
  await touch('touchStart', start.x, start.y);
  await page.waitForTimeout(300);
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  for (let step = 1; step <= 20; step++)
    await touch('touchMove', start.x + (dx * step) / 20, start.y + (dy * step) / 20);
  await page.waitForTimeout(50);
  await touch('touchEnd', start.x + dx, start.y + dy);
  await session.detach();
}

/** Keeps a read-write transaction on the app's prompts store busy for `ms` (runs in the page). */
function holdPromptsStore(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('story-prompts');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('prompts', 'readwrite').objectStore('prompts');
      const until = performance.now() + ms;
      const spin = () => {
        if (performance.now() < until) store.count().onsuccess = spin;
        else {
          db.close();
          resolve();
        }
      };
      spin();
    };
  });
}

describe('prompt board', () => {
  it('creates categories and prompts and reorders categories by drag, keyboard and buttons, across reloads', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Ordering');
    for (const title of ['Characters', 'Plot', 'Setting']) await addCategory(page, title);
    await addPrompt(page, 'Characters', 'Hero');
    await addPrompt(page, 'Plot', 'Inciting incident');
    expect(await categoryOrder(page)).toEqual(['Characters', 'Plot', 'Setting']);

    // Mouse: Characters dropped onto Setting → last.
    await dragWithMouse(
      page,
      page.getByRole('button', { name: 'Drag category Characters' }),
      section(page, 'Characters'),
      section(page, 'Setting'),
    );
    await expect.poll(() => categoryOrder(page)).toEqual(['Plot', 'Setting', 'Characters']);

    // Keyboard sensor: Plot one step down.
    await dragWithKeyboard(
      page,
      page.getByRole('button', { name: 'Drag category Plot' }),
      'ArrowDown',
    );
    await expect.poll(() => categoryOrder(page)).toEqual(['Setting', 'Plot', 'Characters']);

    // Buttons.
    await page.getByRole('button', { name: 'Move category Characters up' }).click();
    await expect.poll(() => categoryOrder(page)).toEqual(['Setting', 'Characters', 'Plot']);

    await page.reload();
    await section(page, 'Plot').waitFor();
    expect(await categoryOrder(page)).toEqual(['Setting', 'Characters', 'Plot']);
    // Prompts stayed with their categories.
    expect(await promptOrder(page, 'Characters')).toEqual(['Hero']);
  });

  it('reorders prompts by drag, keyboard and buttons, moves one into another category, and keeps it all after a reload', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Prompt order');
    await addCategory(page, 'Scenes');
    await addCategory(page, 'Later');
    for (const title of ['One', 'Two', 'Three', 'Four']) await addPrompt(page, 'Scenes', title);
    await addPrompt(page, 'Later', 'Epilogue');

    const scenes = section(page, 'Scenes');
    const card = (title: string) =>
      page.locator('.prompt-card', { has: page.getByRole('link', { name: title, exact: true }) });

    // Mouse: One dropped on Three (moving down lands after it).
    await dragWithMouse(
      page,
      page.getByRole('button', { name: 'Drag prompt One' }),
      card('One'),
      card('Three'),
    );
    await expect.poll(() => promptOrder(page, 'Scenes')).toEqual(['Two', 'Three', 'One', 'Four']);

    // Keyboard sensor: Four up one place.
    await dragWithKeyboard(
      page,
      scenes.getByRole('button', { name: 'Drag prompt Four' }),
      'ArrowUp',
    );
    await expect.poll(() => promptOrder(page, 'Scenes')).toEqual(['Two', 'Three', 'Four', 'One']);

    // Buttons.
    await page.getByRole('button', { name: 'Move Two down' }).click();
    await expect.poll(() => promptOrder(page, 'Scenes')).toEqual(['Three', 'Two', 'Four', 'One']);
    expect(await page.getByRole('button', { name: 'Move Three up' }).isDisabled()).toBe(true);

    // Mouse across sections: Two dropped on Epilogue lands before it, in Later.
    await dragWithMouse(
      page,
      page.getByRole('button', { name: 'Drag prompt Two' }),
      card('Two'),
      card('Epilogue'),
      -10,
    );
    await expect.poll(() => promptOrder(page, 'Later')).toEqual(['Two', 'Epilogue']);
    expect(await promptOrder(page, 'Scenes')).toEqual(['Three', 'Four', 'One']);

    await page.reload();
    await section(page, 'Later').waitFor();
    expect(await promptOrder(page, 'Scenes')).toEqual(['Three', 'Four', 'One']);
    expect(await promptOrder(page, 'Later')).toEqual(['Two', 'Epilogue']);
  });

  it('reorders prompts and categories with a finger on a phone, and keeps the order', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    onTestFinished(() => context.close());
    const page = await newPage(context);
    await openNewStoryBoard(page, 'On the train');
    await addCategory(page, 'Scenes');
    await addCategory(page, 'Ideas');
    for (const title of ['One', 'Two', 'Three']) await addPrompt(page, 'Scenes', title);
    const card = (title: string) =>
      page.locator('.prompt-card', { has: page.getByRole('link', { name: title, exact: true }) });
    // Mid-screen, away from the edges where holding a dragged card scrolls the page.
    const centre = (locator: Locator) =>
      locator.evaluate((element) => element.scrollIntoView({ block: 'center' }));

    await centre(card('Two'));
    await dragWithFinger(
      page,
      page.getByRole('button', { name: 'Drag prompt One' }),
      card('One'),
      card('Three'),
    );
    await expect.poll(() => promptOrder(page, 'Scenes')).toEqual(['Two', 'Three', 'One']);

    await centre(page.getByRole('button', { name: 'Drag category Ideas' }));
    await dragWithFinger(
      page,
      page.getByRole('button', { name: 'Drag category Ideas' }),
      section(page, 'Ideas'),
      section(page, 'Scenes'),
    );
    await expect.poll(() => categoryOrder(page)).toEqual(['Ideas', 'Scenes']);

    await page.reload();
    await section(page, 'Scenes').waitFor();
    expect(await categoryOrder(page)).toEqual(['Ideas', 'Scenes']);
    expect(await promptOrder(page, 'Scenes')).toEqual(['Two', 'Three', 'One']);
  });

  it('keeps keyboard focus on a move button that takes a prompt or a category to an end of its list', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Keyboard moves');
    for (const title of ['First', 'Second']) await addCategory(page, title);
    for (const title of ['One', 'Two']) await addPrompt(page, 'First', title);
    const focusedName = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
      );

    await page.getByRole('button', { name: 'Move Two up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => promptOrder(page, 'First')).toEqual(['Two', 'One']);
    expect(await focusedName()).toBe('Move Two up');
    // At the top it does nothing, and focus still stays.
    await page.keyboard.press('Enter');
    expect(await promptOrder(page, 'First')).toEqual(['Two', 'One']);
    expect(await focusedName()).toBe('Move Two up');

    await page.getByRole('button', { name: 'Move category Second up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => categoryOrder(page)).toEqual(['Second', 'First']);
    expect(await focusedName()).toBe('Move category Second up');
  });

  it('keeps focus on the handle of a prompt dragged by keyboard into another category', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Keyboard across');
    for (const title of ['Alpha', 'Beta']) await addCategory(page, title);
    for (const title of ['One', 'Two']) await addPrompt(page, 'Alpha', title);
    await addPrompt(page, 'Beta', 'Three');
    // The card must never leave the DOM between the drop and the live queries catching up.
    await page.evaluate(() => {
      const removed: string[] = [];
      (window as unknown as { removedCards: string[] }).removedCards = removed;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.removedNodes)
            if (node instanceof HTMLElement && node.dataset.promptId)
              removed.push(node.textContent ?? '');
      }).observe(document.querySelector('ol[aria-label="Prompts in Beta"]')!, { childList: true });
    });

    await dragWithKeyboard(
      page,
      page.getByRole('button', { name: 'Drag prompt One' }),
      'ArrowDown',
      2,
    );
    await expect.poll(() => promptOrder(page, 'Beta')).toEqual(['One', 'Three']);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Drag prompt One',
    );
    expect(
      await page.evaluate(() => (window as unknown as { removedCards: string[] }).removedCards),
    ).toEqual([]);
  });

  it('keeps keyboard focus on the board when a category is deleted from the keyboard', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Keyboard deletes');
    for (const title of ['First', 'Second']) await addCategory(page, title);
    await addPrompt(page, 'First', 'Inside');
    const focusedName = () =>
      page.evaluate(() => {
        const focused = document.activeElement as HTMLInputElement | null;
        return focused?.getAttribute('aria-label') ?? focused?.placeholder;
      });
    await page.getByRole('button', { name: 'Delete category First' }).focus();
    await page.keyboard.press('Enter');
    await section(page, 'First').waitFor({ state: 'detached' });
    expect(await focusedName()).toBe('Delete category Second');
    await page.keyboard.press('Enter');
    await section(page, 'Second').waitFor({ state: 'detached' });
    expect(await focusedName()).toBe('New category title');
  });

  it('says what to type when Add is pressed with an empty field, instead of doing nothing', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Empty adds');
    const field = page.getByLabel('New category title');
    await field.fill('   ');
    await page.getByRole('button', { name: 'Add category' }).click();
    await page.getByText('Type a new category title first.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('li.board-section').count()).toBe(0);
    await field.fill('Plot');
    expect(await page.getByText('Type a new category title first.').count()).toBe(0);
    await page.getByRole('button', { name: 'Add category' }).click();
    await section(page, 'Plot').waitFor();

    await section(page, 'Plot').getByRole('button', { name: 'Add prompt' }).click();
    await section(page, 'Plot').getByText('Type a new prompt title first.').waitFor();
  });

  it('keeps a category rename typed just before the browser goes back (no blur)', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Back mid edit');
    await addCategory(page, 'Draft');
    // Reach the board by in-app links, so going back is the app's own navigation.
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('link', { name: 'Prompts', exact: true }).click();
    await page.getByRole('button', { name: 'Edit Category title: Draft' }).click();
    await page.getByRole('textbox', { name: 'Category title', exact: true }).fill('People');
    // Browser back unmounts the board with the field still focused: no blur, no Enter.
    await page.evaluate(() => history.back());
    await page.waitForURL(/\/stories\/[^/]+$/);
    await page.goForward();
    await section(page, 'People').waitFor();
  });

  it('renames, describes and recolours a category, filters by tag, and undoes a delete', async () => {
    const page = await freshPage();
    const storyId = await openNewStoryBoard(page, 'Editing categories');
    await addCategory(page, 'Draft');
    await addPrompt(page, 'Draft', 'Tagged');
    await addPrompt(page, 'Draft', 'Untagged');

    await page.getByRole('button', { name: 'Edit Category title: Draft' }).click();
    await page.getByRole('textbox', { name: 'Category title', exact: true }).fill('People');
    await page.keyboard.press('Enter');
    await section(page, 'People').waitFor();
    await page.getByRole('button', { name: /Edit Description of People/ }).click();
    await page.getByRole('textbox', { name: 'Description of People' }).fill('Who wants what.');
    await page.getByRole('textbox', { name: 'Description of People' }).blur();
    await section(page, 'People').getByText('Who wants what.').waitFor();
    await page
      .getByRole('group', { name: 'Colour of People' })
      .getByRole('radio', { name: 'Green' })
      .check();
    await expect
      .poll(() => section(page, 'People').evaluate((el) => getComputedStyle(el).borderTopColor))
      .toBe('rgb(46, 125, 91)');

    await page.getByRole('link', { name: 'Tagged', exact: true }).click();
    await page.getByLabel('New tag').fill('Villain');
    await page.getByLabel('New tag').press('Enter');
    await page.getByRole('button', { name: 'Remove tag villain' }).waitFor();
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await page.getByLabel('Filter by tag').selectOption('villain');
    await expect.poll(() => promptOrder(page, 'People')).toEqual(['Tagged']);
    // The tag is removed in another tab: the filter still names it rather than "All tags".
    const other = await newPage(page.context());
    await other.goto(page.url());
    await other.getByRole('link', { name: 'Tagged', exact: true }).click();
    await other.getByRole('button', { name: 'Remove tag villain' }).click();
    await page
      .getByRole('option', { name: 'villain (no prompts left)' })
      .waitFor({ state: 'attached' });
    await expect(page.getByLabel('Filter by tag').inputValue()).resolves.toBe('villain');
    await other.close();
    await page.getByLabel('Filter by tag').selectOption('');
    await expect.poll(() => promptOrder(page, 'People')).toEqual(['Tagged', 'Untagged']);
    await expect(page.getByRole('option', { name: /no prompts left/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Delete category People' }).click();
    await section(page, 'People').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await section(page, 'People').waitFor();
    expect(await promptOrder(page, 'People')).toEqual(['Tagged', 'Untagged']);
  });

  it('keeps a category of 2,000 prompts virtualized (few DOM nodes) and reorders it with the buttons', async () => {
    const page = await freshPage();
    const storyId = await openNewStoryBoard(page, 'Big');
    await addCategory(page, 'Many');
    await addPrompt(page, 'Many', 'Seed prompt');
    const categoryId = await section(page, 'Many').getAttribute('data-category-id');
    await page.evaluate(
      async ({ storyId, categoryId }) => {
        // Raw IndexedDB rows (the board only reads rows; the outbox does not matter here).
        const open = indexedDB.open('story-prompts');
        const idb: IDBDatabase = await new Promise((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = idb.transaction('prompts', 'readwrite');
        const now = new Date().toISOString();
        for (let i = 0; i < 2000; i++) {
          tx.objectStore('prompts').put({
            id: crypto.randomUUID(),
            story_id: storyId,
            category_id: categoryId,
            title: `Bulk ${String(i).padStart(4, '0')}`,
            details: 'x'.repeat(500),
            action_steps: [],
            files: [],
            tags: [],
            position: `b${String(i).padStart(5, '0')}`,
            created_at: now,
            updated_at: now,
            deleted: false,
          });
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        idb.close();
      },
      { storyId, categoryId },
    );
    await page.reload();
    await page.getByRole('region', { name: /Prompts in Many, 2,001 in all/ }).waitFor();
    const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
    expect(nodes).toBeLessThan(1500);
    expect(await page.locator('.prompt-card').count()).toBeLessThan(60);
    expect(await promptOrder(page, 'Many').then((titles) => titles.slice(0, 2))).toEqual([
      'Seed prompt',
      'Bulk 0000',
    ]);

    await page.getByRole('button', { name: 'Move Bulk 0000 up' }).click();
    await expect
      .poll(() => promptOrder(page, 'Many').then((titles) => titles.slice(0, 2)))
      .toEqual(['Bulk 0000', 'Seed prompt']);

    await page.getByLabel('Filter by title').fill('Bulk 1999');
    await expect.poll(() => promptOrder(page, 'Many')).toEqual(['Bulk 1999']);
  });

  it('adds prompts typed in quick succession: none ignored, none cleared, in the order typed', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Quick adds');
    await addCategory(page, 'Scenes');
    // A slow disk: another transaction holds the prompts store for a moment, so the first add is
    // still being written while the next titles are typed and submitted.
    const diskBusy = page.evaluate(holdPromptsStore, 700);
    const field = section(page, 'Scenes').getByLabel('New prompt title');
    const titles = ['Dawn', 'Noon', 'Dusk'];
    for (const title of titles) {
      await field.fill(title);
      await field.press('Enter');
    }
    await field.fill('Midnight'); // typed, not yet submitted, while the others are written
    await diskBusy;
    await expect.poll(() => promptOrder(page, 'Scenes'), { timeout: 10_000 }).toEqual(titles);
    expect(await field.inputValue()).toBe('Midnight');
    await field.press('Enter');
    await expect.poll(() => promptOrder(page, 'Scenes')).toEqual([...titles, 'Midnight']);
    await expect.poll(() => field.inputValue()).toBe('');
  });

  it('has no serious or critical axe violations on the board', async () => {
    const page = await freshPage();
    await openNewStoryBoard(page, 'Accessible');
    await addCategory(page, 'Characters');
    await addCategory(page, 'Empty');
    await addPrompt(page, 'Characters', 'Hero');
    const report = await runAxe(page);
    expect(report.summary).toBe('');
  });
});
