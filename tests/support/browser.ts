// Real Chromium for the e2e tests: Debian's chromium driven by playwright-core (no browser
// download is possible on these machines), plus the helpers every e2e test needs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import { onTestFinished } from 'vitest';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function launchOptions() {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/**
 * A browser whose profile lives in userDataDir: IndexedDB, the service worker and its caches
 * survive closing and relaunching with the same directory, and installability
 * (beforeinstallprompt, Page.getInstallabilityErrors) is only evaluated in such a context.
 */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, launchOptions());
}

export interface NewPageOptions {
  /** Console errors matching one of these are expected by the test and not reported. */
  allowConsoleErrors?: RegExp[];
}

const pageErrorsByPage = new WeakMap<Page, string[]>();

/**
 * Opens a page that records every uncaught exception and console error. Called inside a test,
 * the test fails at its end if any was recorded; elsewhere (beforeAll) call
 * expectNoPageErrors(page) yourself.
 */
export async function newPage(
  context: BrowserContext,
  options: NewPageOptions = {},
): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrorsByPage.set(page, errors);
  page.on('pageerror', (error) => errors.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (options.allowConsoleErrors?.some((pattern) => pattern.test(text))) return;
    errors.push(`console.error: ${text}`);
  });
  try {
    onTestFinished(() => expectNoPageErrors(page));
  } catch {
    // Not inside a test (e.g. beforeAll): the caller checks with expectNoPageErrors.
  }
  return page;
}

export function pageErrors(page: Page): readonly string[] {
  return pageErrorsByPage.get(page) ?? [];
}

export function expectNoPageErrors(page: Page): void {
  const errors = pageErrors(page);
  if (errors.length > 0) {
    throw new Error(`The page reported ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  }
}

export interface AxeReport {
  /** Violations of impact serious or critical only: the ones the issue forbids. */
  violations: AxeViolation[];
  /** One line per violation and offending node, for expect(...).toEqual([]) style messages. */
  summary: string;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export async function runAxe(page: Page): Promise<AxeReport> {
  // Evaluated through DevTools rather than a <script> tag: the app's CSP (script-src 'self')
  // rightly blocks inline scripts, and the tests must run under the real CSP.
  await page.evaluate(`(() => {\n${axeSource}\n})()`);
  const results = await page.evaluate(() => {
    const { axe } = globalThis as unknown as { axe: { run: () => Promise<AxeResults> } };
    return axe.run();
  });
  const violations = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const summary = violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `[${violation.impact}] ${violation.id}: ${violation.help} at ${node.target.join(' ')}`,
      ),
    )
    .join('\n');
  return { violations, summary };
}

/**
 * Reloads until a service worker controls the page. In 'prompt' mode the first visit only
 * installs the worker (no clients.claim()), so control starts with the next navigation.
 */
export async function waitForServiceWorkerControl(page: Page, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (controlled) return;
    if (Date.now() > deadline) {
      throw new Error(`No service worker controls ${page.url()} after ${timeoutMs} ms`);
    }
    // Wait for an active worker first, so the reload is the one that gets controlled.
    await page.evaluate(
      (waitMs) =>
        Promise.race([
          navigator.serviceWorker.ready,
          new Promise((resolve) => setTimeout(resolve, waitMs)),
        ]),
      Math.min(5_000, Math.max(0, deadline - Date.now())),
    );
    await page.reload({ waitUntil: 'load' });
  }
}

/** Cuts the network of every page in the context (navigator.onLine becomes false). */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
}
