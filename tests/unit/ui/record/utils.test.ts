// Pure helpers of the record view, on a record produced by the real extractor.
import { describe, expect, it } from 'vitest';
import type { TherapyEpisode } from '@src/extract/index.ts';
import { groupGaps, problemGaps } from '@src/ui/record/gaps.utils.ts';
import { displayUnit, inputsForPatient, priorityOf, refsInText } from '@src/ui/record/recordView.utils.ts';
import { timelineLayout } from '@src/ui/record/timeline.utils.ts';
import { chartRows, trendSeries } from '@src/ui/record/trends.utils.ts';
import { excludedProblem, noteProblem, unreadableProblem } from '@src/extract/problems.ts';
import { NOW, raRecord } from '../../../support/recordFixtures.ts';

describe('trendSeries', () => {
  const series = trendSeries(raRecord(), NOW);
  const byConcept = (c: string) => series.find((s) => s.concept === c);

  it('charts the numeric series present, in the fixed order', () => {
    expect(series.map((s) => s.concept)).toEqual(['lab.crp', 'lab.esr', 'lab.hemoglobin', 'score.das28_crp']);
  });

  it.each([
    ['lab.crp', undefined],
    ['lab.hemoglobin', { date: '2025-04-10', days: 584, limit: 180 }],
    ['score.das28_crp', { date: '2026-06-10', days: 158, limit: 90 }],
  ])('marks %s stale = %j', (concept, stale) => {
    expect(byConcept(concept)?.stale).toEqual(stale);
  });

  it('keeps implausible points out of the line and in their own marker series', () => {
    const hb = byConcept('lab.hemoglobin');
    if (!hb) throw new Error('no haemoglobin series');
    expect(chartRows(hb)).toEqual([
      { time: Date.UTC(2025, 0, 10), value: 13.5, implausible: null, index: 0 },
      { time: Date.UTC(2025, 2, 10), value: null, implausible: 45, index: 1 },
      { time: Date.UTC(2025, 3, 10), value: 13.8, implausible: null, index: 2 },
    ]);
  });

  it('keeps an unknown-unit point for the table but not for the chart', () => {
    const esr = byConcept('lab.esr');
    if (!esr) throw new Error('no ESR series');
    expect(esr.points).toHaveLength(1);
    expect(esr.points[0]).toMatchObject({ state: 'unknown-unit', original: '20 furlongs' });
    expect(chartRows(esr)).toEqual([]);
  });

  it('flags a score outside its catalogue range as implausible', () => {
    const record = raRecord();
    const point = record.observations['score.das28_crp']?.[0];
    if (!point) throw new Error('no DAS28 point');
    record.observations['score.das28_crp'] = [{ ...point, value: 14 }];
    expect(trendSeries(record, NOW).find((s) => s.concept === 'score.das28_crp')?.points[0]).toMatchObject({ state: 'implausible', reason: '14 outside 0-10' });
  });
});

describe('gaps', () => {
  it.each([
    ['Observation/a1 (lab.crp) excluded: status entered-in-error', 'excluded', ['Observation/a1']],
    ['MedicationRequest/m-2 (infliximab) not counted as exposure: status cancelled', 'excluded', ['MedicationRequest/m-2']],
    ['Observation/x (lab.crp) not used: unreadable date "soon"', 'unreadable', ['Observation/x']],
    ['Observation/y could not be read: boom', 'unreadable', ['Observation/y']],
  ] as const)('a "%s" problem becomes a gap of its kind %s', (problem, state, refs) => {
    expect(problemGaps([{ kind: state, message: problem }])).toEqual({ gaps: [{ input: null, state, reason: problem, sources: refs }], notes: [] });
  });

  it('keeps a problem about no single resource as a note', () => {
    const problem = 'no Patient resource: age and sex unknown';
    expect(problemGaps([noteProblem(problem)])).toEqual({ gaps: [], notes: [noteProblem(problem)] });
  });

  it('decides by kind, not by wording: a note that says "excluded" stays a note', () => {
    const problem = 'Condition/c1 (CD) skipped: verification status refuted (excluded from detection)';
    expect(problemGaps([noteProblem(problem)])).toEqual({ gaps: [], notes: [noteProblem(problem)] });
    expect(problemGaps([unreadableProblem('Observation/z: odd wording')]).gaps).toEqual([
      { input: null, state: 'unreadable', reason: 'Observation/z: odd wording', sources: ['Observation/z'] },
    ]);
  });

  it('keeps an excluded problem that names no resource as a note', () => {
    expect(problemGaps([excludedProblem('2 entries excluded')])).toEqual({ gaps: [], notes: [excludedProblem('2 entries excluded')] });
  });

  it('groups every state of the fixture, model inputs of the indication before safety facts', () => {
    const { groups } = groupGaps(raRecord());
    expect(groups.map((g) => g.state)).toEqual(['missing', 'stale', 'unknown-unit', 'excluded', 'unreadable']);
    const missing = groups[0]?.gaps ?? [];
    const firstSafety = missing.findIndex((g) => g.priority === 'safety');
    expect(firstSafety).toBeGreaterThan(0);
    expect(missing.slice(0, firstSafety).every((g) => g.priority === 'model')).toBe(true);
    expect(missing.slice(firstSafety).every((g) => g.priority === 'safety')).toBe(true);
    expect(groups.find((g) => g.state === 'excluded')?.gaps[0]?.sources).toEqual(['Observation/crp-eie']);
  });

  it('does not list a resource twice when the extractor already reports it as a gap', () => {
    const record = raRecord();
    record.gaps.push({ input: null, state: 'excluded', reason: 'entered in error', sources: ['Observation/crp-eie'] });
    expect(
      groupGaps(record)
        .groups.find((g) => g.state === 'excluded')
        ?.gaps.map((g) => g.reason),
    ).toEqual(['entered in error']);
  });

  it('ranks a model input of another indication below safety facts', () => {
    const record = raRecord();
    expect(priorityOf('das28_crp', record)).toBe('model');
    expect(priorityOf('hbi', record)).toBe('other');
    expect(priorityOf('tb_active', record)).toBe('safety');
    expect(priorityOf(null, record)).toBe('other');
  });
});

describe('inputsForPatient', () => {
  it('lists the RA model inputs, then the safety facts for RA, nothing for other indications', () => {
    const names = inputsForPatient(raRecord()).map((d) => d.name);
    expect(names).toContain('das28_crp');
    expect(names).not.toContain('hbi');
    expect(names).not.toContain('jcv_index'); // a safety fact for RMS/CD only
    expect(names.indexOf('sdai')).toBeLessThan(names.indexOf('tb_active'));
  });
});

describe('small helpers', () => {
  it.each([
    ['ug/g', 'µg/g'],
    ['10*9/L', '×10⁹/L'],
    ['mg/L', 'mg/L'],
    [null, ''],
  ])('displayUnit(%s) = %s', (unit, shown) => {
    expect(displayUnit(unit)).toBe(shown);
  });

  it('finds references in problem text', () => {
    expect(refsInText('Observation/a-1 and MedicationRequest/b.2 (x)')).toEqual(['Observation/a-1', 'MedicationRequest/b.2']);
  });
});

describe('timelineLayout', () => {
  const record = raRecord();
  const layout = timelineLayout(record.episodes, NOW);

  it('spans January 1 of the first start year to now, with year ticks', () => {
    expect(layout.start).toBe(Date.UTC(2019, 0, 1));
    expect(layout.end).toBe(NOW.getTime());
    expect(layout.ticks.map((t) => t.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('runs an ongoing episode to the right edge and ends a month-precision stop at the end of that month', () => {
    const [eta, toc] = layout.rows;
    expect(toc?.episode.inn).toBe('tocilizumab');
    expect((toc?.left ?? 0) + (toc?.width ?? 0)).toBeCloseTo(100, 6);
    const span = layout.end - layout.start;
    expect(eta?.left).toBeCloseTo(((Date.UTC(2019, 2, 1) - layout.start) / span) * 100, 6);
    expect((eta?.left ?? 0) + (eta?.width ?? 0)).toBeCloseTo(((Date.UTC(2021, 5, 1) - layout.start) / span) * 100, 6);
  });

  it('places an episode without dates at the left edge with zero width', () => {
    const undated: TherapyEpisode = {
      inn: 'x',
      drugKey: 'x',
      drugClass: 'anti-TNF',
      advanced: true,
      ongoing: false,
      sources: [],
      matchedBy: 'text',
      coding: {},
    };
    expect(timelineLayout([undated], NOW).rows[0]).toMatchObject({ left: 0, width: 0 });
  });
});
