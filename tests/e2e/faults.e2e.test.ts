import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { startFaultProxy, type FaultProxy, type FaultRule } from './faultProxy.ts';

/**
 * The fault matrix: the real app, launched in chromium through a proxy that injects one fault per
 * test between the app and the sandbox FHIR server. Each row asserts what the clinician sees.
 */
const ctx = inject('e2e');
const PATIENT = ctx.patients.find((p) => p.id === 'ra-de-002') ?? ctx.patients[0]!;
/** DEFAULT_RETRY_POLICY.timeoutMs in src/smart/retry.ts. */
const APP_TIMEOUT_MS = 20_000;
const configPath = resolve('dist/config.json');
let originalConfig = '';
let proxy: FaultProxy;
let browser: BrowserSession;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: ctx.fhirBaseUrl });
  // The deploy-time config must allow the proxy as a FHIR server; restored afterwards.
  originalConfig = readFileSync(configPath, 'utf8');
  const config = JSON.parse(originalConfig) as { allowedFhirServers?: string[] };
  config.allowedFhirServers = [...(config.allowedFhirServers ?? []), proxy.fhirBaseUrl];
  writeFileSync(configPath, JSON.stringify(config, null, 2));
});
afterAll(async () => {
  if (originalConfig) writeFileSync(configPath, originalConfig);
  await proxy.close();
});
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser.close();
});

/** An EHR launch of the demo patient through the proxy, with these faults armed. */
async function launch(rules: FaultRule[], options: { smartV1Only?: boolean } = {}): Promise<void> {
  proxy.reset(rules, options);
  const res = await fetch(`${ctx.sandboxOrigin}/__test__/launch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-test-key': ctx.sandboxTestKey },
    body: JSON.stringify({ patient: PATIENT.id }),
  });
  const { launch: id } = (await res.json()) as { launch: string };
  await browser.page.goto(`${ctx.appOrigin}/launch.html?iss=${encodeURIComponent(proxy.fhirBaseUrl)}&launch=${encodeURIComponent(id)}`);
}

/** Waits for the record to be shown or refused; returns which. */
async function settled(timeout = 40_000): Promise<'record' | 'error'> {
  const either = browser.page.locator('[data-testid="patient-name"], [data-testid="record-error"]').first();
  await either.waitFor({ timeout }).catch(async (e: unknown) => {
    // what the clinician saw, and what the proxy answered, so a failure here explains itself
    const screen =
      (await browser.page
        .locator('body')
        .textContent()
        .catch(() => '')) ?? '';
    const answered = proxy.log.map((r) => `${r.method} ${r.path.slice(0, 80)} ${r.status ?? '-'}${r.fault ? ` [${r.fault}]` : ''}`);
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}\nscreen: ${screen.slice(0, 600)}\nproxy:\n${answered.join('\n')}\npage errors: ${browser.pageErrors.join('; ')}`,
    );
  });
  return (await either.getAttribute('data-testid')) === 'patient-name' ? 'record' : 'error';
}

async function expectCompleteRecord(): Promise<void> {
  expect(await settled()).toBe('record');
  expect(await browser.page.getByTestId('patient-name').textContent()).toContain(PATIENT.family.toUpperCase());
  expect(await browser.page.getByTestId('record-incomplete').count()).toBe(0);
  expect(browser.pageErrors).toEqual([]);
}

/** The record shows, with the "incomplete" banner naming exactly these resource types. */
async function expectIncomplete(parts: string[]): Promise<void> {
  expect(await settled()).toBe('record');
  const banner = browser.page.getByTestId('record-incomplete');
  await banner.waitFor({ timeout: 5000 });
  const text = (await banner.textContent()) ?? '';
  const missing = /Missing: ([^.]*)\./.exec(text)?.[1]?.split(', ') ?? [];
  expect(missing.sort()).toEqual([...parts].sort());
  expect(browser.pageErrors).toEqual([]);
}

async function expectRecordError(code: string, retry: boolean): Promise<void> {
  expect(await settled()).toBe('error');
  const alert = browser.page.getByTestId('record-error');
  expect(await alert.getAttribute('data-error-code')).toBe(code);
  expect(((await alert.textContent()) ?? '').length).toBeGreaterThan(30);
  expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(retry ? 1 : 0);
  expect(browser.pageErrors).toEqual([]);
}

/** Statuses the proxy answered for requests whose path matches. */
const statuses = (path: RegExp): Array<number | null> => proxy.log.filter((r) => r.method === 'GET' && path.test(r.path)).map((r) => r.status);
const DATA = /^\/fhir\/(?!\.well-known|metadata)/;
const ALWAYS = Number.POSITIVE_INFINITY;

describe('fault matrix (through the fault proxy)', () => {
  it('401 mid-session: the token is refreshed (with client_id), the request retried once, the page is fine', async () => {
    await launch([{ path: /^\/fhir\/Condition\?/, fault: { kind: 'status', status: 401 } }]);
    await expectCompleteRecord();
    expect(statuses(/^\/fhir\/Condition\?/)).toEqual([401, 200]);
    const refreshes = proxy.log.filter((r) => r.method === 'POST' && r.path === '/__token' && /grant_type=refresh_token/.test(r.body ?? ''));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.status).toBe(200);
    // refreshTokenWithClientId (src/smart/fhirclient.ts): a public client names itself.
    expect(new URLSearchParams(refreshes[0]?.body).get('client_id')).toBe('therapy-navigator');
  });

  it('401 and the refresh is refused: the clinician is asked to relaunch, no retry button', async () => {
    await launch([
      { path: DATA, times: ALWAYS, fault: { kind: 'status', status: 401 } },
      // the first POST is the code exchange; every later one is a refresh
      { method: 'POST', path: /^\/__token$/, nth: 2, times: ALWAYS, fault: { kind: 'status', status: 400, body: { error: 'invalid_grant' } } },
    ]);
    await expectRecordError('unauthorized', false);
    expect(await browser.page.getByTestId('record-error').textContent()).toMatch(/launch Therapy Navigator again/);
  });

  it('403 on one resource type: the rest loads, the banner names it', async () => {
    await launch([{ path: /^\/fhir\/MedicationStatement\?/, times: ALWAYS, fault: { kind: 'status', status: 403 } }]);
    await expectIncomplete(['MedicationStatement']);
    expect(statuses(/^\/fhir\/MedicationStatement\?/)).toEqual([403]);
  });

  it('404 on the referenced Medications (server ignores _include): the banner names Medication', async () => {
    await launch([
      { path: /^\/fhir\/Medication(Statement|Request|Administration)\?/, times: ALWAYS, fault: { kind: 'drop-included' } },
      { path: /^\/fhir\/Medication\?/, times: ALWAYS, fault: { kind: 'status', status: 404 } },
    ]);
    await expectIncomplete(['Medication']);
    expect(statuses(/^\/fhir\/Medication\?_id=/)).toEqual([404]);
  });

  it('429 with Retry-After: 1 twice: retried after the wait, then the record loads', async () => {
    const started = Date.now();
    await launch([{ path: /^\/fhir\/Patient\//, times: 2, fault: { kind: 'status', status: 429, retryAfter: '1' } }]);
    await expectCompleteRecord();
    expect(statuses(/^\/fhir\/Patient\//)).toEqual([429, 429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('503 with Retry-After on a search: retried, nothing missing', async () => {
    await launch([{ path: /^\/fhir\/Condition\?/, fault: { kind: 'status', status: 503, retryAfter: '1' } }]);
    await expectCompleteRecord();
    expect(statuses(/^\/fhir\/Condition\?/)).toEqual([503, 200]);
  });

  it('503 that keeps failing: a clear message with a retry button that works once the server is back', async () => {
    await launch([{ path: /^\/fhir\/Patient\//, times: ALWAYS, fault: { kind: 'status', status: 503, retryAfter: '0' } }]);
    await expectRecordError('server-error', true);
    // 1 attempt + 3 retries, then the app stops
    expect(statuses(/^\/fhir\/Patient\//)).toEqual([503, 503, 503, 503]);
    proxy.reset([]);
    await browser.page.getByTestId('record-error').getByRole('button', { name: 'Try again' }).click();
    await expectCompleteRecord();
  });

  it('500 on a search: not retried, the banner names it', async () => {
    await launch([{ path: /^\/fhir\/Condition\?/, times: ALWAYS, fault: { kind: 'status', status: 500 } }]);
    await expectIncomplete(['Condition']);
    expect(statuses(/^\/fhir\/Condition\?/)).toEqual([500]);
  });

  it('a search never answered: it times out and the banner names it', async () => {
    const started = Date.now();
    await launch([{ path: /^\/fhir\/Procedure\?/, times: ALWAYS, fault: { kind: 'hang' } }]);
    await expectIncomplete(['Procedure']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(APP_TIMEOUT_MS);
    expect(statuses(/^\/fhir\/Procedure\?/)).toEqual([null]);
  });

  it('malformed JSON: the banner names the resource type', async () => {
    await launch([{ path: /^\/fhir\/AllergyIntolerance\?/, times: ALWAYS, fault: { kind: 'malformed' } }]);
    await expectIncomplete(['AllergyIntolerance']);
  });

  it('a paging link broken halfway: the whole search counts as missing', async () => {
    await launch([{ path: /^\/fhir\/Observation\?/, fault: { kind: 'broken-next' } }]);
    await expectIncomplete(['Observation']);
    expect(statuses(/__broken-page/)).toEqual([500]);
  });

  it('a server with SMART v1 scopes only: the app asks for v1 scopes and loads the record', async () => {
    await launch([], { smartV1Only: true });
    await expectCompleteRecord();
    const authorize = browser.requests.find((r) => new URL(r.url).pathname === '/__authorize');
    const scope = new URL(authorize?.url ?? 'http://x/').searchParams.get('scope') ?? '';
    expect(scope).toMatch(/(^| )patient\/Observation\.read( |$)/);
    expect(scope).not.toMatch(/\.(c?r?u?d?s)( |$)/);
  });
});

type Json = Record<string, unknown>;
/** Another patient's Crohn's disease (SNOMED 34000006), as a server returning foreign data would send it. */
const FOREIGN_CD = {
  resourceType: 'Condition',
  id: 'foreign-cd',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '34000006' }], text: "Crohn's disease" },
  subject: { reference: 'Patient/someone-else' },
};

const addForeign = (a: unknown) => ({
  ...(a as Json),
  entry: [...(((a as Json).entry as unknown[] | undefined) ?? []), { resource: FOREIGN_CD, search: { mode: 'match' } }],
});

describe('issue 12: what the server says is checked (through the fault proxy)', () => {
  it.each<[string, (answer: unknown) => unknown]>([
    ['another patient', (a) => ({ ...(a as Json), id: 'someone-else', name: [{ family: 'Wrongperson' }] })],
    ['200 {}', () => ({})],
    ['200 with an error OperationOutcome', () => ({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] })],
  ])('the Patient read answers %s: the launch stops (wrong-patient), no other name on screen', async (_name, edit) => {
    await launch([{ path: /^\/fhir\/Patient\/[^?]+$/, times: ALWAYS, fault: { kind: 'rewrite', edit } }]);
    await expectRecordError('wrong-patient', true);
    expect(await browser.page.locator('body').textContent()).not.toMatch(/WRONGPERSON|Wrongperson/);
  });

  it("a Condition search that also returns another patient's Crohn's disease: dropped, named, not an indication", async () => {
    await launch([{ path: /^\/fhir\/Condition\?/, times: ALWAYS, fault: { kind: 'rewrite', edit: addForeign } }]);
    expect(await settled()).toBe('record');
    const foreign = browser.page.getByTestId('record-foreign');
    await foreign.waitFor({ timeout: 5000 });
    expect(await foreign.textContent()).toContain('Condition/foreign-cd');
    expect(await browser.page.getByTestId('indications').textContent()).not.toMatch(/Crohn/);
    expect(browser.pageErrors).toEqual([]);
  });

  it('a search redirected to another origin: not followed, the search counts as missing', async () => {
    await launch([{ path: /^\/fhir\/Procedure\?/, times: ALWAYS, fault: { kind: 'redirect', location: 'http://127.0.0.1:9/fhir/Procedure?patient=x' } }]);
    await expectIncomplete(['Procedure']);
  });

  it('a next link with dot segments: refused before the token goes out, the search counts as missing', async () => {
    const escape = (a: unknown) => ({ ...(a as Json), link: [{ relation: 'next', url: `${proxy.fhirBaseUrl}/../secret/Immunization?page=2` }] });
    await launch([{ path: /^\/fhir\/Immunization\?/, fault: { kind: 'rewrite', edit: escape } }]);
    await expectIncomplete(['Immunization']);
    expect(proxy.log.some((r) => r.path.startsWith('/secret'))).toBe(false);
  });
});
