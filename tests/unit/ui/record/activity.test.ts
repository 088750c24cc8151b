// The disease-activity series of the record view and the question panel's trend summary, on small
// records through the real extractor and on the demo patients. Expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import type { Assessment } from '@src/scores/fromRecord.ts';
import { raActivity } from '@src/ui/record/activity.ra.ts';
import { msActivity } from '@src/ui/record/activity.ms.ts';
import { ibdActivity } from '@src/ui/record/activity.ibd.ts';
import { activitySummary } from '@src/ui/record/activity.summary.ts';
import { niceMax, scoreSeriesPoints, timeTicks, type ActivityPoint } from '@src/ui/record/activity.utils.ts';
import { DX, LOCAL, NOW, crp, diagnosis, esr, extract, fixture, jointAssessment, obs, patient, therapy } from '../../scores/fromRecord.build.ts';

const ok = (points: readonly ActivityPoint[], kind: ActivityPoint['kind']) => points.filter((p) => p.kind === kind && p.state === 'ok');

/**
 * Three joint assessments (TJC28, SJC28, PtGA and PhGA as 0-10 {score}, PtGA 20 read as a 0-100 mm VAS):
 *  - 2026-04-01: 6/2/6/4, no CRP or ESR within ±14 days -> DAS28 missing, CDAI 6+2+6+4 = 18;
 *  - 2026-07-01: 9/1/20/2, CRP 2 mg/L, ESR 20 ->
 *    DAS28-CRP = 0.56*3 + 0.28*1 + 0.36*ln(3) + 0.014*20 + 0.96 = 1.68 + 0.28 + 0.3955 + 0.28 + 0.96 = 3.5955 -> 3.60;
 *    CDAI = 9 + 1 + 2.0 (20 mm) + 2 = 14;
 *  - 2026-10-01: 4/4/5/3, CRP 0 ->
 *    DAS28-CRP = 0.56*2 + 0.28*2 + 0 + 0.014*50 + 0.96 = 1.12 + 0.56 + 0.70 + 0.96 = 3.34 (moderate);
 *    CDAI = 4 + 4 + 5 + 3 = 16, SDAI = 16 + 0 = 16.
 * Recorded DAS28-CRP totals: 3.7 on 2026-07-01 (0.10 from 3.60: agrees), 3.9 on 2026-10-01 (0.56 from 3.34: disagrees).
 */
function raRecord() {
  return extract([
    patient(),
    diagnosis('ra', DX.RA, '2015-01-01'),
    therapy('toci', 'L04AC07', '2026-06-01'),
    ...jointAssessment('2026-04-01', 6, 2, 6, 4),
    ...jointAssessment('2026-07-01', 9, 1, 20, 2),
    crp('2026-07-01', 2),
    esr('2026-07-01', 20),
    ...jointAssessment('2026-10-01', 4, 4, 5, 3),
    crp('2026-10-01', 0),
    obs('das28-rec-1', 'das28-crp', 3.7, '2026-07-01', undefined, LOCAL),
    obs('das28-rec-2', 'das28-crp', 3.9, '2026-10-01', undefined, LOCAL),
  ]);
}

describe('RA activity', () => {
  const ra = raActivity(raRecord(), NOW);
  const das28 = ra.scores.find((s) => s.key === 'das28Crp');

  it('calculates DAS28-CRP at each assessment with CRP in the window, marked calculated with its components as sources', () => {
    const calc = ok(das28?.points ?? [], 'calculated');
    expect(calc.map((p) => [p.date, p.value, p.band])).toEqual([
      ['2026-07-01', 3.6, 'moderate'],
      ['2026-10-01', 3.34, 'moderate'],
    ]);
    const last = calc[1];
    expect(last?.components?.map((c) => [c.item, c.value])).toEqual([
      ['tjc28', 4],
      ['sjc28', 4],
      ['ptga', 50],
      ['crp', 0],
    ]);
    expect(last?.sources).toEqual(
      expect.arrayContaining(['Observation/tjc-2026-10-01', 'Observation/sjc-2026-10-01', 'Observation/ptga-2026-10-01', 'Observation/crp-2026-10-01']),
    );
  });

  it('keeps the recorded totals beside the calculated ones and flags a difference above 0.3 on both', () => {
    const rec = ok(das28?.points ?? [], 'recorded');
    expect(rec.map((p) => [p.date, p.value])).toEqual([
      ['2026-07-01', 3.7],
      ['2026-10-01', 3.9],
    ]);
    expect(rec[0]?.disagreement).toBeUndefined();
    expect(rec[1]?.disagreement).toEqual({ recorded: 3.9, calculated: 3.34, difference: 0.56 });
    expect(das28?.points.filter((p) => p.disagreement)).toHaveLength(2);
  });

  it('names what is missing at an assessment without CRP instead of dropping it', () => {
    const missing = das28?.points.find((p) => p.date === '2026-04-01');
    expect(missing?.state).toBe('missing');
    expect(missing?.missing).toEqual(['crp']);
    expect(missing?.value).toBeUndefined();
  });

  it('calculates CDAI and SDAI on their 0-10 cm globals, and keeps the joint counts as their own series', () => {
    const cdai = ra.scores.find((s) => s.key === 'cdaiRa');
    expect(ok(cdai?.points ?? [], 'calculated').map((p) => [p.date, p.value, p.band])).toEqual([
      ['2026-04-01', 18, 'moderate'],
      ['2026-07-01', 14, 'moderate'],
      ['2026-10-01', 16, 'moderate'],
    ]);
    expect(ok(ra.scores.find((s) => s.key === 'sdai')?.points ?? [], 'calculated').at(-1)?.value).toBe(16);
    expect(ra.joints.map((s) => [s.key, s.points.map((p) => p.value)])).toEqual([
      ['tjc28', [6, 9, 4]],
      ['sjc28', [2, 1, 4]],
    ]);
    expect(das28?.bands?.areas.map((a) => [a.band, a.from, a.to])).toEqual([
      ['remission', 0, 2.6],
      ['low', 2.6, 3.2],
      ['moderate', 3.2, 5.1],
      ['high', 5.1, 10],
    ]);
  });

  it('marks a series stale once its latest value is older than the catalogue limit (90 days)', () => {
    expect(das28?.stale).toBeUndefined();
    const later = raActivity(raRecord(), new Date('2027-03-01T12:00:00Z'));
    expect(later.scores.find((s) => s.key === 'das28Crp')?.stale).toEqual({ date: '2026-10-01', days: 151, limit: 90 });
  });
});

const result = (value: number | null, status: 'complete' | 'incomplete') => ({
  score: 'das28-crp' as const,
  value,
  band: null,
  status,
  missing: status === 'incomplete' ? ['crp'] : [],
  citation: '',
  computedFrom: [],
});
const assessment = (day: string, value: number | null, recorded: boolean, status: 'complete' | 'incomplete' = 'complete'): Assessment => ({
  day,
  recorded,
  sources: [`Observation/${day}`],
  note: '',
  result: result(value, status),
});

describe('scoreSeriesPoints', () => {
  it('turns a recorded total outside the range into an implausible point; a missing calculation stays only on a day without a usable value', () => {
    const points = scoreSeriesPoints(
      [
        assessment('2026-01-01', 12, true),
        assessment('2026-01-01', null, false, 'incomplete'),
        assessment('2026-02-01', 4, true),
        assessment('2026-02-01', null, false, 'incomplete'),
      ],
      [0, 10],
    );
    expect(points.map((p) => [p.date, p.kind, p.state])).toEqual([
      ['2026-01-01', 'calculated', 'missing'],
      ['2026-01-01', 'recorded', 'implausible'],
      ['2026-02-01', 'recorded', 'ok'],
    ]);
    expect(points[1]?.outside).toEqual([0, 10]);
    expect(points[1]?.band).toBeUndefined();
  });
});

describe('MS activity', () => {
  it('rms-us-002: relapse rates over 1 and 2 years, lesions per MRI, no confirmed progression, NEDA-3 not met', () => {
    const ms = msActivity(fixture('rms-us-002'), NOW);
    // One relapse (2026-08-17): 1 / (366 / 365.25) = 0.998 -> 1.00; 1 / (731 / 365.25) = 0.4997 -> 0.50.
    expect(ms.rates.map((r) => [r.years, r.count, r.value])).toEqual([
      [1, 1, 1],
      [2, 1, 0.5],
    ]);
    expect(ms.relapses.map((r) => r.date)).toEqual(['2026-08-17']);
    expect(ms.progression?.status).toBe('none');
    expect(ms.lesions.map((l) => [l.date, l.newT2, l.gd])).toEqual([
      ['2026-02-11', undefined, 2],
      ['2026-06-08', 4, 1],
      ['2026-09-14', 5, 3],
    ]);
    expect(ms.neda).toHaveLength(1);
    expect(ms.neda[0]).toMatchObject({ status: 'not-met', activity: ['relapse', 't2', 'gd'], window: { start: '2025-11-15', end: '2026-11-15' } });
  });

  it('rms-fr-001: confirmed progression, JCV index with the 0.9/1.5 bands, serostatus history, five NEDA-3 years', () => {
    const ms = msActivity(fixture('rms-fr-001'), NOW);
    expect(ms.progression).toMatchObject({ status: 'confirmed' });
    expect(ms.progression?.confirmation?.slice(0, 10)).toBe('2020-08-07');
    expect(ms.jcv?.points).toHaveLength(14);
    expect(ms.jcv?.points.at(-1)?.value).toBe(1.8);
    expect(ms.jcv?.bands?.areas.map((a) => [a.from, a.to])).toEqual([
      [0, 0.9],
      [0.9, 1.5],
      [1.5, 10],
    ]);
    expect(ms.serostatus.map((s) => s.result)).toEqual(['negative', 'positive']);
    expect(ms.neda.map((y) => [y.window.start, y.window.end, y.status])).toEqual([
      ['2025-11-15', '2026-11-15', 'met'],
      ['2024-11-15', '2025-11-14', 'met'],
      ['2023-11-15', '2024-11-14', 'met'],
      ['2022-11-15', '2023-11-14', 'met'],
      ['2021-11-15', '2022-11-14', 'met'],
    ]);
  });

  it('counts an onset within 30 days of the previous one as the same relapse', () => {
    const record = extract([
      patient(),
      diagnosis('ms', DX.RMS, '2020-01-01'),
      diagnosis('r1', DX.RELAPSE, '2026-03-01'),
      diagnosis('r2', DX.RELAPSE, '2026-03-20'),
    ]);
    const ms = msActivity(record, NOW);
    expect(ms.relapses.map((r) => [r.date, r.sameRelapse])).toEqual([
      ['2026-03-01', false],
      ['2026-03-20', true],
    ]);
    expect(ms.rates[0]?.count).toBe(1);
  });
});

describe('IBD activity', () => {
  it('sim-uc-01: partial and full Mayo with calprotectin, CRP and the therapy periods', () => {
    const uc = ibdActivity(fixture('sim-uc-01'), 'UC', NOW);
    expect(uc.scores.map((s) => [s.key, s.points.length])).toEqual([
      ['mayoPartial', 3],
      ['mayoFull', 1],
    ]);
    expect(uc.markers.map((s) => [s.key, s.unit, s.points.length])).toEqual([
      ['fcal', 'ug/g', 4],
      ['crp', 'mg/L', 9],
    ]);
    expect(uc.periods.map((p) => [p.inn, p.ongoing, p.to === NOW.getTime()])).toEqual([
      ['infliximab', true, true],
      ['prednisolone', true, true],
    ]);
  });

  it('cd-us-001: a score the record lacks is listed as missing, the markers still chart', () => {
    const cd = ibdActivity(fixture('cd-us-001'), 'CD', NOW);
    expect(cd.scores).toEqual([]);
    expect(cd.missingScores).toEqual(['hbi', 'cdaiCd']);
    expect(cd.markers.map((s) => s.points.length)).toEqual([26, 44]);
    expect(cd.periods.filter((p) => p.advanced).map((p) => p.inn)).toEqual(['infliximab', 'adalimumab', 'ustekinumab']);
  });
});

describe('activitySummary', () => {
  it('RA: the period starts 90 days before the current therapy; a recorded total wins over the calculation of its day', () => {
    const s = activitySummary(raRecord(), NOW);
    expect(s?.from).toBe('2026-03-03');
    expect(s?.therapy?.inn).toBe('tocilizumab');
    const das28 = s?.items.find((i) => i.key === 'das28Crp');
    expect(das28?.points.map((p) => [p.date, p.value, p.kind])).toEqual([
      ['2026-07-01', 3.7, 'recorded'],
      ['2026-10-01', 3.9, 'recorded'],
    ]);
    expect(das28?.direction).toBe('up');
    const cdai = s?.items.find((i) => i.key === 'cdaiRa');
    expect([cdai?.first?.value, cdai?.latest?.value, cdai?.direction]).toEqual([18, 16, 'down']);
    expect(s?.items.map((i) => i.key)).toEqual(['das28Crp', 'cdaiRa', 'tjc28', 'sjc28']);
  });

  it('MS without an advanced therapy: last 2 years, relapse counts and EDSS', () => {
    const s = activitySummary(fixture('rms-us-002'), NOW);
    expect(s?.therapy).toBeUndefined();
    expect(s?.relapses).toMatchObject({ r12: 1, r24: 1, arr2: 0.5 });
    expect(s?.items.find((i) => i.key === 'edss')?.latest?.value).toBe(2.5);
  });

  it('CD without any score: the score item has no value, calprotectin and CRP on ustekinumab do', () => {
    const s = activitySummary(fixture('cd-us-001'), NOW);
    expect(s?.therapy?.inn).toBe('ustekinumab');
    expect(s?.items.map((i) => [i.key, i.direction])).toEqual([
      ['hbi', 'none'],
      ['fcal', expect.stringMatching(/up|down|same/)],
      ['crp', expect.stringMatching(/up|down|same/)],
    ]);
  });
});

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('axis helpers', () => {
  it('puts yearly ticks on long spans and quarterly ones under two years; rounds the value axis up', () => {
    expect(timeTicks([day('2019-05-01'), day('2023-02-01')]).map(iso)).toEqual(['2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01']);
    expect(timeTicks([day('2026-02-10'), day('2026-11-15')]).map(iso)).toEqual(['2026-04-01', '2026-07-01', '2026-10-01']);
    expect(timeTicks([day('2004-01-01'), day('2026-01-01')])).toHaveLength(11);
    expect([niceMax(3.5), niceMax(13.8), niceMax(470), niceMax(0)]).toEqual([4, 15, 500, 1]);
  });
});
