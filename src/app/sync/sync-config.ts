// Which sync server this device talks to: the writer's choice on the settings screen, else the
// build's defaults (VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY); neither means local only.
import type { SyncServerSettings } from '../../features/settings/sync-server-settings';

export interface SyncServerConfig {
  url: string;
  anonKey: string;
}

export const SYNC_OFF_MESSAGE = 'Sync is off: this device keeps everything locally';

export function buildTimeSyncSettings(): SyncServerSettings {
  return {
    url: (import.meta.env.VITE_SUPABASE_URL as string | undefined) ?? '',
    anonKey: (import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined) ?? '',
  };
}

export function resolveSyncConfig(
  saved: SyncServerSettings,
  built: SyncServerSettings,
): SyncServerConfig | null {
  const url = (saved.url || built.url).trim().replace(/\/+$/, '');
  const anonKey = (saved.anonKey || built.anonKey).trim();
  return url && anonKey ? { url, anonKey } : null;
}

export function sameConfig(a: SyncServerConfig | null, b: SyncServerConfig | null): boolean {
  return a?.url === b?.url && a?.anonKey === b?.anonKey;
}
