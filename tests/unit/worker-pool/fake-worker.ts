// A stand-in for a Web Worker in Node: a Comlink API exposed on one end of a MessageChannel,
// with 'error' events the test can fire (a crash) and a record of terminate() calls.
import * as Comlink from 'comlink';
import type { PoolWorker } from '../../../src/platform/worker-pool';

export interface FakeWorker extends PoolWorker {
  id: number;
  terminated: boolean;
  crash(): void;
}

let nextId = 0;

export function fakeWorker(api: object): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2);
  port1.start();
  const events = new EventTarget();
  const worker: FakeWorker = {
    id: ++nextId,
    terminated: false,
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      port1.postMessage(message, transfer ?? []),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      type === 'message'
        ? port1.addEventListener(type, listener)
        : events.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      type === 'message'
        ? port1.removeEventListener(type, listener)
        : events.removeEventListener(type, listener),
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
    crash() {
      events.dispatchEvent(new Event('error'));
    },
  };
  return worker;
}

/** A promise the test resolves later, to hold a task "running" as long as it likes. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}
