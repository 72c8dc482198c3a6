// Checks on the production build itself (the dist/ the e2e global setup built): it ships a
// service worker and a complete manifest, leaks no secret, and keeps the initial JavaScript
// small with the heavy libraries out of it (a guard for benchmark B16: ≤ 150 kB gzip).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const distDir = inject('distDir');

const INITIAL_JS_BUDGET_BYTES = 150 * 1024;
// Loaded only by the routes that need them (preview, chat, sync, search), never at startup.
const LAZY_ONLY_PACKAGES = ['react-markdown', '@supabase/', 'minisearch', 'openai'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function readDist(path: string): string {
  return readFileSync(join(distDir, path), 'utf8');
}

/** dist-relative path of a URL path as index.html and chunks reference them ("/assets/x.js"). */
function distPath(urlPath: string, fromFile = 'index.html'): string {
  if (urlPath.startsWith('/')) return urlPath.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromFile), urlPath));
}

function entryScript(): string {
  const html = readDist('index.html');
  const match = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('index.html has no module entry script');
  return distPath(match[1]);
}

// Static imports in Rollup/Rolldown output: `import{a as b}from"./x.js"`, `import"./x.js"`,
// `export{a}from"./x.js"`. Dynamic `import("./x.js")` is lazy by design and not matched.
const STATIC_IMPORT =
  /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** The entry chunk and every chunk it imports statically, transitively: what startup loads. */
function initialChunks(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readDist(file).matchAll(STATIC_IMPORT)) {
      visit(distPath(match[1]!, file));
    }
  };
  visit(entryScript());
  return [...seen];
}

interface WebManifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: { src: string; sizes?: string; type?: string; purpose?: string }[];
}

interface SecretFinding {
  file: string;
  what: string;
}

function decodeJwtPayload(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

// Names of server-side secrets. The openai SDK, bundled lazily for bring-your-own-key chat,
// mentions OPENAI_API_KEY in its own code and messages: harmless. The app's own code naming
// one of them, or any value assigned to one, is not.
const SECRET_NAMES = ['OPENAI_API_KEY', 'SUPABASE_JWT_SECRET', 'SUPABASE_SERVICE_ROLE_KEY'];
const SECRET_ASSIGNMENT = new RegExp(
  `(?:${SECRET_NAMES.join('|')})\\s*["'\`]?\\s*[:=]\\s*["'\`][^"'\`\\s]{8,}`,
);

function findSecrets(file: string, text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const found = (what: string) => findings.push({ file, what });
  for (const match of text.matchAll(/sk-[A-Za-z0-9_-]{20,}/g)) {
    found(`OpenAI-style key ${match[0].slice(0, 8)}…`);
  }
  for (const match of text.matchAll(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g)) {
    const payload = decodeJwtPayload(match[0]);
    if (JSON.stringify(payload ?? '').includes('service_role')) found('a service_role JWT');
  }
  const assignment = SECRET_ASSIGNMENT.exec(text);
  // Named, never quoted: the report must not repeat the secret.
  if (assignment)
    found(`a value assigned to ${SECRET_NAMES.find((name) => assignment[0].startsWith(name))}`);
  // The actual values of secrets present in this environment, whatever their shape.
  for (const name of SECRET_NAMES) {
    const value = process.env[name];
    if (value && value.length >= 8 && text.includes(value)) found(`the value of ${name}`);
  }
  if (file.endsWith('.map')) {
    findings.push(...findSecretNamesInAppSources(file, text));
  } else if (!file.endsWith('.js')) {
    // HTML, manifest, CSS: no library code, so any mention is the app's.
    for (const name of SECRET_NAMES) if (text.includes(name)) found(`the name ${name}`);
  }
  return findings;
}

/** The app's own modules in a chunk (from its source map) never mention a server secret. */
function findSecretNamesInAppSources(file: string, mapText: string): SecretFinding[] {
  const map = JSON.parse(mapText) as { sources: string[]; sourcesContent?: (string | null)[] };
  return map.sources.flatMap((source, index) => {
    const content = map.sourcesContent?.[index];
    if (source.includes('node_modules/') || !content) return [];
    return [...SECRET_NAMES, 'service_role']
      .filter((name) => content.includes(name))
      .map((name) => ({ file: `${file} (${source})`, what: `the name ${name} in app code` }));
  });
}

describe('production build', () => {
  it('contains the service worker, precaching the app shell', () => {
    expect(existsSync(join(distDir, 'sw.js')), 'dist/sw.js').toBe(true);
    const sw = readDist('sw.js');
    expect(sw).toContain('index.html');
    expect(sw).toContain(entryScript().replace(/^\//, ''));
  });

  it('contains a complete manifest, linked from index.html, whose icons exist', () => {
    expect(readDist('index.html')).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    const manifest = JSON.parse(readDist('manifest.webmanifest')) as WebManifest;
    expect(manifest).toMatchObject({
      name: 'Story Prompts',
      short_name: expect.any(String),
      start_url: '/',
      display: 'standalone',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    const icons = manifest.icons ?? [];
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);
    for (const icon of icons) {
      expect(existsSync(join(distDir, distPath(icon.src))), `icon ${icon.src}`).toBe(true);
    }
  });

  it('contains nothing that looks like a secret', () => {
    const findings = filesUnder(distDir).flatMap((path) =>
      findSecrets(relative(distDir, path), readFileSync(path, 'utf8')),
    );
    expect(findings).toEqual([]);
  });

  it(`loads at most ${INITIAL_JS_BUDGET_BYTES / 1024} kB of gzipped JavaScript at startup`, () => {
    const chunks = initialChunks();
    const sizes = chunks.map((file) => ({
      file,
      gzip: gzipSync(readFileSync(join(distDir, file))).length,
    }));
    const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
    const breakdown = sizes
      .map(({ file, gzip }) => `${file}: ${(gzip / 1024).toFixed(1)} kB`)
      .join(', ');
    expect(
      total,
      `initial JS ${(total / 1024).toFixed(1)} kB gzip (${breakdown})`,
    ).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  it('keeps react-markdown, Supabase, MiniSearch and OpenAI out of the startup chunks', () => {
    const offenders = initialChunks().flatMap((file) => {
      const mapPath = join(distDir, `${file}.map`);
      if (!existsSync(mapPath)) {
        // Rolldown's own helpers (rolldown-runtime-*.js) are generated code with no sources,
        // hence no map and no library in them.
        if (readDist(file).includes('sourceMappingURL=')) throw new Error(`${file}.map is missing`);
        if (posix.basename(file).startsWith('rolldown-runtime-')) return [];
        throw new Error(`${file} has no source map: keep build.sourcemap on for this check`);
      }
      // The source map names every module in the chunk; minified code alone does not.
      const { sources } = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[] };
      return LAZY_ONLY_PACKAGES.filter((name) =>
        sources.some((source) => source.includes(`node_modules/${name}`)),
      ).map((name) => `${name} in ${file}`);
    });
    expect(offenders).toEqual([]);
  });
});
