// The routes of the sync features (account, settings, conflicts), each its own lazy chunk. The
// account page gets its service from the sync runtime here, so the feature never imports it.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { useAccountService } from './sync-context';

const AccountPage = lazy(() =>
  import('../../features/account/account-page').then((m) => ({ default: m.AccountPage })),
);
const SettingsPage = lazy(() =>
  import('../../features/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
);
const ConflictsPage = lazy(() =>
  import('../../features/conflicts/conflicts-page').then((m) => ({ default: m.ConflictsPage })),
);

function AccountRoute() {
  return <AccountPage service={useAccountService()} />;
}

export const syncRoutes: RouteObject[] = [
  { path: 'account', element: <AccountRoute /> },
  { path: 'settings', element: <SettingsPage /> },
  { path: 'conflicts', element: <ConflictsPage /> },
];
