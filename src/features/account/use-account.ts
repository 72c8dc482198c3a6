// The account state as React sees it, plus a small runner for the screen's actions that keeps
// the server's own error message for the writer.
import { useCallback, useState, useSyncExternalStore } from 'react';
import { describeError } from '../../lib/app-error';
import type { AccountService, AccountSnapshot } from './account-service';

export function useAccountSnapshot(service: AccountService): AccountSnapshot {
  return useSyncExternalStore(service.subscribe, service.snapshot);
}

export interface ActionRunner {
  busy: boolean;
  error: string | null;
  /** Runs `action`; returns its result, or undefined when it failed (the error is shown). */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

export function useActionRunner(): ActionRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(describeError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
