import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';

/**
 * The demo EHR launches the app with a SMART 2.x launch context (appContext / fhirContext in the token
 * response, passed through from its launch URL): the app opens on the named drug's row, or says in the
 * reader's language why it did not follow the context, and otherwise shows what the record supports.
 */
const ctx = inject('e2e');
let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser.close();
});

/** The demo records are dated relative to 2026-11-15 (as in ranking.e2e.test.ts). */
const DEMO_TODAY = new Date('2026-11-15T12:00:00Z');
const PATIENT = 'cd-us-001';

async function launch(extra: Record<string, string>): Promise<void> {
  const { page } = browser;
  await browser.context.clock.setFixedTime(DEMO_TODAY);
  await page.setViewportSize({ width: 1280, height: 900 });
  const url = new URL('/ehr/launch', ctx.sandboxOrigin);
  url.searchParams.set('patient', PATIENT);
  url.searchParams.set('app', `${ctx.appOrigin}/launch.html`);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  await page.goto(url.href);
  await page.getByTestId('ranking-table').waitFor({ timeout: 60_000 });
}

describe.runIf(ctx.patients.some((p) => p.id === PATIENT) && ctx.patients.some((p) => p.id === 'ra-de-002'))('launch context from the EHR', () => {
  it('appContext naming a drug: its row is highlighted and its "Why?" is open', async () => {
    await launch({ appContext: JSON.stringify({ indication: 'CD', drug: 'vedolizumab' }) });
    const { page } = browser;
    const row = page.locator('[data-testid="ranked-option"][data-drug="vedolizumab"]');
    await expect.poll(() => row.getAttribute('data-launch-focus')).toBe('true');
    expect(await row.getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[data-launch-focus="true"]').count()).toBe(1);
    expect(await row.getByTestId('launch-focus-note').textContent()).toBe('Opened from the EHR');
    // The explanation is computed after the ranking; the open row shows it when it arrives.
    await page.getByTestId('explanation-vedolizumab').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('explain-vedolizumab').getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('ranking').textContent()).toContain('Crohn');
    expect(await page.getByTestId('launch-context-notes').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
    expect(browser.cspViolations).toEqual([]);
  });

  it('a malformed appContext is a note in the reader’s language (German launch); the record decides', async () => {
    await launch({ appContext: '{drug: vedolizumab', lang: 'de' });
    const { page } = browser;
    const notes = page.getByTestId('launch-context-notes');
    await notes.waitFor({ timeout: 30_000 });
    expect(await notes.locator('li').getAttribute('data-code')).toBe('app-context-malformed');
    expect(await notes.textContent()).toMatch(/Startkontext aus dem KIS.*appContext/);
    expect(await page.locator('[data-launch-focus]').count()).toBe(0);
    // Ranked for the record's own indication (Crohn's), nothing highlighted.
    expect(await page.getByTestId('ranking').textContent()).toContain('Morbus Crohn');
    expect(browser.pageErrors).toEqual([]);
  });

  it('fhirContext naming another patient’s order and an indication the record does not hold: named, ignored', async () => {
    // ra-de-002's etanercept statement: the demo EHR refuses it to a token for cd-us-001 (patient compartment).
    await launch({
      fhirContext: JSON.stringify([{ reference: 'MedicationStatement/ra-de-002-ms-etanercept' }]),
      appContext: JSON.stringify({ indication: 'RMS' }),
    });
    const { page } = browser;
    const notes = page.getByTestId('launch-context-notes');
    await notes.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => notes.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code'))))
      .toEqual(['not-in-record', 'indication-not-in-record']);
    expect(await page.getByTestId('ranking').textContent()).toContain('Crohn');
    expect(await page.locator('[data-launch-focus]').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
