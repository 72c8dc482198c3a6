// What a writer sees when a page fails to render or its chunk fails to load (e.g. an old tab
// after an update): what happened, that their work is saved, and a way forward.
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Link, useRouteError } from 'react-router';
import { describeError } from '../lib/app-error';

function ErrorMessage({ error }: { error: unknown }) {
  return (
    <section className="stack" role="alert">
      <h1>Something went wrong</h1>
      <p>This screen could not be shown: {describeError(error)}</p>
      <p className="muted">Everything you wrote is saved on this device.</p>
      <p className="row">
        <button
          type="button"
          className="ui-button ui-button--primary"
          onClick={() => window.location.reload()}
        >
          Reload the app
        </button>
        <Link to="/">Go to your stories</Link>
      </p>
    </section>
  );
}

export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <main className="app-main">
      <ErrorMessage error={error} />
    </main>
  );
}

interface BoundaryState {
  error: unknown;
}

/** Catches render errors of the current page so the header and banners stay usable. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A page failed to render.', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <ErrorMessage error={this.state.error} /> : this.props.children;
  }
}
