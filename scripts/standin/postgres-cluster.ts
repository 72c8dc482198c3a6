// DEVELOPMENT TOOL: starts a throwaway (or a kept) PostgreSQL 15 cluster from the machine's
// binaries for the local Supabase stand-in and the integration tests. Never used in production.
//
// Recipe (shared/design/architecture.md): initdb refuses root, so when running as root the data
// directory is owned by `postgres` and the binaries run through `runuser -u postgres --`. The
// server listens on 127.0.0.1 only, keeps its unix socket inside the data directory's parent,
// and runs with fsync off: speed over durability, acceptable for a development database.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
export const SUPERUSER_PASSWORD = 'postgres';

export interface ClusterOptions {
  /** Keep the cluster here (created on first use). Omit for a temp dir removed on stop. */
  dataDir?: string;
  /** 0 or omitted: a free port. */
  port?: number;
}

export interface Cluster {
  port: number;
  /** Superuser connection URL (postgres). */
  adminUrl: string;
  stop(): Promise<void>;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const isRoot = (): boolean => process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function spawnPg(binary: string, args: string[], cwd: string) {
  const command = isRoot() ? 'runuser' : join(POSTGRES_BIN, binary);
  const fullArgs = isRoot() ? ['-u', 'postgres', '--', join(POSTGRES_BIN, binary), ...args] : args;
  return spawnSync(command, fullArgs, { cwd, encoding: 'utf8' });
}

const pgSucceeds = (binary: string, args: string[], cwd: string) =>
  spawnPg(binary, args, cwd).status === 0;

/** Like spawnPg, but throws with the binary's output on failure. */
function runPg(binary: string, args: string[], cwd: string): void {
  const result = spawnPg(binary, args, cwd);
  if (result.status !== 0) {
    throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

function prepareDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
}

function initCluster(root: string, pgdata: string): void {
  const pwfile = join(root, 'superuser.pw');
  writeFileSync(pwfile, SUPERUSER_PASSWORD, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(pwfile, uid, gid);
  }
  runPg(
    'initdb',
    [
      '--no-sync',
      '-D',
      pgdata,
      '-U',
      'postgres',
      '--pwfile',
      pwfile,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ],
    root,
  );
  rmSync(pwfile, { force: true });
}

/** Starts (creating if needed) a cluster; resolves once it accepts connections. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const temporary = !options.dataDir;
  const root = options.dataDir
    ? resolve(options.dataDir)
    : mkdtempSync(join(tmpdir(), 'story-prompts-pg-'));
  prepareDirectory(root);
  const pgdata = join(root, 'pgdata');
  if (!existsSync(join(pgdata, 'PG_VERSION'))) initCluster(root, pgdata);
  // A kept cluster may still be running after its owner was killed (kill -9): stop it first.
  if (
    existsSync(join(pgdata, 'postmaster.pid')) &&
    pgSucceeds('pg_ctl', ['-D', pgdata, 'status'], root)
  ) {
    runPg('pg_ctl', ['-D', pgdata, '-m', 'fast', '-w', 'stop'], root);
  }
  const port = options.port || (await findFreePort());
  const serverOptions = [
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories='${root}'`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
  ].join(' ');
  runPg(
    'pg_ctl',
    [
      '-D',
      pgdata,
      '-o',
      serverOptions,
      '-l',
      join(root, 'postgres.log'),
      '-w',
      '-t',
      '60',
      'start',
    ],
    root,
  );
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    runPg('pg_ctl', ['-D', pgdata, '-m', 'fast', '-w', 'stop'], root);
    if (temporary) rmSync(root, { recursive: true, force: true });
  };
  const adminUrl = `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`;
  return { port, adminUrl, stop };
}
