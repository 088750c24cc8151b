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
import type { Member, TrainData } from './fit/logistic.ts';
import { toFloat32Members } from './fit/predict.ts';
import { ensembleToOnnx, INTERVAL_Z } from './onnx/ensembleGraph.ts';
import { encode, ENCODING_RULES, SPEC_FORMAT } from './spec.ts';
import type { ModelSpec } from './spec.ts';
import { mixSeed } from './prng.ts';

export const MODEL_VERSION = '1.0.0-sim';
export const DEFAULT_SEED = 20261129;

/** Options for one training run. */
export interface BuildOptions {
  seed: number;
  members: number;
  /** Registry size; default = the indication's nRegistry. */
  n?: number;
}

/** Everything a training run produces. */
export interface BuildResult {
  spec: ModelSpec;
  onnx: Uint8Array;
  members: Member[];
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

/** Trains and exports one indication. Deterministic for a given seed. */
export function buildIndication(config: IndicationConfig, opt: BuildOptions): BuildResult {
  const sim = calibrate(config, mixSeed(opt.seed, 11));
  const n = opt.n ?? config.nRegistry;
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
      file: 'model.onnx', sha256: '0'.repeat(64), irVersion: 8, opset: 17,
      input: { name: 'x', shape: ['N', F] },
      outputs: [
        { name: 'p_mean', shape: ['N', D], meaning: 'ensemble mean probability of the endpoint per drug (order: outputs.drugs)' },
        { name: 'p_lower', shape: ['N', D], meaning: `max(0, p_mean - ${INTERVAL_Z} * SD over members)` },
        { name: 'p_upper', shape: ['N', D], meaning: `min(1, p_mean + ${INTERVAL_Z} * SD over members)` },
        { name: 'p_members', shape: ['N', opt.members, D], meaning: 'each bootstrap member\'s probability; logit(p) is linear in x' },
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
      interval: { definition: `p_mean +/- ${INTERVAL_Z} x sample SD of the ${opt.members} bootstrap members' probabilities, clipped to [0, 1]`, z: INTERVAL_Z, nominal: 0.9 },
    },
    explanation: {
      kind: 'linear-logit',
      note: 'Each member m: logit p[m,d] = b[m,d] + sum_j W[m,j,d] x[j]. x = 0 is the training mean, so the exact (interventional, independent-feature) Shapley value of column j on the logit is W[m,j,d] x[j]; sum the columns of one input for that input. Recover W[m,:,d] from the model by finite differences or read the initializer W [F, M*D] (column m*D+d) and B [M*D].',
    },
    training: {
      data: `simulated routine-care registry (${config.registry.label}); response model calibrated to shared/evidence/calibration.csv (see MODEL_CARD.md); no real patient data`,
      records: n,
      seed: opt.seed,
      algorithm: `drug-by-input interaction logistic regression with shared, class and drug slopes (Newton-IRLS, L2: shared ${DEFAULT_FIT.lambdaShared}, class ${DEFAULT_FIT.lambdaClass}, drug ${DEFAULT_FIT.lambdaDrug}, bias ${DEFAULT_FIT.lambdaBias}); ${opt.members} Poisson-bootstrap members`,
      drugClasses: config.drugs.map((d) => `${d.drug}: ${d.cls}`).join('; '),
      code: 'models/src/train.ts',
    },
    warning: 'Trained on simulated data, not validated on patients, not for clinical decisions.',
  };
  const data = withClasses(toTrainData(spec, obs, D), config.drugs.map((d) => d.cls));
  const members = toFloat32Members(fitEnsemble(data, opt.members, mixSeed(opt.seed, 13)));
  const onnx = ensembleToOnnx(members, F, D, {
    name: `therapy_navigator_${config.id}`,
    doc: `${spec.title}. ${spec.warning}`,
    metadata: { indication: config.id, model_version: MODEL_VERSION, drugs: drugs.join('|'), seed: String(opt.seed) },
    modelVersion: 1,
  });
  spec.onnx.sha256 = createHash('sha256').update(onnx).digest('hex');
  return { spec, onnx, members, sim, nTrain: n };
}
