/**
 * Writes the simulated demo patients to sandbox/fixtures/sim-*.json (deterministic for a seed).
 *
 *   npx tsx models/src/export/cli.ts                 write the committed set (seed 20261115)
 *   npx tsx models/src/export/cli.ts --seed 7 --out /tmp/sim   another set elsewhere
 *   npx tsx models/src/export/cli.ts --check         exit 1 if a committed file differs
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDemoSet } from './render.ts';
import { DEFAULT_SEED } from './select.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(opt('--seed') ?? DEFAULT_SEED);
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
const out = resolve(opt('--out') ?? join(here, '../../../sandbox/fixtures'));
const check = args.includes('--check');

let stale = 0;
if (!check) mkdirSync(out, { recursive: true });
for (const { key, text, entries } of renderDemoSet(seed)) {
  const file = join(out, `${key}.json`);
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      process.stderr.write(`${key}.json differs from the exporter's output; run npx tsx models/src/export/cli.ts\n`);
      stale += 1;
    }
  } else {
    writeFileSync(file, text);
    process.stdout.write(`${key}.json: ${entries} entries\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
