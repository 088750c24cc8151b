import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { seriousViolations } from './axe.ts';

/**
 * Issue 13, the demo path: the demo's own config.json (public/config.json; the e2e setup changes only its
 * server list) enables write-back, so a launched demo patient shows "Record this decision"; the decision
 * recorded is named on the print summary, which is all that prints (the PDF is kept as an artefact); the
 * start-up text is styled from the app's own files.
 */
const ctx = inject('e2e');
const PATIENT = ctx.patients.find((p) => p.id === 'ra-lu-003') ?? ctx.patients[0]!;

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser.close();
});

describe('the demo as shipped', () => {
  it('the demo config enables write-back, and the build serves it', () => {
    expect((JSON.parse(readFileSync(resolve('public/config.json'), 'utf8')) as { writeBack?: boolean }).writeBack).toBe(true);
    expect((JSON.parse(readFileSync(resolve('dist/config.json'), 'utf8')) as { writeBack?: boolean }).writeBack).toBe(true);
  });

  it('a demo patient: record the decision, then print: only the summary, naming the decision and who recorded it', async () => {
    const { page } = browser;
    await page.goto(`${ctx.sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(PATIENT.id)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}`);
    const form = page.getByTestId('record-decision');
    await form.waitFor({ timeout: 90_000 });
    // every e2e screen now carries the form (the demo config enables write-back): it must pass axe too
    expect(await seriousViolations(page)).toEqual([]);
    const first = await page.getByTestId('decision-choice').inputValue();
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('decision-saved').waitFor({ timeout: 60_000 });

    await page.emulateMedia({ media: 'print' });
    const summary = page.getByTestId('print-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.getByTestId('ranking').isVisible()).toBe(false);
    expect(await page.getByTestId('patient-banner').isVisible()).toBe(false);
    const text = (await summary.textContent()) ?? '';
    // the recorder by name, read from the fhirUser resource (the demo practitioner), not the reference
    expect(text).toMatch(new RegExp(`Decision: ${first}[^,]*, recorded by Dr\\. Dana Demo`, 'i'));
    expect(text).not.toContain('Practitioner/pract-demo');
    expect(text).toContain('What the percentages mean');
    expect(text).toMatch(/simulated cohort calibrated to published trial results/);
    expect(text).toMatch(/methotrexate/i);
    expect(text).toContain('Before starting: checks still open');
    mkdirSync('test-results', { recursive: true });
    await page.pdf({ path: `test-results/print-summary-${PATIENT.id}.pdf`, format: 'A4' });
    await page.screenshot({ path: `test-results/print-summary-${PATIENT.id}.png`, fullPage: true });
    expect(browser.cspViolations).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    // a launch, an axe run, a saved decision and a PDF: minutes on a loaded 2-core machine
  }, 240_000);

  it('the start-up text has the app’s font and bar before any script runs', async () => {
    const { page } = browser;
    // Scripts blocked: what shows while the bundle loads (or when it cannot).
    await page.route(/\.js(\?|$)/, (route) => route.abort());
    await page.goto(`${ctx.appOrigin}/launch.html`);
    const status = page.locator('.boot-status').first();
    await status.waitFor();
    expect(await status.textContent()).toBe('Connecting to the EHR…');
    expect(await status.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^system-ui/);
    expect(await page.locator('.boot-bar').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(245, 245, 245)');
    expect(browser.cspViolations).toEqual([]);
  });
});
