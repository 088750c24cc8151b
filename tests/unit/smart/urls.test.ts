// @vitest-environment jsdom
/**
 * Issue 12: only http(s) URLs and allowed origins. SMART discovery endpoints, redirects and `next`
 * links against real HTTP servers (scripted), through the app's own session and launch code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FhirRequestError } from '../../../src/smart/errors.ts';
import { prepareAuthorization } from '../../../src/smart/launch.ts';
import { createFhirSession } from '../../../src/smart/session.ts';
import { parseSettings } from '../../../src/smart/settings.ts';
import { httpUrl, resolveUnderBase } from '../../../src/smart/urls.ts';
import { startScriptedServer, type ScriptedServer, type Step } from './scriptedServer.ts';
import { fakeClient } from '../../support/fakeClient.ts';

let server: ScriptedServer;
let elsewhere: ScriptedServer;
let discovery: Server;
let origin = '';
let smartConfig: Record<string, unknown> = {};
beforeAll(async () => {
  server = await startScriptedServer();
  elsewhere = await startScriptedServer();
  discovery = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify(smartConfig));
  });
  await new Promise<void>((ok) => discovery.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
  await new Promise<void>((ok) => discovery.close(() => ok()));
});

const session = () => createFhirSession(fakeClient(server.base), { retryPolicy: { baseDelayMs: 1, timeoutMs: 15_000, maxRetries: 0 } });
function page(ids: string[], next?: string): Step {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: ids.map((id) => ({ resource: { resourceType: 'Observation', id, status: 'final', code: { text: 'CRP' }, subject: { reference: 'Patient/p1' } } })),
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
  };
  return { status: 200, body: JSON.stringify(bundle) };
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as FhirRequestError,
  );

const launch = (extra: Record<string, unknown> = {}) => {
  const settings = parseSettings({ allowedFhirServers: [`${origin}/fhir`], ...extra });
  return prepareAuthorization({ iss: `${origin}/fhir`, launch: 'x' }, settings, 'http://app.test/launch.html');
};
const config = (authorize: string, token = `${origin}/token`) => {
  smartConfig = {
    authorization_endpoint: authorize,
    token_endpoint: token,
    capabilities: ['launch-ehr', 'permission-v2'],
    code_challenge_methods_supported: ['S256'],
  };
};

describe('SMART discovery: endpoints must be http(s) URLs on allowed origins', () => {
  it.each([
    ['javascript:', 'javascript:alert(document.domain)//'],
    ['JavaScript: with spaces', ' JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', '/authorize'],
    ['another origin not configured', 'https://evil.example/authorize'],
    ['credentials in the URL', `http://user:pw@127.0.0.1:1/authorize`],
  ])('refuses an authorization_endpoint that is %s', async (_name, endpoint) => {
    config(endpoint);
    await expect(launch()).rejects.toMatchObject({ code: 'no-smart-configuration', detail: expect.stringMatching(/authorization_endpoint/) });
  });

  it('refuses a token_endpoint on another origin unless listed in authorizationServers', async () => {
    config(`${origin}/authorize`, 'https://auth.example/token');
    await expect(launch()).rejects.toMatchObject({ code: 'no-smart-configuration', detail: expect.stringMatching(/token_endpoint/) });
    config('https://auth.example/authorize', 'https://auth.example/token');
    const url = await launch({ authorizationServers: ['https://auth.example'] });
    expect(url.startsWith('https://auth.example/authorize?')).toBe(true);
  });

  it('accepts endpoints on the FHIR server origin', async () => {
    config(`${origin}/authorize`);
    expect(new URL(await launch()).pathname).toBe('/authorize');
  });
});

describe('next links: resolved, normalised, under the FHIR base', () => {
  it.each([
    ['dot segments', 'BASE/../secret/Observation?page=2'],
    ['percent-encoded dot segments', 'BASE/%2e%2e/secret/Observation?page=2'],
    ['backslash dot segments', 'BASE\\..\\secret/Observation?page=2'],
    ['a relative link escaping the base', '../secret/Observation?page=2'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['another origin', 'ELSEWHERE/fhir/Observation?page=2'],
  ])('%s: refused, no request leaves the base path', async (_name, link) => {
    server.script([page(['a'], link.replace('BASE', server.base).replace('ELSEWHERE', elsewhere.base.replace(/\/fhir$/, '')))]);
    elsewhere.script([]);
    const error = await failure(session().search('Observation', { patient: 'p1' }));
    expect(error).toBeInstanceOf(FhirRequestError);
    expect(error?.detail).toMatch(/"next" link/);
    expect(server.seen.map((s) => s.url)).toEqual([expect.stringMatching(/^\/fhir\/Observation\?/)]);
    expect(elsewhere.seen).toEqual([]);
  });

  it('a relative next link under the base is followed', async () => {
    server.script([page(['a'], 'Observation?page=2'), page(['b'])]);
    const r = await session().search('Observation', { patient: 'p1' });
    expect(r.matches.map((m) => m.id)).toEqual(['a', 'b']);
    expect(server.seen[1]?.url).toBe('/fhir/Observation?page=2');
  });

  it('a paging cycle stops at the repeated link with a named gap (not 200 pages)', async () => {
    server.script([
      page(['a'], 'BASE/Observation?page=2'.replace('BASE', server.base)),
      page(['b'], `${server.base}/Observation?page=3`),
      page(['c'], `${server.base}/Observation?page=2`),
    ]);
    const error = await failure(session().search('Observation', { patient: 'p1' }));
    expect(error?.code).toBe('bad-response');
    expect(error?.detail).toMatch(/repeats an earlier page.*3 pages/);
    expect(server.seen).toHaveLength(3);
  });
});

describe('redirects are not followed', () => {
  it.each([
    ['to another origin', () => `${elsewhere.base}/Patient/p1`],
    ['on the same origin', () => `${server.base}/Patient/p1?x=1`],
  ])('a 302 %s fails the request; nothing is read from the target', async (_name, target) => {
    server.script([{ status: 302, headers: { Location: target() } }], { status: 200, body: JSON.stringify({ resourceType: 'Patient', id: 'p1' }) });
    elsewhere.script([], { status: 200, body: JSON.stringify({ resourceType: 'Patient', id: 'p1' }) });
    const error = await failure(session().readPatient());
    expect(error).toBeInstanceOf(FhirRequestError);
    expect(error?.detail).toMatch(/redirect/);
    expect(elsewhere.seen).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });
});

describe('httpUrl / resolveUnderBase', () => {
  it.each<[string, string | null]>([
    ['https://x.example/fhir', 'https://x.example/fhir'],
    ['javascript:alert(1)', null],
    ['ftp://x.example/', null],
    ['https://u:p@x.example/', null],
    ['https://x.example/\nfhir', null],
  ])('httpUrl(%j)', (text, href) => {
    expect(httpUrl(text)?.href ?? null).toBe(href === null ? null : new URL(href).href);
  });
  it('resolves under a base at the server root too', () => {
    expect(resolveUnderBase('/Observation?page=2', 'https://x.example')).toEqual({ url: 'https://x.example/Observation?page=2' });
    expect(resolveUnderBase('https://x.example/fhirx/Observation', 'https://x.example/fhir')).toEqual({ refused: 'it points outside the FHIR server' });
  });
});
