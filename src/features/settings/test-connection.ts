// "Test connection" for the sync server: one anonymous call to the sync_pull RPC says, by how it
// is refused, whether the server is reachable, the anon key is accepted and the sync functions
// exist. A healthy server refuses it with "permission denied" (42501): sync needs a signed-in
// writer, and only that refusal proves all three at once.

export type ConnectionCheck = { ok: true; message: string } | { ok: false; message: string };

interface RestError {
  code?: string;
  message?: string;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

async function readError(response: Response): Promise<RestError> {
  try {
    return (await response.json()) as RestError;
  } catch {
    return {};
  }
}

function explain(status: number, error: RestError, host: string): ConnectionCheck {
  const reason = error.message ? `: ${error.message}` : '';
  if (error.code === '42501' && (status === 401 || status === 403)) {
    return {
      ok: true,
      message: `Connected to ${host}. The key is accepted; sign in on the Account page to sync.`,
    };
  }
  if (status === 200) return { ok: true, message: `Connected to ${host}.` };
  if (status === 401 || status === 403) {
    return {
      ok: false,
      message: `${host} refused the anon key (${status}${reason}). Copy the anon (public) key from the project’s API settings.`,
    };
  }
  if (status === 404) {
    return {
      ok: false,
      message: `${host} has no sync functions (404${reason}). Check the URL is the project URL and the migrations are applied.`,
    };
  }
  if (status >= 500)
    return { ok: false, message: `${host} had a problem (${status}${reason}). Try again later.` };
  return { ok: false, message: `Unexpected answer from ${host} (${status}${reason}).` };
}

export async function testSyncServer(
  url: string,
  anonKey: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ConnectionCheck> {
  if (!url.trim() || !anonKey.trim())
    return { ok: false, message: 'Enter both the URL and the anon key.' };
  let base: URL;
  try {
    base = new URL(url.trim());
  } catch {
    return {
      ok: false,
      message: 'This is not a URL. It looks like https://your-project.supabase.co',
    };
  }
  const endpoint = `${base.origin}${base.pathname.replace(/\/+$/, '')}/rest/v1/rpc/sync_pull`;
  try {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { apikey: anonKey.trim(), 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: NIL_UUID, cursor: 0, limit: 1 }),
      signal: AbortSignal.timeout(10_000),
    });
    return explain(response.status, await readError(response), base.host);
  } catch {
    return {
      ok: false,
      message: `Cannot reach ${base.host}. Check the URL and that this device is online.`,
    };
  }
}
