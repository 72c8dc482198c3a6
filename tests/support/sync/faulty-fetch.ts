// A fetch that misbehaves on purpose, for sync tests: requests that never arrive, replies that
// are lost after the server committed, duplicated and late-replayed requests, 5xx/429 answers,
// hangs until the client's timeout, and a switch for "offline". Only RPC calls are affected;
// auth calls pass through unless `affectAuth` is set.

export type Fault =
  | { kind: 'ok' }
  | { kind: 'offline' } // the request never leaves the device
  | { kind: 'drop-reply' } // the server handles it; the reply is lost
  | { kind: 'duplicate' } // sent twice back to back; the second reply is returned
  | { kind: 'replay-later'; afterMs: number } // a copy arrives again later (reply ignored)
  | { kind: 'status'; status: number; retryAfterSeconds?: number } // answered by a proxy, never reaches the server
  | { kind: 'hang' } // no answer until the caller aborts
  | { kind: 'delay'; ms: number };

export class FaultyFetch {
  offline = false;
  affectAuth = false;
  /** Decides the fault of each affected request; default: none. */
  chooser: (url: string) => Fault = () => ({ kind: 'ok' });
  readonly log: { url: string; fault: Fault['kind'] }[] = [];
  private readonly replays = new Set<Promise<unknown>>();

  constructor(private readonly base: typeof fetch = globalThis.fetch.bind(globalThis)) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const affected =
      url.includes('/rest/v1/rpc/') || (this.affectAuth && url.includes('/auth/v1/'));
    if (!affected) return this.base(input, init);
    const fault: Fault = this.offline ? { kind: 'offline' } : this.chooser(url);
    this.log.push({ url, fault: fault.kind });
    return this.apply(fault, input, init);
  };

  /** Waits for replayed copies still in flight (so a test can end cleanly). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.replays]);
  }

  private async apply(
    fault: Fault,
    input: Parameters<typeof fetch>[0],
    init?: RequestInit,
  ): Promise<Response> {
    switch (fault.kind) {
      case 'offline':
        throw new TypeError('fetch failed (simulated offline)');
      case 'drop-reply': {
        const response = await this.base(input, withoutSignal(init));
        await response.arrayBuffer();
        throw new TypeError('fetch failed (simulated lost reply)');
      }
      case 'duplicate': {
        const first = await this.base(input, withoutSignal(init));
        await first.arrayBuffer();
        return this.base(input, init);
      }
      case 'replay-later': {
        const replay = delay(fault.afterMs).then(() =>
          this.base(input, withoutSignal(init)).then((r) => r.arrayBuffer()),
        );
        this.track(replay);
        return this.base(input, init);
      }
      case 'status':
        return new Response(JSON.stringify({ message: `simulated ${fault.status}` }), {
          status: fault.status,
          headers: {
            'content-type': 'application/json',
            ...(fault.retryAfterSeconds !== undefined
              ? { 'retry-after': String(fault.retryAfterSeconds) }
              : {}),
          },
        });
      case 'hang':
        return new Promise<Response>((_, reject) => {
          const signal = init?.signal;
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      case 'delay':
        await delay(fault.ms);
        return this.base(input, init);
      default:
        return this.base(input, init);
    }
  }

  private track(promise: Promise<unknown>) {
    const settled = promise.catch(() => {}).finally(() => this.replays.delete(settled));
    this.replays.add(settled);
  }
}

function withoutSignal(init?: RequestInit): RequestInit | undefined {
  if (!init) return init;
  const { signal: _signal, ...rest } = init;
  return rest;
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
