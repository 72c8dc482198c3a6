// Helpers of the chat e2e tests: a production server of our own (the built app + the API with
// its provider pointed at the OpenAI-compatible stub, behind the same security headers as
// `npm start`), and UI steps shared by the chat scenarios.
import { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { apiConfigFromEnv, createApi, securityHeaders } from '../../src/api/index.ts';
import { createServerApp, startServer } from '../../scripts/serve-app.ts';
import type { RunningServer } from '../../scripts/serve-app.ts';
import type { OpenAiStub } from '../support/openai-stub';

export const SERVER_KEY = 'sk-server-side-e2e-4f9c2a7d1b';

export async function startChatServer(
  distDir: string,
  stub: OpenAiStub,
): Promise<{ server: RunningServer; close: () => Promise<void> }> {
  // Local-only mode (no Supabase): the chat routes answer loopback callers without sign-in.
  const api = createApi(
    apiConfigFromEnv({
      OPENAI_API_KEY: SERVER_KEY,
      OPENAI_BASE_URL: stub.url,
      RATE_LIMIT_BURST: '200',
      BREAKER_FAILURE_THRESHOLD: '50',
    }),
  );
  const app = new Hono();
  app.use('*', securityHeaders());
  app.route('/', createServerApp({ distDir, api: api.routes }));
  const server = await startServer(app, 0);
  return {
    server,
    close: async () => {
      await server.close();
      await api.close();
    },
  };
}

export interface StorySetup {
  storyId: string;
}

/** A story with categories "Characters" and "Plot" and a prompt "Motive" (details given) in Characters. */
export async function createStoryWithPrompt(
  page: Page,
  baseURL: string,
  title: string,
  details: string,
): Promise<StorySetup> {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('New story title').fill(title);
  await page.getByRole('button', { name: 'Create story' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/stories\/[^/]+$/);
  const storyId = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`${baseURL}/stories/${storyId}/prompts`);
  for (const category of ['Characters', 'Plot']) {
    await page.getByLabel('New category title').fill(category);
    await page.getByRole('button', { name: 'Add category' }).click();
    await page
      .getByRole('button', { name: `Edit Category title: ${category}`, exact: true })
      .waitFor();
  }
  await page.getByLabel('New prompt title').first().fill('Motive');
  await page.getByRole('button', { name: 'Add prompt' }).first().click();
  await page.getByRole('link', { name: 'Motive', exact: true }).click();
  await page.getByLabel('Details').fill(details);
  await page.getByText('All changes saved').waitFor({ timeout: 5_000 });
  return { storyId };
}

export async function openNewChat(page: Page, baseURL: string, storyId: string): Promise<void> {
  await page.goto(`${baseURL}/chats/new?story=${storyId}`);
  await page.getByRole('heading', { name: 'New chat' }).waitFor();
}

export function composer(page: Page) {
  return page.getByRole('textbox', { name: 'Message', exact: true });
}

export async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await page.getByRole('button', { name: /^(Send|Queue)$/ }).click();
}

export function replies(page: Page) {
  return page
    .getByRole('log', { name: 'Messages' })
    .locator('article.chat-message--assistant:not(.chat-message--streaming)');
}

/** Every IndexedDB store of the app except the device-local settings, as one JSON string. */
export function dumpSyncedData(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const open = indexedDB.open('story-prompts');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames].filter((name) => name !== 'settings');
    const tx = db.transaction(names, 'readonly');
    const dump: Record<string, unknown[]> = {};
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              dump[name] = request.result;
              resolve();
            };
          }),
      ),
    );
    db.close();
    return JSON.stringify(dump);
  });
}
