/**
 * recommend(): the whole path from the FHIR record to the ranked options, in one readable place.
 *
 *   FHIR resources -> extract (inputs with states and sources) -> scores (activity scores from
 *   their components; derived inputs visibly marked) -> encode (the model's spec)
 *   -> predict (ONNX in the worker) -> explain (Shapley over the model itself)
 *   -> safety (label rules) -> reference scores -> rank
 *
 * Nothing here imports React or fhirclient; the model runtime is passed in.
 */
import type { Resource } from 'fhir/r4';
import { encode, type InputValues, type ModelSpec } from '../models/src/spec.ts';
import type { SearchOutcome } from './extract/coverage.ts';
import { extractRecord, type ExtractedRecord } from './extract/extract.ts';
import type { Indication } from './extract/indications.ts';
import type { InputName } from './extract/catalogue.ts';
import type { InputScalar, InputValue } from './extract/values.ts';
import { planExplanation, shapleyFromOutputs, type DrugExplanation } from './model/explain.ts';
import { gapImpactFromOutputs, planGapScenarios, type GapImpact } from './model/gapImpact.ts';
import { predict, type LoadedModel } from './model/loader.ts';
import type { ModelRuntime } from './model/runtime.ts';
import { rankOptions, type RankedOption } from './rules/ranking.ts';
import { checkAll } from './rules/safety/index.ts';
import type { SafetyFlag } from './rules/safety/types.ts';
import { scoreRecord, type RecordScores } from './rules/scores/fromRecord.ts';
import type { ScoreResult } from './rules/scores/types.ts';

/** The extracted record with its activity scores; inputs include the derived ones. */
export interface PreparedRecord extends ExtractedRecord {
  scores: RecordScores;
  /** Inputs filled from computed scores (matchedBy 'derived', with a note saying how). */
  derived: InputName[];
  timings: { prepareMs: number };
}

/**
 * Steps 1-2, pure and synchronous, shared with the record view: extract the record, compute the
 * activity scores, and fill model inputs the record lacks from their components (never over a
 * recorded value; each derived input says how it was computed).
 * @param searches the read's failed searches (smart/readRecord failures): inputs that depend on one are
 *   missing, never "none" (issue 10: a failed search is not an empty record)
 */
export function prepare(resources: readonly Resource[], now: Date, indication?: Indication, searches?: readonly SearchOutcome[]): PreparedRecord {
  const t0 = performance.now();
  const record = extractRecord(resources, { now, ...(indication ? { indication } : {}), ...(searches ? { searches } : {}) });
  const scores = scoreRecord(record, now);
  const inputs = { ...record.inputs };
  const derived: InputName[] = [];
  for (const [name, value] of Object.entries(scores.derivedInputs) as Array<[InputName, InputValue]>) {
    if (inputs[name]?.state === 'ok') continue;
    inputs[name] = value;
    derived.push(name);
  }
  return { ...record, inputs, scores, derived, timings: { prepareMs: performance.now() - t0 } };
}

/** Reference scores shown beside the model: the vedolizumab CDST in CD, modified Rio and MAGNIMS in RMS. */
const REFERENCE_SCORES: ReadonlySet<string> = new Set(['vedo-cdst', 'modified-rio', 'magnims']);

/** Why an input the model takes is not given to it. */
export interface ExcludedInput {
  input: string;
  state: InputValue['state'] | 'not-in-record';
  reason: string;
}

/** The ranking: available as soon as the model has run on the patient's row. */
export interface Ranking {
  indication: Indication;
  spec: ModelSpec;
  /** The values given to the model (null = missing, encoded as the spec says). */
  modelValues: InputValues;
  /** The encoded row and the inputs the encoder found missing (for the explanation step). */
  encoded: { x: Float32Array; missing: string[] };
  /** Inputs the model takes that were missing, stale, implausible or of an unknown unit. */
  excluded: ExcludedInput[];
  /** Inputs changed in the what-if editor: the result is hypothetical when this is not empty. */
  overridden: string[];
  options: RankedOption[];
  /**
   * Findings for drugs the patient takes now that are not options of the model (e.g. background
   * methotrexate when pregnancy is planned). Only triggered findings: screening before a start does
   * not apply to a drug already taken.
   */
  currentMedicationFlags: Record<string, SafetyFlag[]>;
  referenceScores: ScoreResult[];
  /** predictMs: wall time incl. the worker round trip; predictWorkerMs: the model's own time in the worker. */
  timings: { encodeMs: number; predictMs: number; predictWorkerMs: number; safetyMs: number; totalMs: number };
}

/** Why each option gets its probability, and which missing inputs matter: computed right after the ranking. */
export interface Explanation {
  explanations: Record<string, DrugExplanation>;
  gapImpact: GapImpact[];
  /** runMs: wall time of the batch run; workerMs: the model's own time in the worker; explainMs: Shapley and gap arithmetic. */
  explainTimings: { runMs: number; workerMs: number; explainMs: number };
}

export type Recommendation = Ranking & Explanation;

/**
 * The value the model receives for one input. Only `ok` values are used: a stale value is shown in
 * the record but not silently fed to the model (it becomes missing, which the model encodes
 * explicitly and the UI lists).
 */
function modelValue(v: InputValue | undefined): InputScalar | null {
  return v?.state === 'ok' ? v.value : null;
}

/**
 * Step 3: the model on the patient's row, the safety rules and the ranking. Explanations follow in
 * {@link explain}, so the ranking is on screen without waiting for them.
 * @param overrides what-if values by input name (null = treat as missing); marks the result hypothetical
 */
export async function rank(
  record: PreparedRecord,
  model: LoadedModel,
  runtime: ModelRuntime,
  options: { now: Date; overrides?: Readonly<Record<string, InputScalar | null>> },
): Promise<Ranking> {
  const t0 = performance.now();
  const { spec } = model;
  const indication = spec.indication.toUpperCase() as Indication;
  const overrides = options.overrides ?? {};
  const modelValues: InputValues = {};
  const excluded: ExcludedInput[] = [];
  for (const inp of spec.inputs) {
    if (inp.name in overrides) {
      modelValues[inp.name] = overrides[inp.name] ?? null;
      continue;
    }
    const v = record.inputs[inp.name as InputName] as InputValue | undefined;
    modelValues[inp.name] = modelValue(v);
    if (!v) excluded.push({ input: inp.name, state: 'not-in-record', reason: 'this input is not derived by the data layer' });
    else if (v.state !== 'ok') excluded.push({ input: inp.name, state: v.state, reason: v.reason });
  }
  const encoded = encode(spec, modelValues);
  const t1 = performance.now();

  const { predictions, ms: predictWorkerMs } = await predict(runtime, model, encoded.x);
  const t2 = performance.now();

  const flags = checkAll(spec.outputs.drugs, record.inputs, { now: options.now });
  const background = [...new Set(record.episodes.filter((e) => e.ongoing && !spec.outputs.drugs.includes(e.inn)).map((e) => e.inn))];
  const currentMedicationFlags = Object.fromEntries(
    Object.entries(checkAll(background, record.inputs, { now: options.now }))
      .map(([drug, f]) => [drug, f.filter((flag) => flag.state === 'triggered' && flag.ruleId !== 'drug-not-in-catalogue')] as const)
      .filter(([, f]) => f.length > 0),
  );
  const current = record.inputs.current_advanced_therapy;
  const currentDrug = current?.state === 'ok' && typeof current.value === 'string' && current.value !== 'none' ? current.value : null;
  const ranked = rankOptions(predictions.map((p) => ({ drug: p.drug, probability: p.mean, lower: p.lower, upper: p.upper })), flags, currentDrug);
  const t3 = performance.now();

  return {
    indication,
    spec,
    modelValues,
    encoded,
    excluded,
    overridden: Object.keys(overrides).filter((k) => spec.inputs.some((i) => i.name === k)),
    options: ranked,
    currentMedicationFlags,
    referenceScores: record.scores.latest.filter((s) => REFERENCE_SCORES.has(s.score)),
    timings: { encodeMs: t1 - t0, predictMs: t2 - t1, predictWorkerMs, safetyMs: t3 - t2, totalMs: t3 - t0 },
  };
}

/**
 * Step 4: Shapley explanations for every option and the impact of each missing input, from one
 * batch run of the model (coalitions, then missing-input scenarios).
 */
export async function explain(ranking: Ranking, model: LoadedModel, runtime: ModelRuntime): Promise<Explanation> {
  const { spec, encoded, modelValues } = ranking;
  const t0 = performance.now();
  const players = spec.inputs.map((i) => i.name);
  const plan = planExplanation(encoded.x, players, players.map((n) => spec.columns.filter((c) => c.input === n).map((c) => c.index)));
  const gaps = planGapScenarios(spec, modelValues, encoded.missing);
  const cols = spec.columns.length;
  const rows = plan.rows + gaps.rows;
  const batch = new Float32Array(rows * cols);
  batch.set(plan.batch, 0);
  batch.set(gaps.batch, plan.rows * cols);
  const { outputs, ms: workerMs } = await runtime.run(model.key, spec.onnx.input.name, batch, rows, cols, ['p_mean']);
  const t1 = performance.now();
  const D = spec.outputs.drugs.length;
  const pMean = outputs['p_mean']?.data ?? new Float32Array(rows * D);
  const explanations = Object.fromEntries(shapleyFromOutputs(plan, pMean.subarray(0, plan.rows * D), spec.outputs.drugs).map((e) => [e.drug, e]));
  const gapImpact = gapImpactFromOutputs(gaps.scenarios, pMean.subarray(plan.rows * D), D);
  return { explanations, gapImpact, explainTimings: { runMs: t1 - t0, workerMs, explainMs: performance.now() - t1 } };
}

/** Steps 3 and 4 together: the ranking with its explanations. */
export async function recommend(
  record: PreparedRecord,
  model: LoadedModel,
  runtime: ModelRuntime,
  options: { now: Date; overrides?: Readonly<Record<string, InputScalar | null>> },
): Promise<Recommendation> {
  const ranking = await rank(record, model, runtime, options);
  return { ...ranking, ...(await explain(ranking, model, runtime)) };
}
