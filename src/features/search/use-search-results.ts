// Results as the writer types: every change of the query runs a search in the workers, at most
// one at a time (the newest waiting query runs next, older ones are skipped). While the index is
// still being built the answer is flagged incomplete, so the same query is asked again shortly
// until the answer is complete.
import { useEffect, useMemo, useState } from 'react';
import { appSearchClient, latestOnly } from '../../platform/search-client';
import type { SearchResponse } from '../../platform/search-client';
import { describeError } from '../../lib/app-error';

const INCOMPLETE_RETRY_MS = 300;

export interface SearchResultsState {
  response: SearchResponse | null;
  error: string | null;
}

export function useSearchResults(query: string): SearchResultsState {
  const search = useMemo(() => latestOnly((text: string) => appSearchClient().search(text)), []);
  const [state, setState] = useState<SearchResultsState>({ response: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    search(trimmed).then(
      (response) => {
        if (!current || !response) return;
        setState({ response, error: null });
        if (!response.complete)
          retry = setTimeout(() => setAttempt((n) => n + 1), INCOMPLETE_RETRY_MS);
      },
      (error: unknown) => {
        if (current) setState({ response: null, error: describeError(error) });
      },
    );
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [search, trimmed, attempt]);

  return trimmed ? state : { response: null, error: null };
}
