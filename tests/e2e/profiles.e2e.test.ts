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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bundle, DocumentReference, Resource } from 'fhir/r4';
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
/** Per launch: time to the settled screen and in all, and what waited for the app side (test-results/profiles-e2e.json). */
const timings: Array<{ profile: string; patient: string; launchedMs: number; totalMs: number; waiting: string[] }> = [];

beforeAll(async () => {
  // Write-back on for this file (restored afterwards), as a site enables it.
  originalConfig = readFileSync(configPath, 'utf8');
  writeFileSync(configPath, JSON.stringify({ ...(JSON.parse(originalConfig) as object), writeBack: true }, null, 2));
  browser = await openBrowser();
  await browser.context.clock.setFixedTime(DEMO_TODAY);
  await browser.page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(async () => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/profiles-e2e.json', `${JSON.stringify(timings, null, 2)}\n`);
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
async function onServer<T extends Resource = Resource>(patient: string, type: string, link: string): Promise<T[]> {
  const res = await fetch(`${ctx.fhirBaseUrl}/${type}?${link}=Patient/${patient}&_count=1000`, {
    headers: { authorization: `Bearer ${await serverToken(patient)}` },
  });
  expect(res.status).toBe(200);
  const bundle = (await res.json()) as Bundle<T>;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

describe.each(PROFILES)('%s-like server profile: every demo patient launches, ranks and records the decision', (profile: Profile) => {
  for (const patient of ctx.patients) {
    it(`${patient.id}: launches and ranks without page errors; named gaps; the decision recorded in the form the server accepts`, async () => {
      const { page } = browser;
      const t0 = Date.now();
      const errorsBefore = browser.pageErrors.length;
      const requestsBefore = browser.requests.length;
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
      // the app read from the profile's FHIR base, and from no other base of the EHR
      const fhirCalls = browser.requests.slice(requestsBefore).filter((r) => r.url.startsWith(`${ctx.sandboxOrigin}/`) && /\/fhir\//.test(r.url));
      expect(fhirCalls.length).toBeGreaterThan(0);
      expect(fhirCalls.filter((r) => !r.url.startsWith(`${ctx.profileBaseUrls[profile]}/`)).map((r) => r.url)).toEqual([]);

      const launchedMs = Date.now() - t0;
      // What the read plan and the write-back must deliver on this server shape; collected, then asserted at once.
      const waiting: string[] = [];
      // A type the server does not offer is a named gap, never "record incomplete".
      if ((await page.getByTestId('record-incomplete').count()) > 0)
        waiting.push(`record-incomplete shown: ${await page.getByTestId('record-incomplete').textContent()}`);
      const gaps = await page.locator('[data-testid="record-gap"][data-gap-type="MedicationStatement"]').count();
      if (profile === 'oracle' && gaps === 0) waiting.push('no named gap (record-gap, data-gap-type="MedicationStatement")');

      // "Record this decision", saved in the form this server accepts. The page has settled (record view
      // shown), so the form is there or not offered at all.
      const form = page.getByTestId('record-decision');
      await form.waitFor({ timeout: 5_000 }).catch(() => undefined);
      if ((await form.count()) === 0) waiting.push('"Record this decision" not offered');
      else {
        await page.getByTestId('decision-submit').click();
        const saved = page.getByTestId('decision-saved');
        const error = page.getByTestId('decision-error');
        await saved.or(error).first().waitFor({ timeout: 30_000 });
        if ((await saved.count()) === 0) waiting.push(`decision not saved: ${(await error.textContent()) ?? ''}`);
      }

      // On the server, not through the app: a DocumentReference for the decision, with the launch's
      // encounter on ISiK-like; on Oracle-like never a GuidanceResponse (the type is not offered).
      const created = (await onServer<DocumentReference>(patient.id, 'DocumentReference', 'subject')).filter((d) => !docsBefore.has(d.id));
      if (created.length === 0) waiting.push('no DocumentReference for the decision on the server');
      const encounters = created.map((d) => (d.context?.encounter ?? []).map((e) => e.reference).join(','));
      if (profile === 'isik' && encounters.some((e) => e !== visitOf(patient.id)))
        waiting.push(`DocumentReference context.encounter ${encounters.join(' | ')}, not ${visitOf(patient.id)}`);
      const guidanceAdded = (await onServer(patient.id, 'GuidanceResponse', 'subject')).length - guidanceBefore;
      timings.push({ profile, patient: patient.id, launchedMs, totalMs: Date.now() - t0, waiting });

      expect(profile === 'oracle' ? guidanceAdded : 0, 'GuidanceResponse written on the Oracle-like server').toBe(0);
      expect(waiting, 'named gaps, no "record incomplete", the decision saved in the form the server accepts').toEqual([]);
      expect(browser.pageErrors.slice(errorsBefore)).toEqual([]);
    }, 180_000);
  }
});
