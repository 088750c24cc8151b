/**
 * Condition-based and person safety facts, one row per edge case, in the three coding styles the app reads:
 * US Core (SNOMED CT, ICD-10-CM), German MII (ICD-10-GM), IPS/other European (SNOMED CT, WHO ICD-10).
 * The default record: a 46-year-old woman with Crohn's disease (see safetyHelpers.ts).
 */
import type { FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { InputName } from '../../../src/extract/catalogue.ts';
import type { InputScalar, InputState } from '../../../src/extract/values.ts';
import { readerFor } from '../../../src/rules/safety/facts.ts';
import { dx, extract, failed, ICD_CM, ICD_GM, ICD_WHO, OTHER, proc, qual, resolved, SCT, textDx } from './safetyHelpers.ts';

type Opts = Parameters<typeof extract>[1];
type Row = [string, FhirResource[], Opts, InputName, InputState, InputScalar | undefined, RegExp | undefined];
const NO: Opts = {};
const CONDITIONS_FAILED: Opts = { searches: [failed('conditions', 'Condition', 'HTTP 403')] };

/** What the row checks, as observed: state, value (when the row names one), and whether the reason/note matches. */
function observed([, resources, opts, name, , value, text]: Row): { state: InputState; value: unknown; words: boolean } {
  const v = extract(resources, opts).inputs[name];
  const words = `${'reason' in v ? v.reason : ''} | ${'note' in v ? (v.note ?? '') : ''}`;
  return { state: v.state, value: value === undefined ? undefined : 'value' in v ? v.value : undefined, words: text === undefined || text.test(words) };
}
const expected = ([, , , , state, value]: Row): { state: InputState; value: unknown; words: boolean } => ({ state, value, words: true });

describe('heart_failure_nyha', () => {
  const rows: Row[] = [
    [
      'LOINC 88020-3 with SNOMED class III answer',
      [OTHER, { ...qual('n', '88020-3', '2026-10-01', { code: { system: SCT, code: '420913000' } }) }],
      NO,
      'heart_failure_nyha',
      'ok',
      3,
      /NYHA class 3/,
    ],
    [
      'SNOMED NYHA IV finding as a Condition (IPS)',
      [dx('hf', SCT, '422293003', { onsetDateTime: '2026-09-01' })],
      NO,
      'heart_failure_nyha',
      'ok',
      4,
      undefined,
    ],
    ['ICD-10-GM I50.13 (MII)', [dx('hf', ICD_GM, 'I50.13', { onsetDateTime: '2026-06-01' })], NO, 'heart_failure_nyha', 'ok', 3, undefined],
    [
      'ICD-10-CM I50.9 with "NYHA III" in the text',
      [
        {
          ...dx('hf', ICD_CM, 'I50.9', { onsetDateTime: '2026-06-01' }),
          code: { coding: [{ system: ICD_CM, code: 'I50.9' }], text: 'Heart failure, NYHA class III' },
        },
      ],
      NO,
      'heart_failure_nyha',
      'ok',
      3,
      undefined,
    ],
    [
      'active HF without class is its own reason',
      [dx('hf', ICD_WHO, 'I50.9')],
      NO,
      'heart_failure_nyha',
      'missing',
      undefined,
      /heart failure recorded, NYHA class not recorded/,
    ],
    [
      'NYHA III 20 months ago stays (stale, counts)',
      [OTHER, dx('hf', ICD_GM, 'I50.13', { onsetDateTime: '2025-03-10' })],
      NO,
      'heart_failure_nyha',
      'stale',
      3,
      /still counts.*repeat/,
    ],
    ['no heart failure, problem list shared', [OTHER], NO, 'heart_failure_nyha', 'ok', 0, /no heart failure/],
    ['thin problem list: unknown', [], NO, 'heart_failure_nyha', 'missing', undefined, /problem list not shared/],
    [
      'Condition search failed: unknown',
      [OTHER],
      CONDITIONS_FAILED,
      'heart_failure_nyha',
      'missing',
      undefined,
      /diagnosis \(Condition\) search failed \(HTTP 403\)/,
    ],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });

  it('the rules read an old NYHA class as present (FactReader, lasting)', () => {
    const r = extract([OTHER, dx('hf', ICD_GM, 'I50.13', { onsetDateTime: '2025-03-10' })]);
    expect(readerFor(r.inputs).num('heart_failure_nyha')).toBe(3);
  });
});

describe('condition facts: coded in each style, resolved, thin list, failed search', () => {
  const rows: Row[] = [
    ['hbv_chronic ICD-10-GM B18.1', [dx('b', ICD_GM, 'B18.1')], NO, 'hbv_chronic', 'ok', true, undefined],
    ['hbv_chronic ICD-10-CM B18.1', [dx('b', ICD_CM, 'B18.1')], NO, 'hbv_chronic', 'ok', true, undefined],
    ['hbv_chronic SNOMED 61977001', [dx('b', SCT, '61977001')], NO, 'hbv_chronic', 'ok', true, undefined],
    ['hbv_chronic absent, list shared', [OTHER], NO, 'hbv_chronic', 'ok', false, undefined],
    ['hbv_chronic thin list', [], NO, 'hbv_chronic', 'missing', undefined, /chronic hepatitis B cannot be ruled out/],
    ['malignancy_active ICD-10 C50.9 active', [dx('m', ICD_WHO, 'C50.9')], NO, 'malignancy_active', 'ok', true, undefined],
    [
      'malignancy_active: basal cell carcinoma C44.3 not counted',
      [dx('m', ICD_GM, 'C44.3')],
      NO,
      'malignancy_active',
      'ok',
      false,
      /non-melanoma skin cancer not counted/,
    ],
    ['malignancy_active: resolved breast cancer', [resolved('m', ICD_CM, 'C50.911')], NO, 'malignancy_active', 'ok', false, undefined],
    ['malignancy_history: resolved breast cancer still counts', [resolved('m', ICD_CM, 'C50.911')], NO, 'malignancy_history', 'ok', true, undefined],
    ['lymphoma_history ICD-10-GM C83.3 resolved', [resolved('l', ICD_GM, 'C83.3')], NO, 'lymphoma_history', 'ok', true, undefined],
    ['lymphoma_history SNOMED non-Hodgkin', [resolved('l', SCT, '118601006')], NO, 'lymphoma_history', 'ok', true, undefined],
    [
      'cardiac_event_6m MI I21.4 three months ago (GM)',
      [dx('mi', ICD_GM, 'I21.4', { onsetDateTime: '2026-08-20' })],
      NO,
      'cardiac_event_6m',
      'ok',
      true,
      undefined,
    ],
    [
      'cardiac_event_6m stroke SNOMED two months ago',
      [dx('s', SCT, '230690007', { onsetDateTime: '2026-09-15' })],
      NO,
      'cardiac_event_6m',
      'ok',
      true,
      undefined,
    ],
    [
      'cardiac_event_6m TIA G45.9 (WHO) last month',
      [dx('t', ICD_WHO, 'G45.9', { onsetDateTime: '2026-10-15' })],
      NO,
      'cardiac_event_6m',
      'ok',
      true,
      undefined,
    ],
    ['cardiac_event_6m acute HF I50.21 (CM)', [dx('h', ICD_CM, 'I50.21', { onsetDateTime: '2026-07-01' })], NO, 'cardiac_event_6m', 'ok', true, undefined],
    [
      'cardiac_event_6m MI two years ago',
      [resolved('mi', ICD_GM, 'I21.4', { onsetDateTime: '2024-08-20' })],
      NO,
      'cardiac_event_6m',
      'ok',
      false,
      /older events/,
    ],
    [
      'cardiac_event_6m old-MI code I25.2 recorded recently',
      [dx('mi', ICD_WHO, 'I25.2', { onsetDateTime: '2026-10-01' })],
      NO,
      'cardiac_event_6m',
      'ok',
      false,
      undefined,
    ],
    ['cardiac_event_6m MI without a date', [dx('mi', ICD_WHO, 'I21.9')], NO, 'cardiac_event_6m', 'missing', undefined, /without a date/],
    ['conduction_block third-degree AV block I44.2', [dx('a', ICD_GM, 'I44.2')], NO, 'conduction_block', 'ok', true, undefined],
    [
      'conduction_block with a pacemaker Z95.0',
      [dx('a', ICD_GM, 'I44.2'), dx('pm', ICD_GM, 'Z95.0')],
      NO,
      'conduction_block',
      'ok',
      false,
      /pacemaker in place/,
    ],
    [
      'conduction_block with a pacemaker procedure',
      [dx('a', SCT, '27885002'), proc('pm', SCT, '307280005', '2020-01-01')],
      NO,
      'conduction_block',
      'ok',
      false,
      /pacemaker in place/,
    ],
    ['conduction_block Mobitz II SNOMED', [dx('a', SCT, '28189009')], NO, 'conduction_block', 'ok', true, undefined],
    ['conduction_block sick sinus I49.5 (CM)', [dx('a', ICD_CM, 'I49.5')], NO, 'conduction_block', 'ok', true, undefined],
    [
      'conduction_block second degree, type not recorded',
      [dx('a', ICD_WHO, 'I44.1')],
      NO,
      'conduction_block',
      'missing',
      undefined,
      /Mobitz type not recorded/,
    ],
    ['diverticulitis ICD-10-GM K57.32', [resolved('d', ICD_GM, 'K57.32')], NO, 'diverticulitis_history', 'ok', true, undefined],
    ['diverticulitis ICD-10-CM K57.92', [resolved('d', ICD_CM, 'K57.92')], NO, 'diverticulitis_history', 'ok', true, undefined],
    ['diverticulitis WHO K57.2 (perforation and abscess)', [resolved('d', ICD_WHO, 'K57.2')], NO, 'diverticulitis_history', 'ok', true, undefined],
    ['diverticulitis SNOMED 307496006', [resolved('d', SCT, '307496006')], NO, 'diverticulitis_history', 'ok', true, undefined],
    [
      'diverticulosis K57.30 only: not counted, noted',
      [dx('d', ICD_GM, 'K57.30')],
      NO,
      'diverticulitis_history',
      'ok',
      false,
      /diverticular disease without recorded diverticulitis/,
    ],
    ['interstitial_lung_disease J84.1', [dx('i', ICD_GM, 'J84.1')], NO, 'interstitial_lung_disease', 'ok', true, undefined],
    ['interstitial_lung_disease rheumatoid lung M05.1 (WHO)', [dx('i', ICD_WHO, 'M05.1')], NO, 'interstitial_lung_disease', 'ok', true, undefined],
    ['autoimmune_other Hashimoto E06.3', [dx('a', ICD_GM, 'E06.3')], NO, 'autoimmune_other', 'ok', true, undefined],
    ['autoimmune_other ITP D69.3 (CM)', [dx('a', ICD_CM, 'D69.3')], NO, 'autoimmune_other', 'ok', true, undefined],
    ['vascular_history ischaemic stroke I63.9 resolved', [resolved('v', ICD_WHO, 'I63.9')], NO, 'vascular_history', 'ok', true, undefined],
    ['vascular_history cerebral artery dissection I67.0', [resolved('v', ICD_GM, 'I67.0')], NO, 'vascular_history', 'ok', true, undefined],
    ['macular_oedema_risk type 2 diabetes E11.9', [dx('e', ICD_CM, 'E11.9')], NO, 'macular_oedema_risk', 'ok', true, undefined],
    ['macular_oedema_risk uveitis SNOMED', [resolved('u', SCT, '128473001')], NO, 'macular_oedema_risk', 'ok', true, undefined],
    [
      'serious infection: perianal abscess K61.0 (GM)',
      [dx('a', ICD_GM, 'K61.0', { onsetDateTime: '2026-11-01' })],
      NO,
      'serious_infection_active',
      'ok',
      true,
      undefined,
    ],
    [
      'serious infection: herpes zoster B02.9',
      [dx('z', ICD_WHO, 'B02.9', { onsetDateTime: '2026-11-01' })],
      NO,
      'serious_infection_active',
      'ok',
      true,
      undefined,
    ],
    [
      'serious infection: C. difficile A04.72 (CM)',
      [dx('c', ICD_CM, 'A04.72', { onsetDateTime: '2026-11-01' })],
      NO,
      'serious_infection_active',
      'ok',
      true,
      undefined,
    ],
    [
      'serious infection: pyelonephritis SNOMED',
      [dx('p', SCT, '45816000', { onsetDateTime: '2026-11-01' })],
      NO,
      'serious_infection_active',
      'ok',
      true,
      undefined,
    ],
    ['serious infection resolved', [resolved('p', ICD_GM, 'N10', { onsetDateTime: '2026-01-01' })], NO, 'serious_infection_active', 'ok', false, undefined],
    [
      'serious infection open for a year: counted, flagged for confirmation',
      [dx('p', ICD_GM, 'J18.9', { onsetDateTime: '2025-10-01' })],
      NO,
      'serious_infection_active',
      'ok',
      true,
      /confirm it is still current/,
    ],
    ['demyelinating: optic neuritis ICD-10 H46 (WHO), resolved', [resolved('o', ICD_WHO, 'H46')], NO, 'demyelinating_disease', 'ok', true, undefined],
    ['demyelinating: optic neuritis SNOMED 66760008', [resolved('o', SCT, '66760008')], NO, 'demyelinating_disease', 'ok', true, undefined],
    ['vte_history thin list', [], NO, 'vte_history', 'missing', undefined, /problem list not shared/],
    ['cv_risk none, list shared', [OTHER], NO, 'cv_risk', 'ok', 'none', undefined],
    ['cv_risk thin list', [], NO, 'cv_risk', 'missing', undefined, /cannot be ruled out/],
    ['demyelinating disease: Condition search failed', [], CONDITIONS_FAILED, 'demyelinating_disease', 'missing', undefined, /search failed/],
    [
      'ICD-10-GM Diagnosesicherheit A (ausgeschlossen): not a finding',
      [OTHER, gmCertain('mi', 'I21.4', 'A', '2026-09-01')],
      NO,
      'cardiac_event_6m',
      'ok',
      false,
      undefined,
    ],
    [
      'ICD-10-GM Diagnosesicherheit Z (Zustand nach): not active',
      [OTHER, gmCertain('c', 'C50.9', 'Z', '2015-01-01')],
      NO,
      'malignancy_active',
      'ok',
      false,
      undefined,
    ],
    [
      'ICD-10-GM Diagnosesicherheit Z still counts for history',
      [OTHER, gmCertain('c', 'C50.9', 'Z', '2015-01-01')],
      NO,
      'malignancy_history',
      'ok',
      true,
      undefined,
    ],
    ['malignancy text-only Condition is not guessed', [textDx('t', 'Z.n. Mammakarzinom')], NO, 'malignancy_history', 'ok', false, undefined],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });
});

describe('person facts: childbearing potential, pregnancy, pregnancy plan', () => {
  const rows: Row[] = [
    ['female 46: childbearing potential', [OTHER], NO, 'childbearing_potential', 'ok', true, /age 46/],
    ['female 64: none (age >= 55)', [OTHER], { birthDate: '1962-02-01' }, 'childbearing_potential', 'ok', false, /age 64/],
    ['male: none', [OTHER], { gender: 'male' }, 'childbearing_potential', 'ok', false, /male/],
    ['sex unknown: missing', [OTHER], { gender: 'unknown' }, 'childbearing_potential', 'missing', undefined, /administrative sex unknown/],
    ['postmenopausal SNOMED 76498008', [dx('m', SCT, '76498008')], NO, 'childbearing_potential', 'ok', false, undefined],
    ['postmenopausal ICD-10-GM N95.1', [dx('m', ICD_GM, 'N95.1')], NO, 'childbearing_potential', 'ok', false, undefined],
    ['hysterectomy procedure', [proc('h', SCT, '236886002', '2015-01-01')], NO, 'childbearing_potential', 'ok', false, undefined],
    ['menopause as free text', [textDx('m', 'Postmenopause seit 2020')], NO, 'childbearing_potential', 'ok', false, undefined],
    [
      'pregnancy_current: 64-year-old woman without a test -> false',
      [OTHER],
      { birthDate: '1962-02-01' },
      'pregnancy_current',
      'ok',
      false,
      /no childbearing potential/,
    ],
    ['pregnancy_current: 46-year-old without a test -> missing', [OTHER], NO, 'pregnancy_current', 'missing', undefined, /no pregnancy status or test/],
    [
      'pregnancy_planned: LOINC 86645-9 "wants to become pregnant" (US Core)',
      [OTHER, qual('pi', '86645-9', '2026-10-01', { code: { system: SCT, code: '454381000124105' } })],
      NO,
      'pregnancy_planned',
      'ok',
      true,
      undefined,
    ],
    [
      'pregnancy_planned: intention "does not want"',
      [OTHER, qual('pi', '86645-9', '2026-10-01', { code: { system: SCT, code: '454391000124108' } })],
      NO,
      'pregnancy_planned',
      'ok',
      false,
      undefined,
    ],
    ['pregnancy_planned: ICD-10-GM Z31.6', [dx('z', ICD_GM, 'Z31.6', { onsetDateTime: '2026-09-01' })], NO, 'pregnancy_planned', 'ok', true, undefined],
    ['pregnancy_planned: ICD-10-CM Z31.69', [dx('z', ICD_CM, 'Z31.69', { onsetDateTime: '2026-09-01' })], NO, 'pregnancy_planned', 'ok', true, undefined],
    ['pregnancy_planned: text "Kinderwunsch"', [textDx('k', 'Kinderwunsch')], NO, 'pregnancy_planned', 'ok', true, undefined],
    ['pregnancy_planned: negated text "kein Kinderwunsch"', [textDx('k', 'kein Kinderwunsch')], NO, 'pregnancy_planned', 'ok', false, undefined],
    [
      'pregnancy_planned true without any pregnancy test (not hidden)',
      [dx('z', ICD_GM, 'Z31.6', { onsetDateTime: '2026-09-01' })],
      NO,
      'pregnancy_current',
      'missing',
      undefined,
      /no pregnancy status/,
    ],
    ['pregnancy_planned: 64-year-old -> false', [], { birthDate: '1962-02-01' }, 'pregnancy_planned', 'ok', false, /no childbearing potential/],
    ['pregnancy_planned: thin list -> missing', [], NO, 'pregnancy_planned', 'missing', undefined, /pregnancy plan cannot be ruled out/],
    ['male stays "not pregnant" when the Condition search failed', [OTHER], { gender: 'male', ...CONDITIONS_FAILED }, 'pregnancy_current', 'ok', false, /male/],
    ['pregnancy plan unknown when the Condition search failed', [OTHER], CONDITIONS_FAILED, 'pregnancy_planned', 'missing', undefined, /search failed/],
    [
      'pregnancy test search failed: named',
      [OTHER],
      { searches: [failed('obs-safety-1', 'Observation')] },
      'pregnancy_current',
      'missing',
      undefined,
      /search failed.*pregnancy status unknown/,
    ],
    [
      'pregnancy status LOINC 82810-3 negative',
      [OTHER, qual('ps', '82810-3', '2026-11-10', { code: { system: SCT, code: '60001007' } })],
      NO,
      'pregnancy_current',
      'ok',
      false,
      undefined,
    ],
  ];
  it.each(rows)('%s', (...row) => {
    expect(observed(row)).toEqual(expected(row));
  });
});

describe('absence is evidence only with a shared problem list', () => {
  it('a record whose problem list holds only the indication leaves every JAK-relevant condition unknown', () => {
    const r = extract([]);
    for (const name of ['cv_risk', 'malignancy_history', 'vte_history', 'serious_infection_active', 'pregnancy_planned', 'demyelinating_disease'] as const) {
      expect(r.inputs[name].state).toBe('missing');
    }
    // The same record with one more diagnosis shared: now "looked and found nothing".
    const shared = extract([OTHER]);
    for (const name of ['cv_risk', 'malignancy_history', 'vte_history', 'serious_infection_active', 'demyelinating_disease'] as const)
      expect(shared.inputs[name].state).toBe('ok');
  });
});

function gmCertain(id: string, code: string, certainty: 'A' | 'G' | 'V' | 'Z', onset: string): FhirResource {
  const coding = {
    system: ICD_GM,
    code,
    extension: [
      {
        url: 'http://fhir.de/StructureDefinition/icd-10-gm-diagnosesicherheit',
        valueCoding: { system: 'https://fhir.kbv.de/CodeSystem/KBV_CS_SFHIR_ICD_DIAGNOSESICHERHEIT', code: certainty },
      },
    ],
  };
  return { ...dx(id, ICD_GM, code, { onsetDateTime: onset }), code: { coding: [coding] } };
}
