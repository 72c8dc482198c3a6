// `npm start`: serves the production build (built by `vite build` just before) on 127.0.0.1.
// Works with no account and no key: the app is local-first.
import { createServerApp, startServer } from './serve-app.ts';

const DEFAULT_PORT = 4173;

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const server = await startServer(createServerApp({ distDir: 'dist' }), port);
  console.log(`Story Prompts is running at ${server.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
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
