// The simulators are set from the evidence synthesis: in the reference population they reproduce the
// synthesised baseline and drug probabilities, they respect the NMA orderings, and they map every
// calibration.csv row of their disease explicitly.
import { describe, expect, it } from 'vitest';
import { calibrate, samplePopulation } from '@models/src/simulate/engine.ts';
import { CONFIGS, INDICATIONS } from '@models/src/simulate/index.ts';
import type { IndicationConfig } from '@models/src/simulate/types.ts';
import { mean, sigmoid } from '@models/src/math.ts';
import { arrFromRelapseFree, relapseFree } from '@models/src/synthesis/dispersion.ts';
import { DISPERSION, PAIRED_ARMS } from '@models/src/synthesis/data/rms.ts';
import { baselineCoefficient, synthesize } from '@models/src/synthesis/index.ts';
import { CALIBRATION_CSV } from './helpers.ts';

const DISEASE: Record<string, string[]> = { cd: ['CD', 'IBD'], uc: ['UC', 'IBD'], ra: ['RA'], rms: ['RMS'] };

/** Row ids of calibration.csv whose disease column belongs to the indication. */
function rowsFor(ind: string): string[] {
  return CALIBRATION_CSV.split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','))
    .filter((c) => (DISEASE[ind] ?? []).includes(c[2] ?? ''))
    .map((c) => c[0] ?? '');
}

describe.each(INDICATIONS)('%s simulator', (ind) => {
  const config: IndicationConfig = CONFIGS[ind];
  const sim = calibrate(config, 11);

  it('maps every calibration.csv row of its disease, and only existing rows', () => {
    const used = config.rowUse.map((r) => r.id);
    expect(rowsFor(ind).filter((id) => !used.includes(id))).toEqual([]);
    const all = CALIBRATION_CSV.split('\n').map((l) => l.split(',')[0]);
    expect(used.filter((id) => !all.includes(id))).toEqual([]);
  });

  it('reproduces the synthesised reference and drug probabilities in a fresh sample of the reference population (no per-trial offset)', () => {
    const pop = samplePopulation(config, config.reference, 4000, 777);
    const rate = (d: string | null) => mean(pop.map((p) => sigmoid(sim.trueLogit(p, d))));
    expect(Math.abs(rate(null) - sim.targets.reference)).toBeLessThan(tol(sim.targets.reference));
    const off = config.drugs.flatMap((d) => {
      const want = sim.targets.drugs.get(d.drug) ?? Number.NaN;
      return Math.abs(rate(d.drug) - want) < tol(want) ? [] : [`${d.drug}: ${rate(d.drug).toFixed(3)} vs ${want.toFixed(3)}`];
    });
    expect(off).toEqual([]);
  });

  it('takes every modifier it applies from the synthesis (no modifier without an estimate)', () => {
    expect(Object.entries(sim.params).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
    const names = new Set(sim.synthesis.net.modifiers.map((m) => m.name));
    const used = new Set(samplePopulation(config, config.registry, 300, 5).flatMap((p) => config.drugs.flatMap((d) => Object.keys(config.zOf(p, d)))));
    expect([...used].filter((n) => !names.has(n))).toEqual([]);
  });

  it('gives every drug a benefit over no advanced therapy at the reference patient', () => {
    const harmful = [...sim.effects].filter(([, beta]) => !(beta > 0)).map(([d]) => d);
    expect(sim.effects.size).toBe(config.drugs.length);
    expect(harmful).toEqual([]);
  });

  it('holds the network meta-analysis orderings in a simulated population', () => {
    const broken = config.nma.flatMap((o, k) => {
      const pop = samplePopulation(config, o.population, 3000, 900 + k);
      const rate = (d: string) => mean(pop.map((p) => sigmoid(sim.trueLogit(p, d))));
      return o.tiers.slice(0, -1).flatMap((tier, i) => {
        const worst = Math.min(...tier.map(rate));
        const bestNext = Math.max(...(o.tiers[i + 1] ?? []).map(rate));
        return worst > bestNext ? [] : [`${o.id} tier ${i}`];
      });
    });
    expect(broken).toEqual([]);
  });
});

const tol = (r: number) => 0.005 + 3 * Math.sqrt((r * (1 - r)) / 4000);
const sse = (k: number) =>
  PAIRED_ARMS.reduce(
    (s, a) =>
      s +
      a.n *
        a.relapseFree *
        (1 - a.relapseFree) *
        (Math.log(a.relapseFree / (1 - a.relapseFree)) - Math.log(relapseFree(a.arr, a.years, k) / (1 - relapseFree(a.arr, a.years, k)))) ** 2,
    0,
  );

describe('endpoint mappings', () => {
  it('negative binomial: P(relapse-free) tends to Poisson exp(-ARR T) as k grows, and inverts', () => {
    expect(relapseFree(0.5, 2, 1e7)).toBeCloseTo(Math.exp(-1), 5);
    expect(relapseFree(0.39, 2, 1)).toBeCloseTo(1 / 1.78, 12);
    expect(arrFromRelapseFree(relapseFree(0.33, 96 / 52, 1.7), 96 / 52, 1.7)).toBeCloseTo(0.33, 10);
  });
  it('the dispersion fitted to the trials reporting ARR and relapse-free is over-dispersed and fits them better than Poisson', () => {
    expect(DISPERSION.k).toBeGreaterThan(1);
    expect(DISPERSION.k).toBeLessThan(6);
    expect(sse(DISPERSION.k)).toBeLessThan(sse(1e6));
  });
  it('RA ordinal model: the baseline thresholds are ordered like the ACR scale (ACR20 > ACR50 > ACR70)', () => {
    const ra = synthesize('ra');
    const t50 = baselineCoefficient(ra, 'endpoint:acr50');
    const t70 = baselineCoefficient(ra, 'endpoint:acr70');
    expect(t50).toBeLessThan(0);
    expect(t70).toBeLessThan(t50);
  });
});
