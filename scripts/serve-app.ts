// The production HTTP server of Story Prompts: the built PWA from dist/ plus (later) the HTTP
// API under /api. `npm start` and the e2e tests both use this module, so the tests run against
// exactly what a writer gets.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import type { Context, Env, Schema } from 'hono';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';

export interface ServerAppOptions<
  ApiEnv extends Env,
  ApiSchema extends Schema,
  ApiBase extends string,
> {
  /** The Vite build output (absolute or relative to the working directory). */
  distDir: string;
  /** The HTTP API, its routes relative to /api (mounted with `app.route('/api', api)`). */
  api?: Hono<ApiEnv, ApiSchema, ApiBase>;
}

// Files whose name must stay stable between releases: the browser has to revalidate them on
// every load, or a writer would keep an old shell (index.html) or never see an update (sw.js).
const NO_CACHE = 'no-cache';
// Vite puts a content hash in every file name under /assets/: a changed file gets a new URL.
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function createServerApp<
  ApiEnv extends Env = Env,
  ApiSchema extends Schema = Schema,
  ApiBase extends string = string,
>(options: ServerAppOptions<ApiEnv, ApiSchema, ApiBase>): Hono {
  const distDir = resolve(options.distDir);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  if (options.api) app.route('/api', options.api);
  // Anything under /api the API did not answer is an API error, never the HTML shell: a client
  // expecting JSON must not get index.html with status 200.
  app.all('/api', apiNotFound);
  app.all('/api/*', apiNotFound);

  // Set on the finished response: serveStatic builds its Response before its onFound hook
  // runs, so a header set there is lost once this app is mounted inside another.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', cacheControlFor(c.req.path));
    }
  });
  app.use('*', serveStatic({ root: distDir }));

  // SPA fallback: a navigation to a client route (/stories/abc) gets the app shell; a missing
  // file (/assets/gone.js, /favicon.ico) gets a real 404 so broken references stay visible.
  app.get('*', async (c) => {
    if (!isNavigation(c.req.path, c.req.header('sec-fetch-mode'))) return c.text('Not found', 404);
    const html = await readFile(resolve(distDir, 'index.html'), 'utf8').catch(() => undefined);
    if (html === undefined) return c.text('The app is not built: run `npm run build`.', 500);
    c.header('Cache-Control', NO_CACHE);
    return c.html(html);
  });

  return app;
}

function apiNotFound(c: Context): Response {
  return c.json(
    { error: { code: 'api/not-found', message: `No API route for ${c.req.method} ${c.req.path}` } },
    404,
  );
}

function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : NO_CACHE;
}

function isNavigation(path: string, secFetchMode: string | undefined): boolean {
  if (secFetchMode === 'navigate') return true;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return extname(lastSegment) === '';
}

export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1 (port 0 picks a free one) and resolves once the port is bound. */
export function startServer(app: Hono, port: number): Promise<RunningServer> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
      resolvePromise({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () => closeServer(server as Server),
      });
    });
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.close((error) => (error ? reject(error) : resolvePromise()));
    // Browsers keep idle connections open; without this close() would wait for them to time out.
    server.closeAllConnections();
  });
}
