// Typed chat failures with the message a writer reads. Codes follow the API's
// (`rate-limit/exceeded`, `upstream/unavailable`, ...) so both providers speak one language;
// every message says what happened and that the typed text is safe.
import { AppError, describeError } from '../../lib/app-error';

export type ChatErrorCode =
  | 'rate-limit/exceeded'
  | 'upstream/unavailable'
  | 'upstream/not-configured'
  | 'upstream/timeout'
  | 'upstream/rejected'
  | 'auth/unauthorized'
  | 'byok/key-refused'
  | 'byok/not-configured'
  | 'byok/model-not-found'
  | 'network/unreachable'
  | 'stream/invalid'
  | 'validation/invalid-body'
  | 'chat/aborted'
  | 'chat/failed';

export interface ChatErrorContext {
  retryAfterSeconds?: number | null;
  /** Host of the provider, named in BYOK messages. */
  host?: string;
  model?: string;
  /** The server's own message, used for codes without a fixed wording. */
  serverMessage?: string;
}

export class ChatProviderError extends AppError {
  readonly retryAfterSeconds: number | null;

  constructor(code: ChatErrorCode, context: ChatErrorContext = {}) {
    super(code, chatErrorMessage(code, context), context);
    this.name = 'ChatProviderError';
    this.retryAfterSeconds = context.retryAfterSeconds ?? null;
  }

  get chatCode(): ChatErrorCode {
    return this.code as ChatErrorCode;
  }
}

export function chatErrorMessage(code: ChatErrorCode, context: ChatErrorContext = {}): string {
  const host = context.host ?? 'the provider';
  switch (code) {
    case 'rate-limit/exceeded':
      return context.retryAfterSeconds
        ? `The provider is rate limiting us: try again in ${Math.ceil(context.retryAfterSeconds)} s.`
        : 'The provider is rate limiting us: try again in a moment.';
    case 'upstream/unavailable':
      return 'The chat service is unavailable right now. Your message is kept: try again shortly.';
    case 'upstream/not-configured':
      return 'No API key configured on the server. Ask its owner to set one, or use your own key in Settings › Chat provider.';
    case 'upstream/timeout':
      return 'The AI provider took too long to answer. Your message is kept: try again.';
    case 'upstream/rejected':
      return context.serverMessage ?? 'The AI provider refused the request.';
    case 'auth/unauthorized':
      return 'Sign in to use the app’s chat service, or use your own key in Settings › Chat provider.';
    case 'byok/key-refused':
      return `Your key was refused by ${host}. Check the API key in Settings › Chat provider.`;
    case 'byok/not-configured':
      return 'Bring-your-own-key is chosen but no base URL or API key is set: add them in Settings › Chat provider.';
    case 'byok/model-not-found':
      return `${host} has no model “${context.model ?? ''}”. Choose another model.`;
    case 'network/unreachable':
      return `Cannot reach ${host}. Check your connection (and the base URL in Settings › Chat provider).`;
    case 'stream/invalid':
      return 'The chat service sent a reply the app could not read. Try again.';
    case 'validation/invalid-body':
      return context.serverMessage ?? 'The chat service refused the message as invalid.';
    case 'chat/aborted':
      return 'Stopped.';
    case 'chat/failed':
      return context.serverMessage ?? 'The chat failed. Your message is kept: try again.';
  }
}

const KNOWN: readonly string[] = [
  'rate-limit/exceeded',
  'upstream/unavailable',
  'upstream/not-configured',
  'upstream/timeout',
  'upstream/rejected',
  'auth/unauthorized',
  'validation/invalid-body',
];

/** An error code from the app server (unknown ones keep the server's message). */
export function serverChatError(
  code: string,
  serverMessage: string,
  retryAfterSeconds: number | null = null,
): ChatProviderError {
  if (KNOWN.includes(code))
    return new ChatProviderError(code as ChatErrorCode, { serverMessage, retryAfterSeconds });
  if (code.startsWith('auth/'))
    return new ChatProviderError('auth/unauthorized', { serverMessage });
  if (code.startsWith('upstream/'))
    return new ChatProviderError('upstream/unavailable', { serverMessage });
  return new ChatProviderError('chat/failed', { serverMessage });
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  if (error instanceof ChatProviderError) return error.code === 'chat/aborted';
  return (
    error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError')
  );
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function retryAfterSeconds(
  value: string | null | undefined,
  now = Date.now(),
): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Why the model list could not be loaded, in words about the list: the send wording ("Your
 * message is kept: try again") would tell a writer who sent nothing that a message failed.
 * Codes whose chat message already fits (sign in, a refused key, no connection) keep it.
 */
const MODEL_LIST_REASONS: Partial<Record<ChatErrorCode, string>> = {
  'upstream/unavailable': 'The chat service is unavailable right now.',
  'upstream/timeout': 'The AI provider took too long to send its models.',
  'upstream/rejected': 'The AI provider refused to list its models.',
  'stream/invalid': 'The chat service sent a model list the app could not read.',
  'validation/invalid-body': 'The chat service refused the request for its models.',
  'chat/failed': 'The chat service could not list its models.',
  'chat/aborted': 'Listing the models was stopped (it took too long).',
};

export function modelListErrorMessage(error: unknown): string {
  const reason =
    error instanceof ChatProviderError
      ? (MODEL_LIST_REASONS[error.chatCode] ?? error.message)
      : error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        ? MODEL_LIST_REASONS['chat/aborted']!
        : describeError(error);
  return `The model list could not be loaded. ${reason}`;
}
