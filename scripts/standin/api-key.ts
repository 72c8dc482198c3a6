// DEVELOPMENT TOOL: the gateway's API key check (Kong's job on Supabase): every /auth/v1 and
// /rest/v1 request carries `apikey`, the project's anon or service_role key.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-kit';
import { verifyToken } from './jwt';
import type { Claims } from './jwt';

export async function checkApiKey(jwtSecret: string, req: IncomingMessage): Promise<Claims> {
  const apikey = req.headers.apikey;
  if (typeof apikey !== 'string' || !apikey) {
    throw new HttpError(401, {
      code: 'PGRST000',
      message: 'No API key found in request',
      details: null,
      hint: 'No `apikey` request header or url param was found.',
    });
  }
  const key = await verifyToken(jwtSecret, apikey);
  if (!key.ok || key.claims.role === 'authenticated') {
    throw new HttpError(401, {
      code: 'PGRST000',
      message: 'Invalid API key',
      details: null,
      hint: 'Double check your Supabase `anon` or `service_role` API key.',
    });
  }
  return key.claims;
}
