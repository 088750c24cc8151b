import { describe, expect, it } from 'vitest';
import type { FhirResource } from 'fhir/r4';
import { scoreRecord } from '@src/scores/fromRecord.ts';
import type { RecordScores } from '@src/scores/fromRecord.ts';
import type { ScoreId, ScoreResult } from '@src/scores/index.ts';
import { DX, LOCAL, NOW, crp, diagnosis, esr, extract, fixture, jointAssessment, obs, patient } from './fromRecord.build.ts';

const base: FhirResource[] = [patient(), diagnosis('ra', DX.RA, '2015-01-01')];
const score = (s: RecordScores, id: ScoreId): ScoreResult | undefined => s.latest.find((r) => r.score === id);
const run = (...resources: FhirResource[]) => scoreRecord(extract([...base, ...resources]), NOW);

// Hand computation for the built assessment TJC 4, SJC 3, PtGA 5 (0-10 -> 50 mm), PhGA 4, CRP 10 mg/L, ESR 30:
// DAS28-CRP = 0.56*sqrt(4) + 0.28*sqrt(3) + 0.36*ln(10+1) + 0.014*50 + 0.96
//           = 1.12 + 0.484974 + 0.863242 + 0.70 + 0.96 = 4.128216 -> 4.13 (moderate, <= 5.1)
// DAS28-ESR = 1.12 + 0.484974 + 0.70*ln(30) (2.380838) + 0.70 = 4.685812 -> 4.69 (moderate)
// CDAI = 4 + 3 + 5 + 4 = 16 (moderate, <= 22); SDAI = 16 + 10/10 mg/dL = 17.0 (moderate, <= 26)
const DAY = '2026-10-20';
const assessment = jointAssessment(DAY, 4, 3, 5, 4);

describe('scoreRecord: the RA demo patient (sandbox/fixtures/ra-ips-001.json)', () => {
  const scores = scoreRecord(fixture('ra-ips-001'), NOW);

  // Latest assessment 2026-11-09: TJC28 10, SJC28 7, PtGA 8 (0-10 -> 80 mm), PhGA 6.5, CRP 2.8 mg/L, ESR 9 mm/h, all that day.
  // DAS28-CRP = 0.56*sqrt(10) + 0.28*sqrt(7) + 0.36*ln(2.8+1) + 0.014*80 + 0.96
  //           = 1.770875 + 0.740810 + 0.480601 + 1.12 + 0.96 = 5.072286 -> 5.07 (moderate)
  // DAS28-ESR = 1.770875 + 0.740810 + 0.70*ln(9) (1.538057) + 1.12 = 5.169742 -> 5.17 (high, > 5.1)
  // CDAI = 10 + 7 + 8 + 6.5 = 31.5 (high); SDAI = 31.5 + 0.28 = 31.78 -> 31.8 (high)
  it.each([
    ['das28-crp', 5.07, 'moderate'],
    ['das28-esr', 5.17, 'high'],
    ['cdai-ra', 31.5, 'high'],
    ['sdai', 31.8, 'high'],
  ] as const)('%s of the latest assessment is %d (%s)', (id, value, band) => {
    expect(score(scores, id)).toMatchObject({ status: 'complete', value, band });
  });

  it('offers DAS28-CRP as a derived, sourced, explained model input', () => {
    expect(scores.derivedInputs.das28_crp).toMatchObject({
      name: 'das28_crp',
      state: 'ok',
      value: 5.07,
      matchedBy: 'derived',
      date: '2026-11-09',
      sources: [
        'Observation/ra-ips-001-tjc28-2026-11-09',
        'Observation/ra-ips-001-sjc28-2026-11-09',
        'Observation/ra-ips-001-ptga-2026-11-09',
        'Observation/ra-ips-001-crp-2026-11-09',
      ],
    });
    expect(scores.derivedInputs.das28_crp).toHaveProperty(
      'note',
      expect.stringMatching(/^DAS28-CRP computed from TJC28, SJC28, PtGA \(2026-11-09\) and CRP \(2026-11-09\); PtGA 8 on the 0-10 scale = 80 mm/),
    );
    expect(scores.derivedInputs.sdai).toHaveProperty('note', expect.stringMatching(/CRP 2\.8 mg\/L = 0\.28 mg\/dL/));
  });

  it('gives a trend point per joint assessment, oldest first', () => {
    const points = scores.series['das28-crp'] ?? [];
    expect(points).toHaveLength(21);
    expect(points.map((p) => p.date)).toEqual(points.map((p) => p.date).sort());
    expect(points.at(-1)).toMatchObject({ date: '2026-11-09', value: 5.07, band: 'moderate' });
  });
});

describe('scoreRecord: pairing a lab with the joint assessment (±14 days)', () => {
  it.each([
    { name: 'same day', crpDay: DAY, note: /and CRP \(2026-10-20\)/ },
    { name: '7 days before', crpDay: '2026-10-13', note: /CRP \(2026-10-13, 7 days before the assessment; labs paired within ±14 days\)/ },
    { name: '14 days after', crpDay: '2026-11-03', note: /CRP \(2026-11-03, 14 days after the assessment/ },
  ])('CRP $name is paired', ({ crpDay, note }) => {
    const s = run(...assessment, crp(crpDay, 10));
    expect(score(s, 'das28-crp')).toMatchObject({ status: 'complete', value: 4.13, band: 'moderate' });
    expect(s.derivedInputs.das28_crp).toMatchObject({ state: 'ok', value: 4.13, date: DAY });
    expect(s.notes['das28-crp']).toMatch(note);
  });

  it.each([
    { name: '15 days before', crpDay: '2026-10-05', reason: /no CRP within 14 days of 2026-10-20 \(nearest 2026-10-05, 15 days away\)/ },
    { name: '20 days after', crpDay: '2026-11-09', reason: /no CRP within 14 days of 2026-10-20 \(nearest 2026-11-09, 20 days away\)/ },
    { name: '20 days before', crpDay: '2026-09-30', reason: /nearest 2026-09-30, 20 days away/ },
  ])('CRP $name is not paired', ({ crpDay, reason }) => {
    const s = run(...assessment, crp(crpDay, 10));
    expect(score(s, 'das28-crp')).toMatchObject({ status: 'incomplete', value: null, missing: ['crp'] });
    expect(score(s, 'das28-crp')?.reason).toMatch(reason);
    expect(s.derivedInputs.das28_crp).toBeUndefined();
    expect(s.series['das28-crp']).toBeUndefined();
    // CDAI needs no lab: derived either way.
    expect(s.derivedInputs.cdai_ra).toMatchObject({ state: 'ok', value: 16 });
  });

  it('takes the closest lab, and on a tie the one before the visit', () => {
    const s = run(...assessment, crp('2026-10-15', 10), { ...crp('2026-10-25', 30), id: 'crp-later' });
    expect(score(s, 'das28-crp')?.value).toBe(4.13);
  });

  it('pairs ESR for DAS28-ESR and converts CRP to mg/dL for SDAI', () => {
    const s = run(...assessment, crp(DAY, 1.0, 'mg/dL'), esr(DAY, 30));
    expect(score(s, 'das28-esr')).toMatchObject({ status: 'complete', value: 4.69 });
    expect(score(s, 'das28-crp')?.value).toBe(4.13);
    expect(score(s, 'sdai')).toMatchObject({ status: 'complete', value: 17, band: 'moderate' });
    expect(s.notes.sdai).toMatch(/CRP 10 mg\/L = 1 mg\/dL \(SDAI takes mg\/dL\)/);
  });
});

describe('scoreRecord: patient global in mm or cm', () => {
  it.each([
    { name: '0-10 {score}', value: 5, unit: '{score}', note: /PtGA 5 on the 0-10 scale = 50 mm/ },
    { name: 'mm', value: 50, unit: 'mm', note: /PtGA 50 mm/ },
    { name: 'cm', value: 5, unit: 'cm', note: /PtGA 5 cm = 50 mm/ },
    { name: 'no unit, above 10', value: 50, unit: undefined, note: /PtGA 50 \(above 10\) read as a 0-100 mm VAS/ },
  ])('$name: DAS28 uses 50 mm and CDAI 5 cm', ({ value, unit, note }) => {
    const at = `${DAY}T10:30:00+01:00`;
    const s = run(...assessment.filter((o) => !o.id?.startsWith('ptga')), obs('ptga-x', '75894-6', value, at, unit), crp(DAY, 10));
    expect(score(s, 'das28-crp')?.value).toBe(4.13);
    expect(score(s, 'cdai-ra')?.value).toBe(16);
    expect(s.notes['das28-crp']).toMatch(note);
  });
});

describe('scoreRecord: recorded scores, staleness and gaps', () => {
  it('does not derive when a DAS28-CRP is recorded, and shows the recorded one as latest', () => {
    const recorded = obs('das28-rec', 'das28-crp', 3.1, '2026-11-02T09:00:00+01:00', '{score}', LOCAL);
    const s = run(...assessment, crp(DAY, 10), recorded);
    expect(s.derivedInputs.das28_crp).toBeUndefined();
    expect(score(s, 'das28-crp')).toMatchObject({
      status: 'complete',
      value: 3.1,
      band: 'low',
      computedFrom: [{ item: 'recorded total', sourceRef: 'Observation/das28-rec' }],
    });
    expect(s.series['das28-crp']?.map((p) => [p.date, p.value])).toEqual([
      [DAY, 4.13],
      ['2026-11-02', 3.1],
    ]);
  });

  it('never overrides a recorded value that is still current, even when the components are newer', () => {
    // Recorded 2026-10-01 (45 days old: ok); components of 2026-10-20 give 4.13, shown as latest but not used as the input.
    const recorded = obs('das28-oct', 'das28-crp', 2.9, '2026-10-01T09:00:00+01:00', '{score}', LOCAL);
    const s = run(...assessment, crp(DAY, 10), recorded);
    expect(s.derivedInputs.das28_crp).toBeUndefined();
    expect(score(s, 'das28-crp')).toMatchObject({ status: 'complete', value: 4.13 });
    expect(s.derivedInputs.cdai_ra).toMatchObject({ state: 'ok', value: 16 });
  });

  it('derives over a recorded value that is stale and older than the assessment', () => {
    const recorded = obs('das28-old', 'das28-crp', 2.2, '2025-01-10T09:00:00+01:00', '{score}', LOCAL);
    const s = run(...assessment, crp(DAY, 10), recorded);
    expect(s.derivedInputs.das28_crp).toMatchObject({ state: 'ok', value: 4.13, matchedBy: 'derived' });
  });

  it('marks a derived value older than 90 days stale (catalogue staleAfterDays)', () => {
    // 2026-04-29 to 2026-11-15T12:00Z = 200 days.
    const s = run(...jointAssessment('2026-04-29', 4, 3, 5, 4), crp('2026-04-29', 10));
    expect(s.derivedInputs.das28_crp).toMatchObject({ state: 'stale', value: 4.13, ageDays: 200 });
    expect(s.derivedInputs.das28_crp).toHaveProperty('reason', expect.stringMatching(/older than 90 days/));
  });

  it('does not offer a derived value outside the 5-year look-back, but still scores it', () => {
    const s = run(...jointAssessment('2020-06-01', 4, 3, 5, 4), crp('2020-06-01', 10));
    expect(s.derivedInputs.das28_crp).toBeUndefined();
    expect(score(s, 'das28-crp')).toMatchObject({ status: 'complete', value: 4.13 });
  });

  it.each([
    {
      name: 'only a tender joint count',
      resources: [obs('t', '88981-6', 4, `${DAY}T10:00:00Z`)],
      das: ['sjc28', 'ptga', 'crp'],
      cdai: ['sjc28', 'ptga', 'phga'],
    },
    { name: 'no joint assessment at all', resources: [crp(DAY, 10)], das: ['tjc28', 'sjc28', 'ptga', 'crp'], cdai: ['tjc28', 'sjc28', 'ptga', 'phga'] },
    {
      name: 'components on different days',
      resources: [
        obs('t', '88981-6', 4, `${DAY}T10:00:00Z`),
        obs('s', '88980-8', 3, `${DAY}T10:00:00Z`),
        obs('p', '75894-6', 5, '2026-10-21T10:00:00Z', '{score}'),
        crp(DAY, 10),
      ],
      das: ['tjc28', 'sjc28'],
      cdai: ['tjc28', 'sjc28', 'phga'],
    },
  ])('incomplete with the missing items named: $name', ({ resources, das, cdai }) => {
    const s = run(...resources);
    expect(score(s, 'das28-crp')).toMatchObject({ status: 'incomplete', value: null, missing: das });
    expect(score(s, 'cdai-ra')).toMatchObject({ status: 'incomplete', value: null, missing: cdai });
    expect(s.derivedInputs).toEqual({});
  });
});
