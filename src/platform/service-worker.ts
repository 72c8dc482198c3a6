// Service-worker registration in 'prompt' mode (vite.config.ts: registerType 'prompt',
// injectRegister false). A new version waits until the writer clicks "Reload", so an update
// never interrupts an edit; "Ready to work offline" is shown once per installation (the flag
// lives in localStorage, which is cleared together with the service worker's caches). With
// several tabs open, each announces the update, and each reloads only on its own writer's click:
// the new version taking control because another tab's writer clicked never reloads this one.
import { useCallback, useRef, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

const OFFLINE_READY_SHOWN_KEY = 'sp.offlineReadyShown';
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function offlineReadyAlreadyShown(): boolean {
  try {
    return localStorage.getItem(OFFLINE_READY_SHOWN_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberOfflineReadyShown(): void {
  try {
    localStorage.setItem(OFFLINE_READY_SHOWN_KEY, '1');
  } catch {
    // Without localStorage the message may show again on a later install: harmless.
  }
}

export interface ServiceWorkerState {
  /** The shell was precached for the first time and the message was not shown before. */
  offlineReady: boolean;
  /** A new version is installed and waiting. */
  updateWaiting: boolean;
  /** Activates the waiting version and reloads the page (only ever on the writer's click). */
  applyUpdate: () => Promise<void>;
  dismissOfflineReady: () => void;
  dismissUpdate: () => void;
}

export function useServiceWorker(): ServiceWorkerState {
  // Decided once per page load: the first time `onOfflineReady` fires we show it and remember.
  const [showOfflineReady, setShowOfflineReady] = useState(false);
  const reloadClicked = useRef(false);
  const registrationRef = useRef<ServiceWorkerRegistration | undefined>(undefined);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    // The new version took control (without this, the plugin reloads every tab that showed
    // the prompt). Another tab's click: this page stays, its prompt too, until its own click.
    onNeedReload() {
      if (reloadClicked.current) window.location.reload();
    },
    onOfflineReady() {
      if (offlineReadyAlreadyShown()) return;
      rememberOfflineReadyShown();
      setShowOfflineReady(true);
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      registrationRef.current = registration;
      // Long-open tabs still learn about new versions.
      setInterval(() => {
        if (navigator.onLine && !registration.installing)
          void registration.update().catch(() => {});
      }, UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      // Not fatal: the app works online without a service worker. Reported, not swallowed.
      console.warn('Service worker registration failed; offline use is unavailable.', error);
    },
  });

  const applyUpdate = useCallback(async () => {
    reloadClicked.current = true;
    // Nothing waiting: another tab already activated the new version, so a reload loads it.
    if (registrationRef.current && !registrationRef.current.waiting) {
      window.location.reload();
      return;
    }
    await updateServiceWorker(true);
  }, [updateServiceWorker]);
  const dismissOfflineReady = useCallback(() => setShowOfflineReady(false), []);
  const dismissUpdate = useCallback(() => setNeedRefresh(false), [setNeedRefresh]);

  return {
    offlineReady: showOfflineReady,
    updateWaiting: needRefresh,
    applyUpdate,
    dismissOfflineReady,
    dismissUpdate,
  };
}
