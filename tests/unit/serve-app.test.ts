// The production server's routing and caching rules, on a tiny fake build: what a browser gets
// for the shell, the service worker, hashed assets, client routes and /api. Run both bare and
// mounted in another Hono app, as `npm start` does (a header once got lost only when mounted).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../scripts/serve-app.ts';

const distDir = mkdtempSync(join(tmpdir(), 'sp-serve-app-'));
mkdirSync(join(distDir, 'assets'));
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>shell</title>');
writeFileSync(join(distDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(distDir, 'manifest.webmanifest'), '{"name":"Story Prompts"}');
writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1);');

afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const api = new Hono().get('/health', (c) => c.json({ ok: true }));
const bare = createServerApp({ distDir, api });
const mounted = new Hono().route('/', createServerApp({ distDir, api }));

describe.each([
  ['bare', bare],
  ['mounted', mounted],
])('createServerApp (%s)', (_name, app) => {
  it('serves the shell and the service worker uncached, hashed assets immutable', async () => {
    for (const path of ['/', '/sw.js', '/manifest.webmanifest']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives the manifest its own content type', async () => {
    const response = await app.request('/manifest.webmanifest');
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
  });

  it('answers client routes with the shell and missing files with 404', async () => {
    const route = await app.request('/stories/3f2a/prompts');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>shell</title>');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/gone-123.js')).status).toBe(404);
  });

  it('never answers /api with the shell', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual({ ok: true });
    for (const path of ['/api', '/api/unknown', '/api/stories/1']) {
      const response = await app.request(path, { headers: { 'sec-fetch-mode': 'navigate' } });
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ error: { code: 'api/not-found' } });
    }
  });
});
