// How a failed request to the server is understood by the engine. The transport (src/remote)
// turns HTTP statuses, network failures and the server's SQLSTATE codes into one of these
// kinds; the engine decides from the kind alone whether to back off, refresh the session,
// re-stamp clocks, renumber mutations or stop.
import { AppError } from '../lib/app-error';

export type SyncFailureKind =
  | 'network' // no connection, DNS, reset, timeout
  | 'server' // 5xx
  | 'rate-limited' // 429
  | 'unauthorized' // 401: session expired or revoked
  | 'clock-ahead' // SPCLK: our clock is more than a day ahead of the server
  | 'mutation-gap' // SPGAP: our mutation ids do not follow the server's
  | 'client-owned-by-other-user' // SPOWN
  | 'batch-too-large' // SPBIG
  | 'incompatible' // SPVER or an unknown response shape
  | 'invalid-response' // the reply did not match the protocol
  | 'refused'; // any other 4xx

export class SyncTransportError extends AppError {
  readonly kind: SyncFailureKind;
  readonly status: number;
  readonly retryAfterMs: number | null;
  /** The server's clock (from the Date header) when known, for clock-ahead repairs. */
  readonly serverTimeMs: number | null;

  constructor(
    kind: SyncFailureKind,
    message: string,
    options: {
      status?: number;
      retryAfterMs?: number | null;
      serverTimeMs?: number | null;
      code?: string;
    } = {},
  ) {
    super(options.code ?? `sync/${kind}`, message);
    this.name = 'SyncTransportError';
    this.kind = kind;
    this.status = options.status ?? 0;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.serverTimeMs = options.serverTimeMs ?? null;
  }
}

/** Failures that say "the server or the network is unwell": they feed the circuit breaker. */
export function isTransientFailure(error: unknown): boolean {
  return (
    error instanceof SyncTransportError &&
    (error.kind === 'network' || error.kind === 'server' || error.kind === 'rate-limited')
  );
}
