/**
 * The acceptance test of the decision screen (issue 13), for every demo patient, with one launch per
 * patient: at 1280x900 in English, then the EHR side panel (800x900), then German and French in the same
 * page. Screenshots of each first screen are written to test-results/ as artefacts (before the checks,
 * so a failing run still shows what the clinician saw); the English leftovers found in the German and
 * French screens to test-results/english-leftovers-<patient>.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Bundle } from 'fhir/r4';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../support/browser.ts';
import { seriousViolations } from './axe.ts';
import {
  appNames,
  citationAuthors,
  drugNames,
  englishReference,
  locate,
  personNames,
  sharedPhrases,
  stringsOf,
  vocabulary,
  withoutNames,
} from './englishPhrases.ts';
import { failedDrugs } from './failedDrugs.ts';

const ctx = inject('e2e');
let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser.close();
});

/** The demo records are dated relative to 2026-11-15; the browser's clock is fixed there. */
const DEMO_TODAY = new Date('2026-11-15T12:00:00Z');
const HEIGHT = 900;
const FIXTURES = resolve('sandbox/fixtures');
const bundleOf = (file: string): Bundle => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Bundle;
/** Names of people on every demo screen (the signed-in practitioner is in every fixture). */
const PEOPLE = personNames(ctx.patients.map((p) => bundleOf(p.file)));
const DRUG_NAMES = drugNames();
const APP_NAMES = appNames();
const VOCABULARY = { de: vocabulary('de'), fr: vocabulary('fr') };
/** History levels that place an option after the others of its tier (src/rules/history.ts). */
const DEMOTING = ['avoid', 'not-first-choice', 'prefer-other-mechanism'];
const TIER_ORDER = ['suitable', 'restricted', 'contraindicated'];
const LANGUAGE_NAME = { en: 'English', de: 'Deutsch', fr: 'Français' } as const;
type Language = keyof typeof LANGUAGE_NAME;

async function launch(patient: string): Promise<void> {
  const { page } = browser;
  await browser.context.clock.setFixedTime(DEMO_TODAY);
  await page.setViewportSize({ width: 1280, height: HEIGHT });
  await page.goto(`${ctx.sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(patient)}&app=${encodeURIComponent(`${ctx.appOrigin}/launch.html`)}`);
  await page.getByTestId('ranking-table').waitFor({ timeout: 60_000 });
  // the record view renders once the ranking has settled: the whole page is there after it
  await page.getByTestId('record-view').waitFor({ timeout: 60_000 });
}

async function setWidth(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: HEIGHT });
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function switchLanguage(page: Page, lang: Language): Promise<void> {
  await page.getByTestId('language-switch').locator('..').click();
  await page.getByRole('option', { name: LANGUAGE_NAME[lang] }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // the menu closes with a transition; read the page, not the closing menu
  await page.waitForFunction(() => document.querySelector('li[lang]') === null);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function screenshot(page: Page, patient: string, width: number, lang: Language): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/first-screen-${patient}-${width}-${lang}.png` });
}

/** Whether the element lies inside the viewport, without scrolling. */
async function inView(target: Locator, width: number): Promise<boolean> {
  const box = await target.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= HEIGHT && box.x >= 0 && box.x + box.width <= width;
}

/**
 * The first screen answers the question: indication and current therapy, then the first suitable option
 * (1280: its whole row; 800: its name and probability). With no suitable option: the first option and
 * the title of its tier (the statement why: "only if no suitable alternative" or "contraindicated").
 */
async function expectFirstScreen(page: Page, width: number, label: string): Promise<void> {
  const suitable = page.locator('[data-testid="ranked-option"][data-tier="suitable"]');
  const anySuitable = (await suitable.count()) > 0;
  const first = anySuitable ? suitable.first() : page.getByTestId('ranked-option').first();
  const checks: Array<[string, Locator]> = [
    ['indication line', page.getByTestId('question-indication')],
    ['current therapy', page.getByTestId('question-current')],
    ...(anySuitable ? [] : ([['title of the first tier (why no option is suitable)', page.getByTestId('tier-title').first()]] as Array<[string, Locator]>)),
    ...(width >= 1280
      ? ([['first option, whole row', first]] as Array<[string, Locator]>)
      : ([
          ["first option's name", first.locator('th p').first()],
          ["first option's probability", first.getByTestId('probability')],
        ] as Array<[string, Locator]>)),
  ];
  const outOfView: string[] = [];
  for (const [name, target] of checks) if (!(await inView(target, width))) outOfView.push(name);
  expect.soft(outOfView, `${label}: not on the first screen`).toEqual([]);
}

/** Nothing wider than the panel, and every "Why?" button inside it. */
async function expectNoOverflow(page: Page, width: number, label: string): Promise<void> {
  expect
    .soft(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${label}: horizontal overflow`)
    .toBeLessThanOrEqual(0);
  const rights = await page.locator('[data-testid^="explain-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
  expect
    .soft(
      rights.filter((r) => r > width),
      `${label}: "Why?" buttons outside the panel`,
    )
    .toEqual([]);
}

interface Screen {
  /** Body text and the dialogs' texts. */
  text: string;
  /** The page's sections and dialogs, labelled, to say where a phrase is. */
  parts: Array<{ label: string; text: string }>;
}

/** The sections of the page (test id, else the id of the heading that labels it), with their visible text. */
async function sectionsOf(page: Page): Promise<Screen['parts']> {
  return page
    .locator('header, section, [data-testid="patient-banner"], [data-testid="ranking-table"], [data-testid="simulated-notice"], [data-testid^="record-view-"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        label: (e as HTMLElement).dataset.testid ?? e.getAttribute('aria-labelledby') ?? e.tagName.toLowerCase(),
        text: (e as HTMLElement).innerText,
      })),
    );
}

/**
 * Leaves out of the collected text what the page marks `translate="no"` (HTML's own marker for text a
 * translation must not touch: the record's own words, citations, trial names), by hiding it while the
 * text is read (innerText skips hidden elements; the inline style is set through the DOM, which the CSP
 * allows). The jsdom twin (tests/ui/i18n/noEnglish.test.tsx) skips the same elements. The app marks only
 * the record's text (ReasonText, the timeline's quoted stop reasons), citations (<cite> in FlagList's
 * Citation) and trial names (the validation table): `grep -rn 'translate="no"' src` lists every use.
 */
async function hideNames(page: Page, hide: boolean): Promise<void> {
  await page.evaluate((h) => {
    for (const e of document.querySelectorAll<HTMLElement>('[translate="no"]')) e.style.visibility = h ? 'hidden' : '';
  }, hide);
}

/** The visible text of the page, with the first history dialog and the model card opened and closed. */
async function visibleText(page: Page): Promise<Screen> {
  await hideNames(page, true);
  const body = await page.locator('body').innerText();
  const screen: Screen = { text: '', parts: await sectionsOf(page) };
  await hideNames(page, false);
  const parts = [body];
  const history = page.getByTestId('option-history').first().getByRole('button');
  const dialogs: Locator[] = (await history.count()) > 0 ? [history] : [];
  dialogs.push(page.getByTestId('model-card-open'));
  for (const opener of dialogs) {
    await opener.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // the model card's text and validation are fetched when it opens
    await page.waitForFunction(() => document.querySelector('[role="dialog"] [role="progressbar"]') === null);
    await hideNames(page, true);
    const text = await dialog.innerText();
    await hideNames(page, false);
    parts.push(text);
    screen.parts.push({ label: opener === dialogs[0] && dialogs.length > 1 ? 'history dialog' : 'model card dialog', text });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
  screen.text = parts.join('\n');
  return screen;
}

describe('the first screen answers the question, for every demo patient (1280 and 800 px; EN, DE, FR; one launch each)', () => {
  for (const patient of ctx.patients) {
    it(`${patient.id}: question, current therapy and top suitable options without scrolling; tiers in order; failed drugs carry their history; no overflow at 800 px; no English left in DE/FR; axe clean`, async () => {
      const bundle = bundleOf(patient.file);
      const t0 = Date.now();
      const marks: Array<[string, number]> = [];
      const mark = (m: string) => marks.push([m, Date.now() - t0]);
      await launch(patient.id);
      mark('launched');
      const { page } = browser;

      // --- 1280x900, English ---
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, patient.id, 1280, 'en');
      await expectFirstScreen(page, 1280, '1280 en');
      expect(await page.getByTestId('simulated-notice').isVisible()).toBe(true);
      expect(await page.getByTestId('endpoint').textContent()).toMatch(/Probability of .+ at .+/);
      const rows = page.getByTestId('ranked-option');
      expect(await rows.count()).toBeGreaterThan(3);
      for (const text of await page.getByTestId('probability').allTextContents()) expect.soft(text).toMatch(/^\d+(\.\d)? %$/);
      for (const text of await page.getByTestId('interval').allTextContents()) expect.soft(text).toMatch(/\d+(\.\d)? % – \d+(\.\d)? %/);
      // the safety column answers for every option: a finding or an explicit "no finding"
      expect.soft(await page.getByTestId('flags').count()).toBe(await rows.count());

      // tiers in order: no restricted or contraindicated option above a suitable one; within a tier the
      // options the history demotes come last
      const order = await rows.evaluateAll((els) =>
        els.map((r) => ({ drug: r.dataset.drug, tier: r.dataset.tier ?? '', demoted: r.dataset.demoted === 'true' })),
      );
      const tierRank = order.map((o) => TIER_ORDER.indexOf(o.tier));
      expect
        .soft(
          tierRank.every((r, i) => r >= 0 && (i === 0 || r >= (tierRank[i - 1] ?? 0))),
          `tier order ${order.map((o) => o.tier).join(' ')}`,
        )
        .toBe(true);
      const demotedFirst = order.filter((o, i) => i > 0 && o.tier === order[i - 1]?.tier && order[i - 1]?.demoted && !o.demoted);
      expect
        .soft(
          demotedFirst.map((o) => o.drug),
          'a non-demoted option below a demoted one of its tier',
        )
        .toEqual([]);
      // the current therapy is judged in its own panel below the new starts, never ranked among them
      const continuePanel = page.getByTestId('continue-panel');
      const current = (await continuePanel.count()) > 0 ? await continuePanel.getAttribute('data-drug') : null;
      expect.soft(order.map((o) => o.drug)).not.toContain(current);
      const table = await page.getByTestId('ranking-table').boundingBox();
      const panel = current === null ? null : await continuePanel.boundingBox();
      expect.soft(panel === null || panel.y >= (table?.y ?? 0) + (table?.height ?? 0), 'continue panel below the new starts').toBe(true);

      // every drug the patient failed or did not tolerate carries its history on its row, demoted
      const historyProblems: string[] = [];
      for (const failed of failedDrugs(bundle, DEMO_TODAY).filter((f) => f.inn !== current)) {
        const row = page.locator(`[data-testid="ranked-option"][data-drug="${failed.inn}"]`);
        if ((await row.count()) === 0) continue;
        const history = row.getByTestId('option-history');
        const what = `${failed.inn} (${failed.reason}: "${failed.text}")`;
        if ((await history.count()) !== 1) {
          historyProblems.push(`${what}: no history line on its row`);
          continue;
        }
        const level = await history.getAttribute('data-level');
        if (!DEMOTING.includes(level ?? '')) historyProblems.push(`${what}: history level ${level ?? 'none'}, not a demoting one`);
        if (!/[Ss]topped/.test((await history.textContent()) ?? '')) historyProblems.push(`${what}: the history line does not name the stop`);
        if ((await row.getAttribute('data-demoted')) !== 'true') historyProblems.push(`${what}: not placed after the others of its tier`);
      }
      expect.soft(historyProblems).toEqual([]);

      // keyboard: "Why?" opens the explanation (with its table alternative) and closes it again
      const firstDrug = await rows.first().getAttribute('data-drug');
      const why = page.getByTestId(`explain-${firstDrug ?? ''}`);
      await why.focus();
      await page.keyboard.press('Enter');
      const explanation = page.getByTestId(`explanation-${firstDrug ?? ''}`);
      await explanation.waitFor();
      await explanation.locator('summary').click();
      expect
        .soft(
          await page
            .getByTestId(`explanation-table-${firstDrug ?? ''}`)
            .locator('tbody tr')
            .count(),
        )
        .toBeGreaterThan(0);
      await why.focus();
      await page.keyboard.press('Enter');
      await explanation.waitFor({ state: 'detached' });
      // keyboard: a history line opens its source dialog, Escape closes it
      const historyButton = page.getByTestId('option-history').first().getByRole('button');
      let sourceDialog: string | null = null;
      if ((await historyButton.count()) > 0) {
        await historyButton.focus();
        await page.keyboard.press('Enter');
        sourceDialog = await page.getByRole('dialog').textContent();
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
      // the episode's source resources behind one "Source (n)" control (SourceListButton)
      expect.soft(sourceDialog === null || /Source \(\d+\)/.test(sourceDialog), 'the history dialog names its source resources').toBe(true);
      mark('checks 1280');
      expect.soft(await seriousViolations(page), 'axe, 1280 en').toEqual([]);
      mark('axe en');
      const en = await visibleText(page);
      mark('text en');

      // --- 800x900 (an EHR side panel), English ---
      await setWidth(page, 800);
      await screenshot(page, patient.id, 800, 'en');
      await expectFirstScreen(page, 800, '800 en');
      await expectNoOverflow(page, 800, '800 en');

      // --- German at 800, then 1280; French at 1280 ---
      mark('800');
      await switchLanguage(page, 'de');
      mark('de');
      await expectNoOverflow(page, 800, '800 de');
      expect.soft(await seriousViolations(page), 'axe, 800 de').toEqual([]);
      mark('axe de');
      const de = await visibleText(page);
      mark('text de');
      await setWidth(page, 1280);
      await screenshot(page, patient.id, 1280, 'de');
      await expectFirstScreen(page, 1280, '1280 de');
      await switchLanguage(page, 'fr');
      await screenshot(page, patient.id, 1280, 'fr');
      await expectFirstScreen(page, 1280, '1280 fr');
      const fr = await visibleText(page);
      mark('text fr');

      // no English phrase in the German and French screens (proper names and the record's own words aside)
      const names = [...PEOPLE, ...DRUG_NAMES, ...APP_NAMES, ...citationAuthors(en.text), ...[...stringsOf(bundle)].filter((s) => /\p{L}+\s+\p{L}+/u.test(s))];
      const reference = englishReference(withoutNames(en.text, names));
      const leftovers = {
        de: sharedPhrases(reference, withoutNames(de.text, names), VOCABULARY.de),
        fr: sharedPhrases(reference, withoutNames(fr.text, names), VOCABULARY.fr),
      };
      writeFileSync(
        `test-results/english-leftovers-${patient.id}.json`,
        `${JSON.stringify({ de: locate(leftovers.de, de.parts, reference, VOCABULARY.de, names), fr: locate(leftovers.fr, fr.parts, reference, VOCABULARY.fr, names) }, null, 2)}\n`,
      );
      for (const [lang, screen] of Object.entries({ en, de, fr })) writeFileSync(`test-results/screen-text-${patient.id}-${lang}.txt`, screen.text);
      writeFileSync(`test-results/timing-${patient.id}.json`, JSON.stringify(marks));
      expect.soft(leftovers.de, 'English phrases in the German screen').toEqual([]);
      expect.soft(leftovers.fr, 'English phrases in the French screen').toEqual([]);
      for (const [lang, screen] of Object.entries({ de, fr }))
        expect
          .soft(screen.text, `${lang}: untranslated message keys`)
          .not.toMatch(/\b(ranking|recordView|record|decision|errors|banner|app)\.[a-zA-Z]+\.[a-zA-Z.]+\b/);
      expect(browser.pageErrors).toEqual([]);
    }, 300_000);
  }
});
