import { describe, expect, it } from 'vitest';
import { fhirFetch, mintLaunch, readJson, sandbox } from '../../support/sandboxClient';
import { CookieJar, follow, jwtPayload, pkcePair, tokenRequest, type FlowEnd } from './oauthFlow';

// The SMART App Launch 2.x authorization-code flow driven with plain fetch, as the app's browser
// would: discovery -> authorize (PKCE S256, launch, aud) -> interaction -> code -> token -> refresh.

const PATIENT = 'sbx-cd-001';
const OTHER = 'sbx-ra-001';

interface SmartConfiguration {
  authorization_endpoint: string;
  token_endpoint: string;
  capabilities: string[];
  code_challenge_methods_supported: string[];
  scopes_supported: string[];
  grant_types_supported: string[];
}

async function discover(): Promise<SmartConfiguration> {
  const res = await fetch(`${sandbox().fhirBaseUrl}/.well-known/smart-configuration`);
  expect(res.status).toBe(200);
  return readJson<SmartConfiguration>(res);
}

function redirectUri(): string {
  const uri = sandbox().redirectUris[0];
  if (!uri) throw new Error('no redirect URI registered');
  return uri;
}

function authorizeUrl(config: SmartConfiguration, params: Record<string, string>): URL {
  const url = new URL(config.authorization_endpoint);
  const base = { response_type: 'code', client_id: sandbox().clientId, redirect_uri: redirectUri(), state: 'state-123', aud: sandbox().fhirBaseUrl };
  for (const [k, v] of Object.entries({ ...base, ...params })) url.searchParams.set(k, v);
  return url;
}

const appOrigin = (): string => new URL(redirectUri()).origin;

/** Launches from the EHR page exactly as a clinician's click would, returning the launch id. */
async function ehrLaunch(patient: string): Promise<string> {
  const res = await fetch(`${sandbox().origin}/ehr/launch?patient=${patient}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const target = new URL(res.headers.get('location') ?? '');
  expect(target.searchParams.get('iss')).toBe(sandbox().fhirBaseUrl);
  return target.searchParams.get('launch') ?? '';
}

describe('smart-configuration', () => {
  it('advertises the endpoints, S256 only and the SMART capabilities', async () => {
    const config = await discover();
    expect(config.authorization_endpoint).toBe(`${sandbox().origin}/auth`);
    expect(config.token_endpoint).toBe(`${sandbox().origin}/token`);
    expect(config.code_challenge_methods_supported).toEqual(['S256']);
    expect(config.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
    for (const c of [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'context-ehr-patient',
      'context-standalone-patient',
      'permission-patient',
      'permission-v1',
      'permission-v2',
      'sso-openid-connect',
      'permission-offline',
    ]) {
      expect(config.capabilities).toContain(c);
    }
    expect(config.scopes_supported).toEqual(expect.arrayContaining(['patient/Observation.rs', 'patient/*.read', 'launch/patient', 'online_access']));
  });
});

describe('EHR launch, authorization code with PKCE S256, refresh', () => {
  it('issues a token with the patient context and fhirUser, and refresh keeps the patient', async () => {
    const config = await discover();
    const jar = new CookieJar();
    const { verifier, challenge } = pkcePair();
    const launch = await ehrLaunch(PATIENT);
    const scope = 'openid fhirUser launch patient/*.rs offline_access';
    const end = await follow(authorizeUrl(config, { scope, launch, code_challenge: challenge, code_challenge_method: 'S256' }), jar, appOrigin());
    if (end.kind !== 'app') throw new Error(`stopped at ${end.url.href}: ${end.html.slice(0, 200)}`);
    expect(end.url.searchParams.get('state')).toBe('state-123');
    const code = end.url.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const token = await tokenRequest(config.token_endpoint, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: sandbox().clientId,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', patient: PATIENT, need_patient_banner: true, scope });
    expect(jwtPayload(token.body.id_token).fhirUser).toBe(`${sandbox().fhirBaseUrl}/Practitioner/pract-demo`);
    expect(typeof token.body.refresh_token).toBe('string');

    const read = await fhirFetch(`Patient/${PATIENT}`, { token: String(token.body.access_token) });
    expect(read.status).toBe(200);

    const refreshed = await tokenRequest(config.token_endpoint, {
      grant_type: 'refresh_token',
      refresh_token: String(token.body.refresh_token),
      client_id: sandbox().clientId,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe(PATIENT);
    expect(refreshed.body.access_token).not.toBe(token.body.access_token);
    const readAfterRefresh = await fhirFetch(`Patient/${PATIENT}`, { token: String(refreshed.body.access_token) });
    expect(readAfterRefresh.status).toBe(200);
  });

  it('refuses a reused code and revokes the tokens issued with it (RFC 6749 §4.1.2)', async () => {
    const config = await discover();
    const { verifier, challenge } = pkcePair();
    const end = await follow(
      authorizeUrl(config, { scope: 'launch patient/*.rs', launch: await ehrLaunch(PATIENT), code_challenge: challenge, code_challenge_method: 'S256' }),
      new CookieJar(),
      appOrigin(),
    );
    if (end.kind !== 'app') throw new Error('no redirect to the app');
    const exchange = {
      grant_type: 'authorization_code',
      code: end.url.searchParams.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: sandbox().clientId,
      code_verifier: verifier,
    };
    const first = await tokenRequest(config.token_endpoint, exchange);
    expect(first.status).toBe(200);
    const second = await tokenRequest(config.token_endpoint, exchange);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invalid_grant');
    expect((await fhirFetch(`Patient/${PATIENT}`, { token: String(first.body.access_token) })).status).toBe(401);
  });

  it('refuses a wrong code_verifier at the token endpoint', async () => {
    const config = await discover();
    const { challenge } = pkcePair();
    const end = await follow(
      authorizeUrl(config, { scope: 'launch patient/*.rs', launch: await ehrLaunch(PATIENT), code_challenge: challenge, code_challenge_method: 'S256' }),
      new CookieJar(),
      appOrigin(),
    );
    if (end.kind !== 'app') throw new Error('no redirect to the app');
    const token = await tokenRequest(config.token_endpoint, {
      grant_type: 'authorization_code',
      code: end.url.searchParams.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: sandbox().clientId,
      code_verifier: pkcePair().verifier,
    });
    expect(token.status).toBe(400);
    expect(token.body.error).toBe('invalid_grant');
  });

  it('issues a refresh token for online_access too', async () => {
    const config = await discover();
    const { verifier, challenge } = pkcePair();
    const end = await follow(
      authorizeUrl(config, {
        scope: 'launch patient/*.rs online_access',
        launch: await ehrLaunch(PATIENT),
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
      new CookieJar(),
      appOrigin(),
    );
    if (end.kind !== 'app') throw new Error('no redirect to the app');
    const token = await tokenRequest(config.token_endpoint, {
      grant_type: 'authorization_code',
      code: end.url.searchParams.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: sandbox().clientId,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    expect(typeof token.body.refresh_token).toBe('string');
  });
});

describe('standalone launch with launch/patient', () => {
  it('shows the patient picker and binds the chosen patient to the token', async () => {
    const config = await discover();
    const jar = new CookieJar();
    const { verifier, challenge } = pkcePair();
    const picker = await follow(
      authorizeUrl(config, { scope: 'openid fhirUser launch/patient patient/*.rs', code_challenge: challenge, code_challenge_method: 'S256' }),
      jar,
      appOrigin(),
    );
    if (picker.kind !== 'page') throw new Error('expected the patient picker');
    expect(picker.status).toBe(200);
    expect(picker.html).toContain('Select a patient');
    expect(picker.html).toContain(`value="${OTHER}"`);
    expect(picker.html).toContain(`value="${PATIENT}"`);

    const end = await follow(picker.url, jar, appOrigin(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ patient: OTHER, action: 'allow' }).toString(),
    });
    if (end.kind !== 'app') throw new Error(`stopped at ${end.url.href}`);
    const token = await tokenRequest(config.token_endpoint, {
      grant_type: 'authorization_code',
      code: end.url.searchParams.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: sandbox().clientId,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    expect(token.body.patient).toBe(OTHER);
    expect(typeof token.body.refresh_token).toBe('undefined'); // neither offline_access nor online_access
  });
});

type Failure = { name: string; setup: () => Promise<Record<string, string>>; deny?: 'picker' | 'query'; error: string; description: RegExp };

const failures: Failure[] = [
  {
    name: 'plain PKCE',
    setup: async () => ({
      scope: 'launch patient/*.rs',
      launch: await ehrLaunch(PATIENT),
      code_challenge: pkcePair().verifier,
      code_challenge_method: 'plain',
    }),
    error: 'invalid_request',
    description: /code_challenge_method/,
  },
  {
    name: 'missing PKCE',
    setup: async () => ({ scope: 'launch patient/*.rs', launch: await ehrLaunch(PATIENT) }),
    error: 'invalid_request',
    description: /PKCE/,
  },
  {
    name: 'expired launch',
    setup: async () => ({
      scope: 'launch patient/*.rs',
      launch: await mintLaunch(PATIENT, { ttl: -1 }),
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    }),
    error: 'invalid_request',
    description: /expired/,
  },
  {
    name: 'unknown launch',
    setup: async () => ({ scope: 'launch patient/*.rs', launch: 'not-a-launch', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }),
    error: 'invalid_request',
    description: /Unknown launch/,
  },
  {
    name: 'wrong aud',
    setup: async () => ({
      scope: 'launch patient/*.rs',
      launch: await ehrLaunch(PATIENT),
      aud: 'https://evil.example/fhir',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    }),
    error: 'invalid_request',
    description: /aud/,
  },
  {
    name: 'denied on the picker',
    setup: async () => ({ scope: 'launch/patient patient/*.rs', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }),
    deny: 'picker',
    error: 'access_denied',
    description: /denied/,
  },
  {
    name: 'denied by query switch',
    setup: async () => ({
      scope: 'launch patient/*.rs',
      launch: await ehrLaunch(PATIENT),
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    }),
    deny: 'query',
    error: 'access_denied',
    description: /denied/,
  },
];

describe('authorization failures end in an error redirect to the app', () => {
  it.each(failures)('$name', async ({ setup, deny, error, description }) => {
    const config = await discover();
    const jar = new CookieJar();
    const params = await setup();
    let end: FlowEnd;
    if (deny === 'query') {
      // stop at the interaction step and take the deny switch instead of the automatic consent
      const first = await fetch(authorizeUrl(config, params), { redirect: 'manual' });
      jar.store(first);
      const interaction = new URL(first.headers.get('location') ?? '', sandbox().origin);
      interaction.searchParams.set('deny', '1');
      end = await follow(interaction, jar, appOrigin());
    } else {
      end = await follow(authorizeUrl(config, params), jar, appOrigin());
    }
    if (deny === 'picker') {
      if (end.kind !== 'page') throw new Error('expected the patient picker');
      end = await follow(end.url, jar, appOrigin(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=deny' });
    }
    if (end.kind !== 'app') throw new Error(`stopped at ${end.url.href}: ${end.html.slice(0, 300)}`);
    expect(end.url.searchParams.get('code')).toBeNull();
    expect(end.url.searchParams.get('error')).toBe(error);
    expect(end.url.searchParams.get('error_description')).toMatch(description);
    expect(end.url.searchParams.get('state')).toBe('state-123');
  });

  it('a launch id works once: the second authorization with it fails', async () => {
    const config = await discover();
    const launch = await ehrLaunch(PATIENT);
    const params = { scope: 'launch patient/*.rs', launch, code_challenge: pkcePair().challenge, code_challenge_method: 'S256' };
    const first = await follow(authorizeUrl(config, params), new CookieJar(), appOrigin());
    expect(first.kind === 'app' && first.url.searchParams.get('code')).toBeTruthy();
    const second = await follow(authorizeUrl(config, params), new CookieJar(), appOrigin());
    if (second.kind !== 'app') throw new Error('no redirect to the app');
    expect(second.url.searchParams.get('error')).toBe('invalid_request');
    expect(second.url.searchParams.get('error_description')).toMatch(/already used/);
  });
});
