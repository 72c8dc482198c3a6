// What `npm start` serves, in one place: the built PWA, the HTTP API at /api, and the security
// headers netlify.toml also sends. The e2e tests start exactly this, so a CSP that breaks the
// app, or an API route that shadows the shell, fails a test instead of a writer's launch.
import { Hono } from 'hono';
import { apiConfigFromEnv, createApi, securityHeaders } from '../src/api/index.ts';
import { createServerApp } from './serve-app.ts';

export interface ProductionApp {
  app: Hono;
  /** Releases what the API holds (its database pool, when configured). */
  close: () => Promise<void>;
}

export function createProductionApp(options: {
  distDir: string;
  env?: NodeJS.ProcessEnv;
}): ProductionApp {
  const api = createApi(apiConfigFromEnv(options.env ?? process.env));
  const app = new Hono();
  app.use('*', securityHeaders());
  app.route('/', createServerApp({ distDir: options.distDir, api: api.routes }));
  return { app, close: () => api.close() };
}
