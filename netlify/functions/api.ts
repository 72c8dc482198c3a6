// Netlify Functions (v2) adapter: the same Hono app as `npm start`, for every /api/* request.
// Configured from the site's environment variables (see docs/deploy-netlify.md). Local-only
// mode never applies here: without Supabase configured, the API refuses instead.
import { apiConfigFromEnv, createApiApp } from '../../src/api/index';

const app = createApiApp(apiConfigFromEnv(process.env, 'netlify'));

export default (request: Request, context: unknown): Response | Promise<Response> =>
  app.fetch(request, { context });

export const config = { path: '/api/*' };
