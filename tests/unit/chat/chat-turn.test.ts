// One exchange written to the database: a reply appended once when the stream settles; an
// abort keeps the partial reply; an error mid-stream keeps the content with status error; an
// error before any text leaves the user message failed (or queued when offline), never lost.
import { describe, expect, it } from 'vitest';
import { listChatMessages, listQueuedMessages } from '../../../src/db/chat-queries';
import { createChat } from '../../../src/db/chats-repository';
import { appendMessage } from '../../../src/db/messages-repository';
import type {
  ChatProvider,
  ChatRequest,
  ChatStreamEvent,
} from '../../../src/platform/chat-providers/chat-provider';
import { ChatProviderError } from '../../../src/platform/chat-providers/chat-errors';
import {
  CONTEXT_CHARACTERS,
  contextTurns,
  runChatTurn,
} from '../../../src/features/chat/chat-turn';
import type { TurnInput } from '../../../src/features/chat/chat-turn';
import { freshDatabase } from '../db/test-database';

type Script = (signal: AbortSignal) => AsyncIterable<ChatStreamEvent>;

function scripted(script: Script) {
  const requests: ChatRequest[] = [];
  const provider: ChatProvider = {
    kind: 'app-server',
    stream: (request, signal) => {
      requests.push(request);
      return script(signal);
    },
    listModels: async () => [],
    testConnection: async () => ({ ok: true, message: '' }),
  };
  return { provider, requests };
}

const done = (content: string): ChatStreamEvent => ({
  type: 'done',
  final: {
    id: 'r',
    model: 'm',
    content,
    usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    finishReason: 'stop',
  },
});

async function setup(status: 'sending' | 'queued' = 'sending') {
  const db = freshDatabase();
  const chat = await createChat(db, { model: 'm' });
  const user = await appendMessage(db, {
    chatId: chat.id,
    role: 'user',
    content: 'Tell me a story',
    model: 'm',
    personaId: null,
    status: status === 'sending' ? 'error' : 'queued',
  });
  const input: TurnInput = {
    chatId: chat.id,
    model: 'm',
    personaId: null,
    persona: { system: 'Be brief.' },
    userMessageId: user.id,
    mode: 'send',
  };
  return { db, chat, user, input };
}

describe('runChatTurn', () => {
  it('appends the reply once with usage and marks the user message sent', async () => {
    const { db, chat, input } = await setup();
    const { provider, requests } = scripted(async function* () {
      yield { type: 'delta', content: 'Once ' };
      yield { type: 'delta', content: 'upon.' };
      yield done('Once upon.');
    });
    const seen: string[] = [];
    const outcome = await runChatTurn(db, provider, input, new AbortController().signal, {
      onDelta: (text) => seen.push(text),
    });
    expect(outcome.kind).toBe('sent');
    expect(seen).toEqual(['Once ', 'Once upon.']);
    expect(requests[0]).toMatchObject({
      messages: [{ role: 'user', content: 'Tell me a story' }],
      model: 'm',
      system: 'Be brief.',
    });
    const messages = await listChatMessages(db, chat.id);
    expect(messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'sent', 'Tell me a story'],
      ['assistant', 'sent', 'Once upon.'],
    ]);
    expect(messages[1]!.usage).toEqual({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
  });

  it('keeps the partial reply when the writer stops the stream', async () => {
    const { db, chat, input } = await setup();
    const controller = new AbortController();
    const { provider } = scripted(async function* (signal) {
      yield { type: 'delta', content: 'Partial ' };
      controller.abort();
      if (signal.aborted) throw new ChatProviderError('chat/aborted');
      yield done('never');
    });
    const outcome = await runChatTurn(db, provider, input, controller.signal);
    expect(outcome.kind).toBe('stopped');
    const messages = await listChatMessages(db, chat.id);
    expect(messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'sent', 'Tell me a story'],
      ['assistant', 'sent', 'Partial '],
    ]);
  });

  it('leaves the user message retryable when the writer stops before any text arrived', async () => {
    const { db, chat, input } = await setup();
    const controller = new AbortController();
    const { provider } = scripted(async function* (signal) {
      controller.abort();
      if (signal.aborted) throw new ChatProviderError('chat/aborted');
      yield done('never');
    });
    const outcome = await runChatTurn(db, provider, input, controller.signal);
    expect(outcome).toEqual({ kind: 'stopped', reply: null });
    const messages = await listChatMessages(db, chat.id);
    expect(messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'error', 'Tell me a story'],
    ]);
  });

  it('keeps the content with status error when the stream fails mid-way', async () => {
    const { db, chat, input } = await setup();
    const { provider } = scripted(async function* () {
      yield { type: 'delta', content: 'Half a reply' };
      throw new ChatProviderError('upstream/unavailable');
    });
    const outcome = await runChatTurn(db, provider, input, new AbortController().signal);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'upstream/unavailable' } });
    const reply = (await listChatMessages(db, chat.id))[1]!;
    expect(reply).toMatchObject({ role: 'assistant', status: 'error', content: 'Half a reply' });
  });

  it('leaves the user message in error (text kept) when the provider refuses before any text', async () => {
    const { db, chat, input } = await setup();
    const { provider } = scripted(async function* () {
      yield* [];
      throw new ChatProviderError('rate-limit/exceeded', { retryAfterSeconds: 20 });
    });
    const outcome = await runChatTurn(db, provider, input, new AbortController().signal);
    expect(outcome.kind === 'failed' && outcome.error.message).toBe(
      'The provider is rate limiting us: try again in 20 s.',
    );
    expect((await listChatMessages(db, chat.id)).map((m) => [m.status, m.content])).toEqual([
      ['error', 'Tell me a story'],
    ]);
  });

  it('queues the message again when the network drops before the reply starts while offline', async () => {
    const { db, input, user } = await setup('queued');
    const { provider } = scripted(async function* () {
      yield* [];
      throw new ChatProviderError('network/unreachable');
    });
    const outcome = await runChatTurn(db, provider, input, new AbortController().signal, {
      isOnline: () => false,
    });
    expect(outcome.kind).toBe('queued');
    expect((await listQueuedMessages(db)).map((m) => m.id)).toEqual([user.id]);
  });

  it('sends only the newest earlier messages that fit the context budget, and always the message', async () => {
    const { db, chat, input } = await setup();
    const chapter = (n: number) => `Chapter ${n} `.padEnd(150_000, 'x');
    for (const n of [1, 2, 3]) {
      for (const [role, content] of [
        ['user', chapter(n)],
        ['assistant', `Noted ${n}`],
      ] as const)
        await appendMessage(db, {
          chatId: chat.id,
          role,
          content,
          model: 'm',
          personaId: null,
          status: 'sent',
        });
    }
    const last = await appendMessage(db, {
      chatId: chat.id,
      role: 'user',
      content: chapter(4),
      model: 'm',
      personaId: null,
      status: 'queued',
    });
    const { provider, requests } = scripted(async function* () {
      yield done('Fine');
    });
    await runChatTurn(
      db,
      provider,
      { ...input, userMessageId: last.id },
      new AbortController().signal,
    );
    const sent = requests[0]!.messages.map((turn) => turn.content.slice(0, 10));
    // Chapters 2 and 3 with their replies fit in CONTEXT_CHARACTERS; chapter 1 no longer does.
    expect(sent).toEqual([
      'Noted 1',
      'Chapter 2 ',
      'Noted 2',
      'Chapter 3 ',
      'Noted 3',
      'Chapter 4 ',
    ]);
    const earlier = requests[0]!.messages.slice(0, -1);
    expect(earlier.reduce((sum, turn) => sum + turn.content.length, 0)).toBeLessThanOrEqual(
      CONTEXT_CHARACTERS,
    );
  });

  it('regenerates without touching the answered user message and appends a second reply', async () => {
    const { db, chat, input } = await setup();
    const { provider } = scripted(async function* () {
      yield done('First');
    });
    await runChatTurn(db, provider, input, new AbortController().signal);
    const again = scripted(async function* () {
      yield done('Second');
    });
    await runChatTurn(
      db,
      again.provider,
      { ...input, mode: 'regenerate' },
      new AbortController().signal,
    );
    expect(again.requests[0]!.messages).toEqual([{ role: 'user', content: 'Tell me a story' }]);
    expect((await listChatMessages(db, chat.id)).map((m) => m.content)).toEqual([
      'Tell me a story',
      'First',
      'Second',
    ]);
  });
});

describe('contextTurns', () => {
  it('sends answered messages up to this one, skipping failed and unsent ones', () => {
    const base = {
      created_at: '',
      updated_at: '',
      deleted: false,
      chat_id: 'c',
      model: 'm',
      persona_id: null,
      usage: null,
    };
    const messages = [
      { ...base, id: '1', role: 'user' as const, content: 'a', status: 'sent' as const },
      { ...base, id: '2', role: 'assistant' as const, content: 'cut', status: 'error' as const },
      { ...base, id: '3', role: 'user' as const, content: 'b', status: 'sending' as const },
      { ...base, id: '4', role: 'assistant' as const, content: 'later', status: 'sent' as const },
    ];
    expect(contextTurns(messages, '3')).toEqual([
      { role: 'user', content: 'a' },
      { role: 'user', content: 'b' },
    ]);
  });
});

describe('claiming a message', () => {
  it('lets only one sender take a queued message', async () => {
    const { db, input } = await setup('queued');
    let calls = 0;
    const { provider } = scripted(async function* () {
      calls++;
      yield done('Once');
    });
    const outcomes = await Promise.all([
      runChatTurn(db, provider, input, new AbortController().signal),
      runChatTurn(db, provider, input, new AbortController().signal),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['sent', 'skipped']);
    expect(calls).toBe(1);
  });
});
