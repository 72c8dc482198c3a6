// Server-Sent Events from fetch() bodies (EventSource cannot POST or send headers): the shared
// line reader (lib/sse-reader.ts) plus UTF-8 decoding across chunk boundaries and cancellation.
import { SseReader } from '../../lib/sse-reader';

export interface SseEvent {
  event: string;
  data: string;
}

/** The shared reader (lib/sse-reader.ts), collecting the events each piece of text completes. */
export class SseLineParser {
  private completed: SseEvent[] = [];
  private readonly reader = new SseReader((event, data) =>
    this.completed.push({ event: event || 'message', data }),
  );

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): SseEvent[] {
    this.reader.feed(text);
    return this.take();
  }

  /** The stream ended: a final event without its blank line still counts. */
  end(): SseEvent[] {
    this.reader.end();
    return this.take();
  }

  private take(): SseEvent[] {
    const events = this.completed;
    this.completed = [];
    return events;
  }
}

export async function* readSse(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncIterable<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseLineParser();
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
