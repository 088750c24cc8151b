import { describe, expect, it } from 'vitest';
import type { CodeableConcept, Condition } from 'fhir/r4';
import { detectIndications, detectIndicationsDetailed } from '@src/extract/indications.ts';
import { cc, condition, NOW, SCT } from '../../support/fhir.ts';

const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const ICD10GM = 'http://fhir.de/CodeSystem/bfarm/icd-10-gm';
const status = (system: string, code: string): CodeableConcept => ({ coding: [{ system, code }] });
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

describe('detectIndications', () => {
  const rows: Array<[string, CodeableConcept, string | null, string | undefined, 'code' | 'text' | null]> = [
    ['SNOMED Crohn of ileum (descendant)', cc({ system: SCT, code: '38106008' }), 'CD', undefined, 'code'],
    ['SNOMED 7620006 Crohn of large bowel (Synthea)', cc({ system: SCT, code: '7620006' }), 'CD', undefined, 'code'],
    [
      'ICD-10-GM K51.0 with Alpha-ID',
      cc({ system: 'http://fhir.de/CodeSystem/bfarm/alpha-id', code: 'I1234' }, { system: ICD10GM, code: 'K51.0' }),
      'UC',
      undefined,
      'code',
    ],
    ['ICD-10 WHO M05.8', cc({ system: ICD10, code: 'M05.8' }), 'RA', 'seropositive', 'code'],
    ['SNOMED seronegative RA', cc({ system: SCT, code: '239792003' }), 'RA', 'seronegative', 'code'],
    ['ICD-10-CM G35 (before Oct 2025)', cc({ system: ICD10CM, code: 'G35' }), 'RMS', undefined, 'code'],
    ['ICD-10-CM G35.A (since Oct 2025)', cc({ system: ICD10CM, code: 'G35.A' }), 'RMS', 'RRMS', 'code'],
    ['ICD-10-CM G35.B0 primary progressive', cc({ system: ICD10CM, code: 'G35.B0' }), 'RMS', 'PPMS', 'code'],
    ['ICD-10-GM G35.10 relapsing course', cc({ system: ICD10GM, code: 'G35.10' }), 'RMS', 'RRMS', 'code'],
    ['SNOMED RRMS', cc({ system: SCT, code: '426373005' }), 'RMS', 'RRMS', 'code'],
    ['text only, German', { text: 'Morbus Crohn mit Ileitis terminalis' }, 'CD', undefined, 'text'],
    ['text only, French', { text: 'Sclérose en plaques' }, 'RMS', undefined, 'text'],
    // Issue 14: a coding the code sets do not know no longer blocks the text (certainty: see certainty.test.ts).
    ['coded with an unknown code: the text is read', { coding: [{ system: SCT, code: '4556007' }], text: 'Crohn?' }, 'CD', undefined, 'text'],
    ['coding without system', cc({ code: 'K50.0' }), null, undefined, null],
    ['unrelated ICD M06.1 (Still)', cc({ system: ICD10, code: 'M06.1' }), null, undefined, null],
  ];
  it.each(rows)('%s', (_l, code, indication, subtype, matchedBy) => {
    const found = detectIndications([condition('c1', code)], NOW);
    expect(found[0]?.indication ?? null).toBe(indication);
    expect(found[0]?.subtype).toBe(subtype);
    expect(found[0]?.matchedBy ?? null).toBe(matchedBy);
    expect(found.map((f) => f.conditionRef)).toEqual(indication ? ['Condition/c1'] : []);
  });

  it.each([
    ['entered-in-error', 'entered-in-error'],
    ['refuted', 'refuted'],
  ])('skips %s and reports it', (_l, code) => {
    const r = detectIndicationsDetailed([condition('x', cc({ system: SCT, code: '64766004' }), { verificationStatus: status(VERIFICATION, code) })], NOW);
    expect(r.findings).toEqual([]);
    expect(r.problems[0]?.message).toMatch(new RegExp(`Condition/x .*${code}`));
  });

  it('keeps resolved diagnoses, marked inactive, and sorts active first with onset precision kept', () => {
    const resolved: Condition = condition('old', cc({ system: SCT, code: '69896004' }), {
      clinicalStatus: status(CLINICAL, 'resolved'),
      onsetDateTime: '2009-04',
    });
    const active: Condition = condition('new', cc({ system: SCT, code: '24700007' }), { clinicalStatus: status(CLINICAL, 'active'), onsetDateTime: '2020' });
    const found = detectIndications([resolved, active], NOW);
    expect(found.map((f) => [f.indication, f.active])).toEqual([
      ['RMS', true],
      ['RA', false],
    ]);
    expect(found[1]?.note).toBe('recorded as resolved');
    expect(found[1]?.onset?.precision).toBe('month');
    expect(found[0]?.onset?.precision).toBe('year');
  });

  it('ignores non-Conditions and garbage without throwing', () => {
    expect(detectIndications([null, 3, 'x', { resourceType: 'Observation' }, { resourceType: 'Condition', code: 'K50' }] as unknown[], NOW)).toEqual([]);
  });
});
