// The server's transport for the openai SDK against a real local HTTP server: the request as
// sent (method, headers, body with its length), the answer as a standard Response (status,
// headers, streamed body), bodiless statuses, and aborting before and during a reply.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamFetch } from '../../../src/api/upstream-fetch';

let server: Server;
let origin: string;
const seen: { method?: string; headers: IncomingMessage['headers']; body: string }[] = [];
let closedEarly = false;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (part: Buffer) => (body += part.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body });
      if (req.url === '/empty') return void res.writeHead(204).end();
      if (req.url === '/slow') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: one\n\n');
        res.on('close', () => (closedEarly = !res.writableFinished));
        return; // never ends: the caller aborts
      }
      res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
      res.write('{"ok":');
      setTimeout(() => res.end('true}'), 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('upstreamFetch', () => {
  it('sends method, headers and body, and answers with a streamed standard Response', async () => {
    const response = await upstreamFetch(`${origin}/v1/chat/completions`, {
      method: 'POST',
      headers: new Headers({ authorization: 'Bearer sk-x', 'content-type': 'application/json' }),
      body: '{"model":"m","note":"é"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(await response.json()).toEqual({ ok: true });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', body: '{"model":"m","note":"é"}' });
    expect(request.headers).toMatchObject({
      authorization: 'Bearer sk-x',
      'content-length': String(Buffer.byteLength('{"model":"m","note":"é"}')),
    });
  });

  it('gives a bodiless status a null body', async () => {
    const response = await upstreamFetch(new URL(`${origin}/empty`));
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('rejects with an AbortError when aborted before or while the reply streams', async () => {
    const before = new AbortController();
    before.abort();
    await expect(upstreamFetch(`${origin}/slow`, { signal: before.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });

    const during = new AbortController();
    const response = await upstreamFetch(`${origin}/slow`, { signal: during.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: one\n\n');
    during.abort();
    await expect(reader.read()).rejects.toThrow();
    await expect.poll(() => closedEarly).toBe(true);
  });

  it('refuses what it cannot send', async () => {
    await expect(upstreamFetch('file:///etc/passwd')).rejects.toThrow(TypeError);
    await expect(
      upstreamFetch(origin, { method: 'POST', body: new URLSearchParams('a=1') }),
    ).rejects.toThrow(/text or byte bodies/);
  });
});
