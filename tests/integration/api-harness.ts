// Shared pieces of the API integration tests: a config pointing at the test PostgreSQL and a
// stub provider, signed tokens, the API served over real HTTP (@hono/node-server, port 0) or
// called through the Netlify handler, SSE parsing, and per-test writers with a story.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { SignJWT } from 'jose';
import { createApi } from '../../src/api/app';
import type { ApiInstance } from '../../src/api/app';
import { apiConfigFromEnv } from '../../src/api/config';
import type { ApiConfig } from '../../src/api/config';
import { asActor, createUser, testPostgres, userActor } from '../support/postgres';
import type { Pool } from '../support/postgres';

export const JWT_SECRET = 'test-jwt-secret-with-at-least-32-characters!';

/** The environment a deployment would have, pointing at the test database and a stub. */
export function testEnv(stubUrl?: string): Record<string, string> {
  return {
    DATABASE_URL: testPostgres().databaseUrl,
    SUPABASE_JWT_SECRET: JWT_SECRET,
    ...(stubUrl ? { OPENAI_API_KEY: 'sk-test-server-key', OPENAI_BASE_URL: stubUrl } : {}),
    RATE_LIMIT_PER_MINUTE: '6000',
    RATE_LIMIT_BURST: '1000',
  };
}

export function testConfig(stubUrl?: string, overrides: Partial<ApiConfig> = {}): ApiConfig {
  return { ...apiConfigFromEnv(testEnv(stubUrl)), ...overrides };
}

export interface TokenOptions {
  secret?: string;
  expiresIn?: string | number;
  role?: string;
  audience?: string;
}

export async function signToken(userId: string, options: TokenOptions = {}): Promise<string> {
  return new SignJWT({ role: options.role ?? 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setAudience(options.audience ?? 'authenticated')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

/** Something that answers API requests: the Node server over HTTP, or the Netlify handler. */
export interface ApiTarget {
  name: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface ServedApi extends ApiTarget {
  url: string;
  api: ApiInstance;
  close(): Promise<void>;
}

export async function serveApi(config: ApiConfig): Promise<ServedApi> {
  const api = createApi(config);
  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve) => {
    const started = serve(
      { fetch: api.app.fetch, hostname: '127.0.0.1', port: 0 },
      (info: AddressInfo) => resolve({ server: started as Server, port: info.port }),
    );
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    name: 'node',
    url,
    api,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}

export function handlerTarget(
  name: string,
  handler: (request: Request, context: unknown) => Response | Promise<Response>,
): ApiTarget {
  return {
    name,
    fetch: async (path, init) =>
      handler(new Request(`https://story-prompts.example${path}`, init), { ip: '203.0.113.7' }),
  };
}

export function jsonInit(method: string, body: unknown, token?: string): RequestInit {
  return {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export const bearer = (token: string): RequestInit => ({
  headers: { authorization: `Bearer ${token}` },
});

export interface Writer {
  userId: string;
  token: string;
  storyId: string;
}

/** A fresh user with one story, and a token for them. */
export async function createWriter(admin: Pool, api: Pool, label = 'writer'): Promise<Writer> {
  const userId = await createUser(admin, label);
  const storyId = await asActor(api, userActor(userId), async (client) => {
    const result = await client.query<{ id: string }>(
      `insert into public.stories (title) values ('A story') returning id`,
    );
    return result.rows[0]!.id;
  });
  return { userId, token: await signToken(userId), storyId };
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads a whole SSE response into its events (in order). */
export async function readSse(response: Response): Promise<SseEvent[]> {
  return parseSse(await response.text());
}

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (!block.trim()) continue;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    events.push({ event, data: data.join('\n') });
  }
  return events;
}

export async function errorOf(
  response: Response,
): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  const body = (await response.json()) as {
    error: { code: string; message: string; fields?: Record<string, string> };
  };
  return body.error;
}
