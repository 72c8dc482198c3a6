// Managing personas (from the chat's "Manage personas") in real Chromium against the production
// build: a temperature left empty is refused with its message, never saved as 0; a persona being
// written survives closing the manager and a reload until it is saved or cancelled.
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

async function openManager(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  onTestFinished(() => context.close());
  // The test server has no chat provider: the chat screen's model list gets a 503.
  const page = await newPage(context, { allowConsoleErrors: [/status of 503/] });
  await page.goto(`${baseURL}/chats/new`);
  await page.getByRole('button', { name: 'Manage personas' }).click();
  return page;
}

describe('persona form', () => {
  it('refuses an empty temperature instead of saving it as 0', async () => {
    const page = await openManager();
    await page.getByRole('button', { name: 'New persona' }).click();
    const form = page.getByRole('form', { name: 'Create persona' });
    await form.getByLabel('Persona name').fill('Line editor');
    await form.getByLabel('Temperature').fill('');
    await form.getByRole('button', { name: 'Create persona' }).click();
    await form
      .getByRole('alert')
      .getByText('Temperature is a number from 0')
      .waitFor({ timeout: 5_000 });
    expect(await form.getByLabel('Persona name').inputValue()).toBe('Line editor');

    await form.getByLabel('Temperature').fill('0.9');
    await form.getByRole('button', { name: 'Create persona' }).click();
    await page.getByRole('button', { name: 'Edit Line editor' }).click();
    expect(await page.getByLabel('Temperature').inputValue()).toBe('0.9');
  });

  it('keeps a persona being written when the manager is closed or the page reloaded', async () => {
    const page = await openManager();
    await page.getByRole('button', { name: 'New persona' }).click();
    const form = page.getByRole('form', { name: 'Create persona' });
    await form.getByLabel('Persona name').fill('Noir mentor');
    await form
      .getByLabel('System prompt')
      .fill('You speak like a tired detective. Long rules follow.');
    await page
      .getByRole('region', { name: 'Manage personas' })
      .getByRole('button', { name: 'Close' })
      .click();

    await page.getByRole('button', { name: 'Manage personas' }).click();
    await page.getByRole('button', { name: 'New persona' }).click();
    expect(await form.getByLabel('Persona name').inputValue()).toBe('Noir mentor');
    expect(await form.getByLabel('System prompt').inputValue()).toBe(
      'You speak like a tired detective. Long rules follow.',
    );

    await page.reload();
    await page.getByRole('button', { name: 'Manage personas' }).click();
    await page.getByRole('button', { name: 'New persona' }).click();
    expect(await form.getByLabel('Persona name').inputValue()).toBe('Noir mentor');

    // Created: the next new persona starts blank. Cancel discards on purpose.
    await form.getByRole('button', { name: 'Create persona' }).click();
    await page.getByRole('button', { name: 'Edit Noir mentor' }).waitFor();
    await page.getByRole('button', { name: 'New persona' }).click();
    expect(await form.getByLabel('Persona name').inputValue()).toBe('');
    await form.getByLabel('Persona name').fill('Thrown away');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'New persona' }).click();
    expect(await form.getByLabel('Persona name').inputValue()).toBe('');
  });
});
