// The frame shared by the search palette and its loading shell: a modal dialog over a backdrop
// that closes on a click outside (giving focus back), and the search field's fixed attributes.
import type { ReactNode } from 'react';

export interface SearchDialogProps {
  onClose: (options: { restoreFocus: boolean }) => void;
  /** While the palette's code is still loading. */
  busy?: boolean;
  children: ReactNode;
}

export function SearchDialog({ onClose, busy, children }: SearchDialogProps) {
  return (
    <div className="search-backdrop" onMouseDown={() => onClose({ restoreFocus: true })}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Search"
        aria-busy={busy || undefined}
        className="search-palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}

export const SEARCH_FIELD_PROPS = {
  type: 'search',
  className: 'search-palette__input',
  'aria-label': 'Search stories, prompts and chats',
  placeholder: 'Search stories, prompts and chats…',
  autoComplete: 'off',
  spellCheck: false,
  dir: 'auto', // a query in Hebrew or Arabic lays out right to left
} as const;
