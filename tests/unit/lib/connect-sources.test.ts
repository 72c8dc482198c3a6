import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/api/security-headers';
import { CONNECT_SOURCES, isConnectAllowed } from '../../../src/lib/connect-sources';

const SELF = 'https://story-prompts.example';

describe('isConnectAllowed', () => {
  it.each([
    ['https://api.openai.com/v1', true],
    ['https://openrouter.ai/api/v1', true],
    ['http://localhost:11434/v1', true],
    ['http://127.0.0.1:54321', true],
    ['https://abcd.supabase.co', true],
    ['https://story-prompts.example/api', true],
    ['https://api.groq.com/openai/v1', false],
    ['https://supabase.co', false],
    ['https://evil-supabase.co', false],
    ['http://api.openai.com/v1', false],
    ['https://api.openai.com:8443/v1', false],
    ['https://supabase.example.com', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isConnectAllowed(url, SELF)).toBe(allowed);
  });

  it('is the connect-src of the CSP the server sends', () => {
    expect(CONTENT_SECURITY_POLICY).toContain(`connect-src ${CONNECT_SOURCES.join(' ')};`);
  });
});
