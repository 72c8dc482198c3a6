// The security headers of every response, in ONE place: `npm start` applies them through
// `securityHeaders()`, and netlify.toml repeats the same values (a test compares them, so the
// two deployments cannot drift). The CSP lets the app reach only itself, Supabase, the usual
// chat providers, and on this computer a local Supabase (its Realtime socket is ws://) and
// providers such as Ollama or LM Studio for bring-your-own-key.
import type { MiddlewareHandler } from 'hono';
import { CONNECT_SOURCES } from '../lib/connect-sources';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The app-shell placeholder in index.html paints with style attributes before React loads.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // One list with the settings screens, which warn about a host the browser would block.
  `connect-src ${CONNECT_SOURCES.join(' ')}`,
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Adds the security headers to every response (headers a route already set are kept). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}

/** API answers are per-user data: no shared cache may keep them (SSE sets its own no-cache). */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}
