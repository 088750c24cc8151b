import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourcesFromBundle } from '@src/extract/bundle.ts';
import { ModelRuntime } from '@src/model/runtime.ts';
import { prepare, recommend } from '@src/pipeline/index.ts';
import { inProcessWorker } from '../support/inProcessWorker.ts';
import { loadBundledModel } from '../support/bundledModels.ts';
import { NOW } from '../support/fhir.ts';

async function rank(file: string) {
  const { resources } = resourcesFromBundle(JSON.parse(readFileSync(`sandbox/fixtures/${file}`, 'utf8')));
  const record = prepare(resources, NOW);
  const runtime = new ModelRuntime(() => inProcessWorker());
  const model = await loadBundledModel(runtime, record.primaryIndication ?? 'CD');
  return { record, rec: await recommend(record, model, runtime, { now: NOW }) };
}

describe('FHIR bundle -> ranking, for every demo patient', () => {
  it.each([
    ['cd-us-001.json', 'CD'],
    ['uc-de-001.json', 'UC'],
    ['ra-ips-001.json', 'RA'],
    ['rms-fr-001.json', 'RMS'],
    ['rms-us-002.json', 'RMS'],
  ])('%s ranks every candidate of its %s model with intervals and exact-sum explanations', async (file, indication) => {
    const { record, rec } = await rank(file);
    expect(record.primaryIndication).toBe(indication);
    expect(rec.options.map((o) => o.drug).sort()).toEqual([...rec.spec.outputs.drugs].sort());
    for (const o of rec.options) {
      expect(o.probability).toBeGreaterThanOrEqual(0);
      expect(o.probability).toBeLessThanOrEqual(1);
      expect(o.lower).toBeLessThanOrEqual(o.probability + 1e-6);
      expect(o.upper).toBeGreaterThanOrEqual(o.probability - 1e-6);
      const e = rec.explanations[o.drug];
      expect(e).toBeDefined();
      const sum = e!.contributions.reduce((a, c) => a + c.phi, 0);
      expect(Math.abs(sum - (e!.prediction - e!.reference))).toBeLessThan(1e-6);
      expect(Math.abs(e!.prediction - o.probability)).toBeLessThan(1e-6);
    }
    // new starts first (the current therapy is judged in its own panel: issue 13), then safety tiers in
    // order (suitable, only if no suitable alternative, contraindicated: kept, last: issue 10), inside a tier
    // the drugs the patient's history demotes after the others, each group ordered by probability
    const starts = rec.options.filter((o) => !o.current);
    expect(rec.options.slice(0, starts.length)).toEqual(starts);
    const tiers = ['suitable', 'only-if-no-alternative', 'contraindicated'] as const;
    const order = starts.map((o) => tiers.indexOf(o.tier));
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    for (const tier of tiers) {
      const inTier = starts.filter((o) => o.tier === tier);
      const demotedFlags = inTier.map((o) => Number(o.demoted));
      expect(demotedFlags).toEqual(demotedFlags.toSorted((a, b) => a - b));
      for (const demoted of [false, true]) {
        const p = inTier.filter((o) => o.demoted === demoted).map((o) => o.probability);
        expect(p).toEqual([...p].sort((a, b) => b - a));
      }
    }
    // every input the model could not use is named, with its reason
    for (const ex of rec.excluded) expect(ex.reason.length).toBeGreaterThan(3);
  });

  it('marks the current therapy and derives DAS28 from the RA components, visibly', async () => {
    const { record, rec } = await rank('ra-ips-001.json');
    expect(rec.options.find((o) => o.drug === 'tocilizumab')?.current).toBe(true);
    expect(record.derived).toContain('das28_crp');
    const das = record.inputs.das28_crp;
    expect(das?.state === 'ok' && das.matchedBy === 'derived' ? das.value : null).toBeCloseTo(5.07, 2);
  });

  it('flags JAK inhibitors for a 68-year-old former smoker (EMA 2022) and keeps them in the ranking', async () => {
    const { rec } = await rank('ra-ips-001.json');
    const upa = rec.options.find((o) => o.drug === 'upadacitinib');
    expect(upa?.flags.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['jak-age', 'jak-smoking']));
    expect(upa?.worst).toBe('only-if-no-alternative');
  });

  it('shows the natalizumab PML flag for the JCV-positive MS patient with a high index', async () => {
    const { rec } = await rank('rms-fr-001.json');
    const nat = rec.options.find((o) => o.drug === 'natalizumab');
    expect(nat?.flags.some((f) => f.ruleId === 'natalizumab-jcv' && f.state === 'triggered')).toBe(true);
  });

  it('gives the vedolizumab decision tool beside the CD model, and ranks missing inputs by impact', async () => {
    const { rec } = await rank('cd-us-001.json');
    expect(rec.referenceScores.map((s) => s.score)).toContain('vedo-cdst');
    expect(rec.gapImpact.length).toBeGreaterThan(0);
    // inputs that could change the first option come first, then by the size of the change
    const key = rec.gapImpact.map((g) => [g.topChanges ? 1 : 0, g.maxAbsChange] as const);
    const sorted = [...key].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(key).toEqual(sorted);
  });
});
