// Init script for pages whose rendering is measured from navigation start: when the first
// `.prompt-card` enters the DOM (the board's first category list, or the plain list), and
// every Event Timing entry of an interaction (for INP). Read back with `readProbes`.
import type { Page } from 'playwright-core';

export interface Probes {
  /** ms from navigation start to the first prompt card in the DOM. */
  firstCardDom: number | null;
  /** ms from navigation start to the next animation frame after that. */
  firstCard: number | null;
  /** Event Timing entries of interactions (durationThreshold 16 ms, the minimum). */
  events: { interactionId: number; name: string; duration: number }[];
}

function install() {
  const probes: Probes = { firstCardDom: null, firstCard: null, events: [] };
  (globalThis as unknown as { __probes: Probes }).__probes = probes;
  const observer = new MutationObserver(() => {
    if (probes.firstCardDom !== null || !document.querySelector('.prompt-card')) return;
    probes.firstCardDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      probes.firstCard = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.interactionId)
        probes.events.push({
          interactionId: entry.interactionId,
          name: entry.name,
          duration: entry.duration,
        });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(install);
}

export function readProbes(page: Page): Promise<Probes> {
  return page.evaluate(() => (globalThis as unknown as { __probes: Probes }).__probes);
}

/**
 * INP as web-vitals computes it for a page with fewer than 50 interactions: the longest
 * interaction, an interaction lasting as long as its longest event.
 */
export function interactionToNextPaint(events: Probes['events']): number {
  const byInteraction = new Map<number, number>();
  for (const event of events)
    byInteraction.set(
      event.interactionId,
      Math.max(byInteraction.get(event.interactionId) ?? 0, event.duration),
    );
  return Math.max(0, ...byInteraction.values());
}

export const domNodes = (page: Page) =>
  page.evaluate(() => document.getElementsByTagName('*').length);
