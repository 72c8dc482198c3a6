// Local-only mode (no Supabase configured): `npm start` on the writer's own computer may use
// the server's chat key without signing in, but only from this computer. The address is the
// TCP peer from @hono/node-server, never a header a remote caller could forge.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** The peer address on Node; undefined elsewhere (e.g. Netlify, where no bindings exist). */
export function nodeRemoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
