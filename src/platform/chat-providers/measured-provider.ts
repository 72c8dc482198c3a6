// A chat provider that reports to the Diagnostics metrics: time from sending to the first
// words of the reply ("chat reply"), failures and their messages. The stream passes through
// unchanged; a writer stopping a reply is not a failure.
import { appMetrics } from '../../lib/app-metrics';
import { describeError } from '../../lib/app-error';
import { isAbort } from './chat-errors';
import type { ChatProvider, ChatRequest, ChatStreamEvent } from './chat-provider';

export function measuredProvider(provider: ChatProvider): ChatProvider {
  return {
    ...provider,
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatStreamEvent> {
      const started = performance.now();
      let answered = false;
      try {
        for await (const event of provider.stream(request, signal)) {
          if (!answered) {
            answered = true;
            appMetrics.recordTiming('chat reply', performance.now() - started, true);
          }
          yield event;
        }
      } catch (error) {
        if (!isAbort(error, signal)) {
          if (!answered) appMetrics.recordTiming('chat reply', performance.now() - started, false);
          appMetrics.recordError('chat', describeError(error));
        }
        throw error;
      }
    },
  };
}
