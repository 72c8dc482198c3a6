// The Hono environment shared by every route: who is calling (set by the auth middleware).
import type { JWTPayload } from 'jose';

export type Caller =
  /** A signed-in writer: database work runs as them, under RLS. */
  | { kind: 'user'; userId: string; claims: JWTPayload }
  /** Local-only mode: an unauthenticated process on this computer (chat and models only). */
  | { kind: 'local'; address: string };

export interface ApiEnv {
  Variables: { caller: Caller };
}

/** The key the rate limiter and logs use for a caller. */
export function callerKey(caller: Caller): string {
  return caller.kind === 'user' ? `user:${caller.userId}` : `local:${caller.address}`;
}
