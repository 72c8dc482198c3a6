// DEVELOPMENT TOOL, NEVER PRODUCTION: the local Supabase stand-in. A real PostgreSQL 15 with the
// shim and every migration, plus an HTTP gateway for the Auth and RPC calls the app makes, so
// development, tests and benchmarks run against the same SQL a real Supabase project runs.
// Production uses a hosted Supabase project (`supabase link`, `supabase db push`).
import pg from 'pg';
import { AuthStore } from './auth-store';
import { listen } from './http-server';
import { Mailbox } from './mailbox';
import type { Mail } from './mailbox';
import { DEV_JWT_SECRET, signApiKey } from './jwt';
import { startPostgres } from './postgres';
import type { RunningPostgres } from './postgres';
import { attachRealtime } from './realtime';
import { RpcCatalog } from './rpc-catalog';

export interface StandinOptions {
  /** HTTP port; 0 picks a free one. Default 54321 (Supabase's local API port). */
  port?: number;
  /** HS256 secret for access tokens and API keys. Default: Supabase's public dev secret. */
  jwtSecret?: string;
  /** Keep PostgreSQL data here. Omit for a temp dir deleted on stop. Ignored with `postgres`. */
  dataDir?: string;
  /** Reuse an already running, migrated PostgreSQL (e.g. the integration tests' one); not stopped by stop(). */
  postgres?: { adminUrl: string; databaseUrl: string };
  /** PostgreSQL port when the stand-in starts its own; 0 or omitted: a free one. */
  dbPort?: number;
  /** Access token lifetime in seconds (default 3600). */
  accessTokenSeconds?: number;
  /** Hears every sign-in mail (`npm run backend` prints them). */
  onMail?: (mail: Mail) => void;
}

export interface Standin {
  /** Base URL for createClient(url, anonKey). */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** As `authenticator` (set local role + claims to act as a user). */
  databaseUrl: string;
  /** As the `postgres` superuser. */
  adminUrl: string;
  /** Sign-in mails the stand-in "sent" (it sends no real e-mail). */
  mailbox: Mailbox;
  stop(): Promise<void>;
}

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const jwtSecret = options.jwtSecret ?? DEV_JWT_SECRET;
  const owned: RunningPostgres | null = options.postgres
    ? null
    : await startPostgres({ dataDir: options.dataDir, port: options.dbPort });
  const { adminUrl, databaseUrl } = options.postgres ?? owned!;
  const adminPool = new pg.Pool({ connectionString: adminUrl, max: 4 });
  const apiPool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const mailbox = new Mailbox(options.onMail);
  try {
    const { server, url } = await listen(
      {
        auth: {
          store: new AuthStore(adminPool),
          mailbox,
          jwtSecret,
          accessTokenSeconds: options.accessTokenSeconds,
        },
        rpc: { jwtSecret, pool: apiPool, catalog: new RpcCatalog(adminPool) },
      },
      options.port ?? 54321,
    );
    const realtime = attachRealtime(server, jwtSecret);
    const [anonKey, serviceRoleKey] = await Promise.all([
      signApiKey(jwtSecret, 'anon'),
      signApiKey(jwtSecret, 'service_role'),
    ]);
    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        realtime.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([adminPool.end(), apiPool.end()]);
        await owned?.stop();
      })();
      return stopping;
    };
    return { url, anonKey, serviceRoleKey, jwtSecret, databaseUrl, adminUrl, mailbox, stop };
  } catch (error) {
    await Promise.all([adminPool.end(), apiPool.end()]);
    await owned?.stop();
    throw error;
  }
}
