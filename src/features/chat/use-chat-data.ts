// Live data of the chat screens: messages, personas, the provider settings, what streams now,
// and the model list (from the provider when online, else the copy cached on this device).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { listChatMessages, listCustomPersonas } from '../../db/chat-queries';
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

const NO_MESSAGES: Message[] = [];

export function useChatMessages(chatId: string | null): Message[] | undefined {
  return useLiveQuery(() => (chatId ? listChatMessages(db, chatId) : NO_MESSAGES), [chatId]);
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
