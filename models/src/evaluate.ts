/**
 * Entry point (`npm run evaluate`, i.e. `tsx models/src/evaluate.ts [indication ...]`): evaluates the
 * committed models/<indication>/model.onnx (weights read back from the file) against the oracle, runs the
 * leave-one-trial-out validation of the evidence synthesis, writes metrics.json and MODEL_CARD.md next to
 * the model and prints the validation table.
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
import { leaveOneTrialOut } from './evaluate/loto.ts';
import type { LotoResult } from './evaluate/loto.ts';
import { lotoTable, overall } from './evaluate/lotoReport.ts';

const modelsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2).filter((a): a is Indication => (INDICATIONS as string[]).includes(a));
const t0 = performance.now();
const lotoRows: { indication: string; trials: number; summary: LotoResult['summary']; tau: string }[] = [];
const lotoAll: LotoResult[] = [];
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
  const loto = leaveOneTrialOut(ind);
  lotoAll.push(loto);
  lotoRows.push({
    indication: ind,
    trials: loto.trials,
    summary: loto.summary,
    tau: `${sim.synthesis.tau.toFixed(2)} (${sim.synthesis.tauCi[0].toFixed(2)}-${sim.synthesis.tauCi[1].toFixed(2)})`,
  });
  const metrics = evaluateModel(spec, ens, sim, seed, loto);
  writeFileSync(join(dir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  const D = spec.outputs.drugs.length;
  const missingVar = spec.columns
    .filter((c) => c.kind === 'missing')
    .map((c) => ({
      input: c.input,
      v: spec.outputs.drugs.map((_, d) => Number(((ens.varSel[c.index * D + d] ?? 0) / c.scale).toPrecision(4))),
    }))
    .filter((r) => r.v.some((v) => v > 0));
  writeFileSync(join(dir, 'MODEL_CARD.md'), modelCard(CONFIGS[ind], spec, metrics, missingVar));
  const failed = Object.entries(metrics.targets)
    .filter(([, v]) => !v)
    .map(([k]) => k)
    .join('; ');
  console.log(
    `${ind}: ECE ${metrics.ece} AUC ${metrics.auc}/${metrics.oracleAuc} regret ${metrics.regretPp} pp (complete ${metrics.regretCompletePp}) kendall ${metrics.kendallTau} oracle coverage ${metrics.coverage.all} (complete ${metrics.coverage.completeRecords}) nma ${metrics.nma.map((o) => `${o.id}:${o.modelHolds}/${o.simulatorHolds}`).join(' ')} ${((performance.now() - t) / 1000).toFixed(1)} s${failed ? ` | targets not met: ${failed}` : ''}`,
  );
}
if (lotoRows.length > 1) lotoRows.push({ indication: 'overall', trials: lotoRows.reduce((s, r) => s + r.trials, 0), summary: overall(lotoAll), tau: '' });
console.log('\nLeave-one-trial-out validation of the evidence synthesis (no offsets; refit without each trial):');
console.log(lotoTable(lotoRows));
console.log('\nUpper bound from the table itself (synthesis fitted on every trial, nothing left out, still no offsets):');
const boundRows = lotoAll.map((r, i) => ({ indication: r.indication, trials: r.trials, summary: r.inSample, tau: lotoRows[i]?.tau ?? '' }));
if (boundRows.length > 1) boundRows.push({ indication: 'overall', trials: lotoRows.at(-1)?.trials ?? 0, summary: overall(lotoAll, 'inSample'), tau: '' });
console.log(lotoTable(boundRows));
for (const r of lotoAll) {
  console.log(`\n${r.indication}: misses`);
  for (const m of r.misses) console.log(`  - ${m}`);
}
console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`);
