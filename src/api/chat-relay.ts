// The streamed chat reply as a web stream (Netlify's function answers with a `Response`): reads
// the provider's body one network read at a time, and enqueues what `ReplyAssembler` makes of
// it as one piece. `npm start` writes the same events straight to Node (`relayChatToNode`).
import type { UpstreamCall } from './upstream-call';
import { DRAIN_LIMIT_MS, ReplyAssembler } from './reply-assembler';

/** Our SSE stream for one reply; cancelling it (the client left) aborts the provider call. */
export function relayChatStream(
  upstream: ReadableStream<Uint8Array>,
  call: UpstreamCall,
  requestedModel: string,
): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const reply = new ReplyAssembler(requestedModel);
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let finished = false;
      try {
        while (!finished) {
          const { done, value } = await reader.read();
          if (done) reply.end(decoder.decode());
          else {
            call.touch();
            reply.feed(decoder.decode(value, { stream: true }));
          }
          finished = done || reply.complete;
          if (reply.hasOutput) break;
        }
        if (finished) call.succeed();
      } catch (error) {
        finished = true;
        const failure = call.fail(error);
        if (!call.clientGone) reply.fail(failure);
        void reader.cancel().catch(() => undefined);
      }
      if (cancelled) return;
      const out = reply.take();
      if (out) controller.enqueue(encoder.encode(out));
      if (finished) {
        controller.close();
        if (reply.complete) void drain(reader);
      }
    },
    cancel() {
      cancelled = true;
      call.abort('client');
      return reader.cancel().catch(() => undefined);
    },
  });
}

/** Reads what the provider still sends after `[DONE]`, so its connection can be reused. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const giveUp = setTimeout(() => void reader.cancel().catch(() => undefined), DRAIN_LIMIT_MS);
  try {
    while (!(await reader.read()).done);
  } catch {
    // The reply was complete; whatever happens to the connection afterwards does not matter.
  } finally {
    clearTimeout(giveUp);
  }
}
