// The only eager part of search: a Ctrl/Cmd+K listener (and an optional button) that opens the
// palette, which is loaded on first use. Shortly after start-up, when the browser is idle, the
// search workers are started so the index follows the database from the beginning and the first
// search answers at once.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { whenIdle } from '../../platform/when-idle';
import { PaletteLoadBoundary } from './palette-load-boundary';
import { SearchPaletteShell } from './search-palette-shell';
// Eager with the launcher (2 KB of CSS, no JS): the shell shown while the palette loads uses it.
import './search.css';

/** The palette's code, loaded on first use (again after a failed load: see PaletteLoadBoundary). */
function lazyPalette() {
  return lazy(() =>
    import('./search-palette').then((module) => ({ default: module.SearchPalette })),
  );
}

const WARM_UP_DELAY_MS = 1_500;

function isSearchShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === 'k'
  );
}

function useWarmUpWhenIdle(): void {
  useEffect(() => {
    let cancelIdle = () => {};
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(() => {
        import('./search-warm-up')
          .then((module) => module.warmUpSearch())
          .catch((error: unknown) =>
            console.warn(
              'Search could not start in the background; it will start when opened.',
              error,
            ),
          );
      }, 5_000);
    }, WARM_UP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, []);
}

export interface SearchLauncherProps {
  /** Also show a "Search" button (with the shortcut as a hint) where the launcher is mounted. */
  showButton?: boolean;
}

export function SearchLauncher({ showButton = false }: SearchLauncherProps) {
  const [open, setOpen] = useState(false);
  /** What was typed into the shell while the palette's code loaded: its first query. */
  const [draft, setDraft] = useState('');
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const [SearchPalette, setSearchPalette] = useState(lazyPalette);
  useWarmUpWhenIdle();

  const show = useCallback(() => {
    returnFocusTo.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);

  const close = useCallback((options: { restoreFocus: boolean }) => {
    setOpen(false);
    setDraft('');
    if (options.restoreFocus) returnFocusTo.current?.focus();
    returnFocusTo.current = null;
  }, []);

  useEffect(() => {
    // Capture phase: text fields and editors that handle keys themselves still let Ctrl+K through.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      if (!open) show();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open, show]);

  return (
    <>
      {showButton ? (
        <button
          type="button"
          className="ui-button ui-button--ghost search-launcher"
          onClick={show}
          aria-keyshortcuts="Control+K Meta+K"
        >
          Search <kbd>Ctrl K</kbd>
        </button>
      ) : null}
      {open ? (
        <PaletteLoadBoundary onClose={close} onError={() => setSearchPalette(lazyPalette)}>
          <Suspense
            fallback={<SearchPaletteShell value={draft} onChange={setDraft} onClose={close} />}
          >
            <SearchPalette initialQuery={draft} onClose={close} />
          </Suspense>
        </PaletteLoadBoundary>
      ) : null}
    </>
  );
}
