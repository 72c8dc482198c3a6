// The app shell: header (name, story nav, offline badge, sync-status slot), app-wide banners
// (offline ready, update waiting, storage), and the current page.
import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { useOnlineStatus } from '../platform/online-status';
import { AppBanners } from './app-banners';
import { SearchLauncher } from '../features/search/search-launcher';
import { RouteErrorBoundary } from './route-error-page';
import { SyncProvider, useSyncStatus } from './sync/sync-context';
import { SyncStatusSlot, SyncSummarySlot } from './sync/sync-status-slot';
import { AppSlotsProvider } from '../components/ui/app-slots';

function StoryNav({ storyId }: { storyId: string }) {
  const base = `/stories/${encodeURIComponent(storyId)}`;
  return (
    <nav className="app-nav" aria-label="Story">
      <NavLink to={base} end>
        Overview
      </NavLink>
      <NavLink to={`${base}/prompts`}>Prompts</NavLink>
      <NavLink to={`${base}/chats`}>Chat</NavLink>
    </nav>
  );
}

function OfflineIndicator() {
  const online = useOnlineStatus();
  // With sync on, the sync indicator already says "Offline · N pending": one badge is enough.
  const syncSaysOffline = useSyncStatus().phase === 'offline';
  if (online || syncSaysOffline) return null;
  return (
    <span role="status" className="offline-badge" title="Changes are saved on this device">
      Offline
    </span>
  );
}

export function AppLayout() {
  const { storyId } = useParams();
  const { pathname } = useLocation();
  return (
    <SyncProvider>
      <AppSlotsProvider slots={{ syncSummary: <SyncSummarySlot /> }}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="app-header">
          <Link to="/" className="app-header__brand">
            <span className="app-header__logo" aria-hidden="true">
              ✎
            </span>
            Story Prompts
          </Link>
          {storyId ? <StoryNav storyId={storyId} /> : null}
          <div className="app-header__status">
            <SearchLauncher showButton />
            <OfflineIndicator />
            <SyncStatusSlot />
          </div>
        </header>
        <AppBanners />
        <main id="main" className="app-main" tabIndex={-1}>
          <RouteErrorBoundary key={pathname}>
            <Suspense fallback={<p className="page-loading">Loading…</p>}>
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
        </main>
      </AppSlotsProvider>
    </SyncProvider>
  );
}
