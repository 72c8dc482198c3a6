// "Test connection" tells the writer what is wrong from how the server answers one anonymous
// sync_pull call.
import { describe, expect, it } from 'vitest';
import { testSyncServer } from '../../../src/features/settings/test-connection';

function answering(status: number, body: unknown): typeof fetch {
  return (async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;
}

const URL_ = 'http://127.0.0.1:54321';

describe('sync server connection test', () => {
  it.each<[string, typeof fetch, boolean, RegExp]>([
    [
      'healthy (anonymous refused)',
      answering(401, { code: '42501', message: 'permission denied' }),
      true,
      /key is accepted/,
    ],
    [
      'bad key',
      answering(401, { code: 'PGRST000', message: 'Invalid API key' }),
      false,
      /refused the anon key \(401: Invalid API key\)/,
    ],
    [
      'no sync functions',
      answering(404, { code: 'PGRST202', message: 'not found' }),
      false,
      /no sync functions/,
    ],
    ['server down', answering(503, {}), false, /had a problem \(503\)/],
    [
      'unreachable',
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
      false,
      /Cannot reach 127\.0\.0\.1:54321/,
    ],
  ])('%s', async (_name, fetchImpl, ok, message) => {
    const check = await testSyncServer(URL_, 'anon-key', fetchImpl);
    expect(check.ok).toBe(ok);
    expect(check.message).toMatch(message);
  });

  it('asks for both values and for a real URL before calling anything', async () => {
    expect((await testSyncServer('', 'k')).message).toMatch(/Enter both/);
    expect((await testSyncServer('not a url', 'k')).message).toMatch(/not a URL/);
  });
});
