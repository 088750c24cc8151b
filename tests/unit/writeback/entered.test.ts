// Clinician-entered items: live scores through src/scores and the FHIR Observations built from them.
import type { Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '@src/extract/index.ts';
import { SCORES_CODE_SYSTEM } from '@src/scores/index.ts';
import { buildEnteredObservations, CLINICIAN_ENTERED_TAG, computeEnteredScores, ENTERED_ITEMS, recordedLab } from '@src/writeback/entered.ts';
import { NOW, RA_RESOURCES, raRecord } from '../../support/recordFixtures.ts';

const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

function localCode(o: Observation): string | undefined {
  return o.code.coding?.find((c) => c.system === SCORES_CODE_SYSTEM)?.code;
}

function loincOf(obs: readonly Observation[], code: string): string | undefined {
  return obs.find((x) => localCode(x) === code)?.code.coding?.find((c) => c.system === 'http://loinc.org')?.code;
}

describe('computeEnteredScores', () => {
  const record = raRecord();
  const labs = { crp: recordedLab(record, 'crp_mg_l'), esr: recordedLab(record, 'esr_mm_h') };

  it('takes the current recorded CRP (text-matched, 1 mg/dL = 10 mg/L) and no ESR with an unknown unit', () => {
    expect(labs.crp).toEqual({ value: 10, date: '2026-11-01', sourceRef: 'Observation/crp-text' });
    expect(labs.esr).toBeUndefined();
  });

  it('computes DAS28-CRP, CDAI and SDAI from entered counts and the recorded CRP', () => {
    const results = computeEnteredScores('RA', { tjc28: 4, sjc28: 2, ptga: 40, phga: 3 }, labs);
    // 0.56*sqrt(4) + 0.28*sqrt(2) + 0.36*ln(10+1) + 0.014*40 + 0.96 = 3.899 -> 3.90 (das28.ts formula)
    expect(results.map((r) => [r.score, r.status, r.value, r.band])).toEqual([
      ['das28-crp', 'complete', 3.9, 'moderate'],
      ['das28-esr', 'incomplete', null, null],
      ['cdai-ra', 'complete', 13, 'moderate'],
      ['sdai', 'complete', 14, 'moderate'],
    ]);
    expect(results[1]?.missing).toEqual(['esr']);
  });

  it.each([
    ['CD', { 'general-wellbeing': 1, 'abdominal-pain': 2, 'liquid-stools': 3, 'abdominal-mass': 0, complications: 1 }, 'hbi', 7, 'mild'],
    ['UC', { 'stool-frequency': 2, 'rectal-bleeding': 1, 'physician-global-uc': 2 }, 'mayo-partial', 5, 'moderate'],
    ['RMS', { edss: 3.5 }, 'edss', 3.5, null],
  ] as const)('%s: %s gives %s = %s', (indication, values, score, value, band) => {
    const [r] = computeEnteredScores(indication, values, {});
    expect(r).toMatchObject({ score, status: 'complete', value, band });
  });

  it.each([
    [{ edss: 0.5 }, 'invalid'],
    [{}, 'incomplete'],
  ])('EDSS %j is %s', (values, status) => {
    expect(computeEnteredScores('RMS', values, {})[0]?.status).toBe(status);
  });
});

describe('buildEnteredObservations', () => {
  const record = raRecord();
  const labs = { crp: recordedLab(record, 'crp_mg_l') };
  const values = { tjc28: 4, sjc28: 2, ptga: 40, phga: 3 };
  const results = computeEnteredScores('RA', values, labs);
  const obs = buildEnteredObservations({
    indication: 'RA',
    values,
    results,
    patientRef: 'Patient/ra-t1',
    now: NOW,
    performer: { reference: 'Practitioner/p1' },
  });

  it('carries the launch encounter into every Observation, and none without one', () => {
    const withEncounter = buildEnteredObservations({
      indication: 'RA',
      values,
      results,
      patientRef: 'Patient/ra-t1',
      now: NOW,
      encounterRef: 'Encounter/enc-7',
    });
    expect(withEncounter).toHaveLength(obs.length);
    expect(withEncounter.every((o) => o.encounter?.reference === 'Encounter/enc-7')).toBe(true);
    expect(obs.some((o) => 'encounter' in o)).toBe(false);
  });

  it('builds one Observation per entered item and per complete score', () => {
    expect(obs.map(localCode)).toEqual(['tjc28', 'sjc28', 'ptga', 'phga', 'das28-crp', 'cdai-ra', 'sdai']);
  });

  it('marks every Observation as final, clinician-entered, for the patient, now', () => {
    for (const o of obs) {
      expect(o).toMatchObject({
        resourceType: 'Observation',
        status: 'final',
        subject: { reference: 'Patient/ra-t1' },
        effectiveDateTime: '2026-11-15T12:00:00.000Z',
        performer: [{ reference: 'Practitioner/p1' }],
      });
      expect(o.meta?.tag).toEqual([CLINICIAN_ENTERED_TAG]);
      expect(o.method?.coding).toEqual([CLINICIAN_ENTERED_TAG]);
      expect(o.category?.[0]?.coding?.[0]?.system).toBe(CATEGORY);
    }
  });

  it.each([
    ['tjc28', { valueInteger: 4 }, 'exam'],
    ['ptga', { valueQuantity: { value: 40, unit: 'mm', system: 'http://unitsofmeasure.org', code: 'mm' } }, 'survey'],
    ['phga', { valueQuantity: { value: 3, unit: 'cm', system: 'http://unitsofmeasure.org', code: 'cm' } }, 'exam'],
    ['das28-crp', { valueQuantity: { value: 3.9, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' } }, 'exam'],
  ])('%s carries %j, category %s', (code, value, category) => {
    const o = obs.find((x) => localCode(x) === code);
    expect(o).toMatchObject(value);
    expect(o?.category?.[0]?.coding?.[0]?.code).toBe(category);
  });

  it('links a score to the recorded CRP it used and lists its items as components', () => {
    const das = obs.find((x) => localCode(x) === 'das28-crp');
    expect(das?.derivedFrom).toEqual([{ reference: 'Observation/crp-text' }]);
    expect(das?.component?.map((c) => c.code.coding?.[0]?.code)).toEqual(['tjc28', 'sjc28', 'ptga']);
    expect(das?.interpretation).toEqual([{ text: 'moderate' }]);
  });

  it('adds the LOINC code to CDAI and SDAI (codes.csv score.cdai_ra 75847-4, score.sdai_ra 75845-8)', () => {
    expect(loincOf(obs, 'cdai-ra')).toBe('75847-4');
    expect(loincOf(obs, 'sdai')).toBe('75845-8');
    expect(loincOf(obs, 'das28-crp')).toBeUndefined();
  });

  it.each([
    ['tjc28', '88981-6'],
    ['sjc28', '88980-8'],
    ['phga', '75846-6'],
    ['ptga', undefined],
  ])('codes the item %s also as LOINC %s (CDAI panel members, codes.csv)', (code, loinc) => {
    expect(loincOf(obs, code)).toBe(loinc);
  });

  it('comes back through the extractor: the saved scores become the current inputs', () => {
    const saved = obs.map((o, i) => ({ ...o, id: `entered-${i}` }));
    const again = extractRecord([...RA_RESOURCES, ...saved], { now: new Date(NOW.getTime() + 60_000) });
    expect(again.inputs.das28_crp).toMatchObject({ state: 'ok', value: 3.9, sources: ['Observation/entered-4'] });
    expect(again.inputs.cdai_ra).toMatchObject({ state: 'ok', value: 13 });
    expect(again.inputs.sdai).toMatchObject({ state: 'ok', value: 14 });
    expect(again.observations['score.tjc28']?.[0]?.value).toBe(4);
  });

  it('records EDSS once, as the score', () => {
    const edss = buildEnteredObservations({
      indication: 'RMS',
      values: { edss: 3.5 },
      results: computeEnteredScores('RMS', { edss: 3.5 }, {}),
      patientRef: 'Patient/x',
      now: NOW,
    });
    expect(edss.map(localCode)).toEqual(['edss']);
    expect(edss[0]?.valueQuantity?.value).toBe(3.5);
  });

  it('records nothing for an incomplete score and only the items entered', () => {
    const partial = buildEnteredObservations({
      indication: 'UC',
      values: { 'stool-frequency': 1 },
      results: computeEnteredScores('UC', { 'stool-frequency': 1 }, {}),
      patientRef: 'Patient/x',
      now: NOW,
    });
    expect(partial.map(localCode)).toEqual(['stool-frequency']);
  });

  it('asks each indication for the items its score needs', () => {
    expect(Object.fromEntries(Object.entries(ENTERED_ITEMS).map(([k, v]) => [k, v.map((s) => s.code)]))).toEqual({
      CD: ['general-wellbeing', 'abdominal-pain', 'liquid-stools', 'abdominal-mass', 'complications'],
      UC: ['stool-frequency', 'rectal-bleeding', 'physician-global-uc'],
      RA: ['tjc28', 'sjc28', 'ptga', 'phga'],
      RMS: ['edss'],
    });
  });
});
