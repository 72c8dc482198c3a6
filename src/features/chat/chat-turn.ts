// One exchange with the provider, written to the database as it settles:
//   user message  queued|error → sending → sent        (or → error / → queued when offline)
//   assistant     appended once, when the stream ends:  sent, or error with the partial text
// A stopped reply keeps what arrived (status sent: the writer chose to stop it); stopped before
// any text, the user message has no answer and is left failed, so Retry and Edit stay. Deltas are
// never written to IndexedDB one by one: the UI shows them from memory (streaming-store.ts).
import type { StoryPromptsDatabase } from '../../db/database';
import { chatMessagesUpTo } from '../../db/chat-queries';
import {
  appendMessage,
  claimMessageForSending,
  setMessageStatus,
} from '../../db/messages-repository';
import type { Message } from '../../domain/entities';
import type {
  ChatProvider,
  ChatRequest,
  ChatTurn,
  ChatUsage,
} from '../../platform/chat-providers/chat-provider';
import { ChatProviderError, isAbort } from '../../platform/chat-providers/chat-errors';
import type { PersonaRequestFields } from './chat-persona';

/** How many earlier messages go with a new one (the provider's context is finite). */
export const CONTEXT_MESSAGES = 40;

/**
 * At most this many characters of earlier messages go with a new one (about 100k tokens): the
 * provider's context window is finite, and so is the API's request body (2 MiB), which this
 * keeps clear of even for 3-byte characters and a 200,000-character message of its own.
 * Counting messages alone, a chat holding a few pasted chapters failed on every later message.
 */
export const CONTEXT_CHARACTERS = 400_000;

export interface TurnInput {
  chatId: string;
  model: string;
  personaId: string | null;
  persona: PersonaRequestFields;
  /** The user message this turn answers. */
  userMessageId: string;
  /** 'send': the user message is new, queued or failed; 'regenerate': it was answered already. */
  mode: 'send' | 'regenerate';
}

export type TurnOutcome =
  | { kind: 'sent'; reply: Message }
  | { kind: 'stopped'; reply: Message | null }
  | { kind: 'failed'; error: ChatProviderError; reply: Message | null }
  | { kind: 'queued'; error: ChatProviderError }
  /** Another tab (or an earlier call) is already sending this message. */
  | { kind: 'skipped' };

export interface TurnHooks {
  onDelta?: (content: string) => void;
  isOnline?: () => boolean;
}

/** The turns sent with the request: earlier answered messages, up to and including this one. */
export function contextTurns(messages: readonly Message[], userMessageId: string): ChatTurn[] {
  const end = messages.findIndex((message) => message.id === userMessageId);
  const upTo = end < 0 ? messages : messages.slice(0, end + 1);
  return upTo
    .filter((message) => message.id === userMessageId || message.status === 'sent')
    .filter((message) => message.content.trim() !== '')
    .map((message) => ({ role: message.role, content: message.content }));
}

/** The newest of `earlier` turns within CONTEXT_MESSAGES and CONTEXT_CHARACTERS, oldest first. */
export function fittingTurns(earlier: readonly ChatTurn[]): ChatTurn[] {
  const recent = earlier.slice(-CONTEXT_MESSAGES);
  let used = 0;
  let start = recent.length;
  while (start > 0 && used + recent[start - 1]!.content.length <= CONTEXT_CHARACTERS)
    used += recent[--start]!.content.length;
  return recent.slice(start);
}

async function buildRequest(db: StoryPromptsDatabase, input: TurnInput): Promise<ChatRequest> {
  // Read up to the message answered, not the chat's end: regenerating a reply far up a long
  // chat must send that reply's prompt, which may be older than the chat's last messages.
  const recent = await chatMessagesUpTo(
    db,
    input.chatId,
    input.userMessageId,
    CONTEXT_MESSAGES * 2,
  );
  const turns = contextTurns(recent, input.userMessageId);
  // The last turn is the message answered: it always goes, the earlier ones as they fit.
  const messages = [...fittingTurns(turns.slice(0, -1)), ...turns.slice(-1)];
  return { messages, model: input.model, ...input.persona };
}

function appendReply(
  db: StoryPromptsDatabase,
  input: TurnInput,
  content: string,
  status: 'sent' | 'error',
  usage: ChatUsage | null,
) {
  return appendMessage(db, {
    chatId: input.chatId,
    role: 'assistant',
    content,
    model: input.model,
    personaId: input.personaId,
    status,
    usage,
  });
}

export async function runChatTurn(
  db: StoryPromptsDatabase,
  provider: ChatProvider,
  input: TurnInput,
  signal: AbortSignal,
  hooks: TurnHooks = {},
): Promise<TurnOutcome> {
  if (input.mode === 'send' && !(await claimMessageForSending(db, input.userMessageId)))
    return { kind: 'skipped' };
  const markUser = async (status: 'sent' | 'error' | 'queued') => {
    if (input.mode === 'send') await setMessageStatus(db, input.userMessageId, status);
  };
  let content = '';
  try {
    const request = await buildRequest(db, input);
    for await (const event of provider.stream(request, signal)) {
      if (event.type === 'delta') {
        content += event.content;
        hooks.onDelta?.(content);
      } else {
        const reply = await appendReply(
          db,
          input,
          event.final.content || content,
          'sent',
          event.final.usage,
        );
        await markUser('sent');
        return { kind: 'sent', reply };
      }
    }
    throw new ChatProviderError('stream/invalid');
  } catch (caught) {
    const error =
      caught instanceof ChatProviderError
        ? caught
        : new ChatProviderError('chat/failed', {
            serverMessage: caught instanceof Error ? caught.message : String(caught),
          });
    return settleFailure(db, input, content, error, signal, hooks, markUser);
  }
}

async function settleFailure(
  db: StoryPromptsDatabase,
  input: TurnInput,
  content: string,
  error: ChatProviderError,
  signal: AbortSignal,
  hooks: TurnHooks,
  markUser: (status: 'sent' | 'error' | 'queued') => Promise<void>,
): Promise<TurnOutcome> {
  if (isAbort(error, signal)) {
    if (!content) {
      // Nothing to keep: marked sent, the message would have no reply and no way to ask again.
      await markUser('error');
      return { kind: 'stopped', reply: null };
    }
    const reply = await appendReply(db, input, content, 'sent', null);
    await markUser('sent');
    return { kind: 'stopped', reply };
  }
  if (content) {
    // Cut off mid-reply: keep every word that arrived, marked as failed (Retry regenerates).
    const reply = await appendReply(db, input, content, 'error', null);
    await markUser('sent');
    return { kind: 'failed', error, reply };
  }
  const offline = hooks.isOnline ? !hooks.isOnline() : false;
  if (offline && error.code === 'network/unreachable' && input.mode === 'send') {
    await markUser('queued');
    return { kind: 'queued', error };
  }
  await markUser('error');
  return { kind: 'failed', error, reply: null };
}
