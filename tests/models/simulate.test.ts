// The calibrated simulators reproduce their calibrating arms, respect the NMA orderings, and map
// every calibration.csv row of their disease explicitly.
import { describe, expect, it } from 'vitest';
import { calibrate, samplePopulation, trialKey } from '../../models/src/simulate/engine.ts';
import { CONFIGS, INDICATIONS } from '../../models/src/simulate/index.ts';
import type { IndicationConfig } from '../../models/src/simulate/types.ts';
import { mean, sigmoid } from '../../models/src/math.ts';
import { arrTo2y } from '../../models/src/simulate/rms.ts';
import { C20, C70 } from '../../models/src/simulate/ra.ts';
import { CALIBRATION_CSV } from './helpers.ts';

const DISEASE: Record<string, string[]> = { cd: ['CD', 'IBD'], uc: ['UC', 'IBD'], ra: ['RA'], rms: ['RMS'] };

/** Row ids of calibration.csv whose disease column belongs to the indication. */
function rowsFor(ind: string): string[] {
  return CALIBRATION_CSV.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => l.split(',')).filter((c) => (DISEASE[ind] ?? []).includes(c[2] ?? '')).map((c) => c[0] ?? '');
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

  it('reproduces each single-arm calibration within 0.5 percentage points plus sampling error (fresh population)', () => {
    const single = config.drugs.map((d) => config.trials.filter((t) => t.calibrates && t.active.drug === d.drug)).filter((ts) => ts.length === 1).flat();
    const off = single.flatMap((t, i) => {
      const pop = samplePopulation(config, t.population, 4000, 777 + i);
      const tau = sim.tau.get(trialKey(t)) ?? 0;
      const rate = mean(pop.map((p) => sigmoid(sim.trueLogit(p, t.active.drug, tau))));
      const tol = 0.005 + 3 * Math.sqrt((t.active.rate * (1 - t.active.rate)) / 4000);
      return Math.abs(rate - t.active.rate) < tol ? [] : [`${trialKey(t)}: ${rate.toFixed(3)} vs ${t.active.rate}`];
    });
    expect(single.length).toBeGreaterThan(3);
    expect(off).toEqual([]);
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

describe('endpoint mappings', () => {
  it.each([
    [0.5, Math.exp(-1)],
    [0.1, Math.exp(-0.2)],
  ])('RMS Poisson: ARR %f -> P(relapse-free 2 y) = exp(-2 ARR)', (arr, want) => {
    expect(arrTo2y(arr)).toBeCloseTo(want, 12);
  });
  it('RA threshold gaps are positive and ordered like the ACR scale (ACR20 > ACR50 > ACR70)', () => {
    expect(C20).toBeGreaterThan(0.5);
    expect(C20).toBeLessThan(1.5);
    expect(C70).toBeGreaterThan(0.5);
    expect(C70).toBeLessThan(1.5);
  });
});
