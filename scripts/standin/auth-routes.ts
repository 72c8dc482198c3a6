// DEVELOPMENT TOOL: the subset of Supabase Auth (GoTrue) the app uses, answering in the shapes
// the unmodified supabase-js (auth-js) parses: sessions {access_token, token_type, expires_in,
// expires_at, refresh_token, user} and errors {code, error_code, msg, message} with the
// `x-supabase-api-version` header so auth-js reads `code` as the error code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { publicUser, verifyPassword } from './auth-store';
import type { AuthStore } from './auth-store';
import type { UserRow } from './auth-store';
import type { Mailbox } from './mailbox';
import {
  AUTH_EXPOSED_HEADERS,
  CORS_HEADERS,
  HttpError,
  bearerToken,
  readJson,
  sendJson,
} from './http-kit';
import { ACCESS_TOKEN_SECONDS, signAccessToken, verifyToken } from './jwt';

/** On every Auth reply, as GoTrue sends them: its API version, and which headers a browser may read. */
export const AUTH_REPLY_HEADERS = {
  'x-supabase-api-version': '2024-01-01',
  ...AUTH_EXPOSED_HEADERS,
};
const MIN_PASSWORD_LENGTH = 6;

export interface AuthContext {
  store: AuthStore;
  /** Where sign-in mails go (otp-routes.ts). */
  mailbox: Mailbox;
  jwtSecret: string;
  /** Access token lifetime in seconds (tests shorten it). */
  accessTokenSeconds?: number;
}

export function authError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): HttpError {
  return new HttpError(status, { code, error_code: code, msg: message, message, ...extra });
}

export async function sessionResponse(
  ctx: AuthContext,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<Record<string, unknown>> {
  const expiresIn = ctx.accessTokenSeconds ?? ACCESS_TOKEN_SECONDS;
  const { token, expiresAt } = await signAccessToken(ctx.jwtSecret, {
    userId: user.id,
    email: user.email,
    sessionId,
    expiresIn,
  });
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: expiresIn,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: publicUser(user),
  };
}

function credentials(body: unknown): { email: string; password: string } {
  const { email, password } = (body ?? {}) as { email?: unknown; password?: unknown };
  if (typeof email !== 'string' || !email.includes('@'))
    throw authError(400, 'validation_failed', 'A valid email is required.');
  if (typeof password !== 'string' || !password)
    throw authError(400, 'validation_failed', 'A password is required.');
  return { email, password };
}

async function signUp(ctx: AuthContext, req: IncomingMessage): Promise<unknown> {
  const body = (await readJson(req)) as { data?: Record<string, unknown> };
  const { email, password } = credentials(body);
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw authError(
      422,
      'weak_password',
      `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
      {
        weak_password: {
          reasons: ['length'],
          message: `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
        },
      },
    );
  }
  const user = await ctx.store.createUser(email, password, body.data ?? {});
  if (!user) throw authError(422, 'user_already_exists', 'User already registered');
  const { sessionId, refreshToken } = await ctx.store.openSession(user.id);
  return sessionResponse(ctx, (await ctx.store.findUser(user.id)) ?? user, sessionId, refreshToken);
}

async function token(
  ctx: AuthContext,
  req: IncomingMessage,
  grantType: string | null,
): Promise<unknown> {
  const body = await readJson(req);
  if (grantType === 'password') {
    const { email, password } = credentials(body);
    const user = await ctx.store.findUserByEmail(email);
    if (!user || !(await verifyPassword(password, user.encrypted_password))) {
      throw authError(400, 'invalid_credentials', 'Invalid login credentials');
    }
    const { sessionId, refreshToken } = await ctx.store.openSession(user.id);
    return sessionResponse(
      ctx,
      (await ctx.store.findUser(user.id)) ?? user,
      sessionId,
      refreshToken,
    );
  }
  if (grantType === 'refresh_token') {
    const refresh = (body as { refresh_token?: unknown }).refresh_token;
    const rotated =
      typeof refresh === 'string' ? await ctx.store.rotateRefreshToken(refresh) : null;
    const user = rotated && (await ctx.store.findUser(rotated.userId));
    if (!rotated || !user)
      throw authError(
        400,
        'refresh_token_not_found',
        'Invalid Refresh Token: Refresh Token Not Found',
      );
    return sessionResponse(ctx, user, rotated.sessionId, rotated.refreshToken);
  }
  throw authError(
    400,
    'validation_failed',
    'Unsupported grant_type: use password or refresh_token.',
  );
}

/** The signed-in user behind the request's access token, with a session that still exists. */
async function requireUser(
  ctx: AuthContext,
  req: IncomingMessage,
): Promise<{ user: UserRow; sessionId: string }> {
  const jwt = bearerToken(req);
  const verified = jwt ? await verifyToken(ctx.jwtSecret, jwt) : null;
  if (!verified?.ok || !verified.claims.sub) {
    throw authError(
      401,
      'bad_jwt',
      verified && !verified.ok && verified.reason === 'expired' ? 'JWT expired' : 'Invalid JWT',
    );
  }
  const sessionId = verified.claims.session_id ?? '';
  const user = await ctx.store.findUser(verified.claims.sub);
  if (!user) throw authError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  if (!(await ctx.store.sessionExists(sessionId))) {
    throw authError(
      403,
      'session_not_found',
      'Session from session_id claim in JWT does not exist',
    );
  }
  return { user, sessionId };
}

/**
 * GET /auth/v1/settings: GoTrue's public settings, which clients read to decide what to offer.
 * The stand-in signs up and in with e-mail and password only: no OAuth providers, no phone,
 * no SAML, and sign-up returns a session at once (no confirmation mail), i.e. autoconfirm.
 */
function settings(): Record<string, unknown> {
  const providers = [
    'anonymous_users',
    'apple',
    'azure',
    'bitbucket',
    'discord',
    'facebook',
    'figma',
    'fly',
    'github',
    'gitlab',
    'google',
    'keycloak',
    'kakao',
    'linkedin',
    'linkedin_oidc',
    'notion',
    'spotify',
    'slack',
    'slack_oidc',
    'workos',
    'twitch',
    'twitter',
    'phone',
    'zoom',
  ];
  return {
    external: { ...Object.fromEntries(providers.map((name) => [name, false])), email: true },
    disable_signup: false,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  };
}

/** Handles /auth/v1/*; returns false when the path is not an Auth route. */
export async function handleAuth(
  ctx: AuthContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    if (route === 'POST /auth/v1/signup') {
      sendJson(res, 200, await signUp(ctx, req), AUTH_REPLY_HEADERS);
    } else if (route === 'POST /auth/v1/token') {
      sendJson(
        res,
        200,
        await token(ctx, req, url.searchParams.get('grant_type')),
        AUTH_REPLY_HEADERS,
      );
    } else if (route === 'GET /auth/v1/user') {
      sendJson(res, 200, publicUser((await requireUser(ctx, req)).user), AUTH_REPLY_HEADERS);
    } else if (route === 'POST /auth/v1/logout') {
      const { user, sessionId } = await requireUser(ctx, req);
      const scope = url.searchParams.get('scope');
      await ctx.store.endSessions(
        user.id,
        sessionId,
        scope === 'local' || scope === 'others' ? scope : 'global',
      );
      res.writeHead(204, { ...CORS_HEADERS, ...AUTH_REPLY_HEADERS }).end();
    } else if (route === 'GET /auth/v1/settings') {
      sendJson(res, 200, settings(), AUTH_REPLY_HEADERS);
    } else if (route === 'GET /auth/v1/health') {
      sendJson(res, 200, {
        name: 'story-prompts-standin-auth',
        description: 'Development stand-in for Supabase Auth',
      });
    } else {
      return false;
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(res, error.status, error.body, AUTH_REPLY_HEADERS);
  }
  return true;
}
