/**
 * Entry point (`npm run evaluate`, i.e. `tsx models/src/evaluate.ts [indication ...]`): evaluates the
 * committed models/<indication>/model.onnx (weights read back from the file) against the oracle and
 * writes metrics.json and MODEL_CARD.md next to it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { validateSpec } from '../../contract/spec.ts';
import { onnxToEnsemble } from './onnx/ensembleGraph.ts';
import { calibrate } from './simulate/engine.ts';
import { CONFIGS, INDICATIONS } from './simulate/index.ts';
import type { Indication } from './simulate/types.ts';
import { mixSeed } from '../../contract/prng.ts';
import { evaluateModel } from './evaluate/run.ts';
import { modelCard } from './evaluate/modelCard.ts';

const modelsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2).filter((a): a is Indication => (INDICATIONS as string[]).includes(a));
for (const ind of wanted.length > 0 ? wanted : INDICATIONS) {
  const t = performance.now();
  const dir = join(modelsDir, ind);
  const spec = validateSpec(JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8')));
  const bytes = readFileSync(join(dir, 'model.onnx'));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== spec.onnx.sha256) throw new Error(`${ind}: model.onnx sha256 ${sha} does not match spec.json`);
  const ens = onnxToEnsemble(new Uint8Array(bytes), spec.outputs.members, spec.outputs.drugs.length);
  const seed = Number(spec.training.seed);
  const sim = calibrate(CONFIGS[ind], mixSeed(seed, 11));
  const metrics = evaluateModel(spec, ens, sim, seed);
  writeFileSync(join(dir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  const D = spec.outputs.drugs.length;
  const missingVar = spec.columns.filter((c) => c.kind === 'missing').map((c) => ({
    input: c.input, v: spec.outputs.drugs.map((_, d) => Number(((ens.varSel[c.index * D + d] ?? 0) / c.scale).toPrecision(4))),
  })).filter((r) => r.v.some((v) => v > 0));
  writeFileSync(join(dir, 'MODEL_CARD.md'), modelCard(CONFIGS[ind], spec, metrics, missingVar));
  const misses = metrics.arms.filter((a) => !a.withinCi).map((a) => `${a.rows}:${a.drug}`).join(', ');
  console.log(`${ind}: ECE ${metrics.ece} AUC ${metrics.auc}/${metrics.oracleAuc} regret ${metrics.regretPp} pp (complete ${metrics.regretCompletePp}) tau ${metrics.kendallTau} coverage ${metrics.coverage.all} (complete ${metrics.coverage.completeRecords}) arms ${metrics.armsWithinCi}/${metrics.armsTotal} nma ${metrics.nma.map((o) => `${o.id}:${o.modelHolds}/${o.simulatorHolds}`).join(' ')} misses [${misses}] ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
