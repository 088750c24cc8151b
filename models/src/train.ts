/**
 * Entry point (`npm run train`, i.e. `tsx models/src/train.ts [indication ...]`): trains the bundled
 * models and writes models/<indication>/model.onnx and spec.json. Deterministic for the seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndication, DEFAULT_SEED } from './build.ts';
import { CONFIGS, INDICATIONS } from './simulate/index.ts';
import type { Indication } from './simulate/types.ts';

/** Bootstrap members per bundled model. */
export const MEMBERS = 16;

const modelsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2).filter((a): a is Indication => (INDICATIONS as string[]).includes(a));
const t0 = performance.now();
for (const ind of wanted.length > 0 ? wanted : INDICATIONS) {
  const t = performance.now();
  const res = buildIndication(CONFIGS[ind], { seed: DEFAULT_SEED, members: MEMBERS });
  const dir = join(modelsDir, ind);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.onnx'), res.onnx);
  writeFileSync(join(dir, 'spec.json'), `${JSON.stringify(res.spec, null, 2)}\n`);
  const effects = [...res.sim.effects].map(([d, b]) => `${d} ${b.toFixed(2)}`).join(', ');
  console.log(
    `${ind}: ${res.nTrain} records, F=${res.spec.columns.length}, D=${res.spec.outputs.drugs.length}, ${res.onnx.length} bytes, ${((performance.now() - t) / 1000).toFixed(1)} s; effects: ${effects}`,
  );
}
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
