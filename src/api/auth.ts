// Bearer-token authentication: a Supabase access token, verified with the project's HS256
// secret or its JWKS (jose). A missing, malformed, forged, expired or non-user token is a 401
// auth/unauthorized; nothing about why a forged token failed is revealed beyond "invalid".
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { unauthorized } from './api-error';
import type { AuthConfig } from './config';

export type TokenVerifier = (token: string) => Promise<{ userId: string; claims: JWTPayload }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createTokenVerifier(auth: Exclude<AuthConfig, { kind: 'none' }>): TokenVerifier {
  // Supabase signs with the secret's UTF-8 bytes; JWKS projects publish asymmetric keys.
  const key: Uint8Array | JWTVerifyGetKey =
    auth.kind === 'hs256'
      ? new TextEncoder().encode(auth.secret)
      : createRemoteJWKSet(new URL(auth.url));
  const algorithms = auth.kind === 'hs256' ? ['HS256'] : ['RS256', 'ES256', 'EdDSA'];
  const cache = new VerifiedTokenCache();
  return async (token) => {
    const cached = cache.get(token);
    if (cached) return cached;
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        audience: 'authenticated',
      }));
    } catch (error) {
      throw unauthorized(describeJoseError(error));
    }
    if (
      claims.role !== 'authenticated' ||
      typeof claims.sub !== 'string' ||
      !UUID.test(claims.sub)
    ) {
      throw unauthorized('This token does not belong to a signed-in user. Sign in again.');
    }
    const verified = { userId: claims.sub, claims };
    cache.set(token, verified);
    return verified;
  };
}

const CACHE_LIMIT = 5_000;

/**
 * Tokens already verified, until they expire: a chat session sends the same token with every
 * message, and a signature check per request is the API's largest fixed cost per call. Keyed
 * by the exact token string, so a cached entry proves exactly what the signature proved.
 */
class VerifiedTokenCache {
  private readonly entries = new Map<string, { userId: string; claims: JWTPayload }>();

  get(token: string): { userId: string; claims: JWTPayload } | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (typeof entry.claims.exp !== 'number' || entry.claims.exp * 1000 <= Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, entry: { userId: string; claims: JWTPayload }): void {
    // Oldest first out; an evicted token is simply verified again next time.
    if (this.entries.size >= CACHE_LIMIT) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, entry);
  }
}

export function bearerToken(header: string | undefined): string {
  if (!header) throw unauthorized('Sign in first: this request has no Authorization bearer token.');
  const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must be "Bearer <access token>".');
  return match[1]!;
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Your session has expired. Sign in again.';
  return 'The access token is invalid. Sign in again.';
}
