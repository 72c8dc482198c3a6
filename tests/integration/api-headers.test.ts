// netlify.toml and `npm start` must send the same security headers: the values live in
// src/api/security-headers.ts and this test fails if netlify.toml drifts from them. Also
// checks the caching rules and that API responses carry the headers themselves (Netlify's
// header rules do not cover function responses).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApiApp } from '../../src/api/app';
import { apiConfigFromEnv } from '../../src/api/config';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/api/security-headers';

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** Just enough TOML for netlify.toml's [[headers]] tables (one `key = "value"` per line). */
function headerRules(toml: string): HeaderRule[] {
  return toml
    .split(/^\[\[headers\]\]\s*$/m)
    .slice(1)
    .map((block) => {
      const body = block.split(/^\[\[(?!headers)/m)[0]!;
      const rule: HeaderRule = { for: '', values: {} };
      for (const line of body.split('\n')) {
        const match = /^\s*("?)([A-Za-z-]+)\1\s*=\s*"(.*)"\s*$/.exec(line);
        if (!match) continue;
        if (match[2] === 'for') rule.for = match[3]!;
        else rule.values[match[2]!] = match[3]!;
      }
      return rule;
    });
}

const toml = readFileSync('netlify.toml', 'utf8');
const rules = headerRules(toml);
const valuesFor = (path: string) => rules.find((rule) => rule.for === path)?.values ?? {};

describe('netlify.toml', () => {
  it('sends exactly the security headers of src/api/security-headers.ts', () => {
    expect(valuesFor('/*')).toEqual(SECURITY_HEADERS);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('caches hashed assets forever and revalidates the shell, the service worker and the manifest type', () => {
    for (const path of ['/', '/index.html', '/sw.js'])
      expect(valuesFor(path)['Cache-Control'], path).toBe('no-cache');
    expect(valuesFor('/assets/*')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(valuesFor('/manifest.webmanifest')['Content-Type']).toBe('application/manifest+json');
  });

  it('builds with npm run build, publishes dist, runs Node 20 and keeps the SPA fallback last', () => {
    expect(toml).toMatch(/command = "npm run build"/);
    expect(toml).toMatch(/publish = "dist"/);
    expect(toml).toMatch(/NODE_VERSION = "20"/);
    expect(toml).toMatch(/directory = "netlify\/functions"/);
    const redirects = toml.split(/^\[\[redirects\]\]\s*$/m).slice(1);
    expect(redirects).toHaveLength(1);
    expect(redirects[0]).toMatch(/from = "\/\*"[\s\S]*to = "\/index.html"[\s\S]*status = 200/);
    expect(redirects[0]).not.toMatch(/force = true/);
    expect(readFileSync('netlify/functions/api.ts', 'utf8')).toMatch(
      /config = \{ path: '\/api\/\*' \}/,
    );
  });
});

describe('API responses', () => {
  it('carry the security headers and no-store themselves', async () => {
    const app = createApiApp(apiConfigFromEnv({}, 'netlify'));
    const response = await app.fetch(new Request('https://x.example/api/health'));
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const missing = await app.fetch(new Request('https://x.example/api/missing'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'api/not-found' } });
  });
});
