/**
 * Every demo patient, launched from the demo EHR under the Oracle-like and the ISiK-like server profile
 * (sandbox/profiles/; the full server is covered by firstScreen.e2e.test.ts): the app ranks, raises no
 * page error, shows a type the server does not offer as a named gap (not "record incomplete"), and
 * "Record this decision" stores it in the form the server accepts, checked on the server afterwards:
 * a DocumentReference for the patient (with the launch encounter on ISiK-like), and on Oracle-like no
 * GuidanceResponse (the server does not offer the type). One launch per patient and profile, one browser.
 *
 * Contract with the app: a missing type is `[data-testid="record-gap"][data-gap-type="<ResourceType>"]`;
 * an incomplete record is `record-incomplete` (src/ui/pages/PatientPage.tsx).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bundle, DocumentReference } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';

const ctx = inject('e2e');
/** The demo records are dated relative to 2026-11-15; the browser's clock is fixed there. */
const DEMO_TODAY = new Date('2026-11-15T12:00:00Z');
const PROFILES = ['oracle', 'isik'] as const;
type Profile = (typeof PROFILES)[number];
/** The encounter the demo EHR launches in (sandbox/profiles/encounters.mjs). */
const visitOf = (patient: string): string => `Encounter/${patient}-visit`;

const configPath = resolve('dist/config.json');
let originalConfig = '';
let browser: BrowserSession;

beforeAll(async () => {
  // Write-back on for this file (restored afterwards), as a site enables it.
  originalConfig = readFileSync(configPath, 'utf8');
  writeFileSync(configPath, JSON.stringify({ ...(JSON.parse(originalConfig) as object), writeBack: true }, null, 2));
  browser = await openBrowser();
  await browser.context.clock.setFixedTime(DEMO_TODAY);
  await browser.page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  if (originalConfig) writeFileSync(configPath, originalConfig);
  await browser?.close();
});

/** A read token on the full server: the check goes to the sandbox, not through the app. */
async function serverToken(patient: string): Promise<string> {
  const res = await fetch(`${ctx.sandboxOrigin}/__test__/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-test-key': ctx.sandboxTestKey },
    body: JSON.stringify({ patient, scope: 'patient/*.rs' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The patient's resources of a type on the server (ids and resources). */
async function onServer<T>(patient: string, type: string, link: string): Promise<Array<T & { id?: string }>> {
  const res = await fetch(`${ctx.fhirBaseUrl}/${type}?${link}=Patient/${patient}&_count=1000`, {
    headers: { authorization: `Bearer ${await serverToken(patient)}` },
  });
  expect(res.status).toBe(200);
  const bundle = (await res.json()) as Bundle;
  return (bundle.entry ?? []).map((e) => e.resource as T & { id?: string });
}

describe.each(PROFILES)('%s-like server profile: every demo patient launches, ranks and records the decision', (profile: Profile) => {
  for (const patient of ctx.patients) {
    it(`${patient.id}`, async () => {
      const { page } = browser;
      const errorsBefore = browser.pageErrors.length;
      const docsBefore = new Set((await onServer<DocumentReference>(patient.id, 'DocumentReference', 'subject')).map((d) => d.id));
      const guidanceBefore = (await onServer(patient.id, 'GuidanceResponse', 'subject')).length;

      const launch = new URL('/ehr/launch', ctx.sandboxOrigin);
      launch.searchParams.set('patient', patient.id);
      launch.searchParams.set('app', `${ctx.appOrigin}/launch.html`);
      launch.searchParams.set('profile', profile);
      await page.goto(launch.href);
      expect(new URL(page.url()).origin).toBe(ctx.appOrigin);
      await page.getByTestId('ranking-table').waitFor({ timeout: 60_000 });
      await page.getByTestId('record-view').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('ranked-option').count(), 'ranked options').toBeGreaterThan(0);
      // the launch went to the profile's FHIR base, with the bearer token, and nowhere else
      const fhirCalls = browser.requests.filter((r) => r.url.startsWith(`${ctx.sandboxOrigin}/`) && /\/fhir\//.test(r.url));
      expect(fhirCalls.some((r) => r.url.startsWith(`${ctx.profileBaseUrls[profile]}/`))).toBe(true);

      // A type the server does not offer is a named gap, never "record incomplete" (waits for the app's read plan).
      expect.soft(await page.getByTestId('record-incomplete').count(), 'record-incomplete shown').toBe(0);
      if (profile === 'oracle') {
        expect
          .soft(await page.locator('[data-testid="record-gap"][data-gap-type="MedicationStatement"]').count(), 'named gap for MedicationStatement')
          .toBeGreaterThan(0);
      }

      // "Record this decision": saved in the form this server accepts (waits for the app's write-back plan).
      await page.getByTestId('record-decision').waitFor({ timeout: 30_000 });
      await page.getByTestId('decision-submit').click();
      const saved = page.getByTestId('decision-saved');
      await saved.or(page.getByTestId('decision-error')).first().waitFor({ timeout: 30_000 });
      const errorText = (await page.getByTestId('decision-error').count()) > 0 ? await page.getByTestId('decision-error').textContent() : '';
      expect.soft(await saved.count(), `decision saved (error shown: ${errorText ?? ''})`).toBe(1);

      const created = (await onServer<DocumentReference>(patient.id, 'DocumentReference', 'subject')).filter((d) => !docsBefore.has(d.id));
      expect.soft(created.length, 'DocumentReference written for the decision').toBeGreaterThan(0);
      if (profile === 'isik') {
        for (const doc of created) expect.soft(doc.context?.encounter?.map((e) => e.reference)).toEqual([visitOf(patient.id)]);
      } else {
        expect((await onServer(patient.id, 'GuidanceResponse', 'subject')).length, 'no GuidanceResponse on Oracle-like').toBe(guidanceBefore);
      }
      expect(browser.pageErrors.slice(errorsBefore)).toEqual([]);
    }, 180_000);
  }
});
