/**
 * Train one indication end to end: calibrate the simulator, draw the registry, encode it with the
 * spec's encoder, fit the bootstrap ensemble, export ONNX and the spec. The trainer sees only the
 * observed records (inputs with missing values, drug given, outcome), never simulator parameters.
 */
import { createHash } from 'node:crypto';
import { calibrate, simulateRegistry } from './simulate/engine.ts';
import type { ObservedData, Simulator } from './simulate/engine.ts';
import type { IndicationConfig } from './simulate/types.ts';
import { fitColumns, specInputs } from './fit/design.ts';
import { fitEnsemble, DEFAULT_FIT } from './fit/logistic.ts';
import type { FitOptions, TrainData } from './fit/logistic.ts';
import { toFloat32 } from './fit/predict.ts';
import type { Ensemble } from './fit/predict.ts';
import { continuationSelectors, splitMember, withContinuation } from './fit/continuation.ts';
import { calibrateInterval, missingVariance } from './fit/interval.ts';
import type { MissingVariance } from './fit/interval.ts';
import { ensembleToOnnx, INTERVAL_Z } from './onnx/ensembleGraph.ts';
import { encode, ENCODING_RULES, SPEC_FORMAT } from '../../contract/spec.ts';
import type { ModelSpec } from '../../contract/spec.ts';
import { mixSeed } from '../../contract/prng.ts';
import { sigmoid } from './math.ts';
import { drugEffect, logitSlopeOfLogRate, referenceLogit } from './synthesis/index.ts';
import { DISPERSION } from './synthesis/data/rms.ts';

export const MODEL_VERSION = '1.2.0-sim';
/** Size of the independent cohort the interval factors are calibrated on. */
export const INTERVAL_CAL_N = 8000;
export const DEFAULT_SEED = 20261129;

/** Options for one training run. */
export interface BuildOptions {
  seed: number;
  members: number;
  /** Registry size; default = the indication's nRegistry. */
  n?: number;
  /** Penalties; default DEFAULT_FIT. */
  fit?: FitOptions;
}

/** Everything a training run produces. */
export interface BuildResult {
  spec: ModelSpec;
  onnx: Uint8Array;
  ensemble: Ensemble;
  missingVariance: MissingVariance[];
  sim: Simulator;
  nTrain: number;
}

/** Encodes observed records into a design matrix with the spec's columns. */
export function toTrainData(spec: ModelSpec, obs: ObservedData, D: number): TrainData {
  const n = obs.records.length;
  const F = spec.columns.length;
  const x = new Float64Array(n * F);
  obs.records.forEach((r, i) => x.set(encode(spec, r).x, i * F));
  return { n, F, D, x, drug: obs.drug, y: obs.y, drugClass: new Int32Array(D), C: 1 };
}

/** Adds the drugs' pharmacological classes (public metadata) to the training data. */
export function withClasses(data: TrainData, classes: string[]): TrainData {
  const names = [...new Set(classes)];
  return { ...data, drugClass: Int32Array.from(classes.map((c) => names.indexOf(c))), C: names.length };
}

/**
 * Logit-scale variance of the synthesised probability per drug for a contemporary trial-like patient:
 * baseline mean and between-trial sigma^2, the drug's effect estimate and tau^2 (RMS: log-rate variances
 * through the slope of the negative-binomial map). Rounded to 6 significant digits (it is written to spec.json).
 */
export function evidenceVariance(sim: Simulator, drugs: string[]): number[] {
  const syn = sim.synthesis;
  const ref = referenceLogit(syn, sim.config.referenceCovariates);
  const slope =
    syn.net.link === 'logit'
      ? 1
      : (() => {
          const p = sigmoid(ref.logit);
          return logitSlopeOfLogRate((DISPERSION.k * (p ** (-1 / DISPERSION.k) - 1)) / 2);
        })();
  return drugs.map((d) => {
    const e = drugEffect(syn, sim.config.node ? sim.config.node(d) : d);
    return Number((ref.vMean + ref.sigma2 + slope * slope * (e.v + syn.tau * syn.tau)).toPrecision(6));
  });
}

/** Trains and exports one indication. Deterministic for a given seed. */
export function buildIndication(config: IndicationConfig, opt: BuildOptions): BuildResult {
  const sim = calibrate(config, mixSeed(opt.seed, 11));
  const n = opt.n ?? config.nRegistry;
  const fitOpt = opt.fit ?? DEFAULT_FIT;
  const obs = simulateRegistry(sim, n, mixSeed(opt.seed, 12));
  const inputs = specInputs(config.inputs);
  const columns = fitColumns(inputs, obs.records);
  const drugs = config.drugs.map((d) => d.drug);
  const D = drugs.length;
  const F = columns.length;
  const spec: ModelSpec = {
    format: SPEC_FORMAT,
    indication: config.id,
    title: `${config.title}: probability of ${config.endpoint} per candidate drug`,
    modelVersion: MODEL_VERSION,
    onnx: {
      file: 'model.onnx',
      sha256: '0'.repeat(64),
      irVersion: 8,
      opset: 17,
      input: { name: 'x', shape: ['N', F] },
      outputs: [
        { name: 'p_mean', shape: ['N', D], meaning: 'ensemble mean probability of the endpoint per drug (order: outputs.drugs)' },
        { name: 'p_lower', shape: ['N', D], meaning: 'lower end of the 90% interval for the true probability (outputs.interval.definition)' },
        { name: 'p_upper', shape: ['N', D], meaning: 'upper end of the 90% interval for the true probability (outputs.interval.definition)' },
        { name: 'p_members', shape: ['N', opt.members, D], meaning: "each bootstrap member's probability" },
      ],
    },
    inputs,
    columns,
    encoding: ENCODING_RULES,
    outputs: {
      endpoint: config.endpoint,
      horizon: config.horizon,
      drugs,
      members: opt.members,
      interval: { definition: '', z: INTERVAL_Z, nominal: 0.9 },
    },
    explanation: {
      kind: 'linear-logit+current-therapy',
      note: 'Each member m: logit p[m,d] = b[m,d] + sum_j W[m,j,d] x[j] + cur_d(x) (A[m,d] + G[m,d] dur(x)), where cur_d(x) = 1 when current_advanced_therapy is drug d (from its one-hot column) and dur(x) is the encoded current_therapy_duration_months column. For a patient not on a candidate drug the model is linear and x = 0 is the training mean, so the Shapley value of column j is W[m,j,d] x[j]; in general explain by coalitions (the app does). Initializers: W [F, M*D] (column m*D+d), B [M*D], A and G [M, D].',
    },
    training: {
      data: `simulated routine-care registry (${config.registry.label}); baseline, drug effects and modifiers from a random-effects network meta-analysis and baseline-risk model of models/evidence/calibration.csv (see MODEL_CARD.md); no real patient data`,
      records: n,
      seed: opt.seed,
      algorithm: `drug-by-input interaction logistic regression with shared, class and drug slopes (Newton-IRLS, L2: shared ${fitOpt.lambdaShared}, class ${fitOpt.lambdaClass}, drug ${fitOpt.lambdaDrug}, bias ${fitOpt.lambdaBias}); ${opt.members} Poisson-bootstrap members`,
      drugClasses: config.drugs.map((d) => `${d.drug}: ${d.cls}`).join('; '),
      code: 'models/src/train.ts',
    },
    warning: 'Trained on simulated data, not validated on patients, not for clinical decisions.',
  };
  const base = withClasses(
    toTrainData(spec, obs, D),
    config.drugs.map((d) => d.cls),
  );
  const sel = continuationSelectors(spec);
  const fitted = fitEnsemble(withContinuation(base, sel), opt.members, mixSeed(opt.seed, 13), fitOpt).map((m) => splitMember(m, sel, F, D));
  const meanW = new Float64Array(F * D);
  for (const m of fitted)
    m.W.forEach((w, k) => {
      meanW[k] = (meanW[k] ?? 0) + w / fitted.length;
    });
  const mv = missingVariance(spec, base.x, base.n, meanW);
  const draft: Ensemble = toFloat32({
    F,
    D,
    members: fitted,
    curSel: sel.curSel,
    curC: sel.curC,
    durSel: sel.durSel,
    varSel: mv.varSel,
    varC: mv.varC,
    kEns: 1,
    kMiss: 1,
    z: INTERVAL_Z,
  });
  // Interval factors: an independent simulated cohort with its own seed (never the evaluation cohort).
  const calCohort = simulateRegistry(sim, INTERVAL_CAL_N, mixSeed(opt.seed, 14));
  const calX = calCohort.records.map((r) => encode(spec, r));
  const cal = calibrateInterval(
    draft,
    calX.map((e) => e.x),
    calX.map((e) => e.missing.length === 0),
    calCohort.trueP,
    0.9,
  );
  // Evidence variance: the prediction interval is for a patient like this one in a new trial-like setting,
  // so it adds the synthesis's uncertainty and between-trial heterogeneity (evidenceVariance). The graph's
  // missing-input term is kMiss x max(0, x VarSel + VarC): adding E[d] / kMiss to VarC adds E[d] to the logit
  // variance with no change to the graph.
  const evidence = evidenceVariance(sim, drugs);
  const varC = Float64Array.from(draft.varC, (v, d) => v + (evidence[d] ?? 0) / cal.kMiss);
  const ensemble = toFloat32({ ...draft, varC, kEns: cal.kEns, kMiss: cal.kMiss });
  spec.outputs.interval = {
    definition: `90% prediction interval, logit scale: mean member logit +/- ${INTERVAL_Z} x sqrt(kEns x sample variance of the ${opt.members} bootstrap members' logits + kMiss x sum over missing inputs k of V[k, drug] + E[drug]), through the sigmoid, widened if needed to contain p_mean. V[k, drug] = variance of input k's contribution to the drug's logit left unexplained by the other inputs (training records, least squares), read in the graph from the missing-indicator columns. E[drug] (evidenceVariance) = the evidence synthesis's variance for a contemporary trial-like patient: baseline-model estimate and between-trial SD, the drug's relative-effect estimate and the between-trial heterogeneity tau (stored in the graph as E / kMiss added to VarC).`,
    z: INTERVAL_Z,
    nominal: 0.9,
    evidenceVariance: evidence.map((v) => Number(v.toPrecision(6))),
    ensembleVarianceFactor: Number(ensemble.kEns.toPrecision(6)),
    missingVarianceFactor: Number(ensemble.kMiss.toPrecision(6)),
    calibration: `kEns set so that 90% of true probabilities of records with no missing input fall inside, then kMiss so that 90% of all do, on an independent simulated cohort of ${INTERVAL_CAL_N} registry patients (seed mixSeed(${opt.seed}, 14)); coverage reached there: complete records ${(100 * cal.coverageComplete).toFixed(1)}%, all ${(100 * cal.coverageAll).toFixed(1)}%.`,
  };
  const onnx = ensembleToOnnx(ensemble, {
    name: `therapy_navigator_${config.id}`,
    doc: `${spec.title}. ${spec.warning}`,
    metadata: { indication: config.id, model_version: MODEL_VERSION, drugs: drugs.join('|'), seed: String(opt.seed) },
    modelVersion: 1,
  });
  spec.onnx.sha256 = createHash('sha256').update(onnx).digest('hex');
  return { spec, onnx, ensemble, missingVariance: mv.table, sim, nTrain: n };
}
