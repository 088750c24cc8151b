/**
 * Matching codes against the code sets: system + code over ALL codings of a CodeableConcept, ICD-10 by
 * category prefix across editions, ATC across the WHO and German editions, RxNorm products mapped to
 * ingredients, and a text fallback used only where no coded coding exists (marked `matchedBy: 'text'`).
 * The code sets are codes.csv (curated), the local rows, and the concept sets generated from published
 * VSAC expansions (valueSets.generated.ts, scripts/gen-snomed.ts); a curated row wins where both list a code.
 */
import { CODE_ROWS } from './codes.generated.ts';
import { VALUE_SET_ROWS } from './valueSets.generated.ts';
import { LOCAL_ROWS, ICD10_PREFIXES } from './local.ts';
import { DRUGS, RXNORM_PRODUCTS, PZN_PRODUCTS, type DrugDefinition } from './drugs.ts';
import { SYSTEMS, isAtcSystem, isIcd10System, normaliseCode, normaliseSystem } from '../../../contract/systems.ts';
import type { CodeRow, ConceptMatch, LooseCoding } from './types.ts';
import { isRecord, own } from '../fhir.ts';

type Index = Map<string, Map<string, CodeRow[]>>;

function buildIndex(rows: readonly CodeRow[]): Index {
  const index: Index = new Map();
  for (const row of rows) {
    if (row.code === '') continue;
    // Both ATC editions share one code table: index WHO rows under the German URI as well.
    const systems = row.system === SYSTEMS.atc ? [SYSTEMS.atc, SYSTEMS.atcDe] : [row.system];
    for (const system of systems) {
      let bySystem = index.get(system);
      if (!bySystem) index.set(system, (bySystem = new Map()));
      const list = bySystem.get(row.code.toUpperCase()) ?? [];
      // One row per concept and code: the first source listed (codes.csv before the value-set copies) is named.
      if (list.some((r) => r.concept === row.concept)) continue;
      list.push(row);
      bySystem.set(row.code.toUpperCase(), list);
    }
  }
  return index;
}

const INDEX = buildIndex([...CODE_ROWS, ...LOCAL_ROWS, ...VALUE_SET_ROWS]);

/**
 * ICD-10 category prefixes of the four indications (terminology/README.md: "Match diagnoses by
 * category prefix (K50, K51, M05, M06, G35)"). M06.1 (adult-onset Still disease) and M06.4 (inflammatory
 * polyarthropathy) sit in M06 but are not rheumatoid arthritis (WHO ICD-10 2019 tabular list): excluded.
 */
const DX_ICD_PREFIXES: Record<string, readonly string[]> = {
  'dx.crohns_disease': ['K50'],
  'dx.ulcerative_colitis': ['K51'],
  'dx.ibd_unspecified': ['K52.3'],
  'dx.rheumatoid_arthritis': ['M05', 'M06'],
  'dx.multiple_sclerosis': ['G35'],
  ...ICD10_PREFIXES,
};
const DX_ICD_EXCLUDED = ['M06.1', 'M06.4'];

/** Codings of a CodeableConcept-like value, tolerating every malformation (non-object, non-array coding). */
export function codingsOf(concept: unknown): LooseCoding[] {
  if (typeof concept !== 'object' || concept === null) return [];
  const coding = (concept as { coding?: unknown }).coding;
  if (!Array.isArray(coding)) return [];
  const out: LooseCoding[] = [];
  for (const raw of coding as unknown[]) {
    if (!isRecord(raw)) continue;
    out.push({
      system: normaliseSystem(raw.system),
      version: typeof raw.version === 'string' ? raw.version : undefined,
      code: normaliseCode(raw.code),
      display: typeof raw.display === 'string' ? raw.display : undefined,
    });
  }
  return out;
}

/** The human text of a CodeableConcept: `.text`, else the first coding display. */
export function textOf(concept: unknown): string | undefined {
  if (typeof concept !== 'object' || concept === null) return undefined;
  const text = (concept as { text?: unknown }).text;
  if (typeof text === 'string' && text.trim() !== '') return text;
  return codingsOf(concept).find((c) => c.display)?.display;
}

function icdPrefixMatch(code: string, prefix: string): boolean {
  const c = code.toUpperCase();
  // 'C' and 'O' are chapter letters (malignant neoplasms, pregnancy): require a digit after the letter.
  if (prefix.length === 1) return c.startsWith(prefix) && /^[A-Z]\d/.test(c);
  // A 3-character category contains every code that starts with it, dotted ("K50.0") or not ("K500").
  return c.startsWith(prefix);
}

/** All concepts the codings of `concept` match by system + code (and ICD-10 category prefix). */
export function codeMatches(concept: unknown): ConceptMatch[] {
  const out: ConceptMatch[] = [];
  for (const coding of codingsOf(concept)) {
    if (!coding.system || !coding.code) continue; // no system: never guess (README: always match system + code)
    const rows = INDEX.get(coding.system)?.get(coding.code.toUpperCase()) ?? [];
    for (const row of rows) out.push({ concept: row.concept, matchedBy: 'code', coding, source: row.verifiedSource });
    if (isIcd10System(coding.system) && !DX_ICD_EXCLUDED.some((x) => coding.code?.toUpperCase().startsWith(x))) {
      for (const [dx, prefixes] of Object.entries(DX_ICD_PREFIXES)) {
        if (prefixes.some((p) => icdPrefixMatch(coding.code ?? '', p)) && !out.some((m) => m.concept === dx)) {
          out.push({
            concept: dx,
            matchedBy: 'code',
            coding,
            source: `ICD-10 category prefix ${prefixes.join('/')} (WHO ICD-10 2019; edition ${coding.system})`,
          });
        }
      }
    }
  }
  return out;
}

/** True when at least one coding carries both a system and a code (then text is not used to match). */
export function hasCodedCoding(concept: unknown): boolean {
  return codingsOf(concept).some((c) => c.system !== undefined && c.code !== undefined);
}

/** Normalise text for matching: lower case, no zero-width characters, diacritics folded. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function wordMatch(haystack: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}([^a-z0-9]|$)`).test(haystack);
}

/** Match a free text against a list of phrases (word-boundary, case- and accent-insensitive). */
export function textContains(text: string | undefined, phrases: readonly string[]): string | undefined {
  if (!text) return undefined;
  const t = normaliseText(text);
  return phrases.find((p) => wordMatch(t, normaliseText(p)));
}

/** A drug identified from a medication concept. */
export interface DrugMatch {
  drug: DrugDefinition;
  matchedBy: 'code' | 'text';
  coding: LooseCoding;
  source: string;
}

/**
 * Identify a drug of the catalogue in a medication CodeableConcept: ingredient codes (ATC old and new,
 * WHO and German editions, RxNorm ingredient), RxNorm products and PZN mapped to the ingredient, and
 * the product text as a last resort (also when the codings exist but none is known: real product codes
 * outnumber any map).
 */
export function matchDrug(concept: unknown): DrugMatch | undefined {
  const codings = codingsOf(concept);
  for (const m of codeMatches(concept)) {
    if (!m.concept.startsWith('drug.')) continue;
    const drug = DRUGS.find((x) => `drug.${x.key}` === m.concept);
    if (drug) return { drug, matchedBy: 'code', coding: m.coding, source: m.source };
  }
  for (const coding of codings) {
    if (!coding.code) continue;
    const products = coding.system === SYSTEMS.rxnorm ? RXNORM_PRODUCTS : PZN_PRODUCTS;
    const product = coding.system === SYSTEMS.rxnorm || coding.system === SYSTEMS.pzn ? own(products, coding.code) : undefined;
    const drug = product ? DRUGS.find((x) => x.key === product.key) : undefined;
    if (drug && product) return { drug, matchedBy: 'code', coding, source: product.source };
  }
  // ATC codes of other drugs are a positive "not in the catalogue": do not second-guess them by text.
  if (codings.some((c) => isAtcSystem(c.system) && c.code)) return undefined;
  const texts = [textOf(concept), ...codings.map((c) => c.display)].filter((t): t is string => typeof t === 'string');
  for (const text of texts) {
    for (const drug of DRUGS) {
      const name = textContains(text, drug.names);
      if (name) return { drug, matchedBy: 'text', coding: { display: text }, source: `text match on "${name}"` };
    }
  }
  return undefined;
}
