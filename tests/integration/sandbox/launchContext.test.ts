import { describe, expect, it } from 'vitest';
import { readJson, sandbox } from '../../support/sandboxClient';
import { CookieJar, follow, pkcePair, tokenRequest } from './oauthFlow';
import { readLaunchContext } from '@src/smart/launchContext.ts';

// The demo EHR passes a launch's appContext / fhirContext (from its launch URL) through to the token
// response unchanged, as SMART App Launch 2.x EHRs do; the app's reader takes it from there.

const PATIENT = 'sbx-cd-001';

/** An EHR launch with `extra` on the demo EHR's launch URL, through the code flow; returns the token response. */
async function tokenFor(extra: Record<string, string>): Promise<Record<string, unknown>> {
  const launchUrl = new URL('/ehr/launch', sandbox().origin);
  launchUrl.searchParams.set('patient', PATIENT);
  for (const [k, v] of Object.entries(extra)) launchUrl.searchParams.set(k, v);
  const res = await fetch(launchUrl, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const launch = new URL(res.headers.get('location') ?? '').searchParams.get('launch') ?? '';
  const config = await readJson<{ authorization_endpoint: string; token_endpoint: string }>(
    await fetch(`${sandbox().fhirBaseUrl}/.well-known/smart-configuration`),
  );
  const redirectUri = sandbox().redirectUris[0] ?? '';
  const { verifier, challenge } = pkcePair();
  const auth = new URL(config.authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: sandbox().clientId,
    redirect_uri: redirectUri,
    state: 's-1',
    aud: sandbox().fhirBaseUrl,
    scope: 'launch openid fhirUser patient/*.rs',
    launch,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);
  const end = await follow(auth, new CookieJar(), new URL(redirectUri).origin);
  if (end.kind !== 'app') throw new Error(`stopped at ${end.url.href}`);
  const token = await tokenRequest(config.token_endpoint, {
    grant_type: 'authorization_code',
    code: end.url.searchParams.get('code') ?? '',
    redirect_uri: redirectUri,
    client_id: sandbox().clientId,
    code_verifier: verifier,
  });
  expect(token.status).toBe(200);
  return token.body;
}

describe('launch context through the demo EHR', () => {
  it('appContext and fhirContext reach the token response as sent, and the app reads them', async () => {
    const appContext = JSON.stringify({ indication: 'CD', drug: 'vedolizumab' });
    const body = await tokenFor({ appContext, fhirContext: JSON.stringify([{ reference: 'Condition/sbx-cd-001-dx' }]) });
    expect(body.appContext).toBe(appContext);
    expect(body.fhirContext).toEqual([{ reference: 'Condition/sbx-cd-001-dx' }]);
    expect(readLaunchContext(body)?.targets).toEqual([
      { kind: 'resource', resourceType: 'Condition', reference: 'Condition/sbx-cd-001-dx', from: 'fhirContext' },
      { kind: 'indication', value: 'CD', from: 'appContext' },
      { kind: 'drug', value: 'vedolizumab', from: 'appContext' },
    ]);
  });

  it('a fhirContext that is not JSON is passed through raw, and the app names it as malformed', async () => {
    const body = await tokenFor({ fhirContext: 'Condition/1' });
    expect(body.fhirContext).toBe('Condition/1');
    expect(readLaunchContext(body)?.problems.map((p) => p.code)).toEqual(['fhir-context-malformed']);
  });

  it('a launch without either has neither', async () => {
    const body = await tokenFor({});
    expect(body).not.toHaveProperty('appContext');
    expect(body).not.toHaveProperty('fhirContext');
    expect(readLaunchContext(body)).toBeUndefined();
  });
});
