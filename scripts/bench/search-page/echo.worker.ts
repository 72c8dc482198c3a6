// B12: one worker that echoes both ways, Comlink on one port and a bare onmessage on the other.
// Both variants then share one thread pair and its scheduling: with two workers, which one
// happened to land on the core the page was waking on decided a 2× gap either way.
import * as Comlink from 'comlink';

self.onmessage = (event: MessageEvent) => {
  const [comlinkPort, rawPort] = event.ports;
  Comlink.expose({ echo: (value: unknown) => value }, comlinkPort);
  rawPort!.onmessage = (message) => rawPort!.postMessage(message.data);
};
