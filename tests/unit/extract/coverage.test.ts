import { describe, expect, it } from 'vitest';
import { coverageOf } from '@src/extract/coverage.ts';
import { buildQueryPlan } from '@src/extract/queries.ts';
import { NOW } from '../../support/fhir.ts';
import { failed } from './safetyHelpers.ts';

describe('coverage: which data a failed search held', () => {
  it('maps resource types to kinds and names the search in words', () => {
    const c = coverageOf([failed('conditions', 'Condition', 'HTTP 403'), { id: 'procedures', resourceType: 'Procedure', ok: true }], NOW);
    expect(c.failed('conditions')).toBe('the diagnosis (Condition) search failed (HTTP 403)');
    expect(c.failed('procedures')).toBeUndefined();
    expect(c.failed('medications')).toBeUndefined();
    expect(c.failures).toHaveLength(1);
  });

  it('a failed laboratory chunk affects only the tests it asked for', () => {
    const plan = buildQueryPlan('p', NOW);
    const safety = plan.find((q) => q.id === 'obs-safety-1');
    expect(safety?.params.code).toContain('http://loinc.org|5195-3');
    const c = coverageOf([failed('obs-safety-1', 'Observation')], NOW);
    expect(c.failed('obs:lab.hbsag')).toMatch(/search failed/);
    expect(c.failed('obs:lab.crp')).toBeUndefined();
  });

  it('an Observation search the plan does not know puts every observation in doubt', () => {
    const c = coverageOf([failed('site-specific-7', 'Observation')], NOW);
    expect(c.failed('obs:lab.crp')).toMatch(/search failed/);
    expect(c.failed('conditions')).toBeUndefined();
  });

  it('the plan reads lifelong markers without a date limit and asks for the new safety tests', () => {
    const plan = buildQueryPlan('p', NOW);
    const safety = plan.filter((q) => q.id.startsWith('obs-safety'));
    expect(safety.every((q) => q.params.date === undefined)).toBe(true);
    const codes = safety.map((q) => q.params.code).join(',');
    for (const code of ['16933-4', '11259-9', '56888-1', '19162-7']) expect(codes).toContain(`|${code}`);
    const labs = plan
      .filter((q) => q.id.startsWith('obs-labs'))
      .map((q) => q.params.code)
      .join(',');
    for (const code of ['751-8', '777-3', '2465-3', '1742-6', '1920-8', '62238-1', '2164-2']) expect(labs).toContain(`|${code}`);
    expect(plan.find((q) => q.id === 'obs-ecg-1')?.params.code).toContain('|8636-3');
    expect(
      plan
        .filter((q) => q.id.startsWith('obs-classification'))
        .map((q) => q.params.code)
        .join(','),
    ).toContain('|86645-9');
  });
});
