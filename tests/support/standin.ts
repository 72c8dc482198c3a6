// Thin helpers for tests that go through the HTTP stand-in: start one on a free port against the
// shared test PostgreSQL, and create Node supabase-js clients for it (realtime needs `ws` here).
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startStandin } from '../../scripts/standin/standin';
import type { Standin, StandinOptions } from '../../scripts/standin/standin';
import { testPostgres } from './postgres';

export const TEST_JWT_SECRET = 'integration-test-jwt-secret-at-least-32-chars';

export function startTestStandin(options: StandinOptions = {}): Promise<Standin> {
  return startStandin({
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    postgres: testPostgres(),
    ...options,
  });
}

/** A supabase-js client that keeps its session in memory only (no storage, no URL detection). */
export function supabaseFor(standin: Pick<Standin, 'url' | 'anonKey'>): SupabaseClient {
  return createClient(standin.url, standin.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

export const freshEmail = (label = 'writer') => `${label}-${randomUUID()}@example.test`;
