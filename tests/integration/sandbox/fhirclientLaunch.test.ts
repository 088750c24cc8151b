// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1:5173/launch.html"}
import type { Condition, Patient } from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { afterEach, describe, expect, it } from 'vitest';
import { sandbox } from '../../support/sandboxClient';
import { CookieJar, follow } from './oauthFlow';

// The app's own library against the sandbox: fhirclient 2.6.3 `FHIR.oauth2.authorize` builds the
// authorization request (discovery, PKCE S256 because the server advertises it, state in
// sessionStorage); the browser's redirects are replayed with fetch; `FHIR.oauth2.ready` exchanges
// the code on the page the sandbox redirected to. The page origin is the app's (see the options above).

afterEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/launch.html');
});

async function launchAndReady(params: {
  launch?: string;
  scope: string;
  refreshTokenWithClientId?: boolean;
}): Promise<{ client: Client; picked: string | undefined }> {
  const { default: FHIR } = await import('fhirclient');
  const authorizeUrl = await FHIR.oauth2.authorize({
    iss: sandbox().fhirBaseUrl,
    ...(params.launch ? { launch: params.launch } : {}),
    clientId: sandbox().clientId,
    scope: params.scope,
    redirectUri: 'index.html',
    noRedirect: true,
  });
  if (typeof authorizeUrl !== 'string') throw new Error('authorize() did not return the URL');
  const url = new URL(authorizeUrl);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('aud')).toBe(sandbox().fhirBaseUrl);

  const jar = new CookieJar();
  let picked: string | undefined;
  let end = await follow(url, jar, window.location.origin);
  if (end.kind === 'page') {
    // standalone launch: choose the first patient on the picker, as a user would
    picked = /name="patient" value="([^"]+)" checked/.exec(end.html)?.[1] ?? '';
    end = await follow(end.url, jar, window.location.origin, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `patient=${encodeURIComponent(picked)}&action=allow`,
    });
  }
  if (end.kind !== 'app') throw new Error(`stopped at ${end.url.href}`);
  history.replaceState(null, '', end.url.pathname + end.url.search);
  // A browser loads index.html as a new page with a new fhirclient instance. The module-level
  // adapter of fhirclient's browser entry caches the page URL, so the redirect page gets its own
  // adapter, as after a real navigation.
  const { default: BrowserAdapter } = await import('fhirclient/lib/adapters/BrowserAdapter');
  const page = new BrowserAdapter({ refreshTokenWithClientId: params.refreshTokenWithClientId ?? true });
  return { client: await page.getSmartApi().ready(), picked };
}

describe('fhirclient 2.6.3 against the sandbox', () => {
  it('completes an EHR launch and reads the record with the granted token', async () => {
    const res = await fetch(`${sandbox().origin}/ehr/launch?patient=sbx-cd-001`, { redirect: 'manual' });
    const launch = new URL(res.headers.get('location') ?? '').searchParams.get('launch') ?? '';
    const { client } = await launchAndReady({ launch, scope: 'launch openid fhirUser patient/*.rs offline_access' });
    expect(client.patient.id).toBe('sbx-cd-001');
    expect(client.user.fhirUser).toBe('Practitioner/pract-demo');
    expect(client.state.tokenResponse?.need_patient_banner).toBe(true);
    expect(client.state.tokenResponse?.refresh_token).toEqual(expect.any(String));
    const patient = await client.patient.read();
    expect((patient as Patient).birthDate).toBe('1990-04-12');
    const conditions = await client.patient.request<Condition[]>('Condition', { flat: true, pageLimit: 0 });
    expect(conditions).toHaveLength(2);
    const before = client.state.tokenResponse?.access_token;
    const refreshed = await client.refresh(); // resolves to the new client state
    expect(refreshed.tokenResponse?.patient).toBe('sbx-cd-001');
    expect(refreshed.tokenResponse?.access_token).not.toBe(before);
    expect((await client.patient.read()).id).toBe('sbx-cd-001');
  });

  it("the app's default scopes let it read the signed-in user by name; without user/Practitioner.rs the reason is kept", async () => {
    const { DEFAULT_SCOPE } = await import('@src/smart/settings.ts');
    const { createFhirSession } = await import('@src/smart/session.ts');
    const { readSignedInUser } = await import('@src/pipeline/signedInUser.ts');
    const launchFor = async (scope: string) => {
      const res = await fetch(`${sandbox().origin}/ehr/launch?patient=sbx-cd-001`, { redirect: 'manual' });
      const launch = new URL(res.headers.get('location') ?? '').searchParams.get('launch') ?? '';
      const { client } = await launchAndReady({ launch, scope });
      return createFhirSession(client);
    };
    const granted = await launchFor(DEFAULT_SCOPE);
    expect(granted.grantedScope.split(' ')).toContain('user/Practitioner.rs');
    await expect(readSignedInUser(granted)).resolves.toEqual({
      kind: 'named',
      reference: 'Practitioner/pract-demo',
      type: 'Practitioner',
      name: 'Dr. Dana Demo',
    });
    sessionStorage.clear();
    history.replaceState(null, '', '/launch.html');
    const narrow = await launchFor(DEFAULT_SCOPE.replace(' user/Practitioner.rs', ''));
    await expect(readSignedInUser(narrow)).resolves.toMatchObject({ kind: 'reference-only', reference: 'Practitioner/pract-demo', problem: 'forbidden' });
  });

  // A public client must name itself at the token endpoint (OAuth 2.1 draft §4.3.1; oidc-provider
  // enforces it). fhirclient omits client_id on refresh unless refreshTokenWithClientId is set,
  // so the app has to set FHIR.oauth2.settings.refreshTokenWithClientId = true.
  it('refuses a refresh without client_id (fhirclient default)', async () => {
    const res = await fetch(`${sandbox().origin}/ehr/launch?patient=sbx-cd-001`, { redirect: 'manual' });
    const launch = new URL(res.headers.get('location') ?? '').searchParams.get('launch') ?? '';
    const { client } = await launchAndReady({ launch, scope: 'launch patient/*.rs offline_access', refreshTokenWithClientId: false });
    await expect(client.refresh()).rejects.toThrow(/400/);
  });

  it('completes a standalone launch through the patient picker', async () => {
    const { client, picked } = await launchAndReady({ scope: 'launch/patient openid fhirUser patient/*.rs' });
    expect(picked).toMatch(/\S/);
    expect(client.patient.id).toBe(picked);
    expect((await client.patient.read()).id).toBe(client.patient.id);
  });
});
