// Toasts: short messages at the bottom of the screen, e.g. "Story deleted" with "Undo".
// `useToast()` returns `show(message, { actionLabel, onAction })`, `undoable(message, undo)`
// and `error(message)`.
// Messages are announced by a live region that exists from the first render (a region added
// together with its text is often not read out). An undo toast stays 8 s; while keyboard focus
// is inside a toast it stays open, so its action can be reached without a race.
// The toasts sit at the end of the page, far down the tab order from the list a writer just
// deleted from, so the newest undo toast also answers Ctrl+Z (⌘Z on a Mac) anywhere except in
// a text field, where the keys keep undoing typing.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
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
  /** Its action undoes what the message reports: Ctrl+Z runs it too. */
  undo: boolean;
}

export interface ToastApi {
  show: (message: string, options?: ToastOptions) => number;
  /** "Deleted …" with an Undo button that Ctrl+Z (⌘Z) also presses. */
  undoable: (message: string, undo: () => void | Promise<void>) => number;
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
    (
      tone: ToastItem['tone'],
      message: string,
      options: ToastOptions = {},
      undo?: ToastItem['onAction'],
    ) => {
      const id = nextId.current++;
      const actionLabel = undo ? 'Undo' : options.actionLabel;
      const item: ToastItem = {
        id,
        message,
        tone,
        actionLabel,
        onAction: undo ?? options.onAction,
        undo: undo !== undefined,
      };
      setToasts((current) => [...current, item].slice(-MAX_VISIBLE));
      const duration =
        options.durationMs ?? (tone === 'error' ? 10_000 : actionLabel ? 8_000 : 5_000);
      schedule(id, duration);
      return id;
    },
    [schedule],
  );

  const api = useMemo<ToastApi>(
    () => ({
      show: (message, options) => add('info', message, options),
      undoable: (message, undo) => add('info', message, {}, undo),
      error: (message, options) => add('error', message, options),
      dismiss,
    }),
    [add, dismiss],
  );

  const runAction = useCallback(
    (toast: ToastItem) => {
      dismiss(toast.id);
      const result = toast.onAction?.();
      if (result instanceof Promise) {
        result.catch((error: unknown) =>
          add('error', error instanceof Error ? error.message : String(error)),
        );
      }
    },
    [add, dismiss],
  );

  const newestUndo = toasts.findLast((toast) => toast.undo);
  useEffect(() => {
    if (!newestUndo) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isUndoKeys(event) || event.defaultPrevented || isTextEditing(event.target)) return;
      event.preventDefault();
      runAction(newestUndo);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [newestUndo, runAction]);

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
          aria-keyshortcuts={toast === newestUndo ? 'Control+Z Meta+Z' : undefined}
        >
          {toast.actionLabel}
          {toast === newestUndo ? (
            <kbd className="ui-toast__keys" aria-hidden="true">
              {IS_MAC ? '⌘Z' : 'Ctrl+Z'}
            </kbd>
          ) : null}
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

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function isUndoKeys(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.shiftKey &&
    !event.altKey &&
    event.key.toLowerCase() === 'z'
  );
}

/** Text fields (and rich text) have their own undo: the keys stay theirs. */
function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    )
  );
}
