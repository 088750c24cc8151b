import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/ui/i18n/en.ts';
import { rankingEn } from '../../src/ui/ranking/messages.ts';
import { decisionEn } from '../../src/ui/decision/messages.ts';
import { seriousViolations } from './axe.ts';
import { openBrowser, type BrowserSession } from '../support/browser.ts';

const ctx = inject('e2e');
let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser.close();
});

/**
 * The demo records are dated relative to 2026-11-15; the browser's clock is fixed there so that
 * "recent" results (a pregnancy test, a blood count) stay recent whenever the tests run.
 */
const DEMO_TODAY = new Date('2026-11-15T12:00:00Z');

async function launch(patient: string, width = 1280, banner = true): Promise<void> {
  const { page } = browser;
  await browser.context.clock.setFixedTime(DEMO_TODAY);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(
    `${ctx.sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(patient)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}${banner ? '' : '&banner=0'}`,
  );
  await page.getByTestId('ranking-table').waitFor({ timeout: 60_000 });
}

const has = (id: string) => ctx.patients.some((p) => p.id === id);

describe('safety findings the specialist must see', () => {
  it.runIf(has('ra-de-002'))('NYHA III heart failure: every anti-TNF is contraindicated, still listed, with its reason', async () => {
    await launch('ra-de-002');
    const { page } = browser;
    for (const drug of ['adalimumab', 'infliximab', 'certolizumab pegol', 'golimumab']) {
      const row = page.locator(`[data-testid="ranked-option"][data-drug="${drug}"]`);
      expect(await row.getAttribute('data-worst')).toBe('contraindicated');
      expect(await row.locator('[data-rule="anti-tnf-hf-severe"][data-flag-state="triggered"]').count()).toBe(1);
    }
  });

  it.runIf(has('ra-de-002'))('no hepatitis B serology: the one checklist says to screen before starting, for abatacept among others', async () => {
    await launch('ra-de-002');
    const item = browser.page.locator('[data-testid="checklist-item"][data-topic="hbv"]');
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-rules')).toMatch(/hbv-hbsag/);
    expect((await item.getAttribute('data-drugs'))?.split('|')).toContain('abatacept');
    expect(await item.textContent()).toMatch(/[Hh]epatitis B/);
    expect(await browser.page.locator('[data-testid="ranked-option"][data-drug="abatacept"] [data-testid="checklist-ref"]').textContent()).toMatch(
      /Hepatitis B/,
    );
  });

  it('JCV-positive MS patient with a high index: continuing natalizumab carries the PML finding, and it is a reason to switch', async () => {
    await launch('rms-fr-001');
    const panel = browser.page.getByTestId('continue-panel');
    expect(await panel.getAttribute('data-drug')).toBe('natalizumab');
    expect(await panel.locator('[data-rule^="natalizumab-"][data-flag-state="triggered"]').count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toMatch(/PML/);
    expect(await browser.page.locator('[data-testid="switch-reasons"] [data-reason^="natalizumab-"]').count()).toBeGreaterThan(0);
  });

  it.runIf(has('rms-ch-004'))('pregnancy planned (MS): teriflunomide is flagged', async () => {
    await launch('rms-ch-004');
    const row = browser.page.locator('[data-testid="ranked-option"][data-drug="teriflunomide"]');
    expect(await row.locator('[data-rule^="pregnancy-"][data-flag-state="triggered"]').count()).toBeGreaterThan(0);
  });

  it.runIf(has('ra-lu-003'))('pregnancy planned (RA): current methotrexate is flagged', async () => {
    await launch('ra-lu-003');
    const section = browser.page.getByTestId('current-medication-flags');
    expect(await section.locator('[data-drug="methotrexate"] [data-rule^="pregnancy-"]').count()).toBeGreaterThan(0);
  });
});

/** Every English UI string of two words or more (placeholders removed) that the other language changes. */
function englishPhrases(obj: unknown, out: string[] = []): string[] {
  if (typeof obj === 'string') {
    for (const part of obj.split(/\{\{[^}]+\}\}/)) if (part.trim().split(/\s+/).length >= 3) out.push(part.trim());
  } else if (obj && typeof obj === 'object') for (const v of Object.values(obj)) englishPhrases(v, out);
  return out;
}

describe('languages', () => {
  it('switching to German and French changes every visible string, with no serious accessibility violation', async () => {
    await launch(ctx.patients[0]!.id);
    const { page } = browser;
    const phrases = [...new Set([...englishPhrases(en), ...englishPhrases(rankingEn), ...englishPhrases(decisionEn)])];
    const englishText = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    const shownInEnglish = phrases.filter((p) => englishText.includes(p));
    expect(shownInEnglish.length).toBeGreaterThan(5);
    for (const [lang, name] of [
      ['de', 'Deutsch'],
      ['fr', 'Français'],
    ] as const) {
      await page.getByTestId('language-switch').locator('..').click();
      await page.getByRole('option', { name }).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // the language menu closes with a transition; check the page, not the closing menu
      await page.waitForFunction(() => document.querySelector('li[lang]') === null);
      const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      expect(shownInEnglish.filter((p) => text.includes(p))).toEqual([]);
      expect(text).not.toMatch(/\b(ranking|recordView|record|errors|banner)\.[a-zA-Z.]+\b/);
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
});

// The first screen of every demo patient (1280 and 800 px, EN/DE/FR, the failed drugs' history, tiers,
// keyboard, axe): tests/e2e/firstScreen.e2e.test.ts, one launch per patient.
describe('the EHR side panel', () => {
  it.runIf(has('cd-us-001'))(
    'in an EHR frame that shows its own banner (need_patient_banner false), at 800px in French: no banner; what-if labels not cut off, with units',
    async () => {
      await launch('cd-us-001', 800, false);
      const { page } = browser;
      expect(await page.getByTestId('patient-banner').count()).toBe(0);
      expect(await page.getByTestId('question').isVisible()).toBe(true);
      await page.getByTestId('language-switch').locator('..').click();
      await page.getByRole('option', { name: 'Français' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      // The what-if panel renders after the ranking is painted (RankingPanel: the panels below the options).
      await page.getByTestId('what-if').waitFor();
      const labels = page.locator('[data-testid="what-if"] label');
      expect(await labels.count()).toBeGreaterThan(5);
      const clipped = await labels.evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).map((e) => e.textContent),
      );
      expect(clipped).toEqual([]);
      expect(await page.getByTestId('what-if-field-crp_mg_l').locator('label').textContent()).toMatch(/\(mg\/L\)$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    },
    150_000,
  );
});

describe('the launch error page', () => {
  it('has no serious accessibility violation', async () => {
    await browser.page.goto(`${ctx.appOrigin}/launch.html`);
    await browser.page.getByTestId('launch-error').waitFor();
    expect(await seriousViolations(browser.page)).toEqual([]);
  });
});
