// The chat provider contract the chat feature talks to. Two implementations: the app's own
// server (/api/chat/messages, SSE) and bring-your-own-key (the openai SDK straight from the
// browser to an OpenAI-compatible base URL). Both stream the same events and fail with the
// same typed errors (chat-errors.ts), so the UI never cares which one is in use.

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatTurn[];
  model: string;
  /** A built-in persona id (the server knows their system prompts). */
  personaId?: string;
  /** A custom persona's system prompt (wins over personaId). */
  system?: string;
  temperature?: number;
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatFinal {
  id: string;
  model: string;
  content: string;
  usage: ChatUsage | null;
  finishReason: string | null;
}

export type ChatStreamEvent =
  { type: 'delta'; content: string } | { type: 'done'; final: ChatFinal };

export interface ConnectionResult {
  ok: boolean;
  message: string;
  models?: string[];
}

export type ChatProviderKind = 'app-server' | 'byok';

export interface ChatProvider {
  readonly kind: ChatProviderKind;
  /**
   * Streams one reply: zero or more deltas, then exactly one `done`. Failures (before or during
   * the stream) throw a ChatProviderError; an abort through `signal` throws one with code
   * 'chat/aborted'. Deltas already yielded stay valid: the caller keeps the partial reply.
   */
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatStreamEvent>;
  listModels(signal?: AbortSignal): Promise<string[]>;
  testConnection(signal?: AbortSignal): Promise<ConnectionResult>;
}
