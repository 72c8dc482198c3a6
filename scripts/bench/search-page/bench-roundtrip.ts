// B12: worker round trip of a payload through Comlink vs a raw postMessage echo.
import * as Comlink from 'comlink';

interface EchoApi {
  echo(value: unknown): unknown;
}

let comlinkEcho: Comlink.Remote<EchoApi> | null = null;
let rawWorker: Worker | null = null;

function workers() {
  comlinkEcho ??= Comlink.wrap<EchoApi>(
    new Worker(new URL('./echo-comlink.worker.ts', import.meta.url), { type: 'module' }),
  );
  rawWorker ??= new Worker(new URL('./echo-raw.worker.ts', import.meta.url), { type: 'module' });
  return { comlinkEcho, rawWorker };
}

function rawEcho(worker: Worker, value: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(value);
  });
}

/** `count` round trips of a `bytes`-long string, timed one by one (ms). */
export async function roundTrips(
  bytes: number,
  variant: 'comlink' | 'raw',
  count: number,
): Promise<number[]> {
  const { comlinkEcho: remote, rawWorker: raw } = workers();
  const payload = 'x'.repeat(bytes);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    if (variant === 'comlink') await remote.echo(payload);
    else await rawEcho(raw, payload);
    times.push(performance.now() - started);
  }
  return times;
}
