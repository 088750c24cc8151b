import { describe, expect, it } from 'vitest';
import type { FhirResource } from 'fhir/r4';
import { scoreRecord, type RecordScores } from '@src/scores/fromRecord.ts';
import type { ScoreId, ScoreResult } from '@src/scores/index.ts';
import { DX, LOCAL, NOW, diagnosis, extract, fixture, obs, patient, therapy } from './fromRecord.build.ts';

const score = (s: RecordScores, id: ScoreId): ScoreResult | undefined => s.latest.find((r) => r.score === id);
const base: FhirResource[] = [patient(), diagnosis('ms', DX.RMS, '2019-01-01')];
const run = (...resources: FhirResource[]) => scoreRecord(extract([...base, ...resources]), NOW);
const relapse = (onset: string) => diagnosis(`relapse-${onset}`, DX.RELAPSE, onset);
const edss = (day: string, value: number) => obs(`edss-${day}`, 'edss', value, `${day}T11:00:00+01:00`, '{score}', LOCAL);
const t2 = (day: string, value: number) => obs(`t2-${day}`, 'mri-new-t2-lesions', value, `${day}T14:00:00+01:00`, undefined, LOCAL);
const gd = (day: string, value: number) => obs(`gd-${day}`, 'mri-gd-lesions', value, `${day}T14:00:00+01:00`, undefined, LOCAL);

describe('scoreRecord: the RMS demo patients (sandbox/fixtures)', () => {
  // rms-us-002: one relapse (2026-08-17) in the 24 months 2024-11-15..2026-11-15 (731 days): 1 / (731/365.25) = 0.4997 -> 0.50.
  // EDSS 2.0, 1.5, 3.5 (2026-08-24, 7 days after the relapse: not used), 2.5: reference 2.0, +0.5 < 1.0 -> no progression.
  // NEDA-3: relapse, 9 new T2 and Gd+ lesions in the last 12 months -> 0. No therapy -> Rio/MAGNIMS cannot be placed.
  // rms-fr-001: no relapse since 2019 -> ARR 0; stable EDSS 2.5 and MRI 0/0 in the last 12 months -> NEDA-3;
  // natalizumab since 2020-04-06: year one without relapse, 0 new T2 (2021-03-15) -> Rio 0, MAGNIMS 0.
  it.each([
    { name: 'rms-us-002', id: 'arr', expected: { status: 'complete', value: 0.5 } },
    { name: 'rms-us-002', id: 'edss', expected: { status: 'complete', value: 2.5, band: 'no confirmed progression' } },
    {
      name: 'rms-us-002',
      id: 'neda3',
      expected: { status: 'complete', value: 0, band: 'evidence of disease activity: relapse, new or enlarging T2 lesion, Gd-enhancing lesion' },
    },
    {
      name: 'rms-us-002',
      id: 'modified-rio',
      expected: { status: 'incomplete', value: null, reason: 'no ongoing advanced therapy recorded: the first year on therapy cannot be placed' },
    },
    { name: 'rms-fr-001', id: 'arr', expected: { status: 'complete', value: 0 } },
    { name: 'rms-fr-001', id: 'neda3', expected: { status: 'complete', value: 1, band: 'NEDA-3', missing: [] } },
    { name: 'rms-fr-001', id: 'modified-rio', expected: { status: 'complete', value: 0, band: 'low risk' } },
    { name: 'rms-fr-001', id: 'magnims', expected: { status: 'complete', value: 0, band: 'low risk' } },
  ] as const)('$name: $id', ({ name, id, expected }) => {
    expect(score(scoreRecord(fixture(name), NOW), id)).toMatchObject(expected);
  });

  it('rms-fr-001: notes name the windows, the relapse exclusion and the interferon-beta caveat', () => {
    const s = scoreRecord(fixture('rms-fr-001'), NOW);
    expect(s.notes.arr).toBe('0 relapse(s) with onset 2024-11-15 to 2026-11-15 (onsets < 30 days apart counted once)');
    expect(s.notes.edss).toMatch(/27 assessment\(s\), 2015-02-09 to 2026-08-24; 4 assessment\(s\) within 30 days after a relapse onset not used/);
    expect(s.notes['modified-rio']).toMatch(/^year one on natalizumab \(2020-04-06 to 2021-04-06\): relapses 0; .*validated for interferon beta only/);
    expect(s.series.edss).toHaveLength(27);
    expect(s.derivedInputs).toEqual({});
  });
});

describe('scoreRecord: MS rules on built records', () => {
  it('excludes an EDSS within 30 days after a relapse from the trend', () => {
    // Without the exclusion 3.5 on 2025-04-10 (9 days after the relapse) would start a progression confirmed
    // 91 days later (2025-07-10, >= 84 days). With it, 3.5 first counts on 2025-07-10: not yet confirmed.
    const s = run(relapse('2025-04-01'), edss('2025-01-10', 2), edss('2025-04-10', 3.5), edss('2025-07-10', 3.5));
    expect(score(s, 'edss')).toMatchObject({ status: 'complete', value: 3.5, band: 'progression not yet confirmed' });
    expect(s.notes.edss).toMatch(/1 assessment\(s\) within 30 days after a relapse onset not used/);
  });

  it('counts year one on an interferon beta from its start: relapses in the year, T2 on MRIs after the start', () => {
    // Start 2024-01-10, year one to 2025-01-10. Relapse 2024-06-01 -> 1. New T2: 4 on 2025-01-20 (the 1-year MRI,
    // within 3 months after the year); the 2 on 2023-12-01 precede the start and do not count.
    // Modified Rio = (4 > 4 ? 1 : 0) + min(1, 2) = 1 (intermediate). MAGNIMS: 1 relapse and >= 3 new T2 -> 2 (high).
    const s = run(therapy('ifn', 'L03AB07', '2024-01-10'), relapse('2024-06-01'), t2('2023-12-01', 2), t2('2025-01-20', 4));
    expect(score(s, 'modified-rio')).toMatchObject({ status: 'complete', value: 1, band: 'intermediate risk' });
    expect(score(s, 'magnims')).toMatchObject({ status: 'complete', value: 2, band: 'high risk' });
    expect(s.notes['modified-rio']).toBe(
      'year one on interferon beta-1a (2024-01-10 to 2025-01-10): relapses 1; new T2 lesions summed over 1 MRI report(s) up to 2025-04-10',
    );
  });

  it.each([
    {
      name: 'year one not over',
      resources: [therapy('ifn', 'L03AB07', '2026-03-01')],
      reason: 'the first year on interferon beta-1a (since 2026-03-01) ends 2027-03-01',
    },
    {
      name: 'no MRI in year one',
      resources: [therapy('ifn', 'L03AB07', '2024-01-10')],
      reason: 'no MRI with a new T2 lesion count after 2024-01-10 up to 2025-04-10',
    },
    {
      name: 'start known only to the month',
      resources: [therapy('ifn', 'L03AB07', '2024-01')],
      reason: 'start of interferon beta-1a recorded only as 2024-01: the first year on therapy cannot be placed',
    },
  ])('modified Rio and MAGNIMS incomplete with the reason: $name', ({ resources, reason }) => {
    const s = run(...resources);
    for (const id of ['modified-rio', 'magnims'] as const) {
      expect(score(s, id)).toMatchObject({ status: 'incomplete', value: null, reason });
      expect(score(s, id)?.missing).toContain('mri-new-t2-lesions');
    }
  });

  it.each([
    // 1 relapse in 731 days -> 0.50; an old month-only relapse cannot change the window and is left out.
    { name: 'month-only relapse far outside the window', onsets: ['2019-03', '2026-05-01'], expected: { status: 'complete', value: 0.5 } },
    {
      name: 'month-only relapse inside the window',
      onsets: ['2026-03', '2026-05-01'],
      expected: { status: 'invalid', value: null, reason: 'relapse partial date "2026-03" (day needed)' },
    },
    // Two onsets 10 days apart are one relapse (30-day rule): 1 / 2.0014 years -> 0.50.
    { name: 'two onsets 10 days apart', onsets: ['2026-05-01', '2026-05-11'], expected: { status: 'complete', value: 0.5 } },
    { name: 'no relapse', onsets: [], expected: { status: 'complete', value: 0 } },
  ])('ARR over the last 24 months: $name', ({ onsets, expected }) => {
    expect(score(run(...onsets.map(relapse)), 'arr')).toMatchObject(expected);
  });

  it.each([
    {
      name: 'stable EDSS, clean MRI -> NEDA-3',
      resources: [edss('2025-10-01', 2), edss('2026-04-01', 2), edss('2026-10-01', 2), t2('2026-06-01', 0), gd('2026-06-01', 0)],
      expected: { status: 'complete', value: 1, band: 'NEDA-3' },
    },
    {
      name: 'no MRI in the last 12 months -> incomplete, MRI named',
      resources: [edss('2025-10-01', 2), edss('2026-10-01', 2), t2('2025-06-01', 0), gd('2025-06-01', 0)],
      expected: { status: 'incomplete', value: null, missing: ['mri-new-t2-lesions', 'mri-gd-lesions'] },
    },
    {
      name: 'a Gd+ lesion fails NEDA-3 whatever is unknown',
      resources: [gd('2026-06-01', 1)],
      expected: { status: 'complete', value: 0, band: 'evidence of disease activity: Gd-enhancing lesion' },
    },
  ])('NEDA-3 over the last 12 months: $name', ({ resources, expected }) => {
    expect(score(run(...resources), 'neda3')).toMatchObject(expected);
  });
});
