// Typed failures of work sent to the worker pool. A caller can tell "the worker died" from "it
// took too long" from "the app is closing" and decide whether trying again makes sense.
import { AppError } from '../lib/app-error';

export type WorkerPoolErrorCode = 'worker/crashed' | 'worker/timeout' | 'worker/shutdown';

export class WorkerPoolError extends AppError {
  declare readonly code: WorkerPoolErrorCode;

  constructor(code: WorkerPoolErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = 'WorkerPoolError';
  }
}

export function crashedError(kind: string, cause: unknown): WorkerPoolError {
  return new WorkerPoolError(
    'worker/crashed',
    `A background ${kind} worker stopped unexpectedly and was restarted. Nothing you saved was affected; try again.`,
    cause,
  );
}

export function timeoutError(kind: string, timeoutMs: number): WorkerPoolError {
  return new WorkerPoolError(
    'worker/timeout',
    `A background ${kind} task took longer than ${timeoutMs} ms, so its worker was restarted. Nothing you saved was affected.`,
    { timeoutMs },
  );
}

export function shutdownError(kind: string): WorkerPoolError {
  return new WorkerPoolError(
    'worker/shutdown',
    `The ${kind} workers are shutting down; the task did not run.`,
  );
}
