// The provider key must never reach a browser: neither the built PWA (dist) nor the function
// bundle may contain it, even when it is set in the build environment, and no browser code
// may read it through a VITE_ variable (Vite inlines those into the bundle).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MARKER = `sk-leak-marker-${Date.now()}`;
const workDir = mkdtempSync(join(tmpdir(), 'api-secrets-'));
const buildEnv = {
  ...process.env,
  OPENAI_API_KEY: MARKER,
  SUPABASE_JWT_SECRET: `${MARKER}-jwt`,
  DATABASE_URL: `postgres://u:${MARKER}@h/db`,
};

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the provider key stays on the server', () => {
  it('is not in the function bundle built with the key in the environment', async () => {
    const outfile = join(workDir, 'fn.js');
    await run(
      'node_modules/.bin/esbuild',
      [
        'netlify/functions/api.ts',
        '--bundle',
        '--platform=node',
        '--format=esm',
        `--outfile=${outfile}`,
        '--log-level=error',
      ],
      { env: buildEnv },
    );
    const bundle = readFileSync(outfile, 'utf8');
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle).not.toContain(MARKER);
    // Read at run time from the environment, not baked in at build time.
    expect(bundle).toContain('OPENAI_API_KEY');
  });

  it('is not in the built PWA (dist) built with the key in the environment', async () => {
    const outDir = join(workDir, 'dist');
    await run(
      'node_modules/.bin/vite',
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      { env: buildEnv, timeout: 120_000 },
    );
    const files = filesUnder(outDir);
    expect(files.some((file) => file.endsWith('index.html'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(text.includes(MARKER), file).toBe(false);
    }
  }, 180_000);

  it('is never read through a VITE_ variable or by browser code', () => {
    const browserFiles = filesUnder('src').filter((file) => /\.(ts|tsx)$/.test(file));
    for (const file of browserFiles) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/VITE_OPENAI_API_KEY/);
      expect(text, file).not.toMatch(/import\.meta\.env\.\w*(OPENAI|JWT_SECRET|DATABASE_URL)/);
    }
  });
});
