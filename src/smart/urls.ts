/**
 * Only http(s) URLs, only allowed origins. Everything the servers name as a place to go (the SMART
 * configuration's endpoints, a search's `next` link, a redirect) is parsed, normalised (WHATWG URL:
 * dot segments, also percent-encoded ones, and backslashes resolved) and checked before the app goes
 * there: a `javascript:` authorization endpoint would run script on the app's origin; a `next` link
 * that escapes the FHIR base path or leaves its origin would receive the bearer token.
 */

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** The URL when `text` is an absolute (or, with `base`, relative) http(s) URL without credentials; else null. */
export function httpUrl(text: unknown, base?: string): URL | null {
  // Control characters (a newline inside a URL) are refused, not silently stripped as the URL parser would.
  if (typeof text !== 'string' || text.trim() === '' || hasControlCharacter(text)) return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

/** True for an http(s) URL whose origin is one of `origins` (exact scheme, host and port). */
export function isOnOrigins(url: URL, origins: readonly string[]): boolean {
  return origins.some((o) => httpUrl(o)?.origin === url.origin);
}

/**
 * True when `url` lies under the FHIR base `base` (same origin, path equal to the base path or below
 * it), after normalisation: `https://x/fhir/../admin` is `https://x/admin` and is not under `/fhir`.
 */
export function isUnderBase(url: URL, base: string): boolean {
  const b = httpUrl(base);
  if (!b || url.origin !== b.origin) return false;
  const basePath = b.pathname.replace(/\/+$/, '');
  return url.pathname === basePath || url.pathname.startsWith(`${basePath}/`) || (basePath === '' && url.pathname.startsWith('/'));
}

/**
 * Resolves a search's `next` link against the FHIR base and checks it stays under it.
 * @returns the absolute, normalised URL, or a reason why it is refused
 */
export function resolveUnderBase(link: unknown, base: string): { url: string } | { refused: string } {
  const url = httpUrl(link, `${base.replace(/\/+$/, '')}/`);
  if (!url) return { refused: 'it is not an http(s) URL' };
  if (!isUnderBase(url, base)) return { refused: 'it points outside the FHIR server' };
  url.hash = '';
  return { url: url.href };
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts a deployment may reach over plain http (development). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Why `text` is not an exact origin for config.json (`https://host[:port]`, http only for loopback),
 * or null when it is. Wildcards, paths, queries, credentials, spaces, quotes and `;` are refused: the
 * origins go verbatim into the Content-Security-Policy, where any of these would widen or break it.
 */
export function originProblem(text: string): string | null {
  const trimmed = text.replace(/\/+$/, '');
  if (/[*]/.test(trimmed)) return 'wildcards are not allowed; list each origin exactly';
  if (/[\s;,'"]/.test(trimmed)) return 'spaces, quotes, commas and ";" are not allowed in an origin';
  const url = httpUrl(trimmed);
  if (!url) return 'not an http(s) URL (scheme://host[:port], without credentials)';
  if (url.href !== `${url.origin}/`) return 'an origin is scheme://host[:port], without path, query or fragment';
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) return 'must use https (plain http only for 127.0.0.1/localhost)';
  return null;
}

/** Why `text` is not a FHIR base URL for config.json (https, http only for loopback; no query, fragment, credentials, wildcards or `;`), or null. */
export function fhirBaseProblem(text: string): string | null {
  if (/[*]/.test(text)) return 'wildcards are not allowed';
  if (/[\s;,'"]/.test(text)) return 'spaces, quotes, commas and ";" are not allowed';
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^https?:\/\//i.test(text)) return 'not an http(s) URL';
  const url = httpUrl(text);
  if (!url || !/^https?:\/\//i.test(text)) return 'not an absolute http(s) URL without credentials';
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text)) return 'a FHIR base URL has no query or fragment';
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) return 'must use https (plain http only for 127.0.0.1/localhost)';
  return null;
}
