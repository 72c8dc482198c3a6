// Uncaught errors and unhandled promise rejections go to the Diagnostics error log, so a
// problem a writer saw can be described later without a developer console.
import { appMetrics } from '../lib/app-metrics';

function messageOf(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  return typeof reason === 'string' ? reason : 'An error without a message';
}

export function captureUncaughtErrors(target: Window = window): void {
  target.addEventListener('error', (event) => {
    appMetrics.recordError('app', messageOf(event.error ?? event.message));
  });
  target.addEventListener('unhandledrejection', (event) => {
    appMetrics.recordError('app', messageOf(event.reason));
  });
}
