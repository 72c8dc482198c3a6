// The HTTP API's public surface for the Node server, Netlify and tests.
export { createApi, createApiApp } from './app';
export type { ApiInstance } from './app';
export { apiConfigFromEnv } from './config';
export type { ApiConfig } from './config';
export { SECURITY_HEADERS, CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers';
