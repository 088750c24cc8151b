// The demo EHR in one process and one port: FHIR R4 at /fhir, and the same data under two more EHR
// shapes at /oracle/fhir and /isik/fhir (./profiles/), the SMART authorization server at / (issuer =
// origin), the EHR launch pages at /ehr. Used by sandbox/start.mjs (the demo) and by the
// vitest integration project (tests/support/globalSetup.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEhrError, renderPickerPage, summarizePatients } from './ehr-pages.mjs';
import { handleEhrRoute } from './ehr-routes.mjs';
import { createFhirGateway } from './fhir-gateway.mjs';
import { createFhirStore, indexDefinitions } from './fhir-server.mjs';
import { currentEncounterId, currentEncountersBundle } from './profiles/encounters.mjs';
import { PROFILES, profileById } from './profiles/table.mjs';
import { CLIENT_ID, createSmartAuth, DEMO_USER } from './smart-auth.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The demo fixture files, sorted: `sandbox/fixtures/*.json` (transaction Bundles).
 * @returns {string[]}
 */
export function defaultFixtureFiles() {
  const dir = join(HERE, 'fixtures');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] 0 picks a free port
 * @property {string} [host]
 * @property {Array<string | import('fhir/r4').Bundle>} [fixtures] file paths or Bundles; default sandbox/fixtures/*.json
 * @property {string} [appLaunchUrl] the app's launch page, e.g. http://127.0.0.1:5173/launch.html
 * @property {string[]} [appRedirectUris] default: index.html and the folder of appLaunchUrl
 * @property {number} [accessTokenTtl] seconds, default 3600
 * @property {number} [launchTtl] seconds an EHR launch id stays valid, default 300
 * @property {boolean} [testMode] enables POST /__test__/token and /__test__/launch (guarded by `testKey`)
 */

/**
 * Starts the sandbox and resolves once it listens and the fixtures are loaded.
 * @param {SandboxOptions} [options]
 */
export async function startSandbox(options = {}) {
  const t0 = performance.now();
  const { port = 0, host = '127.0.0.1', fixtures = defaultFixtureFiles(), testMode = false } = options;
  const appLaunchUrl = options.appLaunchUrl ?? 'http://127.0.0.1:5173/launch.html';
  const redirectUris = options.appRedirectUris ?? [new URL('index.html', appLaunchUrl).href, new URL('./', appLaunchUrl).href];
  const definitionsMs = indexDefinitions();

  /** @type {(req: http.IncomingMessage, res: http.ServerResponse) => void} */
  let route = notReady;
  const server = http.createServer((req, res) => route(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the sandbox server has no TCP address');
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const fhirBaseUrl = `${origin}/fhir`;
  const testKey = randomBytes(24).toString('base64url');

  const store = createFhirStore({ baseUrl: () => fhirBaseUrl });
  const auth = createSmartAuth({ issuer: origin, fhirBaseUrl, redirectUris, accessTokenTtl: options.accessTokenTtl, launchTtl: options.launchTtl });
  const gateways = PROFILES.map((profile) => ({
    prefix: profile.basePath,
    gateway: createFhirGateway({ store, auth, fhirBaseUrl: `${origin}${profile.basePath}`, profile, storeBaseUrl: fhirBaseUrl }),
  }));
  const providerCallback = auth.provider.callback();

  const tSeed = performance.now();
  for (const fixture of fixtures) {
    const bundle = typeof fixture === 'string' ? JSON.parse(readFileSync(fixture, 'utf8')) : fixture;
    try {
      await store.seed(bundle);
    } catch (err) {
      server.close();
      throw new Error(`fixture ${typeof fixture === 'string' ? fixture : 'bundle'}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  // today's visit of every patient: the encounter an EHR launch happens in (./profiles/encounters.mjs)
  const seeded = resourcesOf((await store.fhir('GET', 'Patient?_count=1000')).body).map((p) => String(p.id));
  await store.seed(currentEncountersBundle(seeded));
  const seedMs = Math.round(performance.now() - tSeed);

  /** Patients and their diagnoses, read from the store (unauthenticated, server side). */
  async function patientSummaries() {
    const patients = await store.fhir('GET', 'Patient?_count=1000');
    const conditions = await store.fhir('GET', 'Condition?_count=10000');
    return summarizePatients(resourcesOf(patients.body), resourcesOf(conditions.body));
  }

  /**
   * The interaction step of /auth: validates `aud` and the launch, shows the patient picker for a
   * standalone `launch/patient` request, then signs the demo practitioner in and consents.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {URLSearchParams} form query + form body
   */
  async function interaction(req, res, form) {
    const { provider } = auth;
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (err) {
      // no or expired interaction cookie: the user came back late or opened the URL by hand
      const html = renderEhrError('Authorization expired', `${err instanceof Error ? err.message : String(err)}. Start the app again from the EHR.`);
      res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      return undefined;
    }
    /** @type {Record<string, string | undefined>} */
    const params = Object.fromEntries(Object.entries(details.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
    /** @param {import('oidc-provider').InteractionResults} result */
    const finish = (result) => provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    if (form.get('deny') === '1' || form.get('action') === 'deny') {
      return finish({ error: 'access_denied', error_description: 'The user denied the authorization request.' });
    }
    const profile = auth.profileOfAud(params.aud);
    if (!profile) {
      return finish({
        error: 'invalid_request',
        error_description: `The aud parameter "${params.aud ?? ''}" does not name this FHIR server (${PROFILES.map((x) => origin + x.basePath).join(' or ')}).`,
      });
    }
    const scope = params.scope ?? '';
    const scopes = scope.split(' ');
    /** @type {import('./smart-auth.mjs').LaunchContext} */
    let context = { user: DEMO_USER, needPatientBanner: true, profile: profile.id };
    if (params.launch) {
      const launched = auth.consumeLaunch(params.launch);
      if ('error' in launched) return finish({ error: 'invalid_request', error_description: launched.error });
      if ((launched.context.profile ?? 'full') !== profile.id) {
        const description = `This launch was started for another FHIR server of this EHR (${launched.context.profile ?? 'full'}), not for ${params.aud}.`;
        return finish({ error: 'invalid_request', error_description: description });
      }
      context = { ...launched.context, profile: profile.id };
    } else if (scopes.includes('launch/patient')) {
      const chosen = req.method === 'POST' ? form.get('patient') : null;
      const patients = await patientSummaries();
      if (!chosen || !patients.some((p) => p.id === chosen)) {
        const html = renderPickerPage({ uid: details.uid, clientName: 'Therapy Navigator', patients, scope });
        res.writeHead(req.method === 'POST' ? 400 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
        return undefined;
      }
      // a standalone launch asking for launch/encounter gets the patient's current visit where the profile has one
      const encounter = scopes.includes('launch/encounter') && profile.launchEncounter ? currentEncounterId(chosen) : undefined;
      context = { user: DEMO_USER, patient: chosen, needPatientBanner: true, profile: profile.id, ...(encounter ? { encounter } : {}) };
    }
    const grantId = await auth.saveGrant(String(params.client_id), scope, context);
    return finish({ login: { accountId: context.user }, consent: { grantId } });
  }

  /**
   * Test-only endpoints: a real access token or launch id without the browser flow.
   * @param {string} path
   * @param {http.IncomingMessage} req
   * @param {string} raw
   */
  async function testEndpoint(path, req, raw) {
    const given = Buffer.from(String(req.headers['x-sandbox-test-key'] ?? ''));
    const expected = Buffer.from(testKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 403, body: { error: 'bad test key' } };
    const input = raw ? JSON.parse(raw) : {};
    if (path === '/__test__/token')
      return {
        status: 200,
        body: await auth.mintToken({
          patient: input.patient,
          scope: String(input.scope ?? ''),
          ttl: input.ttl,
          profile: input.profile,
          encounter: input.encounter,
        }),
      };
    if (path === '/__test__/launch') {
      const profile = profileById(input.profile);
      if (!profile) return { status: 400, body: { error: `unknown server profile "${input.profile}"` } };
      const encounter = input.encounter ?? (profile.launchEncounter && input.patient ? currentEncounterId(input.patient) : undefined);
      const launch = auth.mintLaunch(
        { patient: input.patient, encounter, user: DEMO_USER, needPatientBanner: input.needPatientBanner ?? true, profile: profile.id },
        input.ttl,
      );
      return { status: 200, body: { launch } };
    }
    return { status: 404, body: { error: 'unknown test endpoint' } };
  }

  route = (req, res) => {
    void handleRequest(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`sandbox error: ${err instanceof Error ? err.message : String(err)}`);
    });
  };

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function handleRequest(req, res) {
    const url = new URL(req.url ?? '/', origin);
    const p = url.pathname;
    const fhir = gateways.find((g) => p === g.prefix || p.startsWith(`${g.prefix}/`));
    const ours = fhir || p.startsWith('/ehr') || p.startsWith('/interaction/') || p.startsWith('/__test__/') || p === '/smart-style.json';
    if (!ours) return providerCallback(req, res);
    setCors(req, res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString('utf8');

    if (fhir) {
      const out = await fhir.gateway.handle({
        method: req.method ?? 'GET',
        path: p.slice(fhir.prefix.length).replace(/^\/+/, ''),
        search: url.search,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'] ?? '',
        rawBody: raw,
      });
      const type = p.endsWith('smart-configuration') ? 'application/json' : 'application/fhir+json; charset=utf-8';
      return void res.writeHead(out.status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...out.headers }).end(JSON.stringify(out.body));
    }
    if (p.startsWith('/interaction/')) {
      const form = new URLSearchParams(url.search);
      for (const [k, v] of new URLSearchParams(raw)) form.append(k, v);
      await interaction(req, res, form);
      return;
    }
    if (await handleEhrRoute({ origin, appLaunchUrl, patients: patientSummaries, auth }, url, res)) return;
    if (testMode && req.method === 'POST' && p.startsWith('/__test__/')) {
      const out = await testEndpoint(p, req, raw);
      return void res.writeHead(out.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(out.body));
    }
    return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }

  const startMs = Math.round(performance.now() - t0);
  return {
    origin,
    fhirBaseUrl,
    issuer: origin,
    ehrUrl: `${origin}/ehr`,
    clientId: CLIENT_ID,
    redirectUris,
    appLaunchUrl,
    /** Present only with `testMode`: the value of the `x-sandbox-test-key` header for /__test__/ endpoints. */
    testKey: testMode ? testKey : undefined,
    timings: { definitionsMs, seedMs, startMs },
    /**
     * The EHR launch URL for a patient (it mints a launch id and redirects to the app).
     * @param {{ patient: string, app?: string, encounter?: string, profile?: string }} input `profile`: oracle or isik (default: full)
     */
    launchUrl: ({ patient, app, encounter, profile }) => {
      const u = new URL('/ehr/launch', origin);
      u.searchParams.set('patient', patient);
      u.searchParams.set('app', app ?? appLaunchUrl);
      if (encounter) u.searchParams.set('encounter', encounter);
      if (profile && profile !== 'full') u.searchParams.set('profile', profile);
      return u.href;
    },
    /** The FHIR base of each server profile (full, oracle, isik). */
    profileBaseUrls: Object.fromEntries(PROFILES.map((x) => [x.id, `${origin}${x.basePath}`])),
    /** The standalone launch URL of the app (no launch id; the picker asks for the patient). */
    standaloneUrl: (app = appLaunchUrl) => `${app}?iss=${encodeURIComponent(fhirBaseUrl)}`,
    mintToken: auth.mintToken,
    mintLaunch: auth.mintLaunch,
    /**
     * Direct, unauthenticated FHIR call (seeding and assertions). Path relative to the base.
     * @param {string} method
     * @param {string} path
     * @param {unknown} [body]
     */
    fhir: (method, path, body) => store.fhir(method, path, body),
    patients: patientSummaries,
    /** Stops listening and drops open connections. */
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

/**
 * Answers 503 until the sandbox has finished starting.
 * @param {http.IncomingMessage} _req
 * @param {http.ServerResponse} res
 */
function notReady(_req, res) {
  res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('sandbox starting');
}

/**
 * The resources of a Bundle's entries.
 * @param {any} bundle
 * @returns {any[]}
 */
function resourcesOf(bundle) {
  return (bundle?.entry ?? []).map((/** @type {any} */ e) => e.resource).filter(Boolean);
}

/**
 * CORS for the FHIR API and pages: any origin may call with a bearer token (no cookies, so no
 * credentials mode); only harmless response headers are exposed.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function setCors(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Exist, If-None-Match, If-Modified-Since');
  res.setHeader('Access-Control-Expose-Headers', 'Location, Content-Location, ETag, Last-Modified, Retry-After');
  res.setHeader('Access-Control-Max-Age', '600');
}
