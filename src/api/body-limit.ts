// Request body size limit (413 request/too-large). A declared Content-Length is checked from
// the header alone: hono's bodyLimit reads `request.body`, which makes @hono/node-server build
// a full web Request and stream the body through it (a large part of the proxy's per-request
// cost, see B20), while the plain header check lets the body be read on the server's fast path.
// Bodies without a length (chunked) are counted as they stream, by hono's bodyLimit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error';

export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError(
      413,
      'request/too-large',
      `The request body is larger than ${maxBytes.toLocaleString('en')} bytes.`,
    );
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (!/^\d+$/.test(length) || Number(length) > maxBytes) tooLarge();
      return next();
    }
    return streamed(c, next);
  };
}
