// The one supabase-js client of a context. Its fetch is wrapped so the sync transport can read
// what supabase-js does not expose: the Retry-After and Date headers of the last RPC reply
// (to honour the server's backoff and to measure this device's clock against the server's).
import { createClient } from '@supabase/supabase-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

export interface RpcReplyHeaders {
  retryAfterMs: number | null;
  serverTimeMs: number | null;
}

export interface SupabaseConnection {
  client: SupabaseClient<Database>;
  /** Headers of the most recent `/rest/v1/rpc/*` reply. */
  lastRpcHeaders(): RpcReplyHeaders;
}

export interface SupabaseConnectionOptions {
  url: string;
  anonKey: string;
  fetch?: typeof fetch;
  /** Where the session is kept (browser: localStorage; tests: memory). */
  storage?: {
    getItem(key: string): string | null | Promise<string | null>;
    setItem(key: string, value: string): void | Promise<void>;
    removeItem(key: string): void | Promise<void>;
  };
  storageKey?: string;
  realtimeTransport?: unknown;
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function connectSupabase(options: SupabaseConnectionOptions): SupabaseConnection {
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let last: RpcReplyHeaders = { retryAfterMs: null, serverTimeMs: null };
  const trackingFetch: typeof fetch = async (input, init) => {
    const response = await baseFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/rest/v1/rpc/')) {
      const date = response.headers.get('date');
      last = {
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        serverTimeMs: date ? Date.parse(date) : null,
      };
    }
    return response;
  };
  const client = createClient<Database>(options.url, options.anonKey, {
    global: { fetch: trackingFetch },
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
      storageKey: options.storageKey ?? 'story-prompts-auth',
      ...(options.storage ? { storage: options.storage } : {}),
    },
    ...(options.realtimeTransport
      ? { realtime: { transport: options.realtimeTransport as never } }
      : {}),
  });
  return { client, lastRpcHeaders: () => last };
}
