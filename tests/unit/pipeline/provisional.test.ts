// The options prepared before the model can run (issue 15): the same tiers and the very same safety
// findings as the ranking that follows, no probabilities; and spec.json read once per environment.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelSpec } from '@contract/spec.ts';
import { loadIndicationModel, loadIndicationSpec, provisionalOptions, rankPredictions } from '@src/pipeline/index.ts';
import { ModelRuntime } from '@src/model/runtime.ts';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';
import { modelsFetch } from '../../support/bundledModels.ts';
import { inProcessWorker } from '../../support/inProcessWorker.ts';

const specOf = (folder: string) => JSON.parse(readFileSync(`models/${folder}/spec.json`, 'utf8')) as ModelSpec;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('provisionalOptions', () => {
  it.each([
    ['cd-us-001.json', 'cd'],
    ['ra-de-002.json', 'ra'],
  ])('%s: every option, its tier and its findings (same objects) as the ranking will have them; probabilities 0', (file, folder) => {
    const { record } = demoRanking(file);
    const spec = specOf(folder);
    const provisional = provisionalOptions(record, spec, NOW);
    const predictions = spec.outputs.drugs.map((drug, k) => ({ drug, mean: 0.9 - k * 0.05, lower: 0.8 - k * 0.05, upper: 0.95 - k * 0.05 }));
    const ranked = rankPredictions(record, spec, predictions, NOW).options;
    expect(provisional.options.map((o) => o.drug).sort()).toEqual([...spec.outputs.drugs].sort());
    expect(provisional.options.every((o) => o.probability === 0 && o.lower === 0 && o.upper === 0)).toBe(true);
    for (const o of ranked) {
      const p = provisional.options.find((x) => x.drug === o.drug);
      expect({ drug: o.drug, tier: p?.tier }).toEqual({ drug: o.drug, tier: o.tier });
      expect({ drug: o.drug, current: p?.current }).toEqual({ drug: o.drug, current: o.current });
      expect({ drug: o.drug, demoted: p?.demoted }).toEqual({ drug: o.drug, demoted: o.demoted });
      expect(p?.flags === o.flags ? o.drug : `${o.drug}: other findings`).toBe(o.drug);
    }
    expect(Object.keys(provisional.modelValues).sort()).toEqual(spec.inputs.map((i) => i.name).sort());
  });

  it('a finding is evaluated at the time given: another time gives new findings, equal in content here', () => {
    const { record } = demoRanking('cd-us-001.json');
    const spec = specOf('cd');
    const a = provisionalOptions(record, spec, NOW).options;
    const b = provisionalOptions(record, spec, new Date(NOW.getTime() + 1000)).options;
    const flagsOf = (options: typeof a, drug: string) => options.find((o) => o.drug === drug)?.flags;
    expect(flagsOf(b, 'infliximab')).not.toBe(flagsOf(a, 'infliximab'));
    expect(flagsOf(b, 'infliximab')).toEqual(flagsOf(a, 'infliximab'));
  });
});

const specReads = (spy: ReturnType<typeof vi.fn<typeof fetch>>) =>
  spy.mock.calls.filter(([url]) => (typeof url === 'string' ? url : url instanceof URL ? url.href : url.url).endsWith('/spec.json')).length;

describe('loadIndicationSpec', () => {
  it('reads spec.json once per environment: the spec alone, then the model load, share the read', async () => {
    const spy = vi.fn<typeof fetch>(modelsFetch());
    vi.stubGlobal('fetch', spy);
    const env = { runtime: new ModelRuntime(() => inProcessWorker()), modelsBase: 'http://app.test/models/' };
    const first = await loadIndicationSpec(env, 'RA');
    expect(await loadIndicationSpec(env, 'RA')).toBe(first);
    const model = await loadIndicationModel(env, 'RA');
    expect(model.spec).toBe(first.spec);
    expect(specReads(spy)).toBe(1);
  });

  it('a failed read is not kept: the next call reads again and fails with the loader’s error', async () => {
    const spy = vi.fn<typeof fetch>(modelsFetch());
    vi.stubGlobal('fetch', spy);
    const env = { runtime: new ModelRuntime(() => inProcessWorker()), modelsBase: 'http://app.test/no-models-here/' };
    await expect(loadIndicationSpec(env, 'CD')).rejects.toMatchObject({ code: 'fetch-failed' });
    await expect(loadIndicationSpec(env, 'CD')).rejects.toMatchObject({ code: 'fetch-failed' });
    expect(specReads(spy)).toBe(2);
  });
});
