// The AI chat in real Chromium against the production build and a local OpenAI-compatible stub
// (real HTTP, SSE), through both providers: the app's server (/api/chat/messages) and
// bring-your-own-key (the openai SDK calling the stub straight from the browser).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, newPage, runAxe } from '../support/browser';
import { startOpenAiStub } from '../support/openai-stub';
import type { OpenAiStub } from '../support/openai-stub';
import {
  composer,
  createStoryWithPrompt,
  dumpSyncedData,
  openNewChat,
  replies,
  send,
  SERVER_KEY,
  startChatServer,
} from './chat-support';
import { seedLongChat } from '../../scripts/bench/chat-ui-pages';
import { FALLBACK_MODEL } from '../../src/platform/chat-providers/provider-settings';

const distDir = inject('distDir');
const BYOK_KEY = 'sk-byok-writer-e2e-93d1c0ffee42';
const NETWORK_ERRORS = [/Failed to load resource/, /ERR_INTERNET_DISCONNECTED/, /Failed to fetch/];

let browser: Browser;
let stub: OpenAiStub;
let baseURL: string;
let closeServer: () => Promise<void>;

beforeAll(async () => {
  stub = await startOpenAiStub();
  const running = await startChatServer(distDir, stub);
  baseURL = running.server.url;
  closeServer = running.close;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeServer?.();
  await stub?.stop();
});

async function freshPage(): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  onTestFinished(() => context.close());
  return { page: await newPage(context, { allowConsoleErrors: NETWORK_ERRORS }), context };
}

async function useOwnKey(page: Page): Promise<void> {
  await page.goto(`${baseURL}/settings`);
  const form = page.getByRole('form', { name: 'Chat provider' });
  await form.getByLabel('My own key (OpenAI-compatible)').check();
  await form.getByLabel('Base URL').fill(stub.url);
  await form.getByLabel('API key').fill(BYOK_KEY);
  await form.getByRole('button', { name: 'Save chat provider' }).click();
  await form
    .getByText('Saved. Chats now go straight from this browser to your provider.')
    .waitFor();
  await form.getByRole('button', { name: 'Test connection to the chat provider' }).click();
  await form
    .getByText(`Connected to ${new URL(stub.url).host}: your key works and 2 models are available.`)
    .waitFor();
}

const lastChatBody = () => stub.chatRequests().at(-1)!.body!;

describe.each(['app server', 'own key'] as const)('chat through the %s', (provider) => {
  it('sends a filled prompt from its preview with the chosen persona and model, streams it, and saves the reply as a prompt', async () => {
    const { page } = await freshPage();
    if (provider === 'own key') await useOwnKey(page);
    const { storyId } = await createStoryWithPrompt(
      page,
      baseURL,
      'Salt Roads',
      'Write about {{story.title}} and {{hero}}.',
    );
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    await page.getByLabel('hero').fill('Mara');
    await page.getByRole('link', { name: 'Send to chat' }).click();
    await page.getByRole('heading', { name: 'New chat' }).waitFor();
    expect(await composer(page).inputValue()).toBe('Write about Salt Roads and Mara.');
    await page.getByText(/^~\d+ tokens with this message$/).waitFor();

    await page.getByLabel('Persona').selectOption({ label: 'Developmental editor' });
    const model = page.getByRole('combobox', { name: 'Model' });
    await expect.poll(() => model.inputValue()).toBe('stub-large');
    await model.fill('stub-small');
    await model.press('Enter');
    stub.setBehaviour({
      reply:
        '## Lighthouse keeper\n\nMara wants the light back on, because ' +
        'the sea remembers. '.repeat(15),
      chunkDelayMs: 40,
    });
    await page.getByRole('button', { name: 'Send' }).click();

    const streaming = page.getByRole('article', { name: 'Developmental editor is replying' });
    await streaming.getByText(/Mara wants/).waitFor();
    await replies(page).getByText('the sea remembers.', { exact: false }).first().waitFor();
    await expect.poll(() => streaming.count()).toBe(0);
    expect(page.url()).toMatch(/\/chats\/[0-9a-f-]{36}$/);
    const body = lastChatBody();
    expect(body.model).toBe('stub-small');
    expect(body.messages?.[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('developmental editor'),
    });
    expect(body.messages?.at(-1)).toEqual({
      role: 'user',
      content: 'Write about Salt Roads and Mara.',
    });
    const sent = stub.chatRequests().at(-1)!;
    expect(sent.headers.authorization).toBe(
      provider === 'own key' ? `Bearer ${BYOK_KEY}` : `Bearer ${SERVER_KEY}`,
    );
    // A browser call carries the page's Origin; the server's own call does not.
    expect(sent.headers.origin).toBe(provider === 'own key' ? baseURL : undefined);

    await replies(page).last().getByRole('button', { name: 'Save as prompt' }).click();
    const panel = page.getByRole('form', { name: 'Save as prompt' });
    await panel.getByLabel('Category').selectOption({ label: 'Plot' });
    expect(await panel.getByLabel('Prompt title').inputValue()).toBe('Lighthouse keeper');
    await panel.getByRole('button', { name: 'Save prompt' }).click();
    await page.getByText('Saved as a prompt in Plot').waitFor();
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    const plot = page
      .locator('section', { has: page.getByRole('heading', { name: /Plot/ }) })
      .last();
    await plot.getByRole('link', { name: 'Lighthouse keeper', exact: true }).waitFor();
    await page.goto(`${baseURL}/stories/${storyId}/chats`);
    await page.getByRole('link', { name: 'Write about Salt Roads and Mara.' }).waitFor();
  });

  it('stops a reply keeping what arrived, regenerates, and adds list items as action steps', async () => {
    const { page } = await freshPage();
    if (provider === 'own key') await useOwnKey(page);
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Tides', 'Plan the storm.');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'word '.repeat(200), chunkDelayMs: 50 });
    await send(page, 'Give me a long answer');
    await page
      .getByRole('article', { name: 'Assistant is replying' })
      .getByText(/word word/)
      .waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await replies(page).first().waitFor();
    const partial = (await replies(page).first().locator('.chat-markdown').textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan('word '.repeat(200).trim().length);
    await expect.poll(() => stub.chatRequests().at(-1)!.aborted).toBe(true);

    stub.setBehaviour({
      reply:
        'Steps:\n\n1. Draft the storm\n2. Name the ship\n   - [ ] Check the **tide** tables\n\n```\n- not a step\n```',
    });
    await replies(page).first().getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => replies(page).count()).toBe(2);
    await replies(page).last().getByRole('button', { name: 'Add as action steps' }).click();
    const panel = page.getByRole('form', { name: 'Add as action steps' });
    await panel.getByText('3 list items will become steps.').waitFor();
    await panel.getByLabel('Prompt').selectOption({ label: 'Motive' });
    await panel.getByRole('button', { name: 'Add steps' }).click();
    await page.getByText('3 action steps added').waitFor();
    await page.goto(`${baseURL}/stories/${storyId}/prompts`);
    await page.getByRole('link', { name: 'Motive', exact: true }).click();
    for (const step of ['Draft the storm', 'Name the ship', 'Check the tide tables'])
      await page.getByRole('checkbox', { name: step, exact: true }).waitFor();
  });

  it('queues a message written offline, cancels one, and sends the other when back online', async () => {
    const { page, context } = await freshPage();
    if (provider === 'own key') await useOwnKey(page);
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Night train', 'x');
    await openNewChat(page, baseURL, storyId);
    await page.getByRole('combobox', { name: 'Model' }).fill('stub-large');
    await context.setOffline(true);
    stub.setBehaviour({ reply: 'Answered after reconnecting.' });
    await send(page, 'Written on the train');
    await page.waitForURL(/\/chats\/[0-9a-f-]{36}$/);
    await page.getByText('Queued — will send when online').waitFor();
    await send(page, 'Second thought, to cancel');
    await expect.poll(() => page.getByText('Queued — will send when online').count()).toBe(2);
    await page
      .getByRole('article', { name: 'You said' })
      .last()
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expect.poll(() => composer(page).inputValue()).toBe('Second thought, to cancel');
    await expect.poll(() => page.getByText('Queued — will send when online').count()).toBe(1);
    const before = stub.chatRequests().length;

    await context.setOffline(false);
    await replies(page).getByText('Answered after reconnecting.').waitFor();
    await expect.poll(() => page.getByText('Queued — will send when online').count()).toBe(0);
    expect(stub.chatRequests().length).toBe(before + 1);
    expect(lastChatBody().messages?.at(-1)).toEqual({
      role: 'user',
      content: 'Written on the train',
    });
  });

  it('shows the provider’s failure with its message and loses nothing; a cut reply keeps its words', async () => {
    const { page } = await freshPage();
    if (provider === 'own key') await useOwnKey(page);
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Storms', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ failWith: provider === 'own key' ? 429 : 503 });
    await send(page, 'Will this fail?');
    const expected =
      provider === 'own key'
        ? 'The provider is rate limiting us: try again in a moment.'
        : 'The chat service is unavailable right now. Your message is kept: try again shortly.';
    await page.getByRole('alert').filter({ hasText: expected }).waitFor();
    const mine = page.getByRole('article', { name: 'You said' });
    await mine.getByText('Not sent.').waitFor();
    expect(await mine.getByText('Will this fail?').count()).toBe(1);

    stub.setBehaviour({ reply: 'It worked on retry.' });
    await mine.getByRole('button', { name: 'Retry' }).click();
    await replies(page).getByText('It worked on retry.').waitFor();
    expect(await mine.getByText('Not sent.').count()).toBe(0);

    stub.setBehaviour({
      reply: 'one two three four five six',
      cutAfterChunks: 3,
      chunkDelayMs: 20,
    });
    await send(page, 'And now a cut');
    await page.getByText('The reply was cut off: what arrived is kept.').waitFor();
    // What reached the page is kept. (Through the SDK, a chunk still in the socket buffer when
    // the connection dies can be lost with it, so the kept text is a prefix of what was sent.)
    const kept = (await replies(page).last().locator('.chat-markdown').textContent()) ?? '';
    expect(kept).toMatch(/^one two( three)?$/);
  });
});

/** The content of a chat's oldest message, read straight from IndexedDB. */
function firstMessageOf(page: Page, chatId: string): Promise<string> {
  return page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('story-prompts');
        open.onsuccess = () => {
          const index = open.result
            .transaction('messages')
            .objectStore('messages')
            .index('[chat_id+created_at]');
          const request = index.openCursor(IDBKeyRange.bound([id, ''], [id, '\uffff']));
          request.onsuccess = () => resolve(request.result!.value.content as string);
        };
      }),
    chatId,
  );
}

/** Scrolls the log to its top until the chat's very first message is the first row. */
async function expectToReachFirst(log: Locator, first: string): Promise<void> {
  await expect
    .poll(
      () =>
        log.evaluate(async (element) => {
          // Read after the scroll has been rendered; each page read moves the view down again.
          element.scrollTop = 0;
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          return element.querySelector('.chat-log__row[data-index="0"]')?.textContent ?? '';
        }),
      { timeout: 15_000 },
    )
    .toContain(first.slice(0, 60));
}

/**
 * Prefixes `words` to the message at `position` (oldest first) of a chat seeded straight into
 * IndexedDB, with a new updated_at like any edit; returns the message's id.
 */
function markOldMessage(
  page: Page,
  chatId: string,
  position: number,
  words: string,
): Promise<string> {
  return page.evaluate(
    ({ id, position, words }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('story-prompts');
        open.onsuccess = () => {
          const tx = open.result.transaction('messages', 'readwrite');
          const index = tx.objectStore('messages').index('[chat_id+created_at]');
          const request = index.openCursor(IDBKeyRange.bound([id, ''], [id, '\uffff']));
          let skipped = position === 0;
          let marked = '';
          request.onsuccess = () => {
            const cursor = request.result!;
            if (!skipped) {
              skipped = true;
              cursor.advance(position);
              return;
            }
            const row = cursor.value as { id: string; content: string; updated_at: string };
            marked = row.id;
            cursor.update({
              ...row,
              content: `${words} ${row.content}`,
              updated_at: new Date().toISOString(),
            });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(marked);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { id: chatId, position, words },
  );
}

/** Whether the row holding `text` is wholly inside the log's visible area. */
function whollyInView(log: Locator, text: string): Promise<boolean> {
  return log.evaluate((element, wanted) => {
    const view = element.getBoundingClientRect();
    const row = [...element.querySelectorAll<HTMLElement>('.chat-log__row')].find((candidate) =>
      candidate.textContent?.includes(wanted),
    );
    const rect = row?.getBoundingClientRect();
    return !!rect && rect.height > 0 && rect.top >= view.top && rect.bottom <= view.bottom;
  }, text);
}

/** Whether keyboard focus is on the message holding `text`. */
function focusIsOn(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    (wanted) =>
      document.activeElement?.matches('.chat-log__row > article') === true &&
      (document.activeElement.textContent ?? '').includes(wanted),
    text,
  );
}

/** A fresh page whose database holds a 700-message chat ending in 'END-OF-LONG-CHAT'. */
async function pageWithLongChat() {
  const { page, context } = await freshPage();
  // The seeding function is shared with the B18 bench; tsx-style name helpers may wrap it.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await page.goto(`${baseURL}/`);
  await page.getByLabel('New story title').waitFor();
  const chatId = await page.evaluate(seedLongChat, { count: 700, marker: 'END-OF-LONG-CHAT' });
  return { page, chatId };
}

describe('a long chat', () => {
  it('opens at its end with only the newest messages read, and reads older ones as the writer scrolls up, keeping the text in view', async () => {
    const { page, chatId } = await pageWithLongChat();
    await page.goto(`${baseURL}/chats/${chatId}`);
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('END-OF-LONG-CHAT').waitFor();
    expect(await log.locator('.chat-log__row').count()).toBeLessThan(30);

    // Scroll up step by step like a reader: once older messages are asked for, they arrive
    // above, and the messages on screen just before stay on screen.
    await log.evaluate((element) => (element.scrollTop = 2_500));
    const rowsInView = () =>
      log.evaluate((element) => {
        const view = element.getBoundingClientRect();
        const rows = [...element.querySelectorAll<HTMLElement>('.chat-log__row')];
        const inView = rows.filter((row) => {
          const rect = row.getBoundingClientRect();
          return rect.bottom > view.top && rect.top < view.bottom;
        });
        return {
          texts: inView.map((row) => row.textContent),
          firstIndex: Math.min(...rows.map((row) => Number(row.dataset.index))),
        };
      });
    await expect.poll(async () => (await rowsInView()).texts.length).toBeGreaterThan(0);
    const startIndex = (await rowsInView()).firstIndex;
    let reading = await rowsInView();
    for (let step = 0; step < 25; step++) {
      reading = await rowsInView();
      await log.evaluate((element) => (element.scrollTop -= 150));
      await page.waitForTimeout(150);
      if ((await rowsInView()).firstIndex > startIndex + 100) break;
    }
    await expect
      .poll(async () => (await rowsInView()).firstIndex)
      .toBeGreaterThan(startIndex + 100);
    const after = await rowsInView();
    expect(after.texts.filter((text) => reading.texts.includes(text)).length).toBeGreaterThan(0);

    // Up to the very first message.
    const first = await firstMessageOf(page, chatId);
    await expectToReachFirst(log, first);
  });

  it('opens at an old message from a link and from the search palette, then pages older ones above it', async () => {
    const { page, chatId } = await pageWithLongChat();
    // 580 messages from the end: beyond the first window (60) and the next two pages (200).
    const words = 'Quillfeather zephyrine vow';
    const messageId = await markOldMessage(page, chatId, 120, words);
    const log = page.getByRole('log', { name: 'Messages' });

    await page.goto(`${baseURL}/chats/${chatId}?message=${messageId}`);
    await expect.poll(() => whollyInView(log, words), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => focusIsOn(page, words)).toBe(true);
    expect(await log.locator('.chat-message--found').textContent()).toContain(words);
    // It stays there: nothing snaps the view back to the end once the rows are measured.
    await page.waitForTimeout(500);
    expect(await whollyInView(log, words)).toBe(true);
    expect(await log.getByText('END-OF-LONG-CHAT').count()).toBe(0);
    // Older messages still arrive above it as the writer scrolls up.
    await expectToReachFirst(log, await firstMessageOf(page, chatId));

    // An unknown message: a word on it, and the chat opens at its end as usual.
    await page.goto(`${baseURL}/chats/${chatId}?message=${crypto.randomUUID()}`);
    await page.getByText('That message is no longer in this chat.').waitFor();
    await expect.poll(() => whollyInView(log, 'END-OF-LONG-CHAT')).toBe(true);

    // From the search palette, while the same chat is open at its end.
    await page.goto(`${baseURL}/chats/${chatId}`);
    await log.getByText('END-OF-LONG-CHAT').waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search' });
    await palette
      .getByRole('combobox', { name: 'Search stories, prompts and chats' })
      .fill('quillfeather zephyrine');
    const hit = palette.getByRole('option', { name: /Quillfeather/ });
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseURL}/chats/${chatId}?message=${messageId}`);
    await expect.poll(() => whollyInView(log, words), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => focusIsOn(page, words)).toBe(true);
  });
});

describe('chat safety', () => {
  it('has no serious or critical axe violations on the chat window, the chats list and the settings', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Axe', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: '## Title\n\n- a list\n\n`code`' });
    await send(page, 'Hello');
    await replies(page).getByText('a list').waitFor();
    await replies(page).last().getByRole('button', { name: 'Save as prompt' }).click();
    await page.getByLabel('Persona').selectOption({ label: 'Critic' });
    await page.getByRole('button', { name: 'Manage personas' }).click();
    await page.getByRole('button', { name: 'Copy Critic' }).click();
    await page.getByRole('form', { name: 'Save Critic (copy)' }).waitFor();
    expect((await runAxe(page)).summary).toBe('');
    await page.goto(`${baseURL}/stories/${storyId}/chats`);
    await page.getByRole('link', { name: 'Hello' }).waitFor();
    expect((await runAxe(page)).summary).toBe('');
    await page.goto(`${baseURL}/settings`);
    await page
      .getByRole('form', { name: 'Chat provider' })
      .getByLabel('My own key (OpenAI-compatible)')
      .check();
    expect((await runAxe(page)).summary).toBe('');
  });

  it('heads an existing chat’s page with its title, still editable in place', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Headings', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'Fine.' });
    await send(page, 'Where the river bends');
    await replies(page).first().waitFor();
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toContain('Where the river bends');
    await heading.getByRole('button', { name: /^Edit Chat title/ }).click();
    await page.getByRole('textbox', { name: 'Chat title' }).fill('The bend');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toContain('The bend');
  });

  it('never runs script from a markdown reply', async () => {
    const { page } = await freshPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'XSS', 'x');
    await openNewChat(page, baseURL, storyId);
    const payload = [
      'Hello <script>window.__xss = 1; alert(1)</script>',
      '<img src=x onerror="window.__xss = 2; alert(2)">',
      '[click me](javascript:window.__xss=3)',
      '<svg onload="window.__xss = 4; alert(4)"><circle r="4"/></svg>',
      '<a href="javascript:alert(5)">raw link</a> and <iframe src="javascript:alert(6)"></iframe>',
      '| a | b |\n|---|---|\n| <img src=y onerror=alert(7)> | ok |',
    ].join('\n\n');
    stub.setBehaviour({ reply: payload, chunks: 25, chunkDelayMs: 10 });
    await send(page, 'Show me markup');
    await replies(page).getByText('click me').waitFor();
    await page.waitForTimeout(300);
    const log = page.getByRole('log', { name: 'Messages' });
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await log.locator('script, iframe, svg [onload], [onerror], [onload]').count()).toBe(0);
    const hrefs = await log
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    await replies(page).getByText('click me').click();
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
  });

  it('keeps the own key out of the synced tables and the outbox, and no key is in the bundle', async () => {
    const { page } = await freshPage();
    await useOwnKey(page);
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Keys', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'Fine.' });
    await send(page, 'Hello');
    await replies(page).getByText('Fine.').waitFor();
    const synced = await dumpSyncedData(page);
    expect(synced).toContain('"changes"');
    expect(synced).toContain('Hello');
    expect(synced).not.toContain(BYOK_KEY);

    const files = (await readdir(distDir, { recursive: true })).filter((name) =>
      /\.(js|html|json|webmanifest|map|css)$/.test(name),
    );
    for (const file of files) {
      const text = await readFile(join(distDir, file), 'utf8');
      expect(text, file).not.toContain(SERVER_KEY);
      expect(text.match(/\bsk-(proj-)?[A-Za-z0-9_-]{20,}/g) ?? [], file).toEqual([]);
      expect(text, file).not.toMatch(/VITE_OPENAI/);
    }
  });
});

describe('a reply its tab never finished', () => {
  it('offers Retry once the tab that was answering is gone, but not while another tab still answers', async () => {
    const { page, context } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Lanterns', 'x');
    await openNewChat(page, baseURL, storyId);
    const mine = (tab: Page) => tab.getByRole('article', { name: 'You said' });
    const streamingIn = (tab: Page) =>
      tab.getByRole('article', { name: 'Assistant is replying' }).getByText(/slow slow/);

    stub.setBehaviour({ reply: 'slow '.repeat(60), chunkDelayMs: 50 });
    await send(page, 'Answered while a second tab opens');
    await streamingIn(page).waitFor();
    // A tab opened mid-reply sees the message being sent by the first one: not lost.
    const second = await newPage(context, { allowConsoleErrors: NETWORK_ERRORS });
    await second.goto(page.url());
    await mine(second).getByText('Sending…').waitFor();
    await second.waitForTimeout(500);
    expect(await mine(second).getByText('Not sent.').count()).toBe(0);
    await second.close();
    await replies(page).first().waitFor();
    expect(await mine(page).getByText('Not sent.').count()).toBe(0);

    await send(page, 'Interrupted by a reload');
    await streamingIn(page).waitFor();
    await page.reload();
    const interrupted = mine(page).filter({ hasText: 'Interrupted by a reload' });
    await interrupted.getByText('Not sent.').waitFor();
    stub.setBehaviour({ reply: 'Answered on retry.' });
    await interrupted.getByRole('button', { name: 'Retry' }).click();
    await replies(page).getByText('Answered on retry.').waitFor();
    expect(await interrupted.getByText('Not sent.').count()).toBe(0);
  });
});

describe('personas', () => {
  it('can be created, edited and deleted by keyboard, focus never falling back to the page', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Voices', 'x');
    await openNewChat(page, baseURL, storyId);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element?.getAttribute('aria-label') ?? element?.textContent ?? '';
      });
    const focusedLabel = () =>
      page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent,
      );
    await page.getByRole('button', { name: 'Manage personas' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'New persona' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Persona name');
    await page.keyboard.type('Night owl');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Edit Night owl');
    expect(
      await page
        .getByLabel('Persona', { exact: true })
        .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent),
    ).toBe('Night owl');

    await page.keyboard.press('Enter');
    await expect.poll(focusedLabel).toBe('Persona name');
    await page.keyboard.press('End');
    await page.keyboard.type(' editor');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Edit Night owl editor');

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Delete Night owl editor');
    await page.keyboard.press('Enter');
    await page.getByText('Persona “Night owl editor” deleted').waitFor();
    await expect.poll(focused).toBe('New persona');
  });
});

describe('a narrow screen', () => {
  it('keeps the conversation in sight at 390 px, even with the persona manager open', async () => {
    const { page } = await freshPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Pocket', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'A reply worth reading. '.repeat(30) });
    await send(page, 'On the bus');
    await replies(page).first().waitFor();
    const log = page.getByRole('log', { name: 'Messages' });
    const logHeight = () => log.evaluate((element) => element.getBoundingClientRect().height);
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.getByRole('button', { name: 'Manage personas' }).click();
    await page.getByRole('button', { name: 'New persona' }).click();
    expect(await logHeight()).toBeGreaterThanOrEqual(150);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    // The composer stays reachable below it.
    await composer(page).scrollIntoViewIfNeeded();
    await composer(page).fill('Still here');
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });

  it('shows the composer without scrolling on a 390×844 phone; the message log scrolls instead', async () => {
    const { page } = await freshPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Thumb', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'A long reply that fills a phone screen. '.repeat(60) });
    await send(page, 'On the tram');
    await replies(page)
      .first()
      .getByText(/fills a phone screen/)
      .first()
      .waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    // Read with evaluate only: a Playwright action would scroll the composer into view itself.
    const layout = await composer(page).evaluate((field) => {
      const box = field.getBoundingClientRect();
      const log = document.querySelector('[role="log"]')!;
      return {
        composerTop: box.top,
        composerBottom: box.bottom,
        viewport: window.innerHeight,
        logScrolls: log.scrollHeight > log.clientHeight,
        logHeight: log.getBoundingClientRect().height,
      };
    });
    expect(layout.composerTop).toBeGreaterThanOrEqual(0);
    expect(layout.composerBottom).toBeLessThanOrEqual(layout.viewport);
    expect(layout.logScrolls).toBe(true);
    expect(layout.logHeight).toBeGreaterThanOrEqual(150);
  });
});

describe('reply actions', () => {
  it('says the model list could not be loaded, in its own words, and what to do', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'No models', 'x');
    stub.setBehaviour({ failWith: 503 });
    onTestFinished(() => stub.setBehaviour({}));
    await openNewChat(page, baseURL, storyId);
    const hint = page.getByText('The model list could not be loaded.');
    await hint.waitFor();
    const text = (await hint.textContent()) ?? '';
    expect(text).toContain('The chat service is unavailable right now.');
    expect(text).toContain('Type a model id, or press ↻ to try again.');
    // Nothing was sent: no word of a message kept or failed.
    expect(text).not.toMatch(/message/i);
    // The field names the reason for screen readers too.
    const describedBy = await page
      .getByLabel('Model', { exact: true })
      .getAttribute('aria-describedby');
    expect(await hint.getAttribute('id')).toBe(describedBy);
  });

  it('follows the provider’s model list when a persona is picked before the list arrives', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Slow list', 'x');
    // The list takes a while (every stub answer does): the persona is chosen meanwhile.
    stub.setBehaviour({ firstByteDelayMs: 3_000 });
    onTestFinished(() => stub.setBehaviour({}));
    await openNewChat(page, baseURL, storyId);
    const model = page.getByRole('combobox', { name: 'Model' });
    await page.getByLabel('Persona').selectOption({ label: 'Developmental editor' });
    expect(await model.inputValue()).toBe(FALLBACK_MODEL);
    // The persona names no model: once the list is here its first model is the default.
    await expect.poll(() => model.inputValue(), { timeout: 10_000 }).toBe('stub-large');
    stub.setBehaviour({ reply: 'Noted.' });
    await send(page, 'Read my opening.');
    await replies(page).getByText('Noted.').waitFor();
    expect(lastChatBody().model).toBe('stub-large');
  });

  it('regenerates once for a double click', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Twice', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'First answer.' });
    await send(page, 'Question');
    await replies(page).first().waitFor();
    const before = stub.chatRequests().length;
    stub.setBehaviour({ reply: 'Another answer.', chunkDelayMs: 20 });
    await replies(page).first().getByRole('button', { name: 'Regenerate' }).dblclick();
    await replies(page).getByText('Another answer.').waitFor();
    await page.waitForTimeout(800);
    expect(await replies(page).count()).toBe(2);
    expect(stub.chatRequests().length).toBe(before + 1);
  });

  it('shows the Save as prompt panel of the last reply in view when it opens', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Far below', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'A long reply paragraph that fills the screen. '.repeat(25) });
    await send(page, 'One');
    await replies(page).first().waitFor();
    await send(page, 'Two');
    await expect.poll(() => replies(page).count()).toBe(2);
    await replies(page).last().getByRole('button', { name: 'Save as prompt' }).click();
    const panel = page.getByRole('form', { name: 'Save as prompt' });
    await panel.waitFor();
    // Read at once: any later Playwright action would scroll the panel into view by itself.
    const inView = () =>
      panel.evaluate((form) => {
        const log = form.closest('.chat-log')!.getBoundingClientRect();
        const box = form.getBoundingClientRect();
        return box.top >= log.top && box.bottom <= log.bottom;
      });
    await expect.poll(inView).toBe(true);
  });
});

describe('a reply its tab never finished, seen from another tab', () => {
  it('offers Retry in a tab left open as soon as the answering tab is closed', async () => {
    const { page, context } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Two windows', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'slow '.repeat(80), chunkDelayMs: 50 });
    await send(page, 'Closed mid-reply');
    await page
      .getByRole('article', { name: 'Assistant is replying' })
      .getByText(/slow slow/)
      .waitFor();
    const other = await newPage(context, { allowConsoleErrors: NETWORK_ERRORS });
    await other.goto(page.url());
    const mine = other.getByRole('article', { name: 'You said' });
    await mine.getByText('Sending…').waitFor();
    // Closing releases the answering tab's reply lock a moment later; nothing else happens here.
    await page.close();
    await mine.getByText('Not sent.').waitFor();
    stub.setBehaviour({ reply: 'Answered here.' });
    await mine.getByRole('button', { name: 'Retry' }).click();
    await replies(other).getByText('Answered here.').waitFor();
  });

  it('offers Retry for a message sent elsewhere after this tab opened, once the writer comes back', async () => {
    const { page, context } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Opened first', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'First answer.' });
    await send(page, 'Opens the chat');
    await replies(page).first().waitFor();
    const other = await newPage(context, { allowConsoleErrors: NETWORK_ERRORS });
    await other.goto(page.url());
    await replies(other).first().waitFor();
    stub.setBehaviour({ reply: 'slow '.repeat(80), chunkDelayMs: 50 });
    await send(page, 'Sent in the first tab');
    const mine = other.getByRole('article', { name: 'You said' }).last();
    await mine.getByText('Sending…').waitFor();
    await page.close();
    // The writer switches back to the tab left open.
    await other.evaluate(() => window.dispatchEvent(new Event('focus')));
    await mine.getByText('Not sent.').waitFor();
  });
});

describe('the composer', () => {
  it('keeps an unsent draft through a reload, a handed-over prompt with its edits too, and forgets it once sent', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(
      page,
      baseURL,
      'Drafts',
      'Tell me of {{hero}}.',
    );
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    await page.getByLabel('hero').fill('Ona');
    await page.getByRole('link', { name: 'Send to chat' }).click();
    await page.getByRole('heading', { name: 'New chat' }).waitFor();
    await expect.poll(() => composer(page).inputValue()).toBe('Tell me of Ona.');
    await composer(page).fill('Tell me of Ona, briefly.');
    await page.reload();
    await page.getByRole('heading', { name: 'New chat' }).waitFor();
    expect(await composer(page).inputValue()).toBe('Tell me of Ona, briefly.');

    stub.setBehaviour({ reply: 'Ona sails at dawn.' });
    await page.getByRole('button', { name: 'Send' }).click();
    await replies(page).getByText('Ona sails at dawn.').waitFor();
    await composer(page).fill('A careful follow-up, half written');
    await page.reload();
    await replies(page).getByText('Ona sails at dawn.').waitFor();
    expect(await composer(page).inputValue()).toBe('A careful follow-up, half written');

    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => replies(page).count()).toBe(2);
    await page.reload();
    await expect.poll(() => replies(page).count()).toBe(2);
    expect(await composer(page).inputValue()).toBe('');
    await openNewChat(page, baseURL, storyId);
    expect(await composer(page).inputValue()).toBe('');
  });

  it('takes a message that was not sent back into the composer, with the caret in it', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Second try', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ failWith: 503 });
    await send(page, 'Worth rewording');
    const mine = page.getByRole('article', { name: 'You said' });
    await mine.getByText('Not sent.').waitFor();
    await mine.getByRole('button', { name: 'Edit', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => composer(page).inputValue()).toBe('Worth rewording');
    await expect
      .poll(() => composer(page).evaluate((field) => field === document.activeElement))
      .toBe(true);
    expect(await mine.count()).toBe(0);
    stub.setBehaviour({});
  });

  it('keeps the caret in the composer after each send, by keyboard or with the Send button', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Keys only', 'x');
    await openNewChat(page, baseURL, storyId);
    const composerHasFocus = () =>
      composer(page).evaluate((field) => field === document.activeElement);
    stub.setBehaviour({ reply: 'Noted.' });
    await composer(page).focus();
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Control+Enter');
    // The new chat's window replaces the new-chat one: its composer has the caret.
    await page.waitForURL(/\/chats\/[0-9a-f-]{36}$/);
    await expect.poll(composerHasFocus).toBe(true);
    await replies(page).first().waitFor();
    expect(await page.getByRole('article', { name: 'You said' }).first().textContent()).toContain(
      'First line\nsecond line',
    );

    await page.keyboard.type('Straight on');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => replies(page).count()).toBe(2);
    expect(await composerHasFocus()).toBe(true);

    await composer(page).fill('With the button');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => replies(page).count()).toBe(3);
    await expect.poll(composerHasFocus).toBe(true);
  });

  it('sends a message typed while a reply streams as soon as that reply ends', async () => {
    // Ctrl+Enter during a reply used to do nothing at all (Send is replaced by Stop then).
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Patient', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'word '.repeat(60), chunkDelayMs: 40 });
    await send(page, 'Tell me slowly');
    await page.getByRole('article', { name: 'Assistant is replying' }).waitFor();
    stub.setBehaviour({ reply: 'Noted.' });
    await composer(page).fill('And then this');
    await composer(page).press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Sends when the reply ends' }).waitFor();
    await expect.poll(() => replies(page).count()).toBe(2);
    const said = await page.getByRole('article', { name: 'You said' }).allTextContents();
    expect(said.at(-1)).toContain('And then this');
    expect(await composer(page).inputValue()).toBe('');
    await expect
      .poll(() => composer(page).evaluate((field) => field === document.activeElement))
      .toBe(true);
  });

  it('takes back a waiting message when the writer empties the field before the reply ends', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Second thoughts', 'x');
    await openNewChat(page, baseURL, storyId);
    stub.setBehaviour({ reply: 'word '.repeat(60), chunkDelayMs: 40 });
    await send(page, 'Tell me slowly');
    const replying = page.getByRole('article', { name: 'Assistant is replying' });
    await replying.waitFor();
    const waiting = page.getByRole('status').filter({ hasText: 'Sends when the reply ends' });
    await composer(page).fill('Never mind');
    await composer(page).press('Control+Enter');
    await waiting.waitFor();
    await composer(page).fill('');
    await waiting.waitFor({ state: 'detached' });
    // Typing again is a new draft: it waits for Ctrl+Enter, not for the reply to end.
    await composer(page).fill('A new thought');
    expect(await waiting.count()).toBe(0);
    await replying.waitFor({ state: 'detached', timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await page.getByRole('article', { name: 'You said' }).count()).toBe(1);
    expect(await composer(page).inputValue()).toBe('A new thought');
  });

  it('refuses an over-long first message with its limit, keeps the text and makes no empty chat', async () => {
    const { page } = await freshPage();
    const { storyId } = await createStoryWithPrompt(page, baseURL, 'Long winded', 'x');
    await openNewChat(page, baseURL, storyId);
    const tooLong = 'a'.repeat(200_001);
    for (let attempt = 0; attempt < 2; attempt++) {
      await send(page, tooLong);
      await page.getByText('Message is too long: at most 200,000 characters.').waitFor();
    }
    expect((await composer(page).inputValue()).length).toBe(tooLong.length);
    expect(page.url()).toContain('/chats/new');
    stub.setBehaviour({ reply: 'Short is better.' });
    await composer(page).press('End');
    await composer(page).press('Backspace');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/\/chats\/[0-9a-f-]{36}$/);
    await replies(page).getByText('Short is better.').waitFor();

    await page.goto(`${baseURL}/stories/${storyId}/chats`);
    await page.getByRole('link', { name: /^a{20}/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Untitled chat' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Delete chat/ }).count()).toBe(1);
  });
});
