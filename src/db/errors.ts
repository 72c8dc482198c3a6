// Typed failures of local writes. A validation error names the fields and limits; a storage
// error says the disk is full and that what the writer typed is still in the editor.
import type { ZodError } from 'zod';
import { AppError } from '../lib/app-error';

export interface FieldIssue {
  field: string;
  message: string;
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super('validation/invalid', issues.map((issue) => issue.message).join(' '), issues);
    this.name = 'ValidationError';
    this.issues = issues;
  }

  static fromZod(error: ZodError): ValidationError {
    return new ValidationError(
      error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    );
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('db/not-found', `${what} not found (it may have been deleted on another device).`, {
      id,
    });
    // Not 'NotFoundError': Dexie rewraps errors that carry one of its own error names.
    this.name = 'RowNotFoundError';
  }
}

const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}

export class StorageFullError extends AppError {
  constructor(cause: unknown) {
    super(
      'storage/full',
      'This device is out of storage, so the change was not saved. What you typed is still in the editor: free some space or export a backup, then try again.',
      cause,
    );
    this.name = 'StorageFullError';
  }
}

/** Rethrows storage failures as a typed error; other errors pass through unchanged. */
export function toStorageError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError(error) : error;
}
