// The chat engine of this tab: sends a message (or queues it when offline), streams the reply
// into streamingStore, stops, retries, regenerates, and flushes this device's offline queue.
// Replies in one chat run one after another (a per-chat chain), so queued messages are
// answered in order and each sees the replies before it.
import {
  getChat,
  getCustomPersona,
  listQueuedMessages,
  listSendingMessages,
  promptOfReply,
} from '../../db/chat-queries';
import { createChat, titleFromFirstMessage } from '../../db/chats-repository';
import type { ChatFields } from '../../db/chats-repository';
import { db } from '../../db/instance';
import { appendMessage, markInterruptedMessage } from '../../db/messages-repository';
import type { Chat, Message } from '../../domain/entities';
import { isBuiltinPersonaId } from '../../domain/personas';
import { describeError } from '../../lib/app-error';
import {
  providerFor,
  readChatProviderSettings,
} from '../../platform/chat-providers/provider-settings';
import type { ProviderDeps } from '../../platform/chat-providers/provider-settings';
import { findPersona, personaRequestFields } from './chat-persona';
import { runChatTurn } from './chat-turn';
import type { TurnOutcome } from './chat-turn';
import { streamingStore } from './streaming-store';

let deps: ProviderDeps = {};
const running = new Map<string, AbortController>();
const chains = new Map<string, Promise<unknown>>();
const regenerating = new Set<string>();

/** The app passes the signed-in writer's token source (none in local-only mode). */
export function configureChatSession(next: ProviderDeps): void {
  if (next.getAccessToken) deps = { ...deps, getAccessToken: next.getAccessToken };
}

export function chatProviderDeps(): ProviderDeps {
  return deps;
}

const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);
const webLocks = () => (typeof navigator !== 'undefined' ? navigator.locks : undefined);

/** Held by the tab answering a message for as long as its reply streams. */
const replyLockName = (userMessageId: string) => `story-prompts-chat-reply:${userMessageId}`;

function holdingReplyLock<T>(userMessageId: string, run: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  return locks ? locks.request(replyLockName(userMessageId), run) : run();
}

async function personaFields(personaId: string | null) {
  if (!personaId) return {};
  const custom = isBuiltinPersonaId(personaId) ? undefined : await getCustomPersona(db, personaId);
  return personaRequestFields(findPersona(personaId, custom ? [custom] : []));
}

async function runAnswer(
  chatId: string,
  userMessageId: string,
  mode: 'send' | 'regenerate',
): Promise<TurnOutcome | null> {
  const chat = await getChat(db, chatId);
  if (!chat) return null;
  const controller = new AbortController();
  running.set(chatId, controller);
  streamingStore.start(chatId, userMessageId);
  let error: string | null = null;
  try {
    const provider = providerFor(await readChatProviderSettings(db.settings), deps);
    const input = {
      chatId,
      model: chat.model,
      personaId: chat.persona_id,
      persona: await personaFields(chat.persona_id),
      userMessageId,
      mode,
    };
    const outcome = await holdingReplyLock(userMessageId, () =>
      runChatTurn(db, provider, input, controller.signal, {
        onDelta: (content) => streamingStore.update(chatId, content),
        isOnline,
      }),
    );
    if (outcome.kind === 'failed') error = outcome.error.message;
    return outcome;
  } catch (caught) {
    error = describeError(caught);
    return null;
  } finally {
    running.delete(chatId);
    streamingStore.finish(chatId, error);
  }
}

/** Answers a user message after any reply already running in this chat. */
export function answer(
  chatId: string,
  userMessageId: string,
  mode: 'send' | 'regenerate',
): Promise<TurnOutcome | null> {
  const previous = chains.get(chatId) ?? Promise.resolve();
  const next = previous.then(() => runAnswer(chatId, userMessageId, mode));
  chains.set(
    chatId,
    next.catch(() => undefined),
  );
  return next;
}

const MESSAGE_WRITE_TABLES = () => [db.chats, db.messages, db.changes, db.row_meta, db.settings];

/** Stores the writer's message as queued, and titles an untitled chat after it. */
function storeUserMessage(chat: Chat, content: string): Promise<Message> {
  return db.transaction('rw', MESSAGE_WRITE_TABLES(), async () => {
    const message = await appendMessage(db, {
      chatId: chat.id,
      role: 'user',
      content,
      model: chat.model,
      personaId: chat.persona_id,
      status: 'queued',
    });
    await titleFromFirstMessage(db, chat.id, content);
    return message;
  });
}

function askForReply(message: Message): void {
  streamingStore.clearError(message.chat_id);
  if (isOnline()) void answer(message.chat_id, message.id, 'send');
}

/** Stores the writer's message (queued when offline) and, when online, asks for the reply. */
export async function sendUserMessage(chat: Chat, content: string): Promise<Message> {
  const message = await storeUserMessage(chat, content);
  askForReply(message);
  return message;
}

/**
 * Creates a chat with its first message in one transaction: a message the database refuses
 * (too long) leaves no empty chat behind, however often the writer tries.
 */
export async function startChat(fields: Partial<ChatFields>, content: string): Promise<Chat> {
  const { chat, message } = await db.transaction('rw', MESSAGE_WRITE_TABLES(), async () => {
    const created = await createChat(db, fields);
    return { chat: created, message: await storeUserMessage(created, content) };
  });
  askForReply(message);
  return chat;
}

export function retryMessage(message: Message): Promise<TurnOutcome | null> {
  streamingStore.clearError(message.chat_id);
  return answer(message.chat_id, message.id, 'send');
}

/**
 * A new reply to the user message before `reply` (the old reply stays: messages are
 * append-only). That message is read from the database: when `reply` is the oldest one the chat
 * window has loaded, its prompt is not in the window.
 */
export async function regenerateReply(reply: Message): Promise<TurnOutcome | null> {
  // One at a time per chat: a double click must not pay for two new replies. (The button is
  // disabled only once the reply streams, a few reads after the first click.)
  if (regenerating.has(reply.chat_id)) return null;
  regenerating.add(reply.chat_id);
  try {
    const user = await promptOfReply(db, reply);
    if (!user) return null;
    streamingStore.clearError(reply.chat_id);
    return await answer(reply.chat_id, user.id, 'regenerate');
  } finally {
    regenerating.delete(reply.chat_id);
  }
}

export function stopReply(chatId: string): void {
  running.get(chatId)?.abort();
}

/** Sends every message queued on this device, oldest first; stops if the connection drops again. */
export async function flushQueue(): Promise<void> {
  for (const message of await listQueuedMessages(db)) {
    if (!isOnline()) return;
    const outcome = await answer(message.chat_id, message.id, 'send');
    if (outcome?.kind === 'queued') return;
  }
}

/** Messages this tab is waiting on: each has one pending request for its reply lock. */
const watchedMessages = new Set<string>();

/**
 * Messages this device left 'sending' when a tab closed or crashed mid-reply: without this they
 * would show "Sending…" forever, with no Retry. This tab queues for each one's reply lock rather
 * than probing it: the browser grants the lock only once the answering tab has finished or gone
 * (its lock is released a moment after the tab closes, so a probe at that moment would miss it).
 * Whoever gets the lock then finds the message answered, failed or queued (left alone) or still
 * 'sending' with nobody answering (marked interrupted, so Retry shows).
 */
export async function recoverInterruptedMessages(): Promise<void> {
  const locks = webLocks();
  if (!locks) return;
  for (const message of await listSendingMessages(db)) {
    if (watchedMessages.has(message.id)) continue;
    watchedMessages.add(message.id);
    void locks
      .request(replyLockName(message.id), () => markInterruptedMessage(db, message.id))
      .catch(() => {})
      .finally(() => watchedMessages.delete(message.id));
  }
}

let senderStarted = false;

/**
 * Starts the queue sender of this tab once: at start (if online) and whenever `online` fires.
 * Interrupted messages are looked for at start and whenever the tab gets focus again: a message
 * another tab started answering after this one opened is found when the writer comes back here.
 */
export function startQueueSender(): void {
  if (senderStarted || typeof window === 'undefined') return;
  senderStarted = true;
  const flush = () => {
    // One tab at a time flushes; each message is also claimed in a transaction (never sent twice).
    const locks = webLocks();
    const run = locks
      ? locks.request('story-prompts-chat-queue', () => flushQueue())
      : flushQueue();
    void run.catch(() => {});
  };
  const recover = () => void recoverInterruptedMessages().catch(() => {});
  recover();
  window.addEventListener('focus', recover);
  window.addEventListener('online', flush);
  if (isOnline()) flush();
}
