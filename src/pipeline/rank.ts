import { indicationOf, type Indication } from '../../contract/indications.ts';
import type { ModelSpec } from '../../contract/spec.ts';
import { predict, type LoadedModel, type Prediction } from '../model/loader.ts';
import type { ModelRuntime } from '../model/runtime.ts';
import { drugHistories } from '../rules/history.ts';
import { rankOptions, type RankedOption } from '../rules/ranking.ts';
import { checkAll } from '../rules/safety/index.ts';
import type { SafetyFlag } from '../rules/safety/types.ts';
import { warmExplanation } from './explain.ts';
import { mark } from './metrics.ts';
import { modelRow, type Overrides } from './modelRow.ts';
import { stopwatch } from './timing.ts';
import type { PreparedRecord, Ranking } from './types.ts';

/** Reference scores shown beside the model: the vedolizumab CDST in CD, modified Rio and MAGNIMS in RMS. */
const REFERENCE_SCORES: ReadonlySet<string> = new Set(['vedo-cdst', 'modified-rio', 'magnims']);

/** One record's safety findings for one model's options at one time (the rules do not read the predictions). */
interface Safety {
  flags: Record<string, SafetyFlag[]>;
  currentMedicationFlags: Record<string, SafetyFlag[]>;
}
const safetyOfRecord = new WeakMap<PreparedRecord, { spec: ModelSpec; nowMs: number; safety: Safety }>();

/**
 * The safety rules on the model's options and on the drugs the patient takes besides them, evaluated once
 * per record, spec and time: the provisional options, the ranking and every what-if share the same
 * findings (same objects), so the screen re-renders only what the probabilities change (issue 15).
 */
function safetyOf(record: PreparedRecord, spec: ModelSpec, now: Date): Safety {
  const hit = safetyOfRecord.get(record);
  if (hit && hit.spec === spec && hit.nowMs === now.getTime()) return hit.safety;
  const flags = checkAll(spec.outputs.drugs, record.inputs, { now });
  const background = [...new Set(record.episodes.filter((e) => e.ongoing && !spec.outputs.drugs.includes(e.inn)).map((e) => e.inn))];
  const currentMedicationFlags = Object.fromEntries(
    Object.entries(checkAll(background, record.inputs, { now }))
      .map(([drug, f]) => [drug, f.filter((flag) => flag.state === 'triggered' && flag.ruleId !== 'drug-not-in-catalogue')] as const)
      .filter(([, f]) => f.length > 0),
  );
  const safety = { flags, currentMedicationFlags };
  safetyOfRecord.set(record, { spec, nowMs: now.getTime(), safety });
  return safety;
}

/**
 * The safety rules on the model's options and on the drugs the patient takes besides them, then the
 * ranking: new starts before the current therapy, safety tier, the patient's history, probability. Pure: the predictions are passed in.
 */
export function rankPredictions(
  record: PreparedRecord,
  spec: ModelSpec,
  predictions: readonly Prediction[],
  now: Date,
): { options: RankedOption[]; currentMedicationFlags: Record<string, SafetyFlag[]> } {
  const { flags, currentMedicationFlags } = safetyOf(record, spec, now);
  const current = record.inputs.current_advanced_therapy;
  const currentDrug = current?.state === 'ok' && typeof current.value === 'string' && current.value !== 'none' ? current.value : null;
  // The patient's own history with each drug and its mechanism (stop reasons, re-challenge rules) places a
  // failed or not tolerated drug after the others of its tier (rules/history.ts).
  const indication = indicationOf(spec.indication);
  const histories = drugHistories(spec.outputs.drugs, record.episodes, indication);
  const demoted = new Set(
    Object.values(histories)
      .filter((h) => h.demoted)
      .map((h) => h.drug),
  );
  const options = rankOptions(
    predictions.map((p) => ({ drug: p.drug, probability: p.mean, lower: p.lower, upper: p.upper })),
    flags,
    currentDrug,
    demoted,
  );
  return { options, currentMedicationFlags };
}

/** The indication a model's spec is for; a spec naming another one is an error, not a guess. */
function specIndication(spec: ModelSpec): Indication {
  const indication = indicationOf(spec.indication);
  if (indication === undefined) throw new Error(`spec.json names an unknown indication "${spec.indication}"`);
  return indication;
}

/**
 * The options of a model before it can run: tiers, safety findings and history from the record, every
 * probability 0 and in the model's drug order. Never shown as a ranking: the screen renders it hidden
 * while the runtime loads, so that the visible ranking only fills in the probabilities (issue 15).
 */
export function provisionalOptions(record: PreparedRecord, spec: ModelSpec, now: Date): Pick<Ranking, 'indication' | 'options' | 'modelValues'> {
  const indication = specIndication(spec);
  const none = spec.outputs.drugs.map((drug) => ({ drug, mean: 0, lower: 0, upper: 0 }));
  return { indication, options: rankPredictions(record, spec, none, now).options, modelValues: modelRow(record, spec).modelValues };
}

/**
 * Step `rank`: the model on the patient's row ({@link modelRow}), the safety rules and the ranking.
 * Explanations follow in the `explain` step, so the ranking is on screen without waiting for them.
 * @param overrides what-if values by input name (null = treat as missing); marks the result hypothetical
 */
export async function rank(record: PreparedRecord, model: LoadedModel, runtime: ModelRuntime, options: { now: Date; overrides?: Overrides }): Promise<Ranking> {
  const { spec } = model;
  const indication = specIndication(spec);
  const clock = stopwatch();
  const row = modelRow(record, spec, options.overrides);
  const encodeMs = clock.lap();
  const { predictions, ms: predictWorkerMs } = await predict(runtime, model, row.encoded.x);
  const predictMs = clock.lap();
  warmExplanation({ spec, encoded: row.encoded }, model, runtime);
  const ranked = rankPredictions(record, spec, predictions, options.now);
  const safetyMs = clock.lap();
  mark('recommended');
  return {
    indication,
    spec,
    ...row,
    ...ranked,
    referenceScores: record.scores.latest.filter((s) => REFERENCE_SCORES.has(s.score)),
    timings: { encodeMs, predictMs, predictWorkerMs, safetyMs, totalMs: encodeMs + predictMs + safetyMs },
  };
}
