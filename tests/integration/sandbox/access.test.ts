import type { Bundle, OperationOutcome, RiskAssessment } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { fhirFetch, mintToken, sandbox } from '../../support/sandboxClient';

// What the sandbox FHIR API enforces, like a real EHR: bearer tokens (401), SMART scopes and the
// patient compartment (403), with OperationOutcome bodies that say what is missing.

const PATIENT = 'sbx-cd-001';
const OTHER = 'sbx-ra-001';

/** What the app writes back (its recommendation trail). Not an Observation: other test files count those. */
function riskFor(patient: string): RiskAssessment {
  return { resourceType: 'RiskAssessment', status: 'final', subject: { reference: `Patient/${patient}` }, occurrenceDateTime: '2024-06-01' };
}

describe('authentication', () => {
  it('answers 401 with an OperationOutcome and WWW-Authenticate without a token', async () => {
    const res = await fhirFetch<OperationOutcome>(`Patient/${PATIENT}`);
    expect(res.status).toBe(401);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
  });

  it.each(['not-a-token', ''])('answers 401 for the unknown token "%s"', async (token) => {
    const res = await fetch(`${sandbox().fhirBaseUrl}/Patient/${PATIENT}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it('answers 401 with error="invalid_token" once the token expired', async () => {
    const { access_token } = await mintToken(PATIENT, 'patient/*.rs', 1);
    expect((await fhirFetch(`Patient/${PATIENT}`, { token: access_token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const res = await fhirFetch(`Patient/${PATIENT}`, { token: access_token });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('keeps metadata and smart-configuration public', async () => {
    expect((await fhirFetch('metadata')).status).toBe(200);
    expect((await fetch(`${sandbox().fhirBaseUrl}/.well-known/smart-configuration`)).status).toBe(200);
  });
});

type Request = { name: string; scope: string; patient?: string; path: string; method?: string; body?: unknown };

async function send({ scope, patient, path, method, body }: Request): Promise<Awaited<ReturnType<typeof fhirFetch<OperationOutcome>>>> {
  const { access_token } = await mintToken(patient === '' ? undefined : (patient ?? PATIENT), scope);
  const init = { token: access_token, method: method ?? 'GET', ...(body ? { body: JSON.stringify(body), contentType: 'application/fhir+json' } : {}) };
  return fhirFetch<OperationOutcome>(path, init);
}

const allowed: Array<Request & { status: number }> = [
  { name: 'own Patient', scope: 'patient/*.rs', path: `Patient/${PATIENT}`, status: 200 },
  { name: 'subject=Patient/P', scope: 'patient/*.rs', path: `Condition?subject=Patient/${PATIENT}`, status: 200 },
  { name: 'Medication (no compartment)', scope: 'patient/*.rs', path: 'Medication/sbx-med-ifx', status: 200 },
  { name: 'Practitioner (no compartment)', scope: 'patient/*.rs', path: 'Practitioner/sbx-pract-1', status: 200 },
  { name: 'v1 per-type scope', scope: 'patient/Condition.read', path: `Condition?patient=${PATIENT}`, status: 200 },
  {
    name: 'write with a v2 write scope',
    scope: 'patient/*.rs patient/RiskAssessment.cruds',
    path: 'RiskAssessment',
    method: 'POST',
    body: riskFor(PATIENT),
    status: 201,
  },
  {
    name: 'write with a v1 write scope',
    scope: 'patient/*.read patient/RiskAssessment.write',
    path: 'RiskAssessment',
    method: 'POST',
    body: riskFor(PATIENT),
    status: 201,
  },
];

const denied: Array<Request & { text: RegExp }> = [
  { name: 'another patient', scope: 'patient/*.rs', path: `Patient/${OTHER}`, text: /not the patient in context/ },
  { name: "another patient's Condition by id", scope: 'patient/*.rs', path: 'Condition/sbx-cond-ra', text: /outside the patient compartment/ },
  { name: "another patient's Observations", scope: 'patient/*.rs', path: `Observation?patient=${OTHER}`, text: /limited to the patient in context/ },
  { name: 'a search without patient', scope: 'patient/*.rs', path: 'Observation?code=http://loinc.org|1988-5', text: /limited/ },
  { name: 'a search naming both patients', scope: 'patient/*.rs', path: `Condition?patient=${PATIENT},${OTHER}`, text: /limited/ },
  { name: 'a Patient search beyond _id', scope: 'patient/*.rs', path: 'Patient?gender=male', text: /_id=/ },
  { name: 'v2 scope of another type', scope: 'patient/Observation.rs', path: `Condition?patient=${PATIENT}`, text: /patient\/Condition\.rs/ },
  {
    name: 'v1 scope of another type',
    scope: 'patient/Observation.read',
    path: `MedicationRequest?patient=${PATIENT}`,
    text: /patient\/MedicationRequest\.read/,
  },
  { name: 'read-only v2 scope cannot search', scope: 'patient/Condition.r', path: `Condition?patient=${PATIENT}`, text: /searching Condition/ },
  { name: 'no patient in context', scope: 'patient/*.rs', patient: '', path: `Condition?patient=${PATIENT}`, text: /no patient in context/ },
  {
    name: 'write without a write scope',
    scope: 'patient/*.rs',
    path: 'RiskAssessment',
    method: 'POST',
    body: riskFor(PATIENT),
    text: /writing RiskAssessment/,
  },
  {
    name: "write into another patient's record",
    scope: 'patient/RiskAssessment.cruds',
    path: 'RiskAssessment',
    method: 'POST',
    body: riskFor(OTHER),
    text: /must belong to Patient\/sbx-cd-001/,
  },
  {
    name: 'update of another patient',
    scope: 'patient/*.cruds',
    path: `Patient/${OTHER}`,
    method: 'PUT',
    body: { resourceType: 'Patient', id: OTHER },
    text: /not the patient in context/,
  },
  {
    name: "a batch reaching another patient's data",
    scope: 'patient/*.rs',
    path: '',
    method: 'POST',
    text: /limited to the patient in context/,
    body: {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ request: { method: 'GET', url: `Patient/${PATIENT}` } }, { request: { method: 'GET', url: `Observation?patient=${OTHER}` } }],
    },
  },
];

describe('scopes and the patient compartment', () => {
  it.each(allowed)('allows $name ($status)', async (req) => {
    expect((await send(req)).status).toBe(req.status);
  });

  it.each(denied)('refuses $name with 403 and an OperationOutcome', async (req) => {
    const res = await send(req);
    expect(res.status).toBe(403);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0]?.code).toBe('forbidden');
    expect(res.body.issue[0]?.details?.text).toMatch(req.text);
  });

  it('answers a create with 201 and a Location of the new version', async () => {
    const res = await send({ name: 'create', scope: 'patient/RiskAssessment.cruds', path: 'RiskAssessment', method: 'POST', body: riskFor(PATIENT) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/\/fhir\/RiskAssessment\/[^/]+\/_history\/[^/]+$/);
  });

  // Without the filter the store returns Patient/sbx-ra-001 as an include here (checked with startSandbox().fhir).
  it('drops _include results outside the compartment (asserter = the other patient)', async () => {
    const { access_token } = await mintToken(PATIENT, 'patient/*.rs');
    const res = await fhirFetch<Bundle>(`Condition?patient=${PATIENT}&_include=Condition:asserter`, { token: access_token });
    expect(res.status).toBe(200);
    const ids = (res.body.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`).sort((a, b) => a.localeCompare(b));
    expect(ids).toEqual(['Condition/sbx-cond-cd', 'Condition/sbx-cond-reported']);
  });

  it('drops _include results of types the scopes do not grant', async () => {
    const { access_token } = await mintToken(PATIENT, 'patient/MedicationRequest.rs');
    const res = await fhirFetch<Bundle>(`MedicationRequest?patient=${PATIENT}&_include=MedicationRequest:requester`, { token: access_token });
    expect(res.status).toBe(200);
    expect((res.body.entry ?? []).map((e) => e.resource?.resourceType)).toEqual(['MedicationRequest', 'MedicationRequest']);
  });
});

describe('CORS', () => {
  it('allows the Authorization header from any origin and exposes no sensitive header', async () => {
    const res = await fetch(`${sandbox().fhirBaseUrl}/Observation`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    expect(exposed).not.toMatch(/set-cookie|authorization|www-authenticate/);
  });
});
