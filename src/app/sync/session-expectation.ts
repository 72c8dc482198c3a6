// Whether this device should still hold a session with a server: set whenever an account is
// signed in here, cleared just before the writer signs out on purpose. A session that is gone
// while this is set ended without the writer (expired, or revoked elsewhere), and they are told
// so instead of quietly finding the app "Local only". Kept in localStorage next to the session
// itself (one per server, shared by every tab).

const keyFor = (authStorageKey: string) => `${authStorageKey}:expected`;

export function expectSession(authStorageKey: string): void {
  window.localStorage.setItem(keyFor(authStorageKey), '1');
}

export function stopExpectingSession(authStorageKey: string): void {
  window.localStorage.removeItem(keyFor(authStorageKey));
}

export function sessionExpected(authStorageKey: string): boolean {
  return window.localStorage.getItem(keyFor(authStorageKey)) === '1';
}

/**
 * Supabase Auth keeps a session it could not renew for want of a network (and renews it when
 * the server is back); it deletes one the server refused. Only the latter has expired.
 */
export function sessionStillStored(authStorageKey: string): boolean {
  return window.localStorage.getItem(authStorageKey) !== null;
}
