// Which chat provider this device uses, and the models last listed by it. Stored in the
// device-local key/value settings table (db.settings): never synced, never sent to our server.
// The BYOK key in particular lives only here. Platform code does not know Dexie: callers pass
// the settings table, which satisfies SettingsStore.
import { createAppServerProvider } from './app-server-provider';
import { createByokProvider, hostOf } from './byok-provider';
import { measuredProvider } from './measured-provider';
import type { ChatProvider, ChatProviderKind } from './chat-provider';

export interface SettingsEntry {
  key: string;
  value: unknown;
}

export interface SettingsStore {
  get(key: string): PromiseLike<SettingsEntry | undefined>;
  put(entry: SettingsEntry): PromiseLike<unknown>;
}

export interface ChatProviderSettings {
  kind: ChatProviderKind;
  byokBaseUrl: string;
  byokApiKey: string;
  byokDefaultModel: string;
}

export const CHAT_PROVIDER_KEY = 'chat.provider';
export const FALLBACK_MODEL = 'gpt-4o-mini';

export const DEFAULT_PROVIDER_SETTINGS: ChatProviderSettings = {
  kind: 'app-server',
  byokBaseUrl: 'https://api.openai.com/v1',
  byokApiKey: '',
  byokDefaultModel: '',
};

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

export async function readChatProviderSettings(
  store: SettingsStore,
): Promise<ChatProviderSettings> {
  return chatProviderSettingsFrom((await store.get(CHAT_PROVIDER_KEY))?.value);
}

/** Settings from a stored (or kept, unsaved) value, with defaults for what it lacks. */
export function chatProviderSettingsFrom(stored: unknown): ChatProviderSettings {
  const value = (stored ?? {}) as Partial<Record<keyof ChatProviderSettings, unknown>>;
  return {
    kind: value.kind === 'byok' ? 'byok' : 'app-server',
    byokBaseUrl: text(value.byokBaseUrl, DEFAULT_PROVIDER_SETTINGS.byokBaseUrl),
    byokApiKey: text(value.byokApiKey, ''),
    byokDefaultModel: text(value.byokDefaultModel, ''),
  };
}

export async function writeChatProviderSettings(
  store: SettingsStore,
  settings: ChatProviderSettings,
): Promise<void> {
  await store.put({
    key: CHAT_PROVIDER_KEY,
    value: {
      kind: settings.kind,
      byokBaseUrl: settings.byokBaseUrl.trim(),
      byokApiKey: settings.byokApiKey.trim(),
      byokDefaultModel: settings.byokDefaultModel.trim(),
    },
  });
}

/** A base URL the browser can call: http(s) with a host. Returns the reason when it is not. */
export function checkBaseUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      return 'The base URL must start with https:// (or http:// for a server on this computer).';
    return null;
  } catch {
    return 'This is not a URL. It looks like https://api.openai.com/v1';
  }
}

export interface ProviderDeps {
  getAccessToken?: () => Promise<string | null>;
}

export function providerFor(settings: ChatProviderSettings, deps: ProviderDeps = {}): ChatProvider {
  return measuredProvider(
    settings.kind === 'byok'
      ? createByokProvider({ baseUrl: settings.byokBaseUrl, apiKey: settings.byokApiKey })
      : createAppServerProvider({ getAccessToken: deps.getAccessToken }),
  );
}

/** Where the model list of a provider is cached (per BYOK host: another host has other models). */
export function modelCacheKey(settings: ChatProviderSettings): string {
  return settings.kind === 'byok'
    ? `chat.models.byok:${hostOf(settings.byokBaseUrl)}`
    : 'chat.models.app-server';
}

export interface CachedModels {
  ids: string[];
  fetchedAt: number;
}

export async function readCachedModels(
  store: SettingsStore,
  key: string,
): Promise<CachedModels | null> {
  const value = (await store.get(key))?.value as Partial<CachedModels> | undefined;
  if (!value || !Array.isArray(value.ids)) return null;
  return {
    ids: value.ids.filter((id): id is string => typeof id === 'string'),
    fetchedAt: Number(value.fetchedAt) || 0,
  };
}

export async function writeCachedModels(
  store: SettingsStore,
  key: string,
  ids: string[],
  now = Date.now(),
): Promise<void> {
  await store.put({ key, value: { ids, fetchedAt: now } });
}

/** The model a new chat starts with: the persona's, the BYOK default, the first listed, or a fallback. */
export function defaultModel(
  settings: ChatProviderSettings,
  personaModel: string,
  listed: readonly string[],
): string {
  if (personaModel.trim()) return personaModel.trim();
  if (settings.kind === 'byok' && settings.byokDefaultModel.trim())
    return settings.byokDefaultModel.trim();
  return listed[0] ?? FALLBACK_MODEL;
}
