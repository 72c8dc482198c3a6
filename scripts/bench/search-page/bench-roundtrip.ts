// B12: worker round trip of a payload through Comlink vs a raw postMessage echo.
//
// Fairness:
// - Both variants talk to the same echo worker (echo.worker.ts), each over its own MessagePort.
//   With one worker per variant, the two threads landed on this 2-core VM's cores by chance, and
//   whichever worker the scheduler happened to wake on the page's core answered in ≈25 µs while
//   the other took ≈60 µs, run after run, in either direction.
// - Samples alternate A B B A, so drift and background load hit both alike.
// - A 1 KB round trip takes ≈25–60 µs, only a few ticks of performance.now(), which is 5 µs even
//   cross-origin isolated (scripts/bench/search.ts). So each sample times TRIPS_PER_SAMPLE
//   sequential round trips together and divides: every trip's full latency still counts, but the
//   clock's step no longer decides the ratio (one tick is 20% of a 25 µs trip).
import * as Comlink from 'comlink';

const TRIPS_PER_SAMPLE = 10;

interface EchoApi {
  echo(value: unknown): unknown;
}

let ends: { remote: Comlink.Remote<EchoApi>; rawPort: MessagePort } | null = null;

function echoEnds() {
  if (ends) return ends;
  const worker = new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module' });
  const comlinkChannel = new MessageChannel();
  const rawChannel = new MessageChannel();
  worker.postMessage(null, [comlinkChannel.port2, rawChannel.port2]);
  ends = { remote: Comlink.wrap<EchoApi>(comlinkChannel.port1), rawPort: rawChannel.port1 };
  return ends;
}

function rawEcho(port: MessagePort, value: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    port.onmessage = (event) => resolve(event.data);
    port.postMessage(value);
  });
}

/**
 * `count` samples per variant of a `bytes`-long string, interleaved A B B A; each sample is the
 * mean of TRIPS_PER_SAMPLE sequential round trips (ms per round trip).
 */
export async function roundTrips(
  bytes: number,
  count: number,
): Promise<{ comlink: number[]; raw: number[]; tripsPerSample: number; isolated: boolean }> {
  const { remote, rawPort } = echoEnds();
  const payload = 'x'.repeat(bytes);
  const comlink: number[] = [];
  const raw: number[] = [];
  // As the app calls its workers: a method looked up on the remote for every call.
  const timeComlink = async () => {
    const started = performance.now();
    for (let trip = 0; trip < TRIPS_PER_SAMPLE; trip++) await remote.echo(payload);
    comlink.push((performance.now() - started) / TRIPS_PER_SAMPLE);
  };
  const timeRaw = async () => {
    const started = performance.now();
    for (let trip = 0; trip < TRIPS_PER_SAMPLE; trip++) await rawEcho(rawPort, payload);
    raw.push((performance.now() - started) / TRIPS_PER_SAMPLE);
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
  return {
    comlink,
    raw,
    tripsPerSample: TRIPS_PER_SAMPLE,
    isolated: globalThis.crossOriginIsolated === true,
  };
}
