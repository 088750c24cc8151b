/**
 * Bugs the property tests found, each as the smallest record that shows it, kept as regression tests
 * now that src/ is fixed (derive.ts applies the catalogue range; extract.ts reports excluded comorbidities).
 *
 * Bug 1 (found by "generated records ... lie in range or are implausible", shrunk to a lone Patient
 * born 1901-02-03): src/extract/derive.ts builds age_years, disease_duration_years and
 * current_therapy_duration_months with `derived(...)`, which never applies the catalogue range
 * (catalogue.ts: age 0-120 a, duration 0-100 a, therapy 0-600 mo). A date the parser accepts (>= 1900,
 * dates.ts EARLIEST_PLAUSIBLE) but that is a typing error reaches the model as an `ok` 125-year-old.
 * Recorded values go through latest.ts fromPoint, which does check the range.
 *
 * Bug 2 (found by "rejected values are visible", shrunk to one refuted heart-failure Condition):
 * src/extract/extract.ts calls `readConditions(of('Condition'), now, [])`, so the "excluded:
 * verification status refuted / entered-in-error" messages facts.ts writes go into a throwaway array.
 * detectIndications reports the indication's own diagnoses, but a refuted or entered-in-error
 * comorbidity (heart failure, malignancy, TB: the facts the safety rules read) vanishes silently.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { InputName } from '@src/extract/catalogue.ts';
import { SYSTEMS } from '@src/extract/terminology/index.ts';
import { prepare } from '@src/pipeline/index.ts';
import { NOW } from './harness.ts';

const patient: Resource = { resourceType: 'Patient', id: 'p', birthDate: '1970-01-01', gender: 'female' } as Resource;
// codes.csv line 2: dx.crohns_disease SNOMED 34000006
const crohn = (onset: string): Resource =>
  ({
    resourceType: 'Condition',
    id: 'cd',
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: SYSTEMS.snomed, code: '34000006' }] },
    subject: { reference: 'Patient/p' },
    onsetDateTime: onset,
  }) as Resource;
// codes.csv line 184: drug.adalimumab ATC L04AB04
const adalimumabSince = (start: string): Resource =>
  ({
    resourceType: 'MedicationStatement',
    id: 'ada',
    status: 'active',
    medicationCodeableConcept: { coding: [{ system: SYSTEMS.atc, code: 'L04AB04' }] },
    subject: { reference: 'Patient/p' },
    effectivePeriod: { start },
  }) as Resource;

const CASES: Array<[string, InputName, Resource[]]> = [
  ['birthDate 1901-02-03 (age 125 > 120)', 'age_years', [{ ...patient, birthDate: '1901-02-03' } as Resource, crohn('2015-03-01')]],
  ['Crohn onset 1905-06-01 (121 years > 100)', 'disease_duration_years', [patient, crohn('1905-06-01')]],
  ['adalimumab since 1905-06-01 (1,457 months > 600)', 'current_therapy_duration_months', [patient, crohn('2015-03-01'), adalimumabSince('1905-06-01')]],
];

describe('fixed: derived durations skip the catalogue range check', () => {
  it.each(CASES)('%s: %s is marked implausible, not given to the model', (_what, name, resources) => {
    const r = prepare(resources, NOW);
    expect(r.inputs[name].state).toBe('implausible');
  });

  // The same records with sane dates: the inputs are ok (so the cases above fail only on the range).
  it.each(CASES)('control for %s: %s is derived when the date is sane', (_what, name, resources) => {
    const sane = resources.map((res) => JSON.parse(JSON.stringify(res).replace(/19(01-02-03|05-06-01)/g, '2015-06-01')) as Resource);
    expect(prepare(sane, NOW).inputs[name].state).toBe('ok');
  });
});

describe('fixed: refuted or entered-in-error comorbidities vanish without a problem message', () => {
  // local.ts dx.heart_failure SNOMED 84114007; dx.malignancy 254837009
  it.each([
    ['refuted', '84114007'],
    ['entered-in-error', '254837009'],
  ])('a %s comorbidity (SNOMED %s) is named in problems', (verification, code) => {
    const comorbidity = {
      resourceType: 'Condition',
      id: 'co',
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: verification }] },
      code: { coding: [{ system: SYSTEMS.snomed, code }] },
      subject: { reference: 'Patient/p' },
    } as Resource;
    const r = prepare([patient, crohn('2015-03-01'), comorbidity], NOW);
    expect(r.problems.some((p) => p.message.includes('Condition/co'))).toBe(true);
  });

  it('control: a refuted Crohn diagnosis (the indication itself) is named in problems', () => {
    const refutedCd = {
      ...crohn('2015-03-01'),
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }] },
    } as Resource;
    expect(prepare([patient, refutedCd], NOW).problems.some((p) => p.message.includes('Condition/cd'))).toBe(true);
  });
});
