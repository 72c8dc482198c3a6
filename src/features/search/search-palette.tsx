// The search palette: a modal dialog with one field and live results. Arrow keys move through
// the results, Enter opens one, Escape (or a click outside) closes and gives focus back to where
// it was. Loaded on first use (see search-launcher.tsx).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../platform/search-client';
import { groupsOf, optionId, RESULTS_ID, SearchResultsList } from './search-results-list';
import { SEARCH_FIELD_PROPS, SearchDialog } from './search-dialog';
import { pathOfHit } from './search-routes';
import { useSearchResults } from './use-search-results';

export interface SearchPaletteProps {
  /** Words typed while the palette was loading (search-palette-shell.tsx). */
  initialQuery?: string;
  onClose: (options: { restoreFocus: boolean }) => void;
}

function moveIndex(current: number, count: number, key: string): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return (current + 1) % count;
  if (key === 'ArrowUp') return current <= 0 ? count - 1 : current - 1;
  if (key === 'Home') return 0;
  return count - 1;
}

/** Safari sends the Enter that ends a composition after it, flagged only by keyCode 229. */
function isComposing(event: KeyboardEvent<HTMLInputElement>): boolean {
  return event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229;
}

export function SearchPalette({ initialQuery = '', onClose }: SearchPaletteProps) {
  const [query, setQuery] = useState(initialQuery);
  const [activeIndex, setActiveIndex] = useState(0);
  /** Enter was pressed while the results on screen were still those of earlier words. */
  const enterPending = useRef(false);
  const { response, error } = useSearchResults(query);
  const groups = useMemo(() => groupsOf(response), [response]);
  const hits = useMemo(() => groups.flatMap((group) => group.hits), [groups]);
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const active = hits.length > 0 ? Math.min(activeIndex, hits.length - 1) : -1;
  const trimmed = query.trim();
  // The results answer what is in the field (not the words before a paste or a fast keystroke).
  const current = response !== null && response.query === trimmed;

  useEffect(() => {
    const field = input.current;
    field?.focus();
    // Typing goes on after what the shell received.
    field?.setSelectionRange(field.value.length, field.value.length);
  }, []);
  useEffect(() => {
    // Block body: Chromium's scrollIntoView now returns a promise, which an effect must not return.
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (hit: SearchHit) => {
    onClose({ restoreFocus: false });
    navigate(pathOfHit(hit));
  };
  useEffect(() => {
    // The Enter typed ahead of the results: open the first hit of the words it was typed after.
    if (!enterPending.current || !current) return;
    enterPending.current = false;
    const hit = hits[active];
    if (!hit) return;
    onClose({ restoreFocus: false });
    void navigate(pathOfHit(hit));
  }, [current, hits, active, onClose, navigate]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // While an input method composes (Japanese, Chinese…), Enter commits the characters and the
    // arrows pick a candidate: those keys are its own, not the palette's.
    if (isComposing(event)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose({ restoreFocus: true });
    } else if (
      ['ArrowDown', 'ArrowUp'].includes(event.key) ||
      (['Home', 'End'].includes(event.key) && event.ctrlKey)
    ) {
      event.preventDefault();
      setActiveIndex(moveIndex(active, hits.length, event.key));
    } else if (event.key === 'Enter' && trimmed && (!current || error)) {
      event.preventDefault();
      enterPending.current = !error;
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(hits[active]!);
    } else if (event.key === 'Tab') {
      event.preventDefault(); // the field is the dialog's only focus stop
    }
  };

  const searched = response?.query ?? trimmed;
  return (
    <SearchDialog onClose={onClose}>
      <input
        ref={input}
        {...SEARCH_FIELD_PROPS}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={RESULTS_ID}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveIndex(0);
          enterPending.current = false;
        }}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <p role="alert" className="search-palette__message">
          Search is not available right now: {error} Your writing is not affected.
        </p>
      ) : null}
      {trimmed && response && hits.length === 0 ? (
        <p role="status" className="search-palette__message">
          No results for “{searched}”
        </p>
      ) : null}
      {!trimmed ? (
        <p className="search-palette__message search-palette__hint">
          Type to search. Narrow prompts with <code>tag:name</code> or <code>category:name</code>.
        </p>
      ) : null}
      {hits.length > 0 ? (
        <SearchResultsList
          groups={groups}
          activeIndex={active}
          onHover={setActiveIndex}
          onChoose={choose}
        />
      ) : null}
      {trimmed && response && !response.complete ? (
        <p role="status" className="search-palette__message search-palette__hint">
          Still indexing: some results may be missing.
        </p>
      ) : null}
    </SearchDialog>
  );
}
