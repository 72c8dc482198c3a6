// Every failure the API reports: an AppError (stable code + readable message) with the HTTP
// status it maps to, and optional field errors for validation. The JSON shape is always
// `{ error: { code, message, fields? } }` so clients can switch on `code` and never parse text.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../lib/app-error';

export type FieldErrors = Record<string, string>;

export class ApiError extends AppError {
  readonly status: ContentfulStatusCode;
  readonly fields?: FieldErrors;
  /** Seconds, sent as Retry-After (429, and 503 while the breaker is open). */
  readonly retryAfterSeconds?: number;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    extra: { fields?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(code, message);
    this.name = 'ApiError';
    this.status = status;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldErrors };
}

export function errorBody(error: ApiError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.fields) body.error.fields = error.fields;
  return body;
}

export function errorResponse(c: Context, error: ApiError): Response {
  if (error.retryAfterSeconds !== undefined)
    c.header('Retry-After', String(error.retryAfterSeconds));
  // The unread rest of an oversized body would poison a kept-alive connection: close it.
  if (error.status === 413) c.header('Connection', 'close');
  return c.json(errorBody(error), error.status);
}

/** Anything thrown that is not an ApiError becomes a 500 without internals in the message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(
    500,
    'api/internal',
    'The server failed to handle this request. Try again later.',
  );
}

export const unauthorized = (message: string): ApiError =>
  new ApiError(401, 'auth/unauthorized', message);
