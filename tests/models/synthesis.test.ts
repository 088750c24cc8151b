// The evidence synthesis on small networks whose answers can be computed by hand.
import { describe, expect, it } from 'vitest';
import { propArm } from '@models/src/synthesis/arms.ts';
import { fitGlsReml } from '@models/src/synthesis/gls.ts';
import { armEffect, fitNma } from '@models/src/synthesis/nma.ts';
import type { Network, StudyData } from '@models/src/synthesis/types.ts';

const study = (id: string, arms: [string | null, number, number][]): StudyData => ({
  id,
  trial: id,
  label: id,
  year: 2015,
  covariates: {},
  fit: true,
  notes: '',
  levels: [{ endpoint: 'e', rows: [id], arms: arms.map(([d, p, n]) => propArm(d, p, n)) }],
});
const net = (studies: StudyData[]): Network => ({ indication: 't', link: 'logit', modifiers: [], baselineCovariates: [], studies });
const lor = (p1: number, p0: number, n1: number, n0: number): { y: number; v: number } => {
  const a = propArm('x', p1, n1);
  const b = propArm(null, p0, n0);
  return { y: a.est - b.est, v: a.v + b.v };
};

const mk = (id: string, share: number, p1: number): StudyData => ({
  ...study(id, []),
  levels: [{ endpoint: 'e', rows: [id], arms: [propArm(null, 0.2, 200), propArm('A', p1, 200, { expo: share })] }],
});

describe('network meta-analysis', () => {
  it('fixed effect (tau = 0): the pooled log odds ratio is the inverse-variance mean of the trials', () => {
    const s1 = lor(0.4, 0.2, 100, 100);
    const s2 = lor(0.5, 0.2, 200, 150);
    const want = (s1.y / s1.v + s2.y / s2.v) / (1 / s1.v + 1 / s2.v);
    const res = fitNma(
      net([
        study('S1', [
          [null, 0.2, 100],
          ['A', 0.4, 100],
        ]),
        study('S2', [
          [null, 0.2, 150],
          ['A', 0.5, 200],
        ]),
      ]),
      { fixedTau: 0 },
    );
    expect(armEffect(res, { drug: 'A', z: {} }).est).toBeCloseTo(want, 10);
    expect(armEffect(res, { drug: 'A', z: {} }).v).toBeCloseTo(1 / (1 / s1.v + 1 / s2.v), 10);
  });

  it('recovers tau = 0 when the trials agree exactly, and a positive tau when they disagree', () => {
    const same = fitNma(
      net([
        study('S1', [
          [null, 0.2, 100],
          ['A', 0.4, 100],
        ]),
        study('S2', [
          [null, 0.2, 100],
          ['A', 0.4, 100],
        ]),
        study('S3', [
          [null, 0.3, 100],
          ['A', 0.5333, 100],
        ]),
      ]),
    );
    expect(same.fit.tau).toBeLessThan(0.02);
    expect(same.fit.tauCi[0]).toBe(0);
    const differ = fitNma(
      net([
        study('S1', [
          [null, 0.2, 300],
          ['A', 0.25, 300],
        ]),
        study('S2', [
          [null, 0.2, 300],
          ['A', 0.7, 300],
        ]),
        study('S3', [
          [null, 0.2, 300],
          ['A', 0.45, 300],
        ]),
      ]),
    );
    expect(differ.fit.tau).toBeGreaterThan(0.5);
    expect(differ.fit.tauCi[0]).toBeGreaterThan(0);
    expect(differ.fit.tauCi[1]).toBeGreaterThan(differ.fit.tau);
  });

  it('random effects: with tau known, the pooled effect is the mean weighted by 1 / (v + tau^2)', () => {
    const s = [lor(0.25, 0.2, 300, 300), lor(0.7, 0.2, 300, 300), lor(0.45, 0.2, 300, 300)];
    const t2 = 0.8 ** 2;
    const want = s.reduce((a, x) => a + x.y / (x.v + t2), 0) / s.reduce((a, x) => a + 1 / (x.v + t2), 0);
    const res = fitNma(
      net([
        study('S1', [
          [null, 0.2, 300],
          ['A', 0.25, 300],
        ]),
        study('S2', [
          [null, 0.2, 300],
          ['A', 0.7, 300],
        ]),
        study('S3', [
          [null, 0.2, 300],
          ['A', 0.45, 300],
        ]),
      ]),
      { fixedTau: 0.8 },
    );
    expect(armEffect(res, { drug: 'A', z: {} }).est).toBeCloseTo(want, 10);
  });

  it('indirect comparison: A vs B through the shared reference is d_A - d_B, variances add', () => {
    const a = lor(0.5, 0.2, 100, 100);
    const b = lor(0.3, 0.2, 100, 100);
    const res = fitNma(
      net([
        study('SA', [
          [null, 0.2, 100],
          ['A', 0.5, 100],
        ]),
        study('SB', [
          [null, 0.2, 100],
          ['B', 0.3, 100],
        ]),
      ]),
      { fixedTau: 0 },
    );
    const dA = armEffect(res, { drug: 'A', z: {} });
    const dB = armEffect(res, { drug: 'B', z: {} });
    expect(dA.est - dB.est).toBeCloseTo(a.y - b.y, 10);
    expect(dA.v + dB.v).toBeCloseTo(a.v + b.v, 10);
  });

  it('a three-arm trial: contrasts share the reference arm (covariance = its variance) and the fit reproduces them', () => {
    const res = fitNma(
      net([
        study('T', [
          [null, 0.2, 100],
          ['A', 0.5, 100],
          ['B', 0.3, 100],
        ]),
      ]),
      { fixedTau: 0 },
    );
    const r = propArm(null, 0.2, 100);
    expect(armEffect(res, { drug: 'A', z: {} }).est).toBeCloseTo(propArm('A', 0.5, 100).est - r.est, 10);
    expect(armEffect(res, { drug: 'B', z: {} }).est).toBeCloseTo(propArm('B', 0.3, 100).est - r.est, 10);
  });

  it('an effect modifier fitted from two strata equals the difference of their log odds ratios', () => {
    const res = fitNma({ ...net([mk('naive', 0, 0.5), mk('exposed', 1, 0.3)]), modifiers: [{ name: 'expo', meaning: '' }] }, { fixedTau: 0 });
    const beta = res.fit.beta[res.params.indexOf('expo')]!;
    expect(beta).toBeCloseTo(lor(0.3, 0.2, 200, 200).y - lor(0.5, 0.2, 200, 200).y, 10);
  });

  it('a drug without any trial is reported as not estimable, not guessed', () => {
    const res = fitGlsReml([{ y: [1], X: [[1, 0]], V: [[0.1]], H: [[1]] }], 2, { fixedTau: 0 });
    expect(res.estimable).toEqual([true, false]);
    expect(Number.isNaN(res.beta[1])).toBe(true);
  });
});
