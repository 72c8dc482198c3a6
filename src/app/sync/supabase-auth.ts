// The Supabase Auth calls behind the account screen, turned into the feature's vocabulary:
// users as { id, email }, failures as typed errors carrying the server's own message (the
// writer needs to read "Invalid login credentials", not a generic failure).
import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import type { AuthError, Session, SupabaseClient } from '@supabase/supabase-js';
import type { AccountUser } from '../../features/account/account-service';
import { AppError } from '../../lib/app-error';
import type { SyncServerConfig } from './sync-config';

export class AccountError extends AppError {
  constructor(code: string, message: string, cause?: unknown) {
    super(`account/${code}`, message, cause);
    this.name = 'AccountError';
  }
}

/**
 * The server's own reason, except for the failures where it names plumbing ("Failed to fetch",
 * "Invalid API key") instead of what the writer can do about it.
 */
function accountFailure(code: string, error: AuthError): AccountError {
  if (isAuthRetryableFetchError(error)) {
    const message =
      error.status === 0
        ? 'Cannot reach the sync server. Check that this device is online and the server URL in Settings is right.'
        : `The sync server is not answering (${error.status}). Try again in a moment.`;
    return new AccountError(code, message, error);
  }
  if (error.status === 401 && /invalid api key/i.test(error.message)) {
    return new AccountError(
      code,
      'The sync server refused the anon key. Copy the anon (public) key from the project’s API settings into Settings.',
      error,
    );
  }
  return new AccountError(code, error.message, error);
}

export function userOf(session: Session | null): AccountUser | null {
  return session ? { id: session.user.id, email: session.user.email ?? '' } : null;
}

/** Returns the new session, or null when the server wants the address confirmed first. */
export async function signUpWithPassword(
  client: SupabaseClient,
  email: string,
  password: string,
): Promise<AccountUser | null> {
  const { data, error } = await client.auth.signUp({ email, password });
  if (error) throw accountFailure('sign-up-failed', error);
  return userOf(data.session);
}

export async function signInWithPassword(
  client: SupabaseClient,
  email: string,
  password: string,
): Promise<AccountUser> {
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw accountFailure('sign-in-failed', error);
  const user = userOf(data.session);
  if (!user)
    throw new AccountError(
      'sign-in-failed',
      'The server accepted the sign-in but sent no session.',
    );
  return user;
}

export async function sendMagicLink(client: SupabaseClient, email: string): Promise<void> {
  const { error } = await client.auth.signInWithOtp({
    email,
    options: { emailRedirectTo: `${window.location.origin}/account` },
  });
  if (error) throw accountFailure('magic-link-failed', error);
}

/** Where this device keeps its session with a server (one key per host: servers never mix). */
export function authStorageKey(url: string): string {
  return `story-prompts-auth:${new URL(url).host}`;
}

/**
 * Signs out this device only (the writer's other devices stay signed in), also offline or with
 * the server down: supabase-js first asks the server to end the session and keeps it when the
 * server cannot be reached, so then the stored session is dropped here and sign-out repeated,
 * which has nothing left to ask the server (the session's refresh token just expires there).
 */
export async function signOutHere(client: SupabaseClient, storageKey: string): Promise<void> {
  const { error } = await client.auth.signOut({ scope: 'local' });
  if (!error) return;
  if (!isAuthRetryableFetchError(error))
    throw new AccountError('sign-out-failed', error.message, error);
  window.localStorage.removeItem(storageKey);
  const retry = await client.auth.signOut({ scope: 'local' });
  if (retry.error) throw new AccountError('sign-out-failed', retry.error.message, retry.error);
}

/**
 * A magic link lands on /account with the session in the URL (#access_token=… for the implicit
 * flow, ?code=… for PKCE). The client is created with detectSessionInUrl off, so it is taken
 * here, once, and the URL is cleaned so a reload does not replay it.
 */
export async function completeMagicLinkRedirect(client: SupabaseClient): Promise<void> {
  const url = new URL(window.location.href);
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  const accessToken = hash.get('access_token');
  const refreshToken = hash.get('refresh_token');
  const code = url.searchParams.get('code');
  if (!(accessToken && refreshToken) && !code) return;
  window.history.replaceState(window.history.state, '', url.pathname);
  const { error } =
    accessToken && refreshToken
      ? await client.auth.setSession({ access_token: accessToken, refresh_token: refreshToken })
      : await client.auth.exchangeCodeForSession(code!);
  if (error) throw accountFailure('magic-link-failed', error);
}

/** Asks the Auth server whether e-mail sign-in is on (GoTrue's public settings endpoint). */
export async function fetchMagicLinkAvailability(
  config: SyncServerConfig,
): Promise<'available' | 'unavailable' | 'unknown'> {
  try {
    const response = await fetch(`${config.url}/auth/v1/settings`, {
      headers: { apikey: config.anonKey },
    });
    if (!response.ok) return 'unknown';
    const settings = (await response.json()) as { external?: { email?: unknown } };
    if (typeof settings.external?.email !== 'boolean') return 'unknown';
    return settings.external.email ? 'available' : 'unavailable';
  } catch {
    return 'unknown';
  }
}
