// How a provider failure maps onto API errors, and whether it counts against the circuit
// breaker. Only failures that say "the provider is unhealthy" count (5xx, 429, timeouts,
// network errors); a refused request (unknown model, bad key) is a configuration problem
// that no amount of waiting fixes, so it must not open the breaker for everyone.
import OpenAI from 'openai';
import { ApiError } from './api-error';

export interface UpstreamFailure {
  error: ApiError;
  /** true: a provider health failure; false: refused; null: the client went away (neutral). */
  health: boolean | null;
}

export function upstreamTimeout(): ApiError {
  return new ApiError(
    504,
    'upstream/timeout',
    'The AI provider took too long to answer. Try again.',
  );
}

export function classifyUpstreamError(
  error: unknown,
  why: 'timeout' | 'client' | undefined,
): UpstreamFailure {
  if (why === 'timeout') return { error: upstreamTimeout(), health: true };
  if (why === 'client')
    return { error: new ApiError(400, 'request/aborted', 'The client went away.'), health: null };
  if (error instanceof ApiError) return { error, health: error.status >= 500 };
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const { status } = error;
    if (status === 429 || status >= 500)
      return { error: unavailable(`The AI provider failed (HTTP ${status}).`), health: true };
    const reason =
      status === 401 || status === 403
        ? "refused the server's API key"
        : `refused the request: ${shortMessage(error)}`;
    return {
      error: new ApiError(502, 'upstream/rejected', `The AI provider ${reason}.`),
      health: false,
    };
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return { error: upstreamTimeout(), health: true };
  return { error: unavailable('The AI provider cannot be reached.'), health: true };
}

/** The provider reported a failure inside an already started stream (an `error` event). */
export function upstreamStreamError(detail: string): ApiError {
  return unavailable(`The AI provider failed in the middle of the reply: ${detail.slice(0, 300)}.`);
}

/** The provider's stream ended before the reply was finished (no `[DONE]`, no finish reason). */
export function upstreamCutOff(): ApiError {
  return unavailable("The AI provider's reply ended before it was complete.");
}

/** The provider answered, but not with an OpenAI-compatible reply (a health failure: 502). */
export function upstreamInvalidReply(detail: string): ApiError {
  return new ApiError(
    502,
    'upstream/invalid-reply',
    `The AI provider sent a reply this server cannot read (${detail}). Your message is not lost: try again, or choose another model.`,
  );
}

function unavailable(detail: string): ApiError {
  return new ApiError(
    503,
    'upstream/unavailable',
    `${detail} Your message is not lost: try again shortly.`,
  );
}

function shortMessage(error: Error): string {
  return error.message.replace(/\s+/g, ' ').slice(0, 300);
}
