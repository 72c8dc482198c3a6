// The sync server this device uses, as the writer entered it on the settings screen. Kept in
// `db.settings` (device-local, never synced: another device may use another server). Empty
// values mean "use the build's defaults" (VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY).
import type { StoryPromptsDatabase } from '../../db/database';
import { isConnectAllowed, pageOrigin } from '../../lib/connect-sources';

export const SYNC_SERVER_URL_KEY = 'sync_server.url';
export const SYNC_SERVER_ANON_KEY_KEY = 'sync_server.anon_key';

export interface SyncServerSettings {
  url: string;
  anonKey: string;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export async function readSyncServerSettings(
  db: StoryPromptsDatabase,
): Promise<SyncServerSettings> {
  const [url, anonKey] = await Promise.all([
    db.settings.get(SYNC_SERVER_URL_KEY),
    db.settings.get(SYNC_SERVER_ANON_KEY_KEY),
  ]);
  return { url: asText(url?.value), anonKey: asText(anonKey?.value) };
}

/** Settings from a kept (unsaved) draft, with empty fields for what it lacks. */
export function syncServerSettingsFrom(stored: unknown): SyncServerSettings {
  const value = (stored ?? {}) as Partial<Record<keyof SyncServerSettings, unknown>>;
  return { url: asText(value.url), anonKey: asText(value.anonKey) };
}

export async function writeSyncServerSettings(
  db: StoryPromptsDatabase,
  settings: SyncServerSettings,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: SYNC_SERVER_URL_KEY, value: settings.url.trim() });
    await db.settings.put({ key: SYNC_SERVER_ANON_KEY_KEY, value: settings.anonKey.trim() });
  });
}

/** A URL the app can talk to: http(s) with a host. Returns the reason when it is not. */
export function checkServerUrl(url: string): string | null {
  if (url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      return 'The URL must start with https:// (or http:// for a local server).';
    // The browser would block it: "cannot reach" would send the writer after their connection.
    if (!isConnectAllowed(url, pageOrigin()))
      return `This app can only sync with a Supabase project (https://<project>.supabase.co) or a server on this computer: ${parsed.host} is blocked by the app’s security policy.`;
    return null;
  } catch {
    return 'This is not a URL. It looks like https://your-project.supabase.co';
  }
}
