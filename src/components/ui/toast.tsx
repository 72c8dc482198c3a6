// Toasts: short messages at the bottom of the screen, e.g. "Story deleted" with "Undo".
// `useToast()` returns `show(message, { actionLabel, onAction })` and `error(message)`.
// Messages are announced by a live region that exists from the first render (a region added
// together with its text is often not read out). An undo toast stays 8 s; while keyboard focus
// is inside a toast it stays open, so its action can be reached without a race.
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, IconButton } from './button';
import { CloseIcon } from './icons';

export interface ToastOptions {
  actionLabel?: string;
  onAction?: () => void | Promise<void>;
  /** How long the toast stays, in ms (default 5 s, 8 s with an action, 10 s for errors). */
  durationMs?: number;
}

interface ToastItem {
  id: number;
  message: string;
  tone: 'info' | 'error';
  actionLabel?: string;
  onAction?: () => void | Promise<void>;
}

export interface ToastApi {
  show: (message: string, options?: ToastOptions) => number;
  error: (message: string, options?: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>.');
  return api;
}

const MAX_VISIBLE = 4;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const schedule = useCallback(
    (id: number, duration: number) => {
      const previous = timers.current.get(id);
      if (previous) clearTimeout(previous);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), duration),
      );
    },
    [dismiss],
  );

  const pause = (id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
  };

  const add = useCallback(
    (tone: ToastItem['tone'], message: string, options: ToastOptions = {}) => {
      const id = nextId.current++;
      const item: ToastItem = {
        id,
        message,
        tone,
        actionLabel: options.actionLabel,
        onAction: options.onAction,
      };
      setToasts((current) => [...current, item].slice(-MAX_VISIBLE));
      const duration =
        options.durationMs ?? (tone === 'error' ? 10_000 : options.actionLabel ? 8_000 : 5_000);
      schedule(id, duration);
      return id;
    },
    [schedule],
  );

  const api = useMemo<ToastApi>(
    () => ({
      show: (message, options) => add('info', message, options),
      error: (message, options) => add('error', message, options),
      dismiss,
    }),
    [add, dismiss],
  );

  const runAction = (toast: ToastItem) => {
    dismiss(toast.id);
    const result = toast.onAction?.();
    if (result instanceof Promise) {
      result.catch((error: unknown) =>
        add('error', error instanceof Error ? error.message : String(error)),
      );
    }
  };

  const renderToast = (toast: ToastItem) => (
    <div
      key={toast.id}
      className={`ui-toast ui-toast--${toast.tone}`}
      onFocus={() => pause(toast.id)}
      onBlur={() => schedule(toast.id, 4_000)}
    >
      <span className="ui-toast__message">{toast.message}</span>
      {toast.actionLabel ? (
        <Button
          size="small"
          variant="ghost"
          className="ui-toast__action"
          onClick={() => runAction(toast)}
        >
          {toast.actionLabel}
        </Button>
      ) : null}
      <IconButton
        aria-label="Dismiss notification"
        icon={<CloseIcon />}
        className="ui-toast__dismiss"
        onClick={() => dismiss(toast.id)}
      />
    </div>
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="ui-toasts" aria-label="Notifications">
        <div role="status" aria-live="polite" className="ui-toasts__list">
          {toasts.filter((toast) => toast.tone === 'info').map(renderToast)}
        </div>
        <div role="alert" className="ui-toasts__list">
          {toasts.filter((toast) => toast.tone === 'error').map(renderToast)}
        </div>
      </section>
    </ToastContext.Provider>
  );
}
