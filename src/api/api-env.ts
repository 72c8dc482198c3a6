// The Hono environment shared by every route: who is calling (set by the auth middleware), and
// on Node the server's own request and response.
import type { HttpBindings } from '@hono/node-server';
import type { JWTPayload } from 'jose';

export type Caller =
  /** A signed-in writer: database work runs as them, under RLS. */
  | { kind: 'user'; userId: string; claims: JWTPayload }
  /** Local-only mode: an unauthenticated process on this computer (chat and models only). */
  | { kind: 'local'; address: string };

export interface ApiEnv {
  /** Under @hono/node-server, Node's request and response; absent on Netlify and in tests. */
  Bindings: Partial<HttpBindings> | undefined;
  Variables: { caller: Caller };
}

/** The key the rate limiter and logs use for a caller. */
export function callerKey(caller: Caller): string {
  return caller.kind === 'user' ? `user:${caller.userId}` : `local:${caller.address}`;
}
