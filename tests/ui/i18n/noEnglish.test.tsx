// @vitest-environment jsdom
/**
 * No English left in German and French screens (issue 13, "no English phrase remains in DE/FR screens
 * (extractor texts included)"). For every demo patient of sandbox/fixtures, the indications, the record view (trends,
 * timeline, gaps, inputs, entered items), the question, the checklist, the options table and the continue
 * panel are rendered from the real extracted record and the real safety rules and ranking (probabilities
 * fixed in model order: tests/support/decisionFixtures.ts) in EN, DE and FR, with every section opened.
 * Every run of two or more words that is the same in the English and the German (French) screen is
 * reported, unless each of its words is a proper name (allow-list below), a drug name, a code or a name
 * from the record.
 */
import { fireEvent, render } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Patient, Resource } from 'fhir/r4';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_INNS } from '@src/ui/i18n/drugs.ts';
import { createI18n, type Language } from '@src/ui/i18n/index.ts';
import { IndicationsPanel } from '@src/ui/components/IndicationsPanel.tsx';
import { DecisionOptions } from '@src/ui/decision/DecisionOptions.tsx';
import { QuestionPanel } from '@src/ui/decision/QuestionPanel.tsx';
import { RecordView } from '@src/ui/record/RecordView.tsx';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';
import { LaunchContextNotes } from '@src/ui/components/LaunchContextNotes.tsx';
import type { LaunchNote, LaunchNoteCode } from '@src/pipeline/launchFocus.ts';

/** One launch-context note of every kind (launchFocus.ts), named after this record's own indication and options. */
function launchNotes(ranking: ReturnType<typeof demoRanking>['ranking']): LaunchNote[] {
  const drug = ranking.options[0]?.drug ?? 'adalimumab';
  const codes: LaunchNoteCode[] = [
    'fhir-context-malformed',
    'app-context-malformed',
    'unknown-indication',
    'indication-not-in-record',
    'indication-suspected',
    'indication-inactive',
    'condition-excluded',
    'condition-not-indication',
    'other-patient',
    'not-in-record',
    'unknown-drug',
    'drug-not-option',
    'drug-current',
    'conflict',
  ];
  return codes.map((code) => ({ code, indication: ranking.indication, drug, ref: 'Condition/c-1', raw: 'X1' }));
}

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'sandbox', 'fixtures');
const PATIENTS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort();

/**
 * Proper names that stay the same in every language (each checked against the DE/FR clinical wording):
 * eponyms and test/score names. Drug INNs, acronyms (two capitals or more), FHIR resource types and the
 * patient's own names are allowed by rule, not listed here.
 */
const PROPER_NAMES = new Set(['QuantiFERON', 'Crohn', 'Mobitz', 'Harvey', 'Bradshaw', 'Mayo', 'Gd']);
/**
 * Names of published instruments, used untranslated in German and French clinical writing (the EDSS,
 * CDAI, SDAI and CDAI-Crohn's are named in English in the DGN/DGRh/DGVS and SFSEP/SFR/SNFGE guidelines).
 */
const PROPER_PHRASES = [
  'Expanded Disability Status Scale',
  'Clinical Disease Activity Index',
  'Simplified Disease Activity Index',
  "Crohn's Disease Activity Index",
  'Crohn’s Disease Activity Index',
];
/** Latin and international disease names, the same words in German or French clinical writing. */
const LATIN_NAMES = ['pyoderma gangrenosum', 'Hepatitis B', 'Diabetes mellitus'];
/** French phrases spelt like their English counterparts (checked: correct French, not left-over English). */
const FRENCH_HOMOGRAPHS = ['Inflammation active', 'option compatible'];
/** Phrases still English on purpose: none (the score notes and trend-chart reasons are typed now). */
const OPEN: string[] = [];
const RESOURCE_TYPES = /^(Patient|Condition|Observation|Medication\w*|Procedure|Immunization|AllergyIntolerance)$/;

function allowedWord(word: string, names: ReadonlySet<string>): boolean {
  if (PROPER_NAMES.has(word) || names.has(word.toLowerCase()) || RESOURCE_TYPES.test(word)) return true;
  // Acronyms and codes: two capitals or more (CRP, HBsAg, anti-HBc, NYHA, DAS28 is not a word here).
  return (word.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** Runs of letter words in one text node, broken at punctuation, digits and symbols. */
function runs(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const token of text.match(/[\p{L}][\p{L}'’-]*|[^\s\p{L}]+/gu) ?? []) {
    if (/^\p{L}/u.test(token) && !token.endsWith('-')) cur.push(token);
    else {
      if (cur.length) out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The text nodes a reader sees (and what a screen reader reads: title and aria-label attributes). */
function visibleTexts(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const parent = n.parentElement;
      // Codes, and words marked as not to be translated (the record's own text, citations), are the same in every language.
      if (parent && (parent.tagName === 'STYLE' || parent.tagName === 'SCRIPT' || parent.closest('code, [translate="no"]'))) continue;
      out.push(n.textContent ?? '');
    } else if (n instanceof Element && !n.closest('[translate="no"]')) {
      for (const attr of ['title', 'aria-label', 'placeholder']) {
        const v = n.getAttribute(attr);
        if (v) out.push(v);
      }
    }
  }
  return out;
}

const bigrams = (texts: readonly string[]) => new Set(texts.flatMap((t) => runs(t).flatMap((r) => r.slice(1).map((w, i) => `${r[i]} ${w}`))));

/** Phrases of `texts` (DE/FR) made of bigrams that also occur in the English screen and are not all allowed words. */
function sharedPhrases(texts: readonly string[], english: ReadonlySet<string>, names: ReadonlySet<string>, french: boolean): string[] {
  const found = new Set<string>();
  for (const r of texts.flatMap(runs)) {
    let phrase: string[] = [];
    const flush = () => {
      const text = phrase.join(' ');
      const allowed = [...PROPER_PHRASES, ...LATIN_NAMES, ...(french ? FRENCH_HOMOGRAPHS : []), ...OPEN];
      if (phrase.length >= 2 && !phrase.every((w) => allowedWord(w, names)) && !allowed.some((p) => p.includes(text))) found.add(text);
      phrase = [];
    };
    for (let i = 0; i < r.length - 1; i++) {
      if (english.has(`${r[i]} ${r[i + 1]}`)) {
        if (phrase.length === 0) phrase.push(r[i]!);
        phrase.push(r[i + 1]!);
      } else flush();
    }
    flush();
  }
  return [...found].sort();
}

function resourcesOf(file: string): Resource[] {
  const bundle = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Bundle;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/** The patient's own names and the drug names: the same in every language by nature. */
function namesOf(resources: readonly Resource[]): Set<string> {
  const words = new Set<string>(CATALOGUE_INNS.flatMap((d) => d.toLowerCase().split(/\s+/)));
  for (const r of resources)
    if (r.resourceType === 'Patient')
      for (const n of (r as Patient).name ?? [])
        for (const w of [...(n.given ?? []), n.family ?? ''].flatMap((x) => x.split(/[\s-]+/))) words.add(w.toLowerCase());
  return words;
}

/** Renders one patient's screens in one language with every section opened; returns the visible texts. */
async function screenTexts(file: string, lang: Language): Promise<string[]> {
  const i18n = await createI18n(lang);
  const resources = resourcesOf(file);
  const { record, ranking } = demoRanking(file);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <IndicationsPanel findings={record.indications} />
      <QuestionPanel record={record} now={NOW} />
      <DecisionOptions recommendation={ranking} explanation={undefined} record={record} now={NOW} />
      <RecordView record={record} resources={resources} now={NOW} canWrite={false} />
      <LaunchContextNotes notes={launchNotes(ranking)} />
    </I18nextProvider>,
  );
  for (const d of view.container.querySelectorAll('details')) d.setAttribute('open', '');
  for (const b of view.container.querySelectorAll('button[aria-expanded="false"]')) fireEvent.click(b);
  const texts = visibleTexts(view.container);
  view.unmount();
  return texts;
}

describe.each(PATIENTS)('%s: no English phrase in the German and French screens', (file) => {
  it('DE and FR share no phrase with EN but names, drugs and codes', { timeout: 60_000 }, async () => {
    const names = namesOf(resourcesOf(file));
    const english = bigrams(await screenTexts(file, 'en'));
    const left: Record<string, string[]> = {};
    for (const lang of ['de', 'fr'] as const) left[lang] = sharedPhrases(await screenTexts(file, lang), english, names, lang === 'fr');
    const report = Object.entries(left).flatMap(([lang, phrases]) => phrases.map((p) => `${lang}: ${p}`));
    expect(report, `English left in ${file}:\n${report.join('\n')}`).toEqual([]);
  });
});
