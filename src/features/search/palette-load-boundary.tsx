// Catches the search palette failing to load (its code is fetched on first use: a lost
// connection, or a new version deployed since this tab opened and the old file gone) or to
// render. Without it the error reached the screen's boundary and the whole screen was replaced,
// taking along whatever was typed in a form that saves only on submit. Here the palette's
// dialog says so, Escape or Close gives focus back, and the next Ctrl+K tries again.
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { describeError } from '../../lib/app-error';
import { SearchDialog } from './search-dialog';

export interface PaletteLoadBoundaryProps {
  onClose: (options: { restoreFocus: boolean }) => void;
  /** The palette failed: the next opening must load it afresh (a failed lazy import is cached). */
  onError: () => void;
  children: ReactNode;
}

export class PaletteLoadBoundary extends Component<PaletteLoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('The search palette could not open:', describeError(error), info.componentStack);
    this.props.onError();
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const close = () => this.props.onClose({ restoreFocus: true });
    return (
      <SearchDialog onClose={this.props.onClose}>
        <p role="alert" className="search-palette__message">
          Search could not load. Check the connection and press Ctrl+K to try again. Your writing is
          not affected.
        </p>
        <p className="search-palette__message">
          <Button
            autoFocus
            onClick={close}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                close();
              }
            }}
          >
            Close
          </Button>
        </p>
      </SearchDialog>
    );
  }
}
