// Who is calling. With Supabase configured: a verified bearer token, always. Without it
// (local-only mode, Node only): routes that allow it accept callers on this computer with no
// sign-in; data routes cannot work without Supabase and say so.
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './api-env';
import { ApiError } from './api-error';
import { bearerToken } from './auth';
import type { TokenVerifier } from './auth';
import type { ApiConfig } from './config';
import { isLoopbackAddress, nodeRemoteAddress } from './local-only';

export interface CallerOptions {
  /** Local-only mode may serve this route to loopback callers (chat, models, metrics). */
  allowLocal: boolean;
}

export function callerMiddleware(
  config: ApiConfig,
  verify: TokenVerifier | undefined,
  { allowLocal }: CallerOptions,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (verify) {
      const { userId, claims } = await verify(bearerToken(c.req.header('authorization')));
      c.set('caller', { kind: 'user', userId, claims });
      return next();
    }
    if (!allowLocal || config.platform !== 'node') {
      throw new ApiError(
        503,
        'api/not-configured',
        'Supabase is not configured on this server (SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL), so this route is unavailable.',
      );
    }
    const address = nodeRemoteAddress(c);
    if (!isLoopbackAddress(address)) {
      throw new ApiError(
        403,
        'auth/local-only',
        'This server has no sign-in configured: it answers chat requests from this computer only.',
      );
    }
    c.set('caller', { kind: 'local', address: address! });
    return next();
  };
}
