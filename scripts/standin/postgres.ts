// DEVELOPMENT TOOL: a ready-to-use PostgreSQL for the stand-in, tests and benchmarks: a cluster
// (postgres-cluster.ts) with the Supabase shim and every migration applied (migrate.ts).
import { startCluster } from './postgres-cluster';
import type { ClusterOptions } from './postgres-cluster';
import { migrate } from './migrate';

/** The login role the gateway uses; it may `set role` to anon, authenticated, service_role. */
export const AUTHENTICATOR = { user: 'authenticator', password: 'authenticator' } as const;

export interface StartPostgresOptions extends ClusterOptions {
  /** Apply the shim and migrations (default true). */
  migrate?: boolean;
}

export interface RunningPostgres {
  /** As `authenticator`: the connection an API uses before `set local role authenticated`. */
  databaseUrl: string;
  /** As the `postgres` superuser: migrations, test setup, inspection. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const cluster = await startCluster(options);
  try {
    if (options.migrate !== false) await migrate(cluster.adminUrl);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const databaseUrl = `postgres://${AUTHENTICATOR.user}:${AUTHENTICATOR.password}@127.0.0.1:${cluster.port}/postgres`;
  return { databaseUrl, adminUrl: cluster.adminUrl, port: cluster.port, stop: cluster.stop };
}
