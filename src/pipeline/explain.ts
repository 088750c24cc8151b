import { explanationRowCount, planExplanation, shapleyFromOutputs } from '../model/explain.ts';
import { gapImpactFromOutputs, gapScenarios, planGapScenarios } from '../model/gapImpact.ts';
import type { LoadedModel } from '../model/loader.ts';
import type { ModelRuntime } from '../model/runtime.ts';
import { record } from './metrics.ts';
import { stopwatch } from './timing.ts';
import type { Explanation, Ranking } from './types.ts';

/** Column indices of each model input, in spec order (the explanation's players). */
function columnsByInput(spec: Ranking['spec']): number[][] {
  return spec.inputs.map((i) => spec.columns.filter((c) => c.input === i.name).map((c) => c.index));
}

/**
 * Readies the runtime for this ranking's explanation: queues a warm-up batch of the explanation's size
 * (coalitions plus missing-input scenarios) right after the prediction, so the worker runs it while
 * the page renders the ranking and the explanation, started once the ranking is painted, runs at
 * steady-state speed. Fire and forget: a failure here surfaces, if real, in the explanation itself.
 */
export function warmExplanation(ranking: Pick<Ranking, 'spec' | 'encoded'>, model: LoadedModel, runtime: ModelRuntime): void {
  const { spec, encoded } = ranking;
  const rows = explanationRowCount(encoded.x, columnsByInput(spec)) + gapScenarios(spec, encoded.missing).length + 1;
  runtime
    .warm(model.key, spec.onnx.input.name, rows, spec.columns.length, ['p_mean'])
    .then((ms) => {
      if (ms !== null) record({ explainWarmupWorkerMs: ms });
    })
    .catch(() => undefined);
}

/**
 * Step `explain`: Shapley explanations for every option and the impact of each missing input, from one
 * batch run of the model (coalitions, then missing-input scenarios).
 */
export async function explain(ranking: Ranking, model: LoadedModel, runtime: ModelRuntime): Promise<Explanation> {
  const { spec, encoded, modelValues } = ranking;
  const clock = stopwatch();
  const players = spec.inputs.map((i) => i.name);
  const plan = planExplanation(encoded.x, players, columnsByInput(spec));
  const gaps = planGapScenarios(spec, modelValues, encoded.missing);
  const cols = spec.columns.length;
  const rows = plan.rows + gaps.rows;
  const batch = new Float32Array(rows * cols);
  batch.set(plan.batch, 0);
  batch.set(gaps.batch, plan.rows * cols);
  const { outputs, ms: workerMs } = await runtime.run(model.key, spec.onnx.input.name, batch, rows, cols, ['p_mean']);
  const runMs = clock.lap();
  const D = spec.outputs.drugs.length;
  const pMean = outputs['p_mean']?.data ?? new Float32Array(rows * D);
  const explanations = Object.fromEntries(shapleyFromOutputs(plan, pMean.subarray(0, plan.rows * D), spec.outputs.drugs).map((e) => [e.drug, e]));
  const gapImpact = gapImpactFromOutputs(gaps.scenarios, pMean.subarray(plan.rows * D), D);
  return { explanations, gapImpact, explainTimings: { runMs, workerMs, explainMs: clock.lap() } };
}
