// What the engine needs from the server: the two RPCs. The Supabase implementation lives in
// src/sync/rpc-transport.ts; tests wrap it with fault injection.
import type { PullRequest, PullResponse, PushRequest, PushResponse } from './protocol';

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
}
