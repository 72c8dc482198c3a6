// The settings page in real Chromium against the production build: the chat provider form says
// what is missing for "my own key" (base URL, API key) instead of greying its buttons out or
// saving a provider that cannot answer. Edits typed but not saved survive leaving the page.
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

async function openSettings(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  onTestFinished(() => context.close());
  const page = await newPage(context);
  await page.goto(`${baseURL}/settings`);
  await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  return page;
}

describe('chat provider settings', () => {
  it('says which of base URL and API key is missing, and saves own-key only once both are set', async () => {
    const page = await openSettings();
    const form = page.getByRole('form', { name: 'Chat provider' });
    await form.getByLabel('My own key (OpenAI-compatible)').check();
    const baseUrl = form.getByLabel('Base URL', { exact: true });
    const apiKey = form.getByLabel('API key', { exact: true });

    await baseUrl.fill('');
    await form.getByRole('button', { name: 'Save chat provider' }).click();
    await form.getByText('Enter the base URL, for example https://api.openai.com/v1').waitFor({
      timeout: 5_000,
    });
    expect(await baseUrl.evaluate((field) => field === document.activeElement)).toBe(true);

    await baseUrl.fill('http://localhost:11434/v1');
    await form.getByRole('button', { name: 'Test connection to the chat provider' }).click();
    await form.getByText(/^Enter the API key/).waitFor({ timeout: 5_000 });
    expect(await apiKey.evaluate((field) => field === document.activeElement)).toBe(true);
    await form.getByRole('button', { name: 'Save chat provider' }).click();
    expect(await form.getByText(/^Saved/).count()).toBe(0);

    await page.reload();
    await form.getByLabel('The app’s chat service').waitFor();
    expect(await form.getByLabel('The app’s chat service').isChecked()).toBe(true);

    await form.getByLabel('My own key (OpenAI-compatible)').check();
    await baseUrl.fill('http://localhost:11434/v1');
    await apiKey.fill('ollama');
    await form.getByRole('button', { name: 'Save chat provider' }).click();
    await form
      .getByText('Saved. Chats now go straight from this browser to your provider.')
      .waitFor();
    expect(await form.getByText(/^Enter the/).count()).toBe(0);
  });

  it('says a provider the browser would block is blocked, instead of blaming the connection', async () => {
    const page = await openSettings();
    const form = page.getByRole('form', { name: 'Chat provider' });
    await form.getByLabel('My own key (OpenAI-compatible)').check();
    await form.getByLabel('Base URL', { exact: true }).fill('https://api.groq.com/openai/v1');
    await form.getByLabel('API key', { exact: true }).fill('gsk-test');
    await form
      .getByText(/api\.groq\.com is blocked by the app’s security policy/)
      .waitFor({ timeout: 5_000 });
    await form.getByRole('button', { name: 'Test connection to the chat provider' }).click();
    await form.getByRole('button', { name: 'Save chat provider' }).click();
    expect(await form.getByText(/Cannot reach|^Saved/).count()).toBe(0);
  });
});

describe('sync server settings', () => {
  it('says a server the browser would block is blocked, instead of blaming the connection', async () => {
    const page = await openSettings();
    const form = page.getByRole('form', { name: 'Sync server' });
    await form.getByLabel('Supabase URL').fill('https://supabase.example.com');
    await form.getByLabel('Anon key').fill('anon');
    await form
      .getByText(/supabase\.example\.com is blocked by the app’s security policy/)
      .waitFor({ timeout: 5_000 });
    await form.getByRole('button', { name: 'Test connection to the sync server' }).click();
    await form.getByRole('button', { name: 'Save sync server' }).click();
    expect(await form.getByText(/Cannot reach|^Saved/).count()).toBe(0);
  });
});

describe('unsaved settings', () => {
  it('offers back edits typed but not saved after the writer left, and keeps no API key in localStorage', async () => {
    const page = await openSettings();
    const chat = page.getByRole('form', { name: 'Chat provider' });
    const sync = page.getByRole('form', { name: 'Sync server' });
    await chat.getByLabel('My own key (OpenAI-compatible)').check();
    await chat.getByLabel('Base URL', { exact: true }).fill('http://localhost:11434/v1');
    await chat.getByLabel('API key', { exact: true }).fill('sk-unsaved-secret');
    await sync.getByLabel('Supabase URL').fill('http://127.0.0.1:54321');

    // Leave within the app (the writer clicks the brand link), then come back.
    await page.getByRole('link', { name: 'Story Prompts' }).click();
    await page
      .getByRole('heading', { name: 'Settings', exact: true })
      .waitFor({ state: 'detached' });
    await page.goto(`${baseURL}/settings`);
    await chat.getByText(/You left this form with changes you had not saved/).waitFor();
    expect(await chat.getByText('sk-unsaved-secret').count()).toBe(0);
    expect(await chat.getByLabel('The app’s chat service').isChecked()).toBe(true);
    await chat.getByRole('button', { name: 'Put it back' }).click();
    expect(await chat.getByLabel('Base URL', { exact: true }).inputValue()).toBe(
      'http://localhost:11434/v1',
    );
    expect(await chat.getByLabel('API key', { exact: true }).inputValue()).toBe(
      'sk-unsaved-secret',
    );
    await sync.getByText(/You left this form with changes you had not saved/).waitFor();
    await sync.getByRole('button', { name: 'Put it back' }).click();
    expect(await sync.getByLabel('Supabase URL').inputValue()).toBe('http://127.0.0.1:54321');

    const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(local).not.toContain('sk-unsaved-secret');

    // Saved, nothing is offered back any more.
    await chat.getByRole('button', { name: 'Save chat provider' }).click();
    await chat.getByText(/^Saved\./).waitFor();
    await sync.getByRole('button', { name: 'Save sync server' }).click();
    await sync.getByText(/^Saved/).waitFor();
    await page.reload();
    await chat.getByLabel('API key', { exact: true }).waitFor();
    expect(await chat.getByLabel('API key', { exact: true }).inputValue()).toBe(
      'sk-unsaved-secret',
    );
    expect(await page.getByText(/You left this form/).count()).toBe(0);
  });
});

describe('settings buttons', () => {
  it('names each form’s Save and Test connection buttons apart, while showing the same words', async () => {
    const page = await openSettings();
    const names = [
      'Save chat provider',
      'Test connection to the chat provider',
      'Save sync server',
      'Test connection to the sync server',
    ];
    await page.getByRole('button', { name: names[0], exact: true }).waitFor();
    await page.getByRole('button', { name: names[2], exact: true }).waitFor();
    for (const name of names)
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Test connection', exact: true }).count()).toBe(
      0,
    );
    const shown = await page
      .getByRole('button', { name: /^(Save|Test connection)/ })
      .evaluateAll((buttons) =>
        // The words a sighted writer sees: text not inside a 1-pixel, visually hidden box.
        buttons.map((button) => {
          const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
          let text = '';
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            if (node.parentElement!.getBoundingClientRect().width > 1) text += node.textContent;
          return text.trim();
        }),
      );
    expect(shown.sort()).toEqual(['Save', 'Save', 'Test connection', 'Test connection']);
    expect((await runAxe(page)).summary).toBe('');
  });
});

describe('settings in two tabs', () => {
  it('a form follows settings saved in another tab, and says so instead of overwriting them over unsaved edits', async () => {
    const a = await openSettings();
    const b = await newPage(a.context());
    await b.goto(`${baseURL}/settings`);
    const formA = a.getByRole('form', { name: 'Sync server' });
    const formB = b.getByRole('form', { name: 'Sync server' });
    await formB.getByLabel('Supabase URL').waitFor();

    await formA.getByLabel('Supabase URL').fill('http://127.0.0.1:54321');
    await formA.getByRole('button', { name: 'Save sync server' }).click();
    await formA.getByText(/^Saved/).waitFor();
    await expect
      .poll(() => formB.getByLabel('Supabase URL').inputValue(), { timeout: 5_000 })
      .toBe('http://127.0.0.1:54321');

    const chatA = a.getByRole('form', { name: 'Chat provider' });
    await chatA.getByLabel('My own key (OpenAI-compatible)').check();
    await chatA.getByLabel('API key', { exact: true }).fill('sk-from-tab-a');
    await chatA.getByRole('button', { name: 'Save chat provider' }).click();
    await chatA.getByText(/^Saved\./).waitFor();
    const chatB = b.getByRole('form', { name: 'Chat provider' });
    await expect
      .poll(() => chatB.getByLabel('API key', { exact: true }).inputValue(), { timeout: 5_000 })
      .toBe('sk-from-tab-a');

    // Unsaved edits in B are not replaced, and B says the settings changed underneath.
    await formB.getByLabel('Anon key').fill('anon-typed-in-b');
    await formA.getByLabel('Supabase URL').fill('http://localhost:54321');
    await formA.getByRole('button', { name: 'Save sync server' }).click();
    await formB.getByText(/saved in another tab or window after you began editing here/).waitFor();
    expect(await formB.getByLabel('Supabase URL').inputValue()).toBe('http://127.0.0.1:54321');
    expect(await formB.getByLabel('Anon key').inputValue()).toBe('anon-typed-in-b');
    expect(await a.getByText(/saved in another tab/).count()).toBe(0);

    await formB.getByRole('button', { name: 'Show the saved settings' }).click();
    expect(await formB.getByLabel('Supabase URL').inputValue()).toBe('http://localhost:54321');
    expect(await formB.getByLabel('Anon key').inputValue()).toBe('');
    expect(await b.getByText(/saved in another tab/).count()).toBe(0);
  });
});
