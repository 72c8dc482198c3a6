// The results listbox: options grouped by kind, each with its highlighted title and passage.
// Options are not focusable: focus stays in the search field, which points at the active option
// with aria-activedescendant (the WAI-ARIA combobox pattern).
import type { SearchHit, SearchResponse } from '../../platform/search-client';
import { HighlightedText } from './highlighted-text';

export const RESULTS_ID = 'search-palette-results';

export interface ResultGroup {
  key: 'stories' | 'prompts' | 'messages';
  label: string;
  hits: SearchHit[];
}

export function groupsOf(response: SearchResponse | null): ResultGroup[] {
  if (!response) return [];
  const groups: ResultGroup[] = [
    { key: 'stories', label: 'Stories', hits: response.stories },
    { key: 'prompts', label: 'Prompts', hits: response.prompts },
    { key: 'messages', label: 'Chat messages', hits: response.messages },
  ];
  return groups.filter((group) => group.hits.length > 0);
}

export function optionId(index: number): string {
  return `search-palette-option-${index}`;
}

function HitMeta({ hit }: { hit: SearchHit }) {
  const parts = [hit.category, ...hit.tags.map((tag) => `#${tag}`)].filter(Boolean);
  return parts.length > 0 ? <span className="search-hit__meta">{parts.join(' · ')}</span> : null;
}

export interface SearchResultsListProps {
  groups: ResultGroup[];
  activeIndex: number;
  onHover: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
}

export function SearchResultsList({
  groups,
  activeIndex,
  onHover,
  onChoose,
}: SearchResultsListProps) {
  const offsets = groups.map((_, i) =>
    groups.slice(0, i).reduce((sum, group) => sum + group.hits.length, 0),
  );
  return (
    <div role="listbox" id={RESULTS_ID} aria-label="Search results" className="search-results">
      {groups.map((group, groupIndex) => (
        <div
          role="group"
          aria-labelledby={`${RESULTS_ID}-${group.key}`}
          key={group.key}
          className="search-group"
        >
          <div
            role="presentation"
            id={`${RESULTS_ID}-${group.key}`}
            className="search-group__label"
          >
            {group.label}
          </div>
          {group.hits.map((hit, hitIndex) => {
            const position = offsets[groupIndex]! + hitIndex;
            return (
              <div
                role="option"
                id={optionId(position)}
                key={`${hit.kind}:${hit.id}`}
                aria-selected={position === activeIndex}
                className="search-hit"
                onMouseMove={() => onHover(position)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onChoose(hit)}
              >
                <span className="search-hit__title">
                  <HighlightedText value={hit.title} />
                </span>
                {hit.snippet ? (
                  <span className="search-hit__snippet">
                    <HighlightedText value={hit.snippet} />
                  </span>
                ) : null}
                <HitMeta hit={hit} />
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
