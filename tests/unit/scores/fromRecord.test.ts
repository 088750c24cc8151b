import { describe, expect, it } from 'vitest';
import { extractRecord, type ExtractedRecord } from '@src/extract/index.ts';
import { SCORES_BY_INDICATION, recordIndications, scoreRecord, scoresForIndications, type RecordScores } from '@src/scores/fromRecord.ts';
import type { ScoreId, ScoreResult } from '@src/scores/index.ts';
import { DX, LOCAL, NOW, diagnosis, extract, fixture, obs, patient, withSeries } from './fromRecord.build.ts';

const score = (s: RecordScores, id: ScoreId): ScoreResult | undefined => s.latest.find((r) => r.score === id);
const ids = (s: RecordScores) => s.latest.map((r) => r.score);
const cd = () => extract([patient('male'), diagnosis('cd', DX.CD, '2016-01-01')]);
const uc = () => extract([patient(), diagnosis('uc', DX.UC, '2012-05-01')]);
/** HBI items under their local item codes (not mapped by the extractor yet): added to the extracted series. */
const hbiItems = (record: ExtractedRecord, day: string, values: [number, number, number, number, number]) =>
  (['score.general_wellbeing', 'score.abdominal_pain', 'score.liquid_stools', 'score.abdominal_mass', 'score.complications'] as const).reduce(
    (r, concept, i) => withSeries(r, concept, [[day, values[i] ?? 0]]),
    record,
  );

describe('scores per indication', () => {
  it('lists the scores of each indication', () => {
    expect(SCORES_BY_INDICATION).toEqual({
      CD: ['hbi', 'cdai-cd', 'vedo-cdst'],
      UC: ['mayo-partial', 'mayo-full'],
      RA: ['das28-crp', 'das28-esr', 'cdai-ra', 'sdai'],
      RMS: ['arr', 'edss', 'neda3', 'modified-rio', 'magnims'],
    });
    expect(scoresForIndications(['UC', 'CD', 'UC'])).toEqual(['mayo-partial', 'mayo-full', 'hbi', 'cdai-cd', 'vedo-cdst']);
  });

  it.each([
    // cd-us-001 carries a refuted UC working diagnosis: it must not add UC scores.
    { name: 'cd-us-001', indications: ['CD'] },
    { name: 'uc-de-001', indications: ['UC'] },
    { name: 'ra-ips-001', indications: ['RA'] },
    { name: 'rms-fr-001', indications: ['RMS'] },
  ] as const)('$name is scored for $indications', ({ name, indications }) => {
    const record = fixture(name);
    expect(recordIndications(record)).toEqual(indications);
    expect(ids(scoreRecord(record, NOW))).toEqual(scoresForIndications(indications));
  });

  it('scores every active indication of a patient with two', () => {
    const s = scoreRecord(extract([patient(), diagnosis('ra', DX.RA, '2015-01-01'), diagnosis('cd', DX.CD, '2010-01-01')]), NOW);
    expect(ids(s)).toEqual([...SCORES_BY_INDICATION.CD, ...SCORES_BY_INDICATION.RA]);
  });
});

describe("scoreRecord: Crohn's disease and ulcerative colitis", () => {
  it('cd-us-001: HBI and CDAI incomplete with their items named; vedolizumab CDST from the inputs', () => {
    const s = scoreRecord(fixture('cd-us-001'), NOW);
    expect(score(s, 'hbi')).toMatchObject({
      status: 'incomplete',
      missing: ['general-wellbeing', 'abdominal-pain', 'liquid-stools', 'abdominal-mass', 'complications'],
    });
    // Weight, height and sex are in the record: only the diary items and the haematocrit are missing.
    expect(score(s, 'cdai-cd')).toMatchObject({
      status: 'incomplete',
      missing: ['liquid-stools', 'abdominal-pain', 'general-wellbeing', 'complications', 'antidiarrhoeal', 'abdominal-mass', 'haematocrit'],
    });
    // Prior resection, prior anti-TNF and perianal fistula: 0 + 0 + 0; albumin 38 g/L x 0.4 = 15.2; CRP 23.6 mg/L > 10: -3 -> 12.2 (low, <= 13).
    expect(score(s, 'vedo-cdst')).toMatchObject({ status: 'complete', value: 12.2, band: 'low probability of response' });
    expect(s.derivedInputs).toEqual({});
  });

  it('computes the HBI from same-day items and offers it as a derived input', () => {
    // 1 + 2 + 3 + 0 + 1 = 7 (mild, 5-7).
    const s = scoreRecord(hbiItems(cd(), '2026-11-01', [1, 2, 3, 0, 1]), NOW);
    expect(score(s, 'hbi')).toMatchObject({ status: 'complete', value: 7, band: 'mild' });
    expect(s.derivedInputs.hbi).toMatchObject({ state: 'ok', value: 7, matchedBy: 'derived', date: '2026-11-01' });
    expect(s.derivedInputs.hbi?.sources).toHaveLength(5);
  });

  it('keeps a recorded HBI: latest is the recorded total, nothing derived', () => {
    const record = extract([patient('male'), diagnosis('cd', DX.CD, '2016-01-01'), obs('hbi-rec', 'hbi', 9, '2026-11-05T10:00:00Z', '{score}', LOCAL)]);
    const s = scoreRecord(hbiItems(record, '2026-11-01', [1, 2, 3, 0, 1]), NOW);
    expect(score(s, 'hbi')).toMatchObject({ status: 'complete', value: 9, band: 'moderate' });
    expect(s.derivedInputs.hbi).toBeUndefined();
    expect(s.series.hbi?.map((p) => p.value)).toEqual([7, 9]);
  });

  it.each([
    // 2 + 1 + 2 = 5 (moderate, 5-7); with endoscopy 2 the same day: 7 (moderate, 6-10).
    {
      name: 'all four subscores the same day',
      endoscopyDay: '2026-11-01',
      partial: { status: 'complete', value: 5, band: 'moderate' },
      full: { status: 'complete', value: 7, band: 'moderate' },
    },
    // The latest day (2026-11-01) lacks the endoscopy of 2026-10-20: subscores are never combined across days.
    {
      name: 'endoscopy on another day',
      endoscopyDay: '2026-10-20',
      partial: { status: 'complete', value: 5 },
      full: { status: 'incomplete', value: null, missing: ['endoscopy-subscore'] },
    },
  ])('partial and full Mayo from subscores: $name', ({ endoscopyDay, partial, full }) => {
    let record = withSeries(uc(), 'score.stool_frequency', [['2026-11-01', 2]]);
    record = withSeries(record, 'score.rectal_bleeding', [['2026-11-01', 1]]);
    record = withSeries(record, 'score.physician_global_uc', [['2026-11-01', 2]]);
    record = withSeries(record, 'score.endoscopy_subscore', [[endoscopyDay, 2]]);
    const s = scoreRecord(record, NOW);
    expect(score(s, 'mayo-partial')).toMatchObject(partial);
    expect(score(s, 'mayo-full')).toMatchObject(full);
    expect(s.derivedInputs.mayo_partial).toMatchObject({ state: 'ok', value: 5 });
  });

  it('uc-de-001: no Mayo recorded and no subscores -> incomplete with the subscores named', () => {
    const s = scoreRecord(fixture('uc-de-001'), NOW);
    expect(score(s, 'mayo-partial')).toMatchObject({ status: 'incomplete', missing: ['stool-frequency', 'rectal-bleeding', 'physician-global-uc'] });
    expect(score(s, 'mayo-full')?.missing).toContain('endoscopy-subscore');
  });
});

describe('scoreRecord never throws', () => {
  const ra = extract([patient(), diagnosis('ra', DX.RA, '2015-01-01')]);
  it.each<[string, () => RecordScores]>([
    ['an empty record', () => scoreRecord(extractRecord([], { now: NOW }), NOW)],
    [
      'garbage resources',
      () => scoreRecord(extractRecord([1, 'x', null, { resourceType: 'Observation' }, { resourceType: 'Condition', code: 7 }], { now: NOW }), NOW),
    ],
    ['an empty object', () => scoreRecord({} as ExtractedRecord, NOW)],
    ['null', () => scoreRecord(null as unknown as ExtractedRecord, NOW)],
    ['series that are not arrays', () => scoreRecord({ ...ra, observations: { 'score.tjc28': 'x', 'lab.crp': null } } as unknown as ExtractedRecord, NOW)],
    ['an invalid now', () => scoreRecord(ra, new Date('not a date'))],
    [
      'an RMS record without episodes or indications arrays',
      () => scoreRecord({ ...ra, primaryIndication: 'RMS', episodes: undefined, indications: undefined } as unknown as ExtractedRecord, NOW),
    ],
  ])('%s', (_name, call) => {
    const s = call();
    expect(Array.isArray(s.latest)).toBe(true);
    expect(s.latest.every((r) => r.status !== 'complete' || r.value !== null)).toBe(true);
  });

  it('an RA record without any observation gives four incomplete scores naming every item', () => {
    const s = scoreRecord(ra, NOW);
    expect(s.latest.map((r) => [r.score, r.status, r.missing])).toEqual([
      ['das28-crp', 'incomplete', ['tjc28', 'sjc28', 'ptga', 'crp']],
      ['das28-esr', 'incomplete', ['tjc28', 'sjc28', 'ptga', 'esr']],
      ['cdai-ra', 'incomplete', ['tjc28', 'sjc28', 'ptga', 'phga']],
      ['sdai', 'incomplete', ['tjc28', 'sjc28', 'ptga', 'phga', 'crp']],
    ]);
    expect(s.notes['das28-crp']).toBe('no joint assessment (TJC28, SJC28, patient global) recorded');
  });

  it('null record reports a problem instead of throwing', () => {
    expect(scoreRecord(null as unknown as ExtractedRecord, NOW).problems).toEqual(['no extracted record to score']);
  });
});
