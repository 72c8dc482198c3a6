// SyncTransport over Supabase RPC (`sync_push`, `sync_pull`) with supabase-js. Turns every way a
// call can fail into a typed SyncTransportError the engine understands: network and timeouts
// (status 0), 401, 429 with Retry-After, 5xx, the server's SQLSTATE codes, or a reply that is
// not the protocol's shape.
import type { SupabaseConnection } from '../remote/supabase-client';
import type {
  AckPullRequest,
  AckPullResponse,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from './protocol';
import { SYNC_ERROR_CODES } from './protocol';
import type { SyncErrorSqlState } from './protocol';
import { SyncTransportError } from './sync-errors';
import type { SyncFailureKind } from './sync-errors';
import type { SyncTransport } from './sync-transport';

const REQUEST_TIMEOUT_MS = 30_000;

interface RpcError {
  message?: string;
  code?: string;
  details?: string | null;
  hint?: string | null;
}

/** The server's clock: from a clock-ahead refusal's hint (exact), else the Date header. */
function serverTime(error: RpcError, dateHeaderMs: number | null): number | null {
  const match = /server_time_ms=(\d+)/.exec(error.hint ?? '');
  return match ? Number(match[1]) : dateHeaderMs;
}

// The gateway refuses a wrong anon key with 401 too: no session refresh can fix that, and
// "your session has expired" would send the writer to sign in instead of to Settings.
const isKeyRefused = (status: number, error: RpcError) =>
  status === 401 && /invalid api key/i.test(error.message ?? '');

function kindFor(status: number, error: RpcError): SyncFailureKind {
  const code = error.code;
  if (code && code in SYNC_ERROR_CODES) {
    const kind = SYNC_ERROR_CODES[code as SyncErrorSqlState];
    return kind === 'incompatible-schema-version'
      ? 'incompatible'
      : kind === 'invalid-mutation'
        ? 'refused'
        : kind;
  }
  if (status === 0) return 'network';
  if (isKeyRefused(status, error)) return 'refused';
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status === 404) return 'incompatible';
  return 'refused';
}

function messageFor(kind: SyncFailureKind, error: RpcError, status: number): string {
  switch (kind) {
    case 'network':
      return 'Cannot reach the sync server. Your changes are saved on this device and will sync when it is reachable.';
    case 'server':
      return `The sync server had a problem (${status}). Your changes are saved on this device; retrying.`;
    case 'rate-limited':
      return 'The sync server asked us to slow down. Your changes are saved on this device; retrying shortly.';
    case 'incompatible':
      return 'The sync server runs a different version of the app. Update the app to keep syncing.';
    default:
      if (isKeyRefused(status, error))
        return 'The sync server refused the anon key. Check the anon key in Settings; your changes are saved on this device.';
      return error.message ?? `Sync request failed (${status}).`;
  }
}

export class RpcSyncTransport implements SyncTransport {
  constructor(
    private readonly connection: SupabaseConnection,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  push(request: PushRequest): Promise<PushResponse> {
    return this.call<PushResponse>('sync_push', { ...request });
  }

  pull(request: PullRequest): Promise<PullResponse> {
    const { client_id, cursor, limit, gc_seen } = request;
    return this.call<PullResponse>('sync_pull', { client_id, cursor, limit, gc_seen });
  }

  ackPull(request: AckPullRequest): Promise<AckPullResponse> {
    return this.call<AckPullResponse>('sync_ack_pull', {
      client_id: request.client_id,
      version: request.version,
    });
  }

  private async call<T>(
    fn: 'sync_push' | 'sync_pull' | 'sync_ack_pull',
    args: Record<string, unknown>,
  ): Promise<T> {
    const { data, error, status } = await this.connection.client
      .rpc(fn as never, args as never)
      .abortSignal(AbortSignal.timeout(this.timeoutMs));
    if (!error) return data as T;
    const rpcError = error as RpcError;
    const kind = kindFor(status, rpcError);
    const headers = this.connection.lastRpcHeaders();
    throw new SyncTransportError(kind, messageFor(kind, rpcError, status), {
      status,
      retryAfterMs: status === 0 ? null : headers.retryAfterMs,
      serverTimeMs: status === 0 ? null : serverTime(rpcError, headers.serverTimeMs),
    });
  }
}
