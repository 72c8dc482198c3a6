// What the search palette shows while its code loads on first use: the same dialog and field,
// focused at once, so the words typed right after Ctrl+K land here (and are handed to the
// palette) instead of being lost, or typed into the editor that had focus.
import { useEffect, useRef } from 'react';
import { SEARCH_FIELD_PROPS, SearchDialog } from './search-dialog';

export interface SearchPaletteShellProps {
  value: string;
  onChange: (value: string) => void;
  onClose: (options: { restoreFocus: boolean }) => void;
}

export function SearchPaletteShell({ value, onChange, onClose }: SearchPaletteShellProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  return (
    <SearchDialog onClose={onClose} busy>
      <input
        ref={input}
        {...SEARCH_FIELD_PROPS}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose({ restoreFocus: true });
          } else if (event.key === 'Tab' || event.key === 'Enter') event.preventDefault();
        }}
      />
      <p className="search-palette__message search-palette__hint">Starting search…</p>
    </SearchDialog>
  );
}
