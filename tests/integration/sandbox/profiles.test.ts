import type { Bundle, CapabilityStatement, DocumentReference, Observation, OperationOutcome } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { readJson, sandbox } from '../../support/sandboxClient';
import { CookieJar, follow, pkcePair, tokenRequest } from './oauthFlow';

// The sandbox's three EHR shapes (sandbox/profiles/): the full server at /fhir, an Oracle-like server at
// /oracle/fhir and an ISiK-like one at /isik/fhir, over the same patients. Each /metadata must list exactly
// what its base enforces; tokens carry the scopes in the forms the profile grants and stay on their base.

const PATIENT = 'cd-us-001';
const VISIT = `${PATIENT}-visit`;
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
/** Every type the app reads or writes, and a few it resolves: the statement must say yes or no to each. */
const TYPES = [
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'Medication',
  'Procedure',
  'AllergyIntolerance',
  'Immunization',
  'Practitioner',
  'DocumentReference',
  'GuidanceResponse',
  'RiskAssessment',
  'DetectedIssue',
  'Provenance',
];
type Profile = 'full' | 'oracle' | 'isik';
const base = (profile: Profile): string => `${sandbox().origin}${profile === 'full' ? '' : `/${profile}`}/fhir`;

interface Answer<T> {
  status: number;
  body: T;
}

async function call<T = OperationOutcome>(profile: Profile, path: string, token?: string, init: { method?: string; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/fhir+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body) headers['content-type'] = 'application/fhir+json';
  const res = await fetch(`${base(profile)}/${path}`, { method: init.method ?? 'GET', headers, ...(init.body ? { body: JSON.stringify(init.body) } : {}) });
  return { status: res.status, body: await readJson<T>(res) };
}

async function mintFor(profile: Profile, scope: string, encounter?: string): Promise<{ access_token: string; scope: string }> {
  const sb = sandbox();
  const res = await fetch(`${sb.origin}/__test__/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-test-key': sb.testKey },
    body: JSON.stringify({ patient: PATIENT, scope, profile, encounter }),
  });
  expect(res.status).toBe(200);
  return readJson(res);
}

const statement = async (profile: Profile): Promise<CapabilityStatement> => (await call<CapabilityStatement>(profile, 'metadata')).body;
const listed = (cs: CapabilityStatement, type: string) => cs.rest?.[0]?.resource?.find((r) => r.type === type);
const readAll = TYPES.map((t) => `patient/${t}.rs`).join(' ');
const text = (oo: OperationOutcome): string => oo.issue.map((i) => i.details?.text ?? '').join(' ');

function documentFor(encounter?: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }] },
    subject: { reference: `Patient/${PATIENT}` },
    content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('decision summary').toString('base64') } }],
    ...(encounter ? { context: { encounter: [{ reference: `Encounter/${encounter}` }] } } : {}),
  };
}

/** A type-level search constrained to the patient, with the parameter the type links the patient by. */
function searchPath(type: string): string {
  if (type === 'Patient') return `Patient?_id=${PATIENT}`;
  if (type === 'Practitioner' || type === 'Medication') return `${type}?_id=pract-demo`;
  return `${type}?patient=${PATIENT}`;
}

describe.each<Profile>(['oracle', 'isik'])('%s-like profile: the statement and the enforcement agree', (profile) => {
  it('a type listed with search-type is searchable; listed without it 405; not listed 404, each with an OperationOutcome', async () => {
    const cs = await statement(profile);
    const { access_token } = await mintFor(profile, readAll);
    const mismatches: string[] = [];
    for (const type of TYPES) {
      const rule = listed(cs, type);
      let expected = 404;
      if (rule) expected = rule.interaction?.some((i) => i.code === 'search-type') ? 200 : 405;
      const { status, body } = await call<OperationOutcome | Bundle>(profile, searchPath(type), access_token);
      const outcome = body.resourceType === 'OperationOutcome' ? body : undefined;
      const shape = expected === 200 ? body.resourceType === 'Bundle' : outcome?.issue[0]?.code === 'not-supported';
      if (status !== expected || !shape) mismatches.push(`${type}: expected ${expected}, HTTP ${status} ${outcome ? text(outcome) : ''}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('the smart-configuration lists per-type scopes only for the types the statement lists, and launch/encounter', async () => {
    const cs = await statement(profile);
    const config = await readJson<{ scopes_supported: string[]; capabilities: string[] }>(await fetch(`${base(profile)}/.well-known/smart-configuration`));
    for (const type of TYPES) expect.soft(config.scopes_supported.includes(`patient/${type}.rs`), type).toBe(listed(cs, type) !== undefined);
    expect(config.scopes_supported).toContain('launch/encounter');
    expect(config.capabilities).toContain('context-ehr-encounter');
  });

  it('a token is good on its own base only', async () => {
    const own = await mintFor(profile, 'patient/Patient.rs');
    expect((await call(profile, `Patient/${PATIENT}`, own.access_token)).status).toBe(200);
    const other = await call('full', `Patient/${PATIENT}`, own.access_token);
    expect(other.status).toBe(401);
    expect(text(other.body)).toMatch(/another FHIR server/);
    const full = await mintFor('full', 'patient/*.rs');
    expect((await call(profile, `Patient/${PATIENT}`, full.access_token)).status).toBe(401);
  });

  it('paging links stay on the profile base', async () => {
    const { access_token } = await mintFor(profile, 'patient/Observation.rs');
    const page = await call<Bundle>(profile, `Observation?patient=${PATIENT}&_count=5`, access_token);
    expect(page.status).toBe(200);
    expect(page.body.entry).toHaveLength(5);
    const next = page.body.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next.startsWith(`${base(profile)}/Observation?`)).toBe(true);
    expect(page.body.entry?.[0]?.fullUrl?.startsWith(`${base(profile)}/Observation/`)).toBe(true);
    const second = await fetch(next, { headers: { authorization: `Bearer ${access_token}` } });
    expect(second.status).toBe(200);
  });
});

describe('Oracle-like profile (modelled on Oracle Health Millennium R4)', () => {
  it('lists no MedicationStatement and no Medication, no _include on MedicationRequest, batch but not transaction', async () => {
    const cs = await statement('oracle');
    expect(listed(cs, 'MedicationStatement')).toBeUndefined();
    expect(listed(cs, 'Medication')).toBeUndefined();
    const mr = listed(cs, 'MedicationRequest');
    expect(mr?.searchInclude ?? []).toEqual([]);
    expect(mr?.searchParam?.map((p) => p.name)).not.toContain('_include');
    expect(cs.rest?.[0]?.interaction?.map((i) => i.code)).toEqual(['batch']);
    expect(listed(cs, 'DocumentReference')?.interaction?.map((i) => i.code)).toContain('create');
    for (const type of ['GuidanceResponse', 'RiskAssessment', 'DetectedIssue']) expect(listed(cs, type)).toBeUndefined();
    expect(listed(cs, 'Condition')?.searchParam?.map((p) => p.name)).not.toContain('_count');
  });

  it('refuses _include on MedicationRequest (400), accepts the listed _revinclude, ignores an unlisted _count', async () => {
    const { access_token } = await mintFor('oracle', 'patient/MedicationRequest.rs patient/Condition.rs patient/Provenance.rs');
    const include = await call('oracle', `MedicationRequest?patient=${PATIENT}&_include=MedicationRequest:medication`, access_token);
    expect(include.status).toBe(400);
    expect(include.body.issue[0]?.code).toBe('not-supported');
    expect(text(include.body)).toMatch(/_include/);
    expect((await call('oracle', `MedicationRequest?patient=${PATIENT}&_revinclude=Provenance:target`, access_token)).status).toBe(200);
    const all = await call<Bundle>('oracle', `Condition?patient=${PATIENT}`, access_token);
    const counted = await call<Bundle>('oracle', `Condition?patient=${PATIENT}&_count=1`, access_token);
    expect(counted.status).toBe(200);
    expect(all.body.entry?.length).toBeGreaterThan(1);
    expect(counted.body.entry?.length).toBe(all.body.entry?.length);
  });

  it('refuses a transaction Bundle with an OperationOutcome and runs a batch', async () => {
    const { access_token } = await mintFor('oracle', 'patient/DocumentReference.c patient/DocumentReference.rs');
    const entry = [{ resource: documentFor(VISIT), request: { method: 'POST', url: 'DocumentReference' } }];
    const tx = await call('oracle', '', access_token, { method: 'POST', body: { resourceType: 'Bundle', type: 'transaction', entry } });
    expect(tx.status).toBe(400);
    expect(tx.body.resourceType).toBe('OperationOutcome');
    expect(text(tx.body)).toMatch(/transaction.*batch/);
    const batch = await call<Bundle>('oracle', '', access_token, { method: 'POST', body: { resourceType: 'Bundle', type: 'batch', entry } });
    expect(batch.status).toBe(200);
    expect(batch.body.type).toBe('batch-response');
    expect(batch.body.entry?.[0]?.response?.status).toMatch(/^201/);
  });

  it('creates a DocumentReference, refuses the types it does not list (404) and creates it does not offer (405)', async () => {
    const { access_token, scope } = await mintFor('oracle', 'patient/DocumentReference.c patient/GuidanceResponse.c patient/Observation.c');
    expect(scope).toBe('patient/DocumentReference.c');
    expect((await call('oracle', 'DocumentReference', access_token, { method: 'POST', body: documentFor() })).status).toBe(201);
    const guidance = { resourceType: 'GuidanceResponse', status: 'success', subject: { reference: `Patient/${PATIENT}` }, moduleUri: 'urn:x' };
    expect((await call('oracle', 'GuidanceResponse', access_token, { method: 'POST', body: guidance })).status).toBe(404);
    const obs: Observation = { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${PATIENT}` } };
    expect((await call('oracle', 'Observation', access_token, { method: 'POST', body: obs })).status).toBe(405);
  });
});

describe('ISiK-like profile (modelled on gematik ISiK)', () => {
  it('lists the medication types and DocumentReference create, not GuidanceResponse, RiskAssessment or DetectedIssue', async () => {
    const cs = await statement('isik');
    for (const type of ['MedicationStatement', 'MedicationRequest', 'Medication']) expect(listed(cs, type)).toBeDefined();
    for (const type of ['GuidanceResponse', 'RiskAssessment', 'DetectedIssue']) expect(listed(cs, type)).toBeUndefined();
    expect(listed(cs, 'DocumentReference')?.interaction?.map((i) => i.code)).toContain('create');
  });

  it('refuses a DocumentReference without the launch encounter (422, says what is missing) and accepts one with it', async () => {
    const { access_token } = await mintFor('isik', 'patient/DocumentReference.c', VISIT);
    const missing = await call('isik', 'DocumentReference', access_token, { method: 'POST', body: documentFor() });
    expect(missing.status).toBe(422);
    expect(text(missing.body)).toMatch(new RegExp(`context\\.encounter.*Encounter/${VISIT}`));
    const wrong = await call('isik', 'DocumentReference', access_token, { method: 'POST', body: documentFor('someone-else-visit') });
    expect(wrong.status).toBe(422);
    const ok = await call<DocumentReference>('isik', 'DocumentReference', access_token, { method: 'POST', body: documentFor(VISIT) });
    expect(ok.status).toBe(201);
    expect(ok.body.context?.encounter?.[0]?.reference).toBe(`Encounter/${VISIT}`);
    // inside a transaction too
    const noEncounter = await mintFor('isik', 'patient/DocumentReference.c');
    const tx = await call('isik', '', noEncounter.access_token, {
      method: 'POST',
      body: { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: documentFor(VISIT), request: { method: 'POST', url: 'DocumentReference' } }] },
    });
    expect(tx.status).toBe(422);
    expect(text(tx.body)).toMatch(/no encounter/);
  });

  it('grants Observation create as granular category scopes, and enforces the category', async () => {
    const { access_token, scope } = await mintFor('isik', 'patient/Observation.c', VISIT);
    expect(scope.split(' ').sort()).toEqual([`patient/Observation.c?category=${CATEGORY}|exam`, `patient/Observation.c?category=${CATEGORY}|survey`]);
    const obs = (code: string): Observation => ({
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: CATEGORY, code }] }],
      code: { text: 'abdominal pain' },
      subject: { reference: `Patient/${PATIENT}` },
    });
    expect((await call('isik', 'Observation', access_token, { method: 'POST', body: obs('survey') })).status).toBe(201);
    expect((await call('isik', 'Observation', access_token, { method: 'POST', body: obs('laboratory') })).status).toBe(403);
  });
});

/** An EHR launch from the demo EHR page under `profile`, through authorize and token, as the app's browser would. */
async function launchAndToken(profile: Profile, scope: string): Promise<Record<string, unknown>> {
  const sb = sandbox();
  const redirectUri = sb.redirectUris[0] ?? '';
  const launchRes = await fetch(`${sb.origin}/ehr/launch?patient=${PATIENT}&profile=${profile}`, { redirect: 'manual' });
  expect(launchRes.status).toBe(302);
  const target = new URL(launchRes.headers.get('location') ?? '');
  expect(target.searchParams.get('iss')).toBe(base(profile));
  const config = await readJson<{ authorization_endpoint: string; token_endpoint: string }>(await fetch(`${base(profile)}/.well-known/smart-configuration`));
  const { verifier, challenge } = pkcePair();
  const url = new URL(config.authorization_endpoint);
  const params = { response_type: 'code', client_id: sb.clientId, redirect_uri: redirectUri, state: 's', aud: base(profile), scope };
  for (const [k, v] of Object.entries({
    ...params,
    launch: target.searchParams.get('launch') ?? '',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(k, v);
  const end = await follow(url, new CookieJar(), new URL(redirectUri).origin);
  if (end.kind !== 'app') throw new Error(`stopped at ${end.url.href}: ${end.html.slice(0, 300)}`);
  const res = await tokenRequest(config.token_endpoint, {
    grant_type: 'authorization_code',
    code: end.url.searchParams.get('code') ?? '',
    redirect_uri: redirectUri,
    client_id: sb.clientId,
    code_verifier: verifier,
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('EHR launch under a profile (authorization code flow with PKCE)', () => {
  const requested = 'openid fhirUser launch launch/encounter patient/MedicationStatement.rs patient/MedicationRequest.rs patient/Observation.c';

  it('ISiK-like: the token response carries the launch encounter and the scopes in the granted forms', async () => {
    const body = await launchAndToken('isik', requested);
    expect(body.patient).toBe(PATIENT);
    expect(body.encounter).toBe(VISIT);
    expect(String(body.scope).split(' ')).toEqual(
      expect.arrayContaining(['patient/MedicationStatement.rs', `patient/Observation.c?category=${CATEGORY}|survey`]),
    );
    expect(String(body.scope).split(' ')).not.toContain('patient/Observation.c');
    const read = await call('isik', `Encounter/${VISIT}`, String(body.access_token));
    expect(read.status).toBe(403); // the encounter exists, but this token has no Encounter scope
  });

  it('Oracle-like: no scope for a type the server does not offer; the launch encounter is in the token response', async () => {
    const body = await launchAndToken('oracle', requested);
    expect(body.encounter).toBe(VISIT);
    expect(String(body.scope).split(' ')).toEqual(expect.arrayContaining(['patient/MedicationRequest.rs']));
    expect(String(body.scope)).not.toMatch(/MedicationStatement|Observation\.c/);
  });

  it('the EHR page offers each profile and refuses an unknown one', async () => {
    const page = await (await fetch(`${sandbox().origin}/ehr?profile=isik`)).text();
    expect(page).toContain(`profile=isik`);
    expect(page).toContain(base('isik'));
    expect((await fetch(`${sandbox().origin}/ehr?profile=epic`)).status).toBe(400);
  });
});
