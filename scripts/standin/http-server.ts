// DEVELOPMENT TOOL: the stand-in's HTTP gateway on 127.0.0.1 (plain node:http): CORS preflight,
// then /auth/v1/* (auth-routes.ts, otp-routes.ts) and /rest/v1/rpc/:fn (rpc-route.ts). Anything else is 404.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAuth } from './auth-routes';
import type { AuthContext } from './auth-routes';
import { checkApiKey } from './api-key';
import { AUTH_EXPOSED_HEADERS, CORS_HEADERS, HttpError, sendJson } from './http-kit';
import { handleOtp, isOpenAuthRoute } from './otp-routes';
import { handleRpc } from './rpc-route';
import type { RpcContext } from './rpc-route';

export interface GatewayContext {
  auth: AuthContext;
  rpc: RpcContext;
}

async function route(
  ctx: GatewayContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/auth/v1/')) {
    if (isOpenAuthRoute(req.method, url) && (await handleOtp(ctx.auth, req, res, url))) return;
    const keyError = await checkApiKey(ctx.auth.jwtSecret, req).then(
      () => null,
      (error: unknown) => error,
    );
    if (keyError instanceof HttpError)
      return sendJson(res, keyError.status, keyError.body, AUTH_EXPOSED_HEADERS);
    if ((await handleOtp(ctx.auth, req, res, url)) || (await handleAuth(ctx.auth, req, res, url)))
      return;
  }
  const rpc = /^\/rest\/v1\/rpc\/([A-Za-z_][A-Za-z0-9_]*)\/?$/.exec(url.pathname);
  if (rpc?.[1]) return handleRpc(ctx.rpc, req, res, rpc[1]);
  sendJson(res, 404, {
    code: 'not_found',
    message: `The local Supabase stand-in does not serve ${req.method} ${url.pathname}.`,
  });
}

export async function listen(
  ctx: GatewayContext,
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      console.error('[standin] request failed:', error);
      if (!res.headersSent)
        sendJson(res, 500, {
          code: 'XX000',
          message: (error as Error).message,
          details: null,
          hint: null,
        });
      else res.end();
    });
  });
  // Keep-alive sockets would hold close() open; the stand-in is short-lived in tests.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${bound}` };
}
