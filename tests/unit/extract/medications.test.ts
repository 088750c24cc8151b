import { describe, expect, it } from 'vitest';
import type { FhirResource, Medication, MedicationAdministration, MedicationRequest, MedicationStatement } from 'fhir/r4';
import { classifyStopReason, readEpisodes } from '@src/extract/medications.ts';
import { SYSTEMS } from '@src/extract/terminology/index.ts';
import { cc, NOW } from '../../support/fhir.ts';

const subject = { reference: 'Patient/p1' };
const ada = cc({ system: SYSTEMS.rxnorm, code: '327361', display: 'adalimumab' });
const mr = (id: string, status: MedicationRequest['status'], authoredOn: string, over: Partial<MedicationRequest> = {}): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status,
  intent: 'order',
  subject,
  authoredOn,
  medicationCodeableConcept: ada,
  ...over,
});
const ms = (
  id: string,
  status: MedicationStatement['status'],
  start: string,
  end: string | undefined,
  over: Partial<MedicationStatement> = {},
): MedicationStatement => ({
  resourceType: 'MedicationStatement',
  id,
  status,
  subject,
  effectivePeriod: end ? { start, end } : { start },
  medicationCodeableConcept: ada,
  ...over,
});
const vedoDe: Medication = {
  resourceType: 'Medication',
  id: 'vedo',
  code: cc({ system: SYSTEMS.atcDe, version: '2024', code: 'L04AG05', display: 'Vedolizumab' }),
};
const ma = (
  id: string,
  date: string,
  medication: Pick<MedicationAdministration, 'medicationReference'> | Pick<MedicationAdministration, 'medicationCodeableConcept'>,
): MedicationAdministration => ({
  resourceType: 'MedicationAdministration',
  id,
  status: 'completed',
  subject,
  effectiveDateTime: date,
  ...medication,
});

describe('readEpisodes', () => {
  it.each<[string, FhirResource[], Array<[string, boolean, string | undefined]>, RegExp | null]>([
    ['active order = current', [mr('a', 'active', '2026-01-10')], [['adalimumab', true, undefined]], null],
    ['stopped = past episode, reason unknown', [mr('a', 'stopped', '2020-01-10')], [['adalimumab', false, 'unknown']], null],
    ['cancelled is never exposure', [mr('a', 'cancelled', '2026-01-10')], [], /not counted as exposure: status cancelled/],
    ['entered-in-error is excluded and reported', [ms('s', 'entered-in-error', '2025-01-01', undefined)], [], /entered-in-error/],
    ['proposal intent is not an order', [mr('a', 'active', '2026-01-10', { intent: 'proposal' })], [], null],
    [
      'request + statement of one course count once',
      [mr('a', 'active', '2025-06-01'), ms('s', 'active', '2025-06-01', undefined)],
      [['adalimumab', true, undefined]],
      null,
    ],
    ['statement active but ended in the past', [ms('s', 'active', '2019-05-15', '2019-05-22')], [['adalimumab', false, 'unknown']], null],
    [
      'stop reason from the project code system',
      [ms('s', 'stopped', '2018-01-01', '2019-01-01', { statusReason: [cc({ system: SYSTEMS.stopReason, code: 'primary-non-response' })] })],
      [['adalimumab', false, 'primary-nonresponse']],
      null,
    ],
    [
      'stop reason from HL7 status reason sintol',
      [mr('a', 'stopped', '2018-01-01', { statusReason: cc({ system: SYSTEMS.mrStatusReason, code: 'sintol' }) })],
      [['adalimumab', false, 'intolerance']],
      null,
    ],
    [
      'stop reason from free text',
      [ms('s', 'stopped', '2018-01-01', '2019-01-01', { statusReason: [{ text: 'Wirkverlust nach 2 Jahren' }] })],
      [['adalimumab', false, 'loss-of-response']],
      null,
    ],
    [
      'two courses far apart are two episodes',
      [ms('s1', 'completed', '2015-01-01', '2016-01-01'), ms('s2', 'active', '2020-01-01', undefined)],
      [
        ['adalimumab', false, 'unknown'],
        ['adalimumab', true, undefined],
      ],
      null,
    ],
  ])('%s', (_l, resources, expected, problem) => {
    const r = readEpisodes(resources, NOW);
    expect(r.episodes.map((e) => [e.inn, e.ongoing, e.stopReason])).toEqual(expected);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(problem ?? /^$/);
  });

  it('resolves an included Medication (German ATC) and merges administrations with the statement', () => {
    const resources: FhirResource[] = [
      vedoDe,
      ms('s', 'active', '2026-01-05', undefined, { medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/vedo' } }),
      ma('a1', '2026-01-05T09:00:00+01:00', { medicationReference: { reference: 'Medication/vedo' } }),
      ma('a2', '2026-03-02T09:00:00+01:00', { medicationReference: { reference: 'Medication/vedo' } }),
    ];
    const [episode, ...rest] = readEpisodes(resources, NOW).episodes;
    expect(rest).toEqual([]);
    expect(episode?.inn).toBe('vedolizumab');
    expect(episode?.drugClass).toBe('anti-integrin');
    expect(episode?.ongoing).toBe(true);
    expect(episode?.sources).toEqual(['MedicationStatement/s', 'MedicationAdministration/a1', 'MedicationAdministration/a2']);
    expect(episode?.start?.precision).toBe('day');
  });

  it('resolves a contained Medication', () => {
    const tofa: Medication = { resourceType: 'Medication', id: 'm', code: cc({ system: SYSTEMS.atc, code: 'L04AA29' }) };
    const r = readEpisodes(
      [
        ms('s', 'active', '2026-02', undefined, {
          medicationCodeableConcept: undefined,
          contained: [tofa],
          medicationReference: { reference: '#m' },
        }),
      ],
      NOW,
    );
    expect(r.episodes[0]?.inn).toBe('tofacitinib');
    expect(r.episodes[0]?.start?.precision).toBe('month');
  });

  it('infers a current infusion therapy from recent administrations only', () => {
    const r = readEpisodes([ma('a1', '2026-09-01', { medicationCodeableConcept: cc({ system: SYSTEMS.atc, code: 'L04AG03' }) })], NOW);
    expect(r.episodes[0]?.ongoing).toBe(true);
    expect(r.episodes[0]?.note).toMatch(/inferred/);
  });
});

describe('classifyStopReason', () => {
  it.each([
    [[{ text: 'primary non-response at week 14' }], 'primary-nonresponse'],
    [[{ text: 'secondary loss of response' }], 'loss-of-response'],
    [[{ text: 'Nebenwirkung: Exanthem' }], 'intolerance'],
    [[{ text: 'patient moved away' }], 'other'],
    [[cc({ system: SYSTEMS.snomed, code: '62014003' })], 'intolerance'],
  ])('%j -> %s', (concepts, reason) => {
    expect(classifyStopReason(concepts)?.reason).toBe(reason);
  });
});
