// Helpers for the sync end-to-end tests: point a device at the stand-in through the settings
// screen, create or sign in to an account, wait for the indicator, read rows straight from the
// page's IndexedDB, and build a story with prompts through the UI.
import type { Page } from 'playwright-core';

export async function configureServer(
  page: Page,
  baseURL: string,
  url: string,
  anonKey: string,
): Promise<void> {
  await page.goto(`${baseURL}/settings`);
  const form = page.getByRole('form', { name: 'Sync server' });
  await form.getByLabel('Supabase URL').fill(url);
  await form.getByLabel('Anon key').fill(anonKey);
  await form.getByRole('button', { name: 'Save sync server', exact: true }).click();
  await form.getByText(/^Saved\./).waitFor();
}

export async function signUp(
  page: Page,
  baseURL: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseURL}/account`);
  await page.getByRole('button', { name: 'New here? Create an account' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await page.getByText('Signed in as').waitFor();
}

export async function signIn(
  page: Page,
  baseURL: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseURL}/account`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText('Signed in as').waitFor();
}

/** Waits until the indicator says "Synced" (nothing pending) or shows the given phase. */
export async function waitForPhase(
  page: Page,
  phase: 'synced' | 'offline',
  timeout = 30_000,
): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const indicator = document.querySelector('.sync-indicator');
      const label = indicator?.querySelector('.sync-indicator__label')?.textContent ?? '';
      if (wanted === 'offline') return indicator?.getAttribute('data-phase') === 'offline';
      return indicator?.getAttribute('data-phase') === 'idle' && label.startsWith('Synced');
    },
    phase,
    { timeout },
  );
}

export async function isLeader(page: Page): Promise<boolean> {
  return (await page.locator('.sync-indicator').getAttribute('data-leader')) === 'true';
}

export interface StoredRow {
  id: string;
  title: string;
  details?: string;
  deleted: boolean;
}

/** Rows of one table of the page's IndexedDB, sorted by id (what this device holds). */
export function readRows(page: Page, table: 'stories' | 'prompts'): Promise<StoredRow[]> {
  return page.evaluate(
    (name) =>
      new Promise<StoredRow[]>((resolve, reject) => {
        const open = indexedDB.open('story-prompts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            const rows = (request.result as StoredRow[]).map(({ id, title, details, deleted }) => ({
              id,
              title,
              details,
              deleted,
            }));
            resolve(rows.sort((a, b) => a.id.localeCompare(b.id)));
          };
        };
      }),
    table,
  );
}

/** A story with one category and the given prompts (each with its details), via the UI. */
export async function createStoryWithPrompts(
  page: Page,
  baseURL: string,
  storyTitle: string,
  prompts: Record<string, string>,
): Promise<{ boardUrl: string }> {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('New story title').fill(storyTitle);
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: storyTitle, exact: true }).click();
  await page.waitForURL(/\/stories\/[^/]+$/);
  const boardUrl = `${page.url()}/prompts`;
  await page.goto(boardUrl);
  await page.getByLabel('New category title').fill('Scenes');
  await page.getByRole('button', { name: 'Add category' }).click();
  for (const [title, details] of Object.entries(prompts)) {
    await page.getByLabel('New prompt title').first().fill(title);
    await page.getByRole('button', { name: 'Add prompt' }).first().click();
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByLabel('Details').fill(details);
    await page.getByText('All changes saved').waitFor();
    await page.goto(boardUrl);
  }
  return { boardUrl };
}

/** Opens a prompt from its board with in-app navigation only (works offline). */
export async function openPromptFromBoard(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Prompts', exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByLabel('Details').waitFor();
}

export async function editPrompt(
  page: Page,
  fields: { title?: string; details?: string },
): Promise<void> {
  if (fields.title !== undefined)
    await page.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.details !== undefined) await page.getByLabel('Details').fill(fields.details);
  await page.getByText('All changes saved').waitFor();
}
