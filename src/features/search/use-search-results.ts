// Results as the writer types: every change of the query runs a search in the workers, at most
// one at a time (the newest waiting query runs next, older ones are skipped).
import { useEffect, useMemo, useState } from 'react';
import { appSearchClient, latestOnly } from '../../platform/search-client';
import type { SearchResponse } from '../../platform/search-client';
import { describeError } from '../../lib/app-error';

export interface SearchResultsState {
  response: SearchResponse | null;
  error: string | null;
}

export function useSearchResults(query: string): SearchResultsState {
  const search = useMemo(() => latestOnly((text: string) => appSearchClient().search(text)), []);
  const [state, setState] = useState<SearchResultsState>({ response: null, error: null });
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    let current = true;
    search(trimmed).then(
      (response) => {
        if (current && response) setState({ response, error: null });
      },
      (error: unknown) => {
        if (current) setState({ response: null, error: describeError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [search, trimmed]);

  return trimmed ? state : { response: null, error: null };
}
