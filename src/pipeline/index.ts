/**
 * The whole path from the FHIR record to the ranked options, one named step per file, in the order
 * the data travels:
 *
 *   readRecord (query plan, waves, medication follow-up; FHIR access itself is smart/)
 *   -> prepare (extract: inputs with states and sources; scores: activity scores, derived inputs visibly marked)
 *   -> modelRow (the model's inputs, encoded as its spec says)
 *   -> rank (predict: ONNX in the worker; safety: label rules; ranking tiers; reference scores)
 *   -> explain (Shapley over the model itself, and the impact of each missing input)
 *
 * Each step is a plain function (plain data in, plain data out; the model runtime is passed in);
 * nothing here imports React or fhirclient. The UI hooks are thin wrappers over these steps, and
 * launch metrics are written in metrics.ts only.
 */
import type { LoadedModel } from '../model/loader.ts';
import type { ModelRuntime } from '../model/runtime.ts';
import { explain } from './explain.ts';
import type { Overrides } from './modelRow.ts';
import { rank } from './rank.ts';
import type { PreparedRecord, Recommendation } from './types.ts';

export {
  readPatientRecord,
  readRecord,
  readOutcomes,
  type PatientReadOptions,
  type PatientRecord,
  type PlannedQuery,
  type QueryFailure,
  type ReadOptions,
} from './readRecord.ts';
export { prepare } from './prepare.ts';
export { describeReadPlan, type ReadGap, type ReadPlanSummary, type GapConsequence } from '../extract/readPlan.ts';
export { loadIndicationModel, loadIndicationSpec, type ModelEnvironment } from './loadModel.ts';
export { modelRow, type ModelRow, type Overrides } from './modelRow.ts';
export { provisionalOptions, rank, rankPredictions } from './rank.ts';
export { explain } from './explain.ts';
export type { ExcludedInput, Explanation, PreparedRecord, Ranking, Recommendation } from './types.ts';

/** `rank` then `explain`: the ranking with its explanations (tests and scripts; the UI runs them as two queries). */
export async function recommend(
  record: PreparedRecord,
  model: LoadedModel,
  runtime: ModelRuntime,
  options: { now: Date; overrides?: Overrides },
): Promise<Recommendation> {
  const ranking = await rank(record, model, runtime, options);
  return { ...ranking, ...(await explain(ranking, model, runtime)) };
}
