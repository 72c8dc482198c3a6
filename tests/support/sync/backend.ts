// The local Supabase stand-in's HTTP gateway over the integration project's PostgreSQL, for
// sync engine tests: real supabase-js, real HTTP, real migrations and RLS.
import { startStandin } from '../../../scripts/standin/standin';
import { testPostgres } from '../postgres';
import type { Backend } from './devices';

export interface SyncBackend {
  http: Backend;
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startSyncBackend(): Promise<SyncBackend> {
  const postgres = testPostgres();
  const standin = await startStandin({ port: 0, postgres });
  return {
    http: { url: standin.url, anonKey: standin.anonKey },
    adminUrl: standin.adminUrl,
    stop: standin.stop,
  };
}
