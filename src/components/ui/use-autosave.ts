// Autosave as you type: `useAutosave(value, save, { delayMs })` saves the latest `value` after
// `delayMs` of quiet (400 ms by default), and on `flush()` (call it on blur), on unmount and
// when the page is hidden. It never saves the initial value, so opening a screen writes nothing.
// See autosave-controller.ts for the model.
import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { AutosaveController } from './autosave-controller';
import type { AutosaveOptions, AutosaveStatus, SaveFunction } from './autosave-controller';

export type { AutosaveStatus } from './autosave-controller';

export interface Autosave<T> {
  status: AutosaveStatus;
  error: unknown;
  dirty: boolean;
  flush: () => Promise<void>;
  /** Accept `value` as already stored (e.g. it changed in another tab while not edited here). */
  markSaved: (value: T) => void;
}

export function useAutosave<T>(
  value: T,
  save: SaveFunction<T>,
  options: AutosaveOptions<T> = {},
): Autosave<T> {
  const [controller] = useState(() => new AutosaveController(value, save, options));
  const state = useSyncExternalStore(
    controller.subscribe,
    controller.getSnapshot,
    controller.getSnapshot,
  );

  useLayoutEffect(() => {
    controller.setSave(save);
  });

  useEffect(() => {
    controller.update(value);
  }, [controller, value]);

  useEffect(() => {
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void controller.flush();
    };
    const flushNow = () => void controller.flush();
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', flushWhenHidden);
    return () => {
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', flushWhenHidden);
      void controller.flush();
    };
  }, [controller]);

  return { ...state, flush: controller.flush, markSaved: controller.markSaved };
}
