// `npm start`: serves the production build (built by `vite build` just before) on 127.0.0.1.
// Works with no account and no key: the app is local-first. The HTTP API (src/api) is mounted
// at /api, configured from the environment (docs/api.md); every response gets the security
// headers netlify.toml also sends (src/api/security-headers.ts).
import { createProductionApp } from './production-app.ts';
import { startServer } from './serve-app.ts';

const DEFAULT_PORT = 4173;

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const production = createProductionApp({ distDir: 'dist', env: process.env });
  const server = await startServer(production.app, port);
  console.log(`Story Prompts is running at ${server.url}`);
  console.log(`API: ${server.url}/api (${describeApiMode()})`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    Promise.all([server.close(), production.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function describeApiMode(): string {
  const auth =
    process.env.SUPABASE_JWT_SECRET || process.env.SUPABASE_JWKS_URL
      ? 'Supabase sign-in'
      : 'local-only, loopback callers';
  const provider = process.env.OPENAI_API_KEY ? 'chat provider configured' : 'no chat provider key';
  return `${auth}; ${provider}`;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  // 0 is allowed: the OS picks a free port (the printed URL shows which).
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
