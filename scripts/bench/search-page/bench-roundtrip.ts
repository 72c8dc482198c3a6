// B12: worker round trip of a payload through Comlink vs a raw postMessage echo.
//
// Fairness: both sides send the same string to an echo worker that sends it back, samples
// alternate A B B A so drift and background load hit both alike, and the page is served
// cross-origin isolated (scripts/bench/search.ts), so performance.now() has 5 µs resolution
// instead of 100 µs (a 1 KB round trip takes about that long).
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

/** `count` round trips of a `bytes`-long string per variant, interleaved A B B A, timed one by one (ms). */
export async function roundTrips(
  bytes: number,
  count: number,
): Promise<{ comlink: number[]; raw: number[]; isolated: boolean }> {
  const { comlinkEcho: remote, rawWorker: raw } = workers();
  const payload = 'x'.repeat(bytes);
  const comlink: number[] = [];
  const plain: number[] = [];
  const timeComlink = async () => {
    const started = performance.now();
    await remote.echo(payload);
    comlink.push(performance.now() - started);
  };
  const timeRaw = async () => {
    const started = performance.now();
    await rawEcho(raw, payload);
    plain.push(performance.now() - started);
  };
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      await timeComlink();
      await timeRaw();
    } else {
      await timeRaw();
      await timeComlink();
    }
  }
  return { comlink, raw: plain, isolated: globalThis.crossOriginIsolated === true };
}
