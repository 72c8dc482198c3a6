// Typed errors: every failure the app reports carries a stable `code` (for tests, logs and the
// API) and a `message` a writer can read, saying what happened and what is safe.
export class AppError extends Error {
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown, code?: string): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}

/** Turns anything thrown into a message fit for the UI, keeping typed messages as they are. */
export function describeError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
