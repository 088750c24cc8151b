// @vitest-environment jsdom
import type { Bundle, CapabilityStatement, Condition, MedicationRequest, Observation, OperationOutcome } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { authorizedClient, fhirFetch, mintToken } from '../../support/sandboxClient';

// FHIR search behaviour of the sandbox through the real fhirclient, on the sandbox test bundle
// (tests/fixtures/sandbox/README.md): sbx-cd-001 has 25 CRP (LOINC 1988-5) + 3 calprotectin
// (LOINC 38445-3) Observations and 2 MedicationRequests with a requester.

const PATIENT = 'sbx-cd-001';
const SCOPE = 'launch/patient patient/*.rs';
const CRP = encodeURIComponent('http://loinc.org|1988-5');
const FCP = encodeURIComponent('http://loinc.org|38445-3');

describe('search through fhirclient', () => {
  it('follows next links to the end (25 CRP over pages of 10)', async () => {
    const client = await authorizedClient(PATIENT, SCOPE);
    const pages = await client.request<Bundle<Observation>[]>(`Observation?patient=${PATIENT}&code=${CRP}&_sort=-date&_count=10`, { pageLimit: 0 });
    expect(pages.map((p) => p.entry?.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.link?.some((l) => l.relation === 'next'))).toEqual([true, true, false]);
    expect(pages[2]?.link?.some((l) => l.relation === 'previous')).toBe(true);
    const dates = pages.flatMap((p) => p.entry ?? []).map((e) => e.resource?.effectiveDateTime ?? '');
    expect(dates).toHaveLength(25);
    expect([...dates].sort((a, b) => b.localeCompare(a))).toEqual(dates); // _sort=-date: newest first across pages
  });

  it('applies the default page size of 20 and reports the total', async () => {
    const client = await authorizedClient(PATIENT, SCOPE);
    const first = await client.request<Bundle<Observation>>(`Observation?patient=${PATIENT}`);
    expect(first.total).toBe(28);
    expect(first.entry).toHaveLength(20);
  });

  it.each([
    { query: `code=${CRP},${FCP}`, expected: 28 },
    { query: `code=${FCP}`, expected: 3 },
    { query: `code=${encodeURIComponent('http://loinc.org|718-7')}`, expected: 0 },
    { query: `code=${CRP}&date=ge2023-06-01`, expected: 8 }, // every 30 days from 2022-01-15: 2023-06-09 … 2024-01-05
    { query: `code=${FCP}&date=gt2023-03-01&date=lt2023-12-31`, expected: 2 },
  ])('code list and date search: $query -> $expected', async ({ query, expected }) => {
    const client = await authorizedClient(PATIENT, SCOPE);
    const found = await client.request<Observation[]>(`Observation?patient=${PATIENT}&${query}`, { pageLimit: 0, flat: true });
    expect(found).toHaveLength(expected);
  });

  it('resolves _include of the requester and the medication', async () => {
    const client = await authorizedClient(PATIENT, SCOPE);
    const bundle = await client.request<Bundle>(
      `MedicationRequest?patient=${PATIENT}&_include=MedicationRequest:requester&_include=MedicationRequest:medication`,
    );
    const modes = (bundle.entry ?? []).map((e) => `${e.resource?.resourceType}:${e.search?.mode}`).sort((a, b) => a.localeCompare(b));
    expect(modes).toEqual(['Medication:include', 'MedicationRequest:match', 'MedicationRequest:match', 'Practitioner:include']);
    expect(bundle.entry?.every((e) => e.fullUrl?.startsWith('http://127.0.0.1'))).toBe(true);
  });

  it('answers patient.request(Condition) (needs the CapabilityStatement searchParams)', async () => {
    const client = await authorizedClient(PATIENT, SCOPE);
    const conditions = await client.patient.request<Condition[]>('Condition', { flat: true, pageLimit: 0 });
    expect(conditions.map((c) => c.id ?? '').sort((a, b) => a.localeCompare(b))).toEqual(['sbx-cond-cd', 'sbx-cond-reported']);
  });

  it('filters MedicationRequest by status', async () => {
    const client = await authorizedClient(PATIENT, SCOPE);
    const active = await client.request<MedicationRequest[]>(`MedicationRequest?patient=Patient/${PATIENT}&status=active`, { flat: true });
    expect(active.map((m) => m.id)).toEqual(['sbx-mr-ifx']);
  });
});

describe('search over HTTP', () => {
  it('_summary=count returns the total without entries or paging links', async () => {
    const { access_token } = await mintToken(PATIENT, SCOPE);
    const res = await fhirFetch<Bundle>(`Observation?patient=${PATIENT}&_summary=count`, { token: access_token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(28);
    expect(res.body.entry ?? []).toHaveLength(0);
    expect(res.body.link?.map((l) => l.relation)).toEqual(['self']);
  });

  it('accepts form-encoded POST [type]/_search like the GET search', async () => {
    const { access_token } = await mintToken(PATIENT, SCOPE);
    const res = await fhirFetch<Bundle>('Observation/_search', {
      token: access_token,
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      body: `patient=${PATIENT}&code=${FCP}`,
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
  });

  it.each(['foo=bar', 'valueQuantity=5', 'patinet=sbx-cd-001'])('refuses the unknown search parameter %s with 400', async (param) => {
    const { access_token } = await mintToken(PATIENT, SCOPE);
    const res = await fhirFetch<OperationOutcome>(`Observation?patient=${PATIENT}&${param}`, { token: access_token });
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0]?.details?.text).toContain(param.split('=')[0]);
  });

  it('runs a batch of reads and searches', async () => {
    const { access_token } = await mintToken(PATIENT, SCOPE);
    const batch: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: `Patient/${PATIENT}` } },
        { request: { method: 'GET', url: `Condition?patient=${PATIENT}` } },
        { request: { method: 'GET', url: 'Medication/does-not-exist' } },
      ],
    };
    const res = await fhirFetch<Bundle>('', { token: access_token, method: 'POST', contentType: 'application/fhir+json', body: JSON.stringify(batch) });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('batch-response');
    expect(res.body.entry?.map((e) => e.response?.status.slice(0, 3))).toEqual(['200', '200', '404']);
  });

  it('serves a CapabilityStatement with searchParams and the SMART oauth-uris, without a token', async () => {
    const res = await fhirFetch<CapabilityStatement>('metadata');
    expect(res.status).toBe(200);
    const observation = res.body.rest?.[0]?.resource?.find((r) => r.type === 'Observation');
    expect(observation?.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'subject', 'code', 'date', 'category']));
    const oauth = res.body.rest?.[0]?.security?.extension?.[0];
    expect(oauth?.extension?.map((e) => e.url).sort()).toEqual(['authorize', 'token']);
  });
});
