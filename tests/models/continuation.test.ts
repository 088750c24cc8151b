// "Continue the current therapy" is an option: the simulator gives it a low probability after the induction
// window (secondary non-response), and every committed model has learnt that from the records.
import { describe, expect, it } from 'vitest';
import { predictRow } from '@models/src/fit/predict.ts';
import { onnxToEnsemble } from '@models/src/onnx/ensembleGraph.ts';
import { calibrate, samplePopulation, simulateRegistry } from '@models/src/simulate/engine.ts';
import { CONFIGS, INDICATIONS } from '@models/src/simulate/index.ts';
import { INDUCTION_WINDOW_MONTHS, remainingEffectShare } from '@models/src/simulate/shared.ts';
import type { Patient } from '@models/src/simulate/types.ts';
import { encode } from '@contract/spec.ts';
import { sigmoid } from '@models/src/math.ts';
import { loadArtefacts } from './helpers.ts';

describe('remaining effect of a drug already in use', () => {
  it.each([
    [0, 1],
    [INDUCTION_WINDOW_MONTHS, 0],
    [14, 0],
    [120, 0],
  ])('after %d months: %d of the effect is still to come', (months, share) => {
    expect(remainingEffectShare(months)).toBeCloseTo(share, 10);
  });

  it('falls monotonically inside the induction window', () => {
    const s = [0.5, 1, 2, 3, 4, 5].map(remainingEffectShare);
    expect(s.every((v, i) => i === 0 || v < (s[i - 1] ?? 1))).toBe(true);
    expect(s.every((v) => v > 0 && v < 1)).toBe(true);
  });
});

describe.each(INDICATIONS)('%s simulator: current therapy', (ind) => {
  const config = CONFIGS[ind];
  const sim = calibrate(config, 5);

  it('puts registry patients on a drug of a class they are recorded as exposed to, never trial patients', () => {
    const reg = samplePopulation(config, config.registry, 3000, 31);
    const on = reg.filter((p) => p.current_advanced_therapy !== 'none');
    const exposed = reg.filter((p) => (p.prior_advanced_count as number) > 0);
    expect(on.length / exposed.length).toBeGreaterThan(0.4);
    const inconsistent = on.filter((p) => {
      const d = config.drugs.find((x) => x.drug === p.current_advanced_therapy);
      return !d || p[config.exposureInput[d.drug] ?? config.exposureInput[d.cls] ?? ''] !== true;
    });
    expect(inconsistent).toEqual([]);
    const onInTrials = config.trials
      .slice(0, 3)
      .flatMap((t) => samplePopulation(config, t.population, 200, 32))
      .filter((p) => p.current_advanced_therapy !== 'none');
    expect(onInTrials).toEqual([]);
  });

  it('continuing a drug beyond the induction window is the no-new-therapy level; switching to it fresh is not', () => {
    const p = samplePopulation(config, config.registry, 3000, 33).find((q) => q.current_advanced_therapy !== 'none') as Patient;
    const drug = p.current_advanced_therapy as string;
    const late = { ...p, current_therapy_duration_months: 14 };
    const early = { ...p, current_therapy_duration_months: 0 };
    const fresh = { ...p, current_advanced_therapy: 'none', current_therapy_duration_months: 0 };
    expect(sim.trueLogit(late, drug)).toBeCloseTo(sim.trueLogit(late, null), 10);
    expect(sim.trueLogit(early, drug)).toBeCloseTo(sim.trueLogit(fresh, drug), 10);
  });
});

describe.each(INDICATIONS)('%s model: continuing the current therapy', (ind) => {
  const { spec, bytes } = loadArtefacts(ind);
  const ens = onnxToEnsemble(bytes, spec.outputs.members, spec.outputs.drugs.length);
  const config = CONFIGS[ind];
  const sim = calibrate(config, 20261129);

  it('predicts a low probability for continuing a drug after the induction window, close to the truth', () => {
    const cohort = simulateRegistry(sim, 4000, 77);
    const D = spec.outputs.drugs.length;
    let n = 0;
    let sumModel = 0;
    let sumTrue = 0;
    let sumFresh = 0;
    let rankedFirst = 0;
    cohort.patients.forEach((p, i) => {
      const d = spec.outputs.drugs.indexOf(p.current_advanced_therapy as string);
      if (d < 0 || (p.current_therapy_duration_months as number) < INDUCTION_WINDOW_MONTHS) return;
      const pr = predictRow(ens, encode(spec, p).x);
      const freshP = predictRow(ens, encode(spec, { ...p, current_advanced_therapy: 'none', current_therapy_duration_months: 0 }).x);
      n += 1;
      sumModel += pr.mean[d] ?? 0;
      sumTrue += cohort.trueP[i * D + d] ?? 0;
      sumFresh += freshP.mean[d] ?? 0;
      if (Math.max(...pr.mean) === pr.mean[d]) rankedFirst += 1;
    });
    expect(n).toBeGreaterThan(200);
    expect(Math.abs(sumModel - sumTrue) / n).toBeLessThan(0.03);
    expect((sumFresh - sumModel) / n).toBeGreaterThan(0.05);
    expect(rankedFirst / n).toBeLessThan(0.02);
  });
});

describe('RA: active disease on tocilizumab', () => {
  const { spec, bytes } = loadArtefacts('ra');
  const ens = onnxToEnsemble(bytes, spec.outputs.members, spec.outputs.drugs.length);
  const patient = {
    age_years: 58,
    sex_female: true,
    bmi: 27,
    smoking_current: false,
    disease_duration_years: 9,
    prior_advanced_count: 2,
    prior_anti_tnf: true,
    prior_jak: false,
    prior_other_advanced: true,
    steroids_current: true,
    immunomodulator_current: true,
    crp_mg_l: 14,
    esr_mm_h: 38,
    rf_positive: true,
    anti_ccp_positive: true,
    das28_crp: 5.1,
    das28_esr: 5.4,
    cdai_ra: 30,
    sdai: 31.4,
    current_advanced_therapy: 'tocilizumab',
    current_therapy_duration_months: 14,
  };

  it('does not rank "continue tocilizumab" first, and gives it far less than starting it fresh', () => {
    const t = spec.outputs.drugs.indexOf('tocilizumab');
    const on = predictRow(ens, encode(spec, patient).x);
    const fresh = predictRow(ens, encode(spec, { ...patient, current_advanced_therapy: 'none', current_therapy_duration_months: 0 }).x);
    const best = Math.max(...on.mean);
    expect(on.mean[t]).toBeLessThan(best - 0.1);
    expect(on.mean[t]).toBeLessThan((fresh.mean[t] ?? 0) - 0.1);
    expect(on.mean[t]).toBeLessThan(sigmoid(-0.5));
  });
});
