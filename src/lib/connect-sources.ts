// Where the app may connect to: the Content-Security-Policy `connect-src` sources, in ONE place.
// The server builds its CSP header from this list (src/api/security-headers.ts, which netlify.toml
// must repeat), and the settings screens check a typed URL against it: the browser blocks any
// other host, and a writer told "cannot reach the host, check your connection" would look for a
// fault in the wrong place.

export const CONNECT_SOURCES = [
  "'self'",
  'https://*.supabase.co',
  'wss://*.supabase.co',
  'https://api.openai.com',
  'https://openrouter.ai',
  'http://127.0.0.1:*',
  'http://localhost:*',
  'ws://127.0.0.1:*',
  'ws://localhost:*',
] as const;

const SOURCE = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?([^:/*]+)(?::(\*|\d+))?$/;

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  http: '80',
  https: '443',
  ws: '80',
  wss: '443',
};

function schemeAllowed(sourceScheme: string, urlScheme: string): boolean {
  // CSP lets an insecure source also match its secure form (http → https, ws → wss).
  if (sourceScheme === urlScheme) return true;
  return (
    (sourceScheme === 'http' && urlScheme === 'https') ||
    (sourceScheme === 'ws' && urlScheme === 'wss')
  );
}

function matchesSource(source: string, url: URL): boolean {
  const parts = SOURCE.exec(source);
  if (!parts) return false;
  const [, scheme = '', wildcard, host = '', port] = parts;
  const urlScheme = url.protocol.slice(0, -1);
  if (!schemeAllowed(scheme, urlScheme)) return false;
  const hostname = url.hostname.toLowerCase();
  if (wildcard ? !hostname.endsWith(`.${host}`) : hostname !== host) return false;
  if (port === '*') return true;
  const urlPort = url.port || DEFAULT_PORTS[urlScheme] || '';
  return urlPort === (port ?? DEFAULT_PORTS[scheme]);
}

/** Whether the browser lets the app connect to `url` (false for a URL that does not parse). */
export function isConnectAllowed(url: string, selfOrigin: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  return CONNECT_SOURCES.some((source) =>
    source === "'self'" ? parsed.origin === selfOrigin : matchesSource(source, parsed),
  );
}

/** The page's own origin where there is one (the settings run in a page; tests may have none). */
export function pageOrigin(): string | null {
  return typeof location === 'undefined' ? null : location.origin;
}
