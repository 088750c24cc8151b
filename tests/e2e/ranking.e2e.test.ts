import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/ui/i18n/en.ts';
import { rankingEn } from '../../src/ui/ranking/messages.ts';
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

async function launch(patient: string): Promise<void> {
  const { page } = browser;
  await browser.context.clock.setFixedTime(DEMO_TODAY);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${ctx.sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(patient)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}`);
  await page.getByTestId('ranking-table').waitFor({ timeout: 60_000 });
}

const has = (id: string) => ctx.patients.some((p) => p.id === id);

describe('the ranking, for every demo patient', () => {
  for (const patient of ctx.patients) {
    it(`${patient.id}: probabilities, intervals, explanations and flags, no serious accessibility violation`, async () => {
      await launch(patient.id);
      const { page } = browser;
      const rows = page.getByTestId('ranked-option');
      expect(await rows.count()).toBeGreaterThan(3);
      for (const text of await page.getByTestId('probability').allTextContents()) expect(text).toMatch(/^\d+(\.\d)? %$/);
      for (const text of await page.getByTestId('interval').allTextContents()) expect(text).toMatch(/\d+(\.\d)? % – \d+(\.\d)? %/);
      expect(await page.getByTestId('endpoint').textContent()).toMatch(/Probability of .+ at .+/);
      await expect(page.getByTestId('simulated-notice').isVisible()).resolves.toBe(true);
      // the explanation of the first option, with its table alternative
      const first = await rows.first().getAttribute('data-drug');
      await page.getByTestId(`explain-${first ?? ''}`).click();
      const explanation = page.getByTestId(`explanation-${first ?? ''}`);
      await explanation.locator('summary').click();
      expect(await page.getByTestId(`explanation-table-${first ?? ''}`).locator('tbody tr').count()).toBeGreaterThan(0);
      // the safety column answers for every option: a finding or an explicit "no finding"
      expect(await page.getByTestId('flags').count()).toBe(await rows.count());
      await page.getByTestId('record-view').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(browser.pageErrors).toEqual([]);
    });
  }
});

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

  it.runIf(has('ra-de-002'))('no hepatitis B serology: the unknown state says to screen before starting', async () => {
    await launch('ra-de-002');
    const flag = browser.page.locator('[data-testid="ranked-option"][data-drug="abatacept"] [data-rule="hbv-hbsag"][data-flag-state="unknown"]');
    expect(await flag.count()).toBe(1);
    expect(await flag.textContent()).toMatch(/[Hh]epatitis B/);
  });

  it('JCV-positive MS patient with a high index: natalizumab carries the PML finding', async () => {
    await launch('rms-fr-001');
    const row = browser.page.locator('[data-testid="ranked-option"][data-drug="natalizumab"]');
    expect(await row.locator('[data-rule^="natalizumab-"][data-flag-state="triggered"]').count()).toBeGreaterThan(0);
    expect(await row.textContent()).toMatch(/PML/);
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
    const phrases = [...new Set([...englishPhrases(en), ...englishPhrases(rankingEn)])];
    const englishText = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    const shownInEnglish = phrases.filter((p) => englishText.includes(p));
    expect(shownInEnglish.length).toBeGreaterThan(5);
    for (const [lang, name] of [['de', 'Deutsch'], ['fr', 'Français']] as const) {
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

describe('the launch error page', () => {
  it('has no serious accessibility violation', async () => {
    await browser.page.goto(`${ctx.appOrigin}/launch.html`);
    await browser.page.getByTestId('launch-error').waitFor();
    expect(await seriousViolations(browser.page)).toEqual([]);
  });
});
