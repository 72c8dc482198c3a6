// DEVELOPMENT TOOL: the small HTTP plumbing the stand-in's routes share: CORS for the browser app
// on another origin, JSON bodies and responses, and a typed error that routes throw.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Large enough that sync_push itself answers SPBIG for a > 4 MB batch, with its clear message. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers':
    'authorization, apikey, content-type, x-client-info, x-supabase-api-version, prefer, accept-profile, content-profile, range, x-retry-count',
  'access-control-max-age': '86400',
};

/**
 * Which response headers a browser script may read, per service, as the real services list
 * them (CORS hides every other header but the safelisted few). PostgREST's CORS middleware
 * exposes Date (the sync client's view of the server clock) but not Retry-After; GoTrue's
 * exposes only its API version, paging headers and Link. Kept as narrow as theirs so that a
 * browser test against the stand-in cannot read a header the hosted project would hide.
 */
export const REST_EXPOSED_HEADERS: Record<string, string> = {
  'access-control-expose-headers':
    'Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, Transfer-Encoding, Range-Unit',
};
export const AUTH_EXPOSED_HEADERS: Record<string, string> = {
  'access-control-expose-headers': 'X-Total-Count, Link, X-Supabase-Api-Version',
};

export class HttpError extends Error {
  /** Extra reply headers (e.g. Retry-After). */
  headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? body.msg ?? status));
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendRawJson(res, status, body === undefined ? '' : JSON.stringify(body), headers);
}

/** `text` must already be JSON (e.g. jsonb::text from PostgreSQL). */
export function sendRawJson(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, {
        code: 'PGRST413',
        message: 'Request body too large.',
        details: null,
        hint: null,
      });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, {
      code: 'PGRST102',
      message: 'Empty or invalid json',
      details: null,
      hint: null,
    });
  }
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? null;
}
