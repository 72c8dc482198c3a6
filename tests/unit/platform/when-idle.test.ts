import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../../src/platform/when-idle';

interface IdleWindow {
  requestIdleCallback?: (run: () => void, options: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
}

function fakeWindow(idle: boolean) {
  const queued = new Map<number, () => void>();
  const requested: { timeout: number }[] = [];
  const window: IdleWindow = {};
  if (idle) {
    window.requestIdleCallback = (run, options) => {
      requested.push(options);
      queued.set(queued.size + 1, run);
      return queued.size;
    };
    window.cancelIdleCallback = (handle) => queued.delete(handle);
  }
  vi.stubGlobal('window', window);
  return { goIdle: () => [...queued.values()].forEach((run) => run()), requested };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('runs the work only once the browser is idle, bounded by the timeout', () => {
    const browser = fakeWindow(true);
    const work = vi.fn();
    whenIdle(work, 1_000);
    expect(work).not.toHaveBeenCalled();
    expect(browser.requested).toEqual([{ timeout: 1_000 }]);
    browser.goIdle();
    expect(work).toHaveBeenCalledOnce();
  });

  it('never runs work cancelled before the browser went idle', () => {
    const browser = fakeWindow(true);
    const work = vi.fn();
    const cancel = whenIdle(work, 1_000);
    cancel();
    browser.goIdle();
    expect(work).not.toHaveBeenCalled();
  });

  it('falls back to a task after the current one where there is no idle callback', () => {
    vi.useFakeTimers();
    fakeWindow(false);
    const work = vi.fn();
    whenIdle(work, 1_000);
    expect(work).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledOnce();
    const cancelled = vi.fn();
    whenIdle(cancelled, 1_000)();
    vi.runAllTimers();
    expect(cancelled).not.toHaveBeenCalled();
  });
});
