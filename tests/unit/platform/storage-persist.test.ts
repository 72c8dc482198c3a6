// Asking for persistent storage (src/platform/storage.ts): once, so a browser that prompts
// asks only once; but a browser that would now grant it without a prompt (Chromium, once the
// writer installs the app as the storage warning advises) is asked again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensurePersistentStorage } from '../../../src/platform/storage';

function fakeBrowser({
  persisted,
  permission,
  askedBefore,
}: {
  persisted: boolean;
  permission: PermissionState | 'unsupported';
  askedBefore: boolean;
}) {
  const values = new Map<string, string>(askedBefore ? [['sp.persistAsked', '1']] : []);
  const persist = vi.fn(async () => permission === 'granted');
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => values.set(key, value),
  });
  vi.stubGlobal('navigator', {
    storage: { persisted: async () => persisted, persist },
    permissions: {
      query: async ({ name }: { name: string }) => {
        if (permission === 'unsupported' || name !== 'persistent-storage')
          throw new TypeError(`'${name}' is not a valid permission name.`);
        return { state: permission };
      },
    },
  });
  return { persist };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('persistent storage', () => {
  it('asks the first time', async () => {
    const { persist } = fakeBrowser({ persisted: false, permission: 'prompt', askedBefore: false });
    await expect(ensurePersistentStorage()).resolves.toBe(false);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again while the browser would prompt or refuse', async () => {
    for (const permission of ['prompt', 'denied', 'unsupported'] as const) {
      const { persist } = fakeBrowser({ persisted: false, permission, askedBefore: true });
      await expect(ensurePersistentStorage()).resolves.toBe(false);
      expect(persist).not.toHaveBeenCalled();
    }
  });

  it('asks again once the browser would grant it, e.g. after the app was installed', async () => {
    // It used to answer "refused" for good after the first launch: installing the app, as the
    // warning advises, changed nothing.
    const { persist } = fakeBrowser({ persisted: false, permission: 'granted', askedBefore: true });
    await expect(ensurePersistentStorage()).resolves.toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
