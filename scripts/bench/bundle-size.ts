// B16: initial JavaScript of the production build: the entry chunk index.html loads plus every
// chunk it imports statically (transitively), gzip level 9, against React + React DOM alone
// built the same way. Source maps (the app builds with them) say which modules each initial
// chunk holds, so the "not in the entry" check looks at real module paths, not guessed names.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './bench-row';
import { benchRow } from './harness/stats';

// Static imports in Rolldown output (`import{a}from"./x.js"`, `import"./x.js"`); dynamic
// `import("./x.js")` is lazy by design and not matched.
const STATIC_IMPORT =
  /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

const LAZY_ONLY: { label: string; pattern: RegExp }[] = [
  { label: 'chat', pattern: /src\/features\/chat\// },
  {
    label: 'markdown',
    pattern: /node_modules\/(react-markdown|remark-|rehype-|micromark|mdast-|hast-)/,
  },
  { label: 'supabase-js', pattern: /node_modules\/@supabase\// },
  { label: 'minisearch', pattern: /node_modules\/minisearch\// },
];

function resolveFrom(file: string, reference: string): string {
  return reference.startsWith('/')
    ? reference.slice(1)
    : posix.normalize(posix.join(posix.dirname(file), reference));
}

export function initialChunks(distDir: string, htmlFile = 'index.html'): string[] {
  const html = readFileSync(join(distDir, htmlFile), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${distDir}/${htmlFile} has no module entry script`);
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(join(distDir, file), 'utf8').matchAll(STATIC_IMPORT))
      visit(resolveFrom(file, match[1]!));
  };
  visit(resolveFrom(htmlFile, entry));
  return [...seen];
}

const gzipKb = (distDir: string, files: string[]) =>
  files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    0,
  ) / 1024;

function modulesIn(distDir: string, files: string[]): string[] {
  return files.flatMap((file) => {
    const map = join(distDir, `${file}.map`);
    return existsSync(map)
      ? ((JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources ?? [])
      : [];
  });
}

export function runBundleSizeBenchmark(appDir: string, reactOnlyDir: string): BenchRow[] {
  const chunks = initialChunks(appDir);
  const kb = gzipKb(appDir, chunks);
  const reactKb = gzipKb(reactOnlyDir, initialChunks(reactOnlyDir, 'react-only.html'));
  const modules = modulesIn(appDir, chunks);
  const found = LAZY_ONLY.filter(({ pattern }) => modules.some((m) => pattern.test(m))).map(
    (l) => l.label,
  );
  const checked = modules.length > 0;
  return [
    benchRow(
      'B16',
      `initial JS: entry + static imports (${chunks.length} chunks), gzip -9; baseline React + React DOM alone`,
      'kB gzip',
      kb,
      reactKb,
      '≤ 150 kB',
      kb <= 150,
    ),
    benchRow(
      'B16',
      checked
        ? `chat, markdown, supabase-js, minisearch in the initial chunks (from ${modules.length} source-mapped modules): ${found.length ? found.join(', ') : 'none'}`
        : 'lazy-only packages check: no source maps in the build, not checked',
      'count',
      found.length,
      null,
      '0',
      checked ? found.length === 0 : null,
    ),
  ];
}
