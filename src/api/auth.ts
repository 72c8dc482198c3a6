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
    auth.kind === 'hs256' ? new TextEncoder().encode(auth.secret) : createRemoteJWKSet(new URL(auth.url));
  const algorithms = auth.kind === 'hs256' ? ['HS256'] : ['RS256', 'ES256', 'EdDSA'];
  return async (token) => {
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key as Uint8Array, { algorithms, audience: 'authenticated' }));
    } catch (error) {
      throw unauthorized(describeJoseError(error));
    }
    if (claims.role !== 'authenticated' || typeof claims.sub !== 'string' || !UUID.test(claims.sub)) {
      throw unauthorized('This token does not belong to a signed-in user. Sign in again.');
    }
    return { userId: claims.sub, claims };
  };
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
