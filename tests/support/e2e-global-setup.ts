// Vitest globalSetup of the `e2e` project: build the production app once, serve it with the
// same server as `npm start` on a free port, and hand its URL to the tests via inject('baseURL').
//
// Env:
//   E2E_SKIP_BUILD=1   reuse the existing build (fast reruns while writing a test)
//   E2E_DIST_DIR=path  build into / serve from another directory than ./dist, e.g. to avoid
//                      racing another engineer's build in the same working tree
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createProductionApp } from '../../scripts/production-app.ts';
import type { ProductionApp } from '../../scripts/production-app.ts';
import { startServer } from '../../scripts/serve-app.ts';
import type { RunningServer } from '../../scripts/serve-app.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the production server, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseURL: string;
    /** Absolute path of the build the server serves. */
    distDir: string;
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let server: RunningServer | undefined;
let production: ProductionApp | undefined;

export async function setup(project: TestProject): Promise<void> {
  const distDir = resolve(repoRoot, process.env.E2E_DIST_DIR ?? 'dist');
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(resolve(distDir, 'index.html'))) {
      throw new Error(`E2E_SKIP_BUILD=1 but ${distDir} holds no build: run without it once.`);
    }
  } else {
    await buildApp(distDir);
  }
  // Exactly what `npm start` serves (API and security headers included), on port 0: the OS
  // picks a free port, so parallel runs and ad-hoc servers never collide.
  production = createProductionApp({ distDir });
  server = await startServer(production.app, 0);
  project.provide('baseURL', server.url);
  project.provide('distDir', distDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await production?.close();
  server = undefined;
  production = undefined;
}

function buildApp(outDir: string): Promise<void> {
  const started = Date.now();
  // The binary itself (not npx) so a failure is the build's, with its own output.
  const child = spawn(
    resolve(repoRoot, 'node_modules/.bin/vite'),
    ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Vitest sets NODE_ENV=test, and Vite honours an inherited NODE_ENV: without this the
      // tests would run React's development build instead of what `npm start` serves.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) {
        console.log(
          `e2e: production build in ${outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        resolvePromise();
      } else {
        reject(new Error(`vite build failed with exit code ${code}:\n${output}`));
      }
    });
  });
}
