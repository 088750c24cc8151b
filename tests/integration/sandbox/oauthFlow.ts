import { createHash, randomBytes } from 'node:crypto';
import { readJson } from '../../support/sandboxClient';

/**
 * A minimal cookie jar for driving the authorization server with plain fetch, as a browser would:
 * oidc-provider keeps the interaction and session in cookies scoped to paths.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  /** Stores the Set-Cookie headers of a response (expired ones delete). */
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const path =
        attrs
          .map((a) => a.trim())
          .find((a) => /^path=/i.test(a))
          ?.slice(5) ?? '/';
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(`${name};${path}`);
      else this.cookies.set(`${name};${path}`, { name, value, path });
    }
  }

  /** The Cookie header for a request to `url`. */
  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/** A PKCE pair (RFC 7636 §4.1-4.2): 32 random bytes as verifier, its SHA-256 as S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Where a chain of redirects ended: back at the app, or on a page of the authorization server. */
export type FlowEnd = { kind: 'app'; url: URL } | { kind: 'page'; url: URL; status: number; html: string };

/**
 * Requests `start` and follows redirects (sending the jar's cookies) until one points at the app's
 * redirect URI or a page answers without a redirect.
 */
export async function follow(start: string | URL, jar: CookieJar, appOrigin: string, init: RequestInit = {}): Promise<FlowEnd> {
  let url = new URL(start);
  let request: RequestInit = init;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = jar.header(url);
    const headers = new Headers(request.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...request, headers, redirect: 'manual' });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) {
      return { kind: 'page', url, status: res.status, html: await res.text() };
    }
    url = new URL(location, url);
    if (url.origin === appOrigin) return { kind: 'app', url };
    request = {};
  }
  throw new Error(`too many redirects, last ${url.href}`);
}

/** Exchanges form parameters at the token endpoint; returns status and parsed JSON. */
export async function tokenRequest(tokenUrl: string, params: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  return { status: res.status, body: await readJson<Record<string, unknown>>(res) };
}

/** Decodes the payload of a JWT without verifying it (fhirclient does the same with the id_token). */
export function jwtPayload(jwt: unknown): Record<string, unknown> {
  if (typeof jwt !== 'string') throw new Error('not a JWT');
  const part = jwt.split('.')[1] ?? '';
  const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (typeof payload !== 'object' || payload === null) throw new Error('JWT payload is not an object');
  return Object.fromEntries(Object.entries(payload));
}
