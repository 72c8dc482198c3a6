// DEVELOPMENT TOOL: users, sessions and refresh tokens for the stand-in's Auth, stored in the
// shim's `auth` schema. Passwords are hashed with scrypt and a per-user salt. Refresh tokens are
// single use: using one revokes it and issues its successor in the same session (rotation), so
// a stolen, already-used token is refused.
import { randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type pg from 'pg';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;
const KEY_LENGTH = 64;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, salt, expected] = (stored ?? '').split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const key = await scrypt(password, Buffer.from(salt, 'base64'), KEY_LENGTH);
  const want = Buffer.from(expected, 'base64');
  return want.length === key.length && timingSafeEqual(want, key);
}

export interface UserRow {
  id: string;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The user object GoTrue returns (what supabase-js exposes as `user`). */
export function publicUser(user: UserRow): Record<string, unknown> {
  const confirmed = user.email_confirmed_at?.toISOString() ?? null;
  return {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    email_confirmed_at: confirmed,
    phone: '',
    confirmed_at: confirmed,
    last_sign_in_at: user.last_sign_in_at?.toISOString() ?? null,
    app_metadata: user.raw_app_meta_data,
    user_metadata: user.raw_user_meta_data,
    identities: [],
    created_at: user.created_at.toISOString(),
    updated_at: user.updated_at.toISOString(),
    is_anonymous: false,
  };
}

export class AuthStore {
  constructor(private readonly pool: pg.Pool) {}

  async findUserByEmail(email: string): Promise<UserRow | null> {
    const result = await this.pool.query<UserRow>(
      'select * from auth.users where lower(email) = lower($1)',
      [email],
    );
    return result.rows[0] ?? null;
  }

  async findUser(id: string): Promise<UserRow | null> {
    const result = await this.pool.query<UserRow>('select * from auth.users where id = $1', [id]);
    return result.rows[0] ?? null;
  }

  /** Creates a confirmed user (local development has no confirmation e-mails); null if taken. */
  async createUser(
    email: string,
    /** null: a user who signs in by e-mail link or code only. */
    password: string | null,
    metadata: Record<string, unknown>,
  ): Promise<UserRow | null> {
    const result = await this.pool.query<UserRow>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at, raw_user_meta_data)
       values (lower($1), $2, now(), $3) on conflict (email) do nothing returning *`,
      [email, password === null ? null : await hashPassword(password), JSON.stringify(metadata)],
    );
    return result.rows[0] ?? null;
  }

  /** A new session with its first refresh token. */
  async openSession(userId: string): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = randomUUID();
    const refreshToken = newRefreshToken();
    await this.pool.query('insert into auth.sessions (id, user_id) values ($1, $2)', [
      sessionId,
      userId,
    ]);
    await this.pool.query(
      'insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)',
      [refreshToken, userId, sessionId],
    );
    await this.pool.query('update auth.users set last_sign_in_at = now() where id = $1', [userId]);
    return { sessionId, refreshToken };
  }

  /** Revokes `token` and issues its successor; null when unknown, used, or signed out. */
  async rotateRefreshToken(
    token: string,
  ): Promise<{ userId: string; sessionId: string; refreshToken: string } | null> {
    const successor = newRefreshToken();
    const result = await this.pool.query<{ user_id: string; session_id: string }>(
      `with used as (
         update auth.refresh_tokens set revoked = true, updated_at = now()
         where token = $1 and not revoked returning user_id, session_id, token
       )
       insert into auth.refresh_tokens (token, user_id, session_id, parent)
       select $2, used.user_id, used.session_id, used.token from used
       returning user_id, session_id`,
      [token, successor],
    );
    const row = result.rows[0];
    return row ? { userId: row.user_id, sessionId: row.session_id, refreshToken: successor } : null;
  }

  async sessionExists(sessionId: string): Promise<boolean> {
    const result = await this.pool.query('select 1 from auth.sessions where id = $1', [sessionId]);
    return (result.rowCount ?? 0) > 0;
  }

  /** Ends one session, or every session of the user (scope global). Tokens go with them. */
  async endSessions(
    userId: string,
    sessionId: string,
    scope: 'local' | 'global' | 'others',
  ): Promise<void> {
    const condition =
      scope === 'local' ? 'id = $2' : scope === 'others' ? 'id <> $2' : '$2::uuid is not null';
    await this.pool.query(`delete from auth.sessions where user_id = $1 and ${condition}`, [
      userId,
      sessionId,
    ]);
  }
}

function newRefreshToken(): string {
  return randomBytes(24).toString('base64url');
}
