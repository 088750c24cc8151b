// The clinical vocabulary is complete in English, German and French, and in step with the catalogues it names.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, INPUT_NAMES, SAFETY_NAMES } from '@src/extract/catalogue.ts';
import { DRUGS } from '@src/extract/terminology/drugs.ts';
import { SAFETY_MESSAGES, GAP_TEXT } from '@src/rules/safety/messages.ts';
import { PREGNANCY_WASHOUT } from '@src/rules/safety/thresholds.ts';
import { LANGUAGES } from '@src/ui/i18n/index.ts';
import { CLINICAL_LANGUAGES, CATEGORY_LEVELS, categoryLevelLabels, inputLabels } from '@src/ui/i18n/inputs.ts';
import { CATALOGUE_INNS, drugClassLabels, drugLabels } from '@src/ui/i18n/drugs.ts';
import { SPEC_TEXTS, bandLabels, clinicalResources, scoreLabels, translateSpecText } from '@src/ui/i18n/clinical.ts';
import { PARAM_WORDS, WASHOUT_TEXTS, englishParamWords, gapTexts, safetyResources, safetyTexts } from '@src/ui/i18n/safety.ts';

type Tree = { readonly [k: string]: string | Tree };

/** Every leaf of a nested object as [dotted path, value]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}
const variantsOf = (t: Readonly<Record<string, Readonly<Record<string, string>>>>) =>
  Object.entries(t)
    .flatMap(([rule, v]) => Object.keys(v).map((k) => `${rule}.${k}`))
    .sort();
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{?(\w+)\}?\}/g)].map((m) => m[1] ?? '').sort();

const TABLES: [string, Record<'en' | 'de' | 'fr', Tree>][] = [
  ['inputLabels', inputLabels],
  ['categoryLevelLabels', categoryLevelLabels],
  ['drugLabels', drugLabels],
  ['drugClassLabels', drugClassLabels],
  ['scoreLabels', scoreLabels],
  ['bandLabels', bandLabels],
  ['safetyTexts', safetyTexts],
  ['gapTexts', gapTexts],
  ['clinicalResources', clinicalResources as unknown as Record<'en' | 'de' | 'fr', Tree>],
  ['safetyResources', safetyResources],
];

describe('every table has the same keys, no empty string and the same placeholders in all three languages', () => {
  it('the clinical languages are the UI languages', () => {
    expect([...CLINICAL_LANGUAGES]).toEqual([...LANGUAGES]);
  });

  it.each(TABLES)('%s', (_name, table) => {
    const en = new Map(leaves(table.en));
    expect(en.size).toBeGreaterThan(0);
    const problems: string[] = [...en].filter(([, t]) => t.trim() === '').map(([k]) => `en ${k}: empty`);
    for (const lang of ['de', 'fr'] as const) {
      const other = new Map(leaves(table[lang]));
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of other) {
        if (text.trim() === '') problems.push(`${lang} ${key}: empty`);
        const want = placeholders(en.get(key) ?? '').join(',');
        if (placeholders(text).join(',') !== want) problems.push(`${lang} ${key}: placeholders ${placeholders(text).join(',')} instead of ${want}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('in step with the catalogues', () => {
  it('labels every model input and safety fact', () => {
    expect(Object.keys(inputLabels.en).sort()).toEqual([...INPUT_NAMES, ...SAFETY_NAMES].sort());
  });

  it('labels every category level of the catalogue (drug levels come from the drug labels)', () => {
    const levels = new Set(CATALOGUE.flatMap((d) => d.levels ?? []));
    expect([...levels].filter((l) => !(CATEGORY_LEVELS as readonly string[]).includes(l))).toEqual([]);
  });

  it('CATALOGUE_INNS is exactly the catalogue, in order', () => {
    expect([...CATALOGUE_INNS]).toEqual(DRUGS.map((d) => d.inn));
  });

  it('labels every drug class used by the catalogue', () => {
    const classes = new Set(DRUGS.map((d) => d.drugClass));
    for (const c of classes) expect(drugClassLabels.de[c]).toBeTruthy();
  });

  it('the English safety texts are messages.ts, variant for variant', () => {
    expect(variantsOf(safetyTexts.de)).toEqual(variantsOf(SAFETY_MESSAGES));
    expect(Object.keys(safetyTexts.de).sort()).toEqual(Object.keys(SAFETY_MESSAGES).sort());
    expect(gapTexts.en).toEqual(GAP_TEXT);
  });

  it('translates the washout of every drug contraindicated in pregnancy, and every threshold basis', () => {
    expect(Object.keys(WASHOUT_TEXTS).sort()).toEqual(Object.keys(PREGNANCY_WASHOUT).sort());
    expect(englishParamWords().filter((basis) => PARAM_WORDS[basis] === undefined)).toEqual([]);
  });
});

describe('clinicians’ spellings', () => {
  it.each([
    ['dimethyl fumarate', 'Dimethylfumarat', 'fumarate de diméthyle'],
    ['interferon beta-1a', 'Interferon beta-1a', 'interféron bêta-1a'],
    ['teriflunomide', 'Teriflunomid', 'tériflunomide'],
    ['glatiramer acetate', 'Glatirameracetat', 'acétate de glatiramère'],
    ['vedolizumab', 'Vedolizumab', 'védolizumab'],
    ['mesalazine', 'Mesalazin', 'mésalazine'],
  ] as const)('%s -> %s / %s', (inn, de, fr) => {
    expect(drugLabels.de[inn]).toBe(de);
    expect(drugLabels.fr[inn]).toBe(fr);
  });

  it.each([
    ['fcal_ug_g', 'Calprotectin im Stuhl', 'Calprotectine fécale'],
    ['esr_mm_h', 'Blutsenkungsgeschwindigkeit (BSG)', 'Vitesse de sédimentation (VS)'],
    ['uc_extent', 'Ausdehnung nach Montreal (Colitis ulcerosa)', 'Extension selon Montréal (rectocolite hémorragique)'],
  ] as const)('%s', (name, de, fr) => {
    expect(inputLabels.de[name]).toBe(de);
    expect(inputLabels.fr[name]).toBe(fr);
  });

  it('German and French texts use the decimal comma', () => {
    const texts = [...leaves(safetyTexts.de), ...leaves(safetyTexts.fr)].map(([, t]) => t);
    const words = Object.values({ ...WASHOUT_TEXTS, ...PARAM_WORDS }).flatMap((w) => [w.de, w.fr]);
    expect([...texts, ...words].filter((t) => /\d\.\d/.test(t))).toEqual([]);
  });
});

describe('i18next resources', () => {
  it.each(['en', 'de', 'fr'] as const)('%s: no single-brace placeholder left, and the {param} set survives as {{param}}', (lang) => {
    const problems: string[] = [];
    for (const [key, text] of leaves(safetyResources[lang])) {
      if (/[{}]/.test(text.replace(/\{\{\w+\}\}/g, ''))) problems.push(`${key}: stray brace`);
      const [, rule = '', variant = ''] = key.split('.');
      const source: Readonly<Record<string, string>> = safetyTexts[lang][rule as keyof typeof safetyTexts.en];
      // `possible-<variant>`: the variant's text behind the "suspected diagnosis ({suspicion})" prefix (safety.ts)
      const possible = variant.startsWith('possible-');
      const own = placeholders(source[possible ? variant.slice('possible-'.length) : variant] ?? '');
      const want = (possible ? [...own, 'suspicion'].sort() : own).join();
      if (placeholders(text).join() !== want) problems.push(`${key}: placeholders differ`);
    }
    expect(problems).toEqual([]);
  });

  it('keys contain no i18next separator', () => {
    for (const lang of CLINICAL_LANGUAGES) {
      expect(leaves(clinicalResources[lang] as unknown as Tree).filter(([key]) => key.split('.').length !== 2 || key.includes(':'))).toEqual([]);
      expect(leaves(safetyResources[lang]).filter(([key]) => key.split('.').length !== 3 || key.includes(':'))).toEqual([]);
    }
  });
});

describe('model spec texts', () => {
  const models = join(process.cwd(), 'models');
  const specs = readdirSync(models)
    .map((m) => join(models, m, 'spec.json'))
    .filter((p) => existsSync(p))
    .map((p) => [p, JSON.parse(readFileSync(p, 'utf8')) as { outputs?: { endpoint?: string; horizon?: string } }] as const);

  it('found the bundled models', () => {
    expect(specs.length).toBeGreaterThanOrEqual(2);
  });

  it.each(specs.flatMap(([p, s]) => [s.outputs?.endpoint, s.outputs?.horizon].map((t) => [p, t ?? ''] as const)))(
    '%s: "%s" has German and French',
    (_p, text) => {
      expect(SPEC_TEXTS[text]).toBeDefined();
      expect(translateSpecText(text, 'de')).not.toBe(text);
      expect(translateSpecText(text, 'fr')).not.toBe(text);
    },
  );

  it.each([
    ['clinical remission (CDAI < 150)', 'de', 'klinische Remission (CDAI < 150)'],
    ['End of induction, weeks 4–12', 'fr', 'fin de l’induction, semaines 4-12'],
    ['  relapse-free ', 'fr', 'sans poussée'],
    ['clinical remission (CDAI < 150)', 'en', 'clinical remission (CDAI < 150)'],
    ['MES 0-1 at week 52 (site model)', 'de', 'MES 0-1 at week 52 (site model)'],
  ] as const)('translateSpecText(%j, %s)', (text, lang, expected) => {
    expect(translateSpecText(text, lang)).toBe(expected);
  });
});
