import { describe, expect, it } from 'vitest';
import { codeMatches, matchDrug, normaliseSystem, SYSTEMS } from '@src/extract/terminology/index.ts';
import { CODE_ROWS } from '@src/extract/terminology/codes.generated.ts';

describe('codeMatches: system + code over all codings', () => {
  const rows: Array<[string, unknown, string | null]> = [
    ['LOINC CRP', { coding: [{ system: 'http://loinc.org', code: '1988-5' }] }, 'lab.crp'],
    ['coding without system is never matched', { coding: [{ code: '1988-5' }] }, null],
    ['race 2106-3 (CDC system) is not a pregnancy test', { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3' }] }, null],
    ['LOINC 2106-3 is the pregnancy test', { coding: [{ system: 'http://loinc.org', code: '2106-3' }] }, 'lab.pregnancy'],
    [
      'second coding matches when the first is foreign',
      {
        coding: [
          { system: 'http://acme.org/lab', code: 'X1' },
          { system: 'http://loinc.org', code: '718-7' },
        ],
      },
      'lab.hemoglobin',
    ],
    ['LOINC OID alias', { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.1', code: '718-7' }] }, 'lab.hemoglobin'],
    ['zero-width character in the code', { coding: [{ system: 'http://loinc.org', code: '718\u200B-7' }] }, 'lab.hemoglobin'],
    ['display text only: no code match', { text: 'C-reactive protein' }, null],
    ['ICD-10-GM K50.1 by prefix', { coding: [{ system: 'http://fhir.de/CodeSystem/bfarm/icd-10-gm', code: 'K50.1' }] }, 'dx.crohns_disease'],
    ['ICD-10-CM K50.813 by prefix', { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'K50.813' }] }, 'dx.crohns_disease'],
    ['ICD-10-CM G35.A (FY2026 MS code)', { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G35.A' }] }, 'dx.ms_rrms'],
    ['ICD-10-CM G35.D by prefix', { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G35.D' }] }, 'dx.multiple_sclerosis'],
    ['old DIMDI ICD-10-GM URI', { coding: [{ system: 'http://fhir.de/CodeSystem/dimdi/icd-10-gm', code: 'M05.9' }] }, 'dx.rheumatoid_arthritis'],
    ['M06.1 adult-onset Still is not RA', { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'M06.1' }] }, null],
    ['K50 under SNOMED system is not an ICD match', { coding: [{ system: 'http://snomed.info/sct', code: 'K50.0' }] }, null],
    ['SNOMED descendant Crohn of terminal ileum', { coding: [{ system: 'http://snomed.info/sct', code: '196977009' }] }, 'dx.crohns_disease'],
  ];
  it.each(rows)('%s', (_label, concept, expected) => {
    const concepts = codeMatches(concept).map((m) => m.concept);
    expect(expected === null ? concepts : concepts.filter((c) => c === expected)).toEqual(expected === null ? [] : [expected]);
  });

  it('keeps the codes.csv source with every code match', () => {
    const [m] = codeMatches({ coding: [{ system: 'http://loinc.org', code: '1988-5' }] });
    expect(m?.source).toMatch(/^verified/);
    expect(CODE_ROWS).toHaveLength(293);
  });
});

describe('normaliseSystem', () => {
  it.each([
    ['urn:oid:2.16.840.1.113883.6.96', SYSTEMS.snomed],
    ['http://fhir.de/CodeSystem/dimdi/atc', SYSTEMS.atcDe],
    [' http://loinc.org ', SYSTEMS.loinc],
    [42, undefined],
  ])('%s', (input, expected) => expect(normaliseSystem(input)).toBe(expected));
});

describe('matchDrug', () => {
  const rows: Array<[string, unknown, string | null, 'code' | 'text' | null]> = [
    [
      'RxNorm product 105586 -> methotrexate',
      { coding: [{ system: SYSTEMS.rxnorm, code: '105586', display: 'Methotrexate 10 MG Oral Tablet' }] },
      'methotrexate',
      'code',
    ],
    ['RxNorm ingredient 327361', { coding: [{ system: SYSTEMS.rxnorm, code: '327361' }] }, 'adalimumab', 'code'],
    ['ATC old code L04AA33 (before 2024)', { coding: [{ system: SYSTEMS.atc, code: 'L04AA33' }] }, 'vedolizumab', 'code'],
    ['ATC 2024 code L04AG05', { coding: [{ system: SYSTEMS.atc, code: 'L04AG05' }] }, 'vedolizumab', 'code'],
    ['German ATC with version', { coding: [{ system: SYSTEMS.atcDe, version: '2024', code: 'L04AF03' }] }, 'upadacitinib', 'code'],
    ['German ATC old code, old DIMDI URI', { coding: [{ system: 'http://fhir.de/CodeSystem/dimdi/atc', code: 'L04AA29' }] }, 'tofacitinib', 'code'],
    ['ATC old fumarate N07XX09', { coding: [{ system: SYSTEMS.atc, code: 'N07XX09' }] }, 'dimethyl fumarate', 'code'],
    [
      'unknown RxNorm product, brand text',
      { coding: [{ system: SYSTEMS.rxnorm, code: '9999999', display: '0.4 ML adalimumab 100 MG/ML Auto-Injector [Humira]' }] },
      'adalimumab',
      'text',
    ],
    ['text only (no coding)', { text: 'Entyvio 300 mg i.v.' }, 'vedolizumab', 'text'],
    ['PZN only, no known product', { coding: [{ system: SYSTEMS.pzn, code: '06312077', display: 'ASS 100' }] }, null, null],
    [
      'other ATC drug is not second-guessed by text',
      { coding: [{ system: SYSTEMS.atcDe, code: 'B01AC06', display: 'Acetylsalicylsäure' }], text: 'not methotrexate' },
      null,
      null,
    ],
    ['malformed concept', 'methotrexate', null, null],
  ];
  it.each(rows)('%s', (_label, concept, inn, by) => {
    const m = matchDrug(concept);
    expect(m?.drug.inn ?? null).toBe(inn);
    expect(m?.matchedBy ?? null).toBe(by);
  });
});
