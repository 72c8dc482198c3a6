// DEVELOPMENT TOOL: e-mail sign-in without a password, as GoTrue does it, for the Account page's
// "Email me a sign-in link": POST /auth/v1/otp sends a mail (to the stand-in's mailbox.ts) with a
// link and a six-digit code; GET /auth/v1/verify (the link, opened by the browser without an
// API key) redirects to `redirect_to` with the session in the URL fragment, as the implicit flow
// does; POST /auth/v1/verify exchanges the code for a session (verifyOtp).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthContext } from './auth-routes';
import { AUTH_REPLY_HEADERS, authError, sessionResponse } from './auth-routes';
import { CORS_HEADERS, HttpError, readJson, sendJson } from './http-kit';

const DEFAULT_REDIRECT = 'http://localhost:5173/';

function redirectTarget(url: URL): string {
  const wanted = url.searchParams.get('redirect_to');
  // A development tool on 127.0.0.1: any http(s) page may receive the session, nothing else.
  return wanted && /^https?:\/\//.test(wanted) ? wanted : DEFAULT_REDIRECT;
}

async function sendOtp(ctx: AuthContext, req: IncomingMessage, url: URL): Promise<unknown> {
  const body = (await readJson(req)) as {
    email?: unknown;
    create_user?: unknown;
    data?: Record<string, unknown>;
  };
  if (typeof body.email !== 'string' || !body.email.includes('@'))
    throw authError(400, 'validation_failed', 'A valid email is required.');
  const email = body.email;
  if (!(await ctx.store.findUserByEmail(email))) {
    if (body.create_user === false)
      throw authError(422, 'otp_disabled', 'Signups not allowed for otp');
    await ctx.store.createUser(email, null, body.data ?? {});
  }
  const verify = new URL('/auth/v1/verify', `http://${req.headers.host ?? '127.0.0.1'}`);
  ctx.mailbox.sendSignIn(email, (tokenHash) => {
    verify.search = new URLSearchParams({
      token: tokenHash,
      type: 'magiclink',
      redirect_to: redirectTarget(url),
    }).toString();
    return verify.href;
  });
  return {};
}

async function sessionFor(ctx: AuthContext, email: string) {
  const user = await ctx.store.findUserByEmail(email);
  if (!user) return null;
  const { sessionId, refreshToken } = await ctx.store.openSession(user.id);
  return sessionResponse(ctx, user, sessionId, refreshToken);
}

async function verifyLink(ctx: AuthContext, res: ServerResponse, url: URL): Promise<void> {
  const target = new URL(redirectTarget(url));
  const token = url.searchParams.get('token') ?? '';
  const email = ctx.mailbox.consume({ tokenHash: token });
  const session = email ? await sessionFor(ctx, email) : null;
  target.hash = new URLSearchParams(
    session
      ? Object.fromEntries(
          ['access_token', 'expires_at', 'expires_in', 'refresh_token', 'token_type']
            .map((key) => [key, String(session[key])])
            .concat([['type', url.searchParams.get('type') ?? 'magiclink']]),
        )
      : {
          error: 'access_denied',
          error_code: 'otp_expired',
          error_description: 'Email link is invalid or has expired',
        },
  ).toString();
  res.writeHead(303, { ...CORS_HEADERS, location: target.href }).end();
}

async function verifyCode(ctx: AuthContext, req: IncomingMessage): Promise<unknown> {
  const body = (await readJson(req)) as { email?: unknown; token?: unknown };
  const email =
    typeof body.email === 'string' && typeof body.token === 'string'
      ? ctx.mailbox.consume({ email: body.email, code: body.token })
      : null;
  const session = email ? await sessionFor(ctx, email) : null;
  if (!session) throw authError(403, 'otp_expired', 'Token has expired or is invalid');
  return session;
}

/** Handles the e-mail sign-in routes; false when the request is not one of them. */
export async function handleOtp(
  ctx: AuthContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    if (route === 'POST /auth/v1/otp')
      sendJson(res, 200, await sendOtp(ctx, req, url), AUTH_REPLY_HEADERS);
    else if (route === 'GET /auth/v1/verify') await verifyLink(ctx, res, url);
    else if (route === 'POST /auth/v1/verify')
      sendJson(res, 200, await verifyCode(ctx, req), AUTH_REPLY_HEADERS);
    else return false;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    sendJson(res, error.status, error.body, AUTH_REPLY_HEADERS);
  }
  return true;
}

/** The one Auth route a browser opens by navigation, without the API key (Kong's open route). */
export const isOpenAuthRoute = (method: string | undefined, url: URL) =>
  method === 'GET' && url.pathname.replace(/\/+$/, '') === '/auth/v1/verify';
