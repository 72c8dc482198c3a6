// Live data of the chat screens: messages, personas, the provider settings, what streams now,
// and the model list (from the provider when online, else the copy cached on this device).
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { chatMessagesFrom, listCustomPersonas, recentChatMessages } from '../../db/chat-queries';
import type { RecentMessages } from '../../db/chat-queries';
import { db } from '../../db/instance';
import type { Message, Persona } from '../../domain/entities';
import { modelListErrorMessage } from '../../platform/chat-providers/chat-errors';
import {
  modelCacheKey,
  providerFor,
  readCachedModels,
  readChatProviderSettings,
  writeCachedModels,
} from '../../platform/chat-providers/provider-settings';
import type { ChatProviderSettings } from '../../platform/chat-providers/provider-settings';
import { chatProviderDeps } from './chat-session';
import { draftStore } from './composer-drafts';
import { streamingStore } from './streaming-store';
import type { ChatLiveState } from './streaming-store';

/** Rows read when a chat opens: a few screens' worth, so a long chat opens as fast as a short one. */
const FIRST_WINDOW = 60;
/** Rows added each time the writer scrolls near the top of what is loaded. */
const OLDER_PAGE = 200;
/**
 * Rows read above a message the chat is opened at: more than a screen and LOAD_OLDER_PX
 * (message-list.tsx) of estimated height, so centring it does not at once ask for older rows
 * (their arrival would shift the indexes while the virtualizer still settles on the message).
 */
const ROWS_ABOVE_TARGET = 40;

/** The message the page was opened at (`?message=`); `key` is new for each navigation to it. */
export interface MessageTarget {
  messageId: string;
  key: string;
}

export interface ChatMessages {
  /** The newest messages of the chat, oldest first. */
  messages: Message[];
  hasOlder: boolean;
  /** Reads older messages (no-op while a read is running or when there are none). */
  loadOlder: () => void;
  /**
   * Once looked up, the message the page was opened at: its index in `messages`, or null when
   * it is not in this chat (deleted, or another chat's).
   */
  target?: MessageTarget & { index: number | null };
}

type ChatWindowRows = RecentMessages & {
  chatId: string | null;
  /** The window asked for: the read may hold more rows, down to the target message. */
  asked: number;
  targetId: string | null;
  targetIndex: number | null;
};

const NO_CHAT: ChatWindowRows = {
  chatId: null,
  messages: [],
  limit: 0,
  hasOlder: false,
  asked: 0,
  targetId: null,
  targetIndex: null,
};

async function readChatWindow(
  chatId: string | null,
  asked: number,
  targetId: string | null,
): Promise<ChatWindowRows> {
  if (!chatId) return NO_CHAT;
  const base = { chatId, asked, targetId, targetIndex: null };
  if (targetId) {
    const around = await chatMessagesFrom(db, chatId, targetId, {
      minimum: asked,
      above: ROWS_ABOVE_TARGET,
    });
    if (around) return { ...base, ...around, targetIndex: around.index };
  }
  return { ...base, ...(await recentChatMessages(db, chatId, asked)) };
}

export function useChatMessages(
  chatId: string | null,
  target: MessageTarget | null = null,
): ChatMessages | undefined {
  const [requested, setRequested] = useState({ chatId, limit: FIRST_WINDOW });
  const limit = requested.chatId === chatId ? requested.limit : FIRST_WINDOW;
  const targetId = target?.messageId ?? null;
  // While a larger window is read, the hook keeps returning the previous one (of this chat only).
  const read = useLiveQuery(
    () => readChatWindow(chatId, limit, targetId),
    [chatId, limit, targetId],
  );
  const recent = read?.chatId === chatId ? read : undefined;
  const loading = recent !== undefined && recent !== NO_CHAT && recent.asked !== limit;
  const hasOlder = recent?.hasOlder ?? false;
  // The window read may be larger than the one asked for (it reaches down to the target).
  const readLimit = recent?.limit ?? 0;
  const loadOlder = useCallback(() => {
    if (!hasOlder || loading) return;
    setRequested({ chatId, limit: Math.max(limit, readLimit) + OLDER_PAGE });
  }, [chatId, hasOlder, limit, readLimit, loading]);
  // Undefined until the read for this target has arrived; null when it is not in this chat.
  const targetIndex = recent && recent.targetId === targetId ? recent.targetIndex : undefined;
  const targetKey = target?.key;
  const resolved = useMemo(
    () =>
      targetId && targetKey !== undefined && targetIndex !== undefined
        ? { messageId: targetId, key: targetKey, index: targetIndex }
        : undefined,
    [targetId, targetKey, targetIndex],
  );
  return useMemo(
    () =>
      recent ? { messages: recent.messages, hasOlder, loadOlder, target: resolved } : undefined,
    [recent, hasOlder, loadOlder, resolved],
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
      .catch((caught: unknown) => setError(modelListErrorMessage(caught)))
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
