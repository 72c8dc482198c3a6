// Calls a function a bench page put on `window` (e.g. `workbench.rawPromptImport(10000)`).
import type { Page } from 'playwright-core';

export function pageCall<T>(page: Page, path: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([name, rest]) => {
      const parts = (name as string).split('.');
      let target: unknown = globalThis;
      for (const part of parts.slice(0, -1)) target = (target as Record<string, unknown>)[part];
      const fn = (target as Record<string, (...a: unknown[]) => unknown>)[parts.at(-1)!]!;
      return fn.apply(target, rest as unknown[]);
    },
    [path, args] as const,
  ) as Promise<T>;
}
