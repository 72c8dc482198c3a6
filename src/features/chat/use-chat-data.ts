// Live data of the chat screens: messages, personas, the provider settings, what streams now,
// and the model list (from the provider when online, else the copy cached on this device).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { listCustomPersonas, recentChatMessages } from '../../db/chat-queries';
import type { RecentMessages } from '../../db/chat-queries';
import { db } from '../../db/instance';
import type { Message, Persona } from '../../domain/entities';
import { describeError } from '../../lib/app-error';
import {
  modelCacheKey,
  providerFor,
  readCachedModels,
  readChatProviderSettings,
  writeCachedModels,
} from '../../platform/chat-providers/provider-settings';
import type { ChatProviderSettings } from '../../platform/chat-providers/provider-settings';
import { chatProviderDeps } from './chat-session';
import { draftStore, streamingStore } from './streaming-store';
import type { ChatLiveState } from './streaming-store';

/** Rows read when a chat opens: a few screens' worth, so a long chat opens as fast as a short one. */
const FIRST_WINDOW = 60;
/** Rows added each time the writer scrolls near the top of what is loaded. */
const OLDER_PAGE = 200;

export interface ChatMessages {
  /** The newest messages of the chat, oldest first. */
  messages: Message[];
  hasOlder: boolean;
  /** Reads older messages (no-op while a read is running or when there are none). */
  loadOlder: () => void;
}

type ChatWindowRows = RecentMessages & { chatId: string | null };

const NO_CHAT: ChatWindowRows = { chatId: null, messages: [], limit: 0, hasOlder: false };

export function useChatMessages(chatId: string | null): ChatMessages | undefined {
  const [requested, setRequested] = useState({ chatId, limit: FIRST_WINDOW });
  const limit = requested.chatId === chatId ? requested.limit : FIRST_WINDOW;
  // While a larger window is read, the hook keeps returning the previous one (of this chat only).
  const read = useLiveQuery(
    async (): Promise<ChatWindowRows> =>
      chatId ? { chatId, ...(await recentChatMessages(db, chatId, limit)) } : NO_CHAT,
    [chatId, limit],
  );
  const recent = read?.chatId === chatId ? read : undefined;
  const loading = recent !== undefined && recent !== NO_CHAT && recent.limit !== limit;
  const hasOlder = recent?.hasOlder ?? false;
  const loadOlder = useCallback(() => {
    if (!hasOlder || loading) return;
    setRequested({ chatId, limit: limit + OLDER_PAGE });
  }, [chatId, hasOlder, limit, loading]);
  return useMemo(
    () => (recent ? { messages: recent.messages, hasOlder, loadOlder } : undefined),
    [recent, hasOlder, loadOlder],
  );
}

export function useCustomPersonas(): Persona[] {
  return useLiveQuery(() => listCustomPersonas(db), []) ?? [];
}

export function useProviderSettings(): ChatProviderSettings | undefined {
  return useLiveQuery(() => readChatProviderSettings(db.settings), []);
}

export function useLiveState(chatId: string): ChatLiveState {
  const subscribe = useCallback(
    (listener: () => void) => streamingStore.subscribe(chatId, listener),
    [chatId],
  );
  return useSyncExternalStore(subscribe, () => streamingStore.get(chatId));
}

export function useDraft(key: string): [string, (text: string) => void] {
  const text = useSyncExternalStore(
    (listener) => draftStore.subscribe(listener),
    () => draftStore.get(key),
  );
  return [text, useCallback((next: string) => draftStore.set(key, next), [key])];
}

export interface ModelList {
  models: string[];
  /** Why the provider could not list them (the cached list, if any, is still shown). */
  error: string | null;
  refreshing: boolean;
  refresh: () => void;
}

export function useModels(settings: ChatProviderSettings | undefined): ModelList {
  const key = settings ? modelCacheKey(settings) : null;
  const cached = useLiveQuery(
    async () => (key ? await readCachedModels(db.settings, key) : null),
    [key],
  );
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  // Keyed by value: a new settings object with the same content must not refetch.
  const identity = settings ? JSON.stringify(settings) : null;
  const refresh = useCallback(() => {
    if (!identity || !key || !navigator.onLine) return;
    setRefreshing(true);
    providerFor(JSON.parse(identity) as ChatProviderSettings, chatProviderDeps())
      .listModels(AbortSignal.timeout(15_000))
      .then(async (ids) => {
        await writeCachedModels(db.settings, key, ids);
        setError(null);
      })
      .catch((caught: unknown) => setError(describeError(caught)))
      .finally(() => setRefreshing(false));
  }, [identity, key]);

  // Once per provider: refresh the list when online (the cache keeps it for offline use).
  useEffect(() => {
    // Deferred a task: the fetch's state updates belong to its callbacks, not to this effect.
    const timer = setTimeout(refresh, 0);
    return () => clearTimeout(timer);
  }, [refresh]);

  return { models: cached?.ids ?? [], error, refreshing, refresh };
}
