/**
 * "No English phrase in the German or French screen", as a general check: the page's visible text in
 * English is the reference, and every phrase of the German (French) text that also occurs in it is a
 * leftover, unless it is a proper name. Proper names are derived from data, never from a list of
 * today's leftovers: the record's own words (every string of the patient's FHIR bundle: names, code
 * displays, the clinician's free text, shown as recorded), the patient and practitioner names of every
 * demo fixture, and the drug catalogue (INNs and brand names). Codes, units, dates, numbers and score
 * names such as DAS28 never form a phrase: a phrase is a run of at least two words made of letters only.
 */
import type { Bundle, Patient, Practitioner } from 'fhir/r4';
import { SYSTEMS } from '../../contract/systems.ts';
import { DRUGS } from '../../src/extract/terminology/drugs.ts';
import { en } from '../../src/ui/i18n/en.ts';
import { systemLabel } from '../../src/ui/format.ts';
import { de } from '../../src/ui/i18n/de.ts';
import { fr } from '../../src/ui/i18n/fr.ts';
import { clinicalResources } from '../../src/ui/i18n/clinical.ts';
import { safetyResources } from '../../src/ui/i18n/safety.ts';
import { recordViewDe, recordViewEn, recordViewFr } from '../../src/ui/record/messages.ts';
import { rankingEn } from '../../src/ui/ranking/messages.ts';
import { rankingDe } from '../../src/ui/ranking/messages.de.ts';
import { rankingFr } from '../../src/ui/ranking/messages.fr.ts';
import { decisionDe, decisionEn, decisionFr } from '../../src/ui/decision/messages.all.ts';

/** The longest phrase looked up whole (longer shared runs are reported as overlapping pieces, then merged). */
const MAX_WORDS = 12;

/** Every string value of a JSON document (the record's own words: displays, notes, names, free text). */
export function stringsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/** Patient and practitioner names (given, family, prefix, text) of the bundles: proper names on every screen. */
export function personNames(bundles: readonly Bundle[]): string[] {
  const out = new Set<string>();
  for (const b of bundles)
    for (const e of b.entry ?? []) {
      const r = e.resource;
      if (r?.resourceType !== 'Patient' && r?.resourceType !== 'Practitioner') continue;
      for (const n of (r as Patient | Practitioner).name ?? []) for (const s of [n.text, n.family, ...(n.given ?? []), ...(n.prefix ?? [])]) if (s) out.add(s);
    }
  return [...out];
}

/** INNs and brand names of the app's drug catalogue (src/extract/terminology/drugs.ts). */
export function drugNames(): string[] {
  return DRUGS.flatMap((d) => [d.inn, ...d.names]);
}

/** The product's name (the app title) and the names of the code systems the app labels (SNOMED CT, LOINC, ...). */
export function appNames(): string[] {
  return [en.app.title, ...Object.values(SYSTEMS).map(systemLabel)];
}

/**
 * The names in the citations of a text: authors ("Dulai PS", "et al"), and in a Vancouver reference
 * ("Sormani MP, Rio J, et al. Scoring treatment response in .... Mult Scler 2013;19(5):605-612") the
 * paper's title and the journal, and the journal of a short reference ("Roblin X et al., Am J
 * Gastroenterol 2014;109:1250-6"): names, never translated.
 */
export function citationAuthors(text: string): string[] {
  const authors = [...text.matchAll(/\p{Lu}[\p{L}'’-]+ \p{Lu}{1,3}(?=[,.;]| et al)/gu)].map((m) => m[0]);
  const references = [
    ...[...text.matchAll(/\p{Lu}{1,3},? et al\. ([^.]+)\. (\p{Lu}[\p{L} ]*?) \d{4};/gu)].flatMap((m) => [m[1] ?? '', m[2] ?? '']),
    // "Roblin X et al., Am J Gastroenterol 2014;109:1250-6": the journal
    ...[...text.matchAll(/ et al\.?, (\p{Lu}[\p{L} ]*?) \d{4}\b/gu)].map((m) => m[1] ?? ''),
  ];
  return authors.length > 0 ? [...new Set([...authors, ...references]), 'et al'] : [];
}

/** The app's message catalogues per language, merged as src/ui/i18n/index.ts merges them for i18next. */
const CATALOGUES = {
  en: { ...en, recordView: recordViewEn, ranking: rankingEn, decision: decisionEn, ...clinicalResources.en, ...safetyResources.en },
  de: { ...de, recordView: recordViewDe, ranking: rankingDe, decision: decisionDe, ...clinicalResources.de, ...safetyResources.de },
  fr: { ...fr, recordView: recordViewFr, ranking: rankingFr, decision: decisionFr, ...clinicalResources.fr, ...safetyResources.fr },
};

function flatten(value: unknown, key = '', out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof value === 'string') out.set(key, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}.${k}` : k, out);
  return out;
}

/** Every word of a string written as a name: each starts with a capital (Crohn's Disease Activity Index). */
const isTitleCase = (s: string): boolean => wordRuns(s).length > 0 && [...s.matchAll(/\p{L}[\p{L}'’-]*/gu)].every((m) => /^\p{Lu}/u.test(m[0]));

/**
 * The words the app's own German (French) catalogue uses: of every message translated (it differs from
 * the English message of its key), and of messages kept in English on purpose: names (written in title
 * case, like a score's name) and terms the other language translated (so the key was translated, and
 * the term is the same in this language). A phrase made only of such words is German (French) too
 * ("Hepatitis B", "Erythema nodosum", "inflammation active"), not a leftover.
 */
export function vocabulary(lang: 'de' | 'fr'): Set<string> {
  const english = flatten(CATALOGUES.en);
  const other = flatten(CATALOGUES[lang === 'de' ? 'fr' : 'de']);
  const words = new Set<string>();
  for (const [key, message] of flatten(CATALOGUES[lang])) {
    const kept = message === english.get(key);
    // kept in English on purpose: a name, or a term the other language did translate (pyoderma gangrenosum in French)
    if (kept && !isTitleCase(message.replace(/\{\{[^}]*\}\}/g, '')) && other.get(key) === message) continue;
    for (const w of norm(message).matchAll(/\p{L}[\p{L}\p{M}'-]*/gu)) words.add(w[0].replace(/['-]+$/, '').toLowerCase());
  }
  return words;
}

/** NFC, and one apostrophe (the app writes ’, records often '). */
function norm(s: string): string {
  return s.normalize('NFC').replace(/’/g, "'");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A text with every proper name cut out (replaced by a line break, so no phrase spans it).
 * @param names proper names and record strings; matched case-insensitively on letter boundaries
 */
export function withoutNames(text: string, names: readonly string[]): string {
  const list = [...new Set(names.map((n) => norm(n).trim()).filter((n) => /\p{L}/u.test(n)))].sort((a, b) => b.length - a.length);
  let out = norm(text);
  // in chunks: one alternation of a few thousand record strings is slow to compile in V8
  for (let i = 0; i < list.length; i += 400) {
    const rx = new RegExp(
      `(?<![\\p{L}\\p{M}])(?:${list
        .slice(i, i + 400)
        .map(escape)
        .join('|')})(?![\\p{L}\\p{M}])`,
      'giu',
    );
    out = out.replace(rx, '\n');
  }
  return out;
}

/**
 * The runs of letter words of a text, lower case: split on line breaks, digits and punctuation
 * (a hyphen or apostrophe inside a word keeps it whole: "anti-drug", "Crohn's").
 */
export function wordRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const segment of norm(text).split(/[^\p{L}\p{M}'\- \u00a0\u202f]+/u)) {
    let run: string[] = [];
    for (const token of segment.split(/[ \u00a0\u202f]+/)) {
      const word = token.replace(/^['-]+|['-]+$/g, '').toLowerCase();
      if (word) run.push(word);
      else if (token) {
        if (run.length > 1) runs.push(run);
        run = [];
      }
    }
    if (run.length > 1) runs.push(run);
  }
  return runs;
}

/** The phrases of the English text, to look phrases up in (build it once, use it for many texts). */
export function englishReference(english: string): Set<string> {
  return ngrams(wordRuns(english));
}

/** Every run of 2..MAX_WORDS consecutive words of the runs, joined by one space. */
function ngrams(runs: readonly string[][]): Set<string> {
  const out = new Set<string>();
  for (const run of runs)
    for (let i = 0; i < run.length - 1; i++) for (let j = i + 2; j <= Math.min(run.length, i + MAX_WORDS); j++) out.add(run.slice(i, j).join(' '));
  return out;
}

/**
 * Where each phrase is: the smallest part of the screen whose text holds it (parts are labelled by
 * their test id or heading id), so a report names the component to translate.
 */
export function locate(
  phrases: readonly string[],
  parts: ReadonlyArray<{ label: string; text: string }>,
  reference: ReadonlySet<string>,
  own: ReadonlySet<string>,
  names: readonly string[],
): Record<string, string[]> {
  const inPart = [...parts]
    .sort((a, b) => a.text.length - b.text.length)
    .map((p) => ({ label: p.label, phrases: new Set(sharedPhrases(reference, withoutNames(p.text, names), own)) }));
  const out: Record<string, string[]> = {};
  for (const phrase of phrases) {
    // a phrase cut at a part's edge is found whole only in a larger part: fall back to any part holding a piece of it
    const label = inPart.find((p) => p.phrases.has(phrase))?.label ?? inPart.find((p) => [...p.phrases].some((x) => phrase.includes(x)))?.label ?? 'page';
    (out[label] ??= []).push(phrase);
  }
  return out;
}

/**
 * The phrases of `translated` that also occur in `english` (maximal: overlapping shared pieces of one run
 * are merged) and hold a word the translated language's own catalogue does not use, once each, in page
 * order. Both texts should have the proper names cut out first.
 */
export function sharedPhrases(english: string | ReadonlySet<string>, translated: string, own: ReadonlySet<string> = new Set()): string[] {
  const reference = typeof english === 'string' ? englishReference(english) : english;
  const found = new Set<string>();
  for (const run of wordRuns(translated)) {
    // mark the words covered by a shared piece of >= 2 words, then report each covered stretch
    const covered = run.map(() => false);
    for (let i = 0; i < run.length - 1; i++)
      for (let j = Math.min(run.length, i + MAX_WORDS); j >= i + 2; j--)
        if (reference.has(run.slice(i, j).join(' '))) {
          for (let k = i; k < j; k++) covered[k] = true;
          break;
        }
    let start = -1;
    for (let k = 0; k <= run.length; k++) {
      if (k < run.length && covered[k]) {
        if (start < 0) start = k;
      } else if (start >= 0) {
        const phrase = run.slice(start, k);
        if (phrase.some((w) => !own.has(w))) found.add(phrase.join(' '));
        start = -1;
      }
    }
  }
  return [...found];
}
