// Builds what the browser benches load, once per run, into one temp dir:
//   <dir>/app           the production build (the repo's vite.config.ts, unchanged)
//   <dir>/app/__bench   the bench pages (scripts/bench/pages), base /__bench/, same origin as the
//                       app so a seeding page can fill the app's own IndexedDB
//   <dir>/react-only    React + React DOM and nothing else (the B16 baseline)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const PAGES = fileURLToPath(new URL('../pages', import.meta.url));
const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export const BENCH_PAGES = [
  'workbench',
  'seed',
  'raw-read',
  'plain-list',
  'static-shell',
  'sync',
] as const;

export interface Builds {
  dir: string;
  appDir: string;
  reactOnlyDir: string;
  remove(): Promise<void>;
}

export async function buildAll(): Promise<Builds> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-build-'));
  const appDir = join(dir, 'app');
  const reactOnlyDir = join(dir, 'react-only');
  await build({
    root: REPO,
    configFile: join(REPO, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: appDir, emptyOutDir: true },
  });
  await build({
    configFile: false,
    root: PAGES,
    base: '/__bench/',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      // Readable function names in CPU profiles (profile-case.ts); V8 runs it just as fast.
      minify: false,
      outDir: join(appDir, '__bench'),
      emptyOutDir: true,
      rollupOptions: {
        input: Object.fromEntries(BENCH_PAGES.map((name) => [name, join(PAGES, `${name}.html`)])),
      },
    },
  });
  await build({
    configFile: false,
    root: PAGES,
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      target: 'es2022',
      outDir: reactOnlyDir,
      emptyOutDir: true,
      rollupOptions: { input: join(PAGES, 'react-only.html') },
    },
  });
  return { dir, appDir, reactOnlyDir, remove: () => rm(dir, { recursive: true, force: true }) };
}
