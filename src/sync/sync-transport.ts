// What the engine needs from the server: the three RPCs. The Supabase implementation lives in
// src/sync/rpc-transport.ts; tests wrap it with fault injection.
import type {
  AckPullRequest,
  AckPullResponse,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from './protocol';

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /** Records how far this client has pulled, so the server can purge what every device has seen. */
  ackPull(request: AckPullRequest): Promise<AckPullResponse>;
}
