// The routes of the sync features (account, settings, conflicts), each its own lazy chunk. The
// account page gets its service from the sync runtime here, so the feature never imports it.
import type { RouteObject } from 'react-router';
import { lazyPage, preloads } from '../lazy-page';
import { useAccountService } from './sync-context';

const AccountPage = lazyPage(
  () => import('../../features/account/account-page'),
  (m) => m.AccountPage,
);
const SettingsPage = lazyPage(
  () => import('../../features/settings/settings-page'),
  (m) => m.SettingsPage,
);
const ConflictsPage = lazyPage(
  () => import('../../features/conflicts/conflicts-page'),
  (m) => m.ConflictsPage,
);

function AccountRoute() {
  return <AccountPage service={useAccountService()} />;
}

export const syncRoutes: RouteObject[] = [
  { path: 'account', element: <AccountRoute />, handle: preloads(AccountPage) },
  { path: 'settings', element: <SettingsPage />, handle: preloads(SettingsPage) },
  { path: 'conflicts', element: <ConflictsPage />, handle: preloads(ConflictsPage) },
];
