// DEVELOPMENT TOOL: HS256 JWTs shaped like Supabase's (sub, role, aud, exp, iat, email,
// session_id), and the long-lived anon / service_role API keys signed with the same secret.
import { SignJWT, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';

/** Supabase's well-known local development secret; never use it for anything real. */
export const DEV_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const ACCESS_TOKEN_SECONDS = 3600;
export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface Claims extends JWTPayload {
  role: ApiRole;
  sub?: string;
  email?: string;
  session_id?: string;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signApiKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  // Ten years, like the keys `supabase start` prints.
  return new SignJWT({ role, iss: 'supabase-demo' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('3650d')
    .sign(keyOf(secret));
}

export interface AccessTokenInput {
  userId: string;
  email: string | null;
  sessionId: string;
  /** Seconds of validity; tests pass a negative number for an already expired token. */
  expiresIn?: number;
}

export async function signAccessToken(
  secret: string,
  input: AccessTokenInput,
): Promise<{ token: string; expiresAt: number }> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + (input.expiresIn ?? ACCESS_TOKEN_SECONDS);
  const token = await new SignJWT({
    role: 'authenticated',
    aud: 'authenticated',
    email: input.email ?? '',
    session_id: input.sessionId,
    aal: 'aal1',
    is_anonymous: false,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: {},
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.userId)
    .setIssuer('http://127.0.0.1/auth/v1')
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(keyOf(secret));
  return { token, expiresAt };
}

export type VerifyResult =
  { ok: true; claims: Claims } | { ok: false; reason: 'expired' | 'invalid' };

/** Verifies signature, expiry and that the role is one the database knows. */
export async function verifyToken(secret: string, token: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'] });
    const role = payload.role;
    if (typeof role !== 'string' || !(API_ROLES as readonly string[]).includes(role))
      return { ok: false, reason: 'invalid' };
    return { ok: true, claims: payload as Claims };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
