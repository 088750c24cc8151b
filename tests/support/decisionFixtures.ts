/** Demo records through the real data layer and safety rules; fixed probabilities (model order, descending) stand in for ONNX. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from 'fhir/r4';
import type { ModelSpec } from '@contract/spec.ts';
import type { Indication } from '@src/extract/indications.ts';
import { prepare, type PreparedRecord, type Ranking } from '@src/pipeline/index.ts';
import { rankOptions } from '@src/rules/ranking.ts';
import { checkAll } from '@src/rules/safety/index.ts';

export const NOW = new Date('2026-11-15T12:00:00Z');
const root = join(import.meta.dirname, '..', '..');

export function demoRanking(file: string): { record: PreparedRecord; ranking: Ranking } {
  const bundle = JSON.parse(readFileSync(join(root, 'sandbox/fixtures', file), 'utf8')) as Bundle;
  const record = prepare(
    (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])),
    NOW,
  );
  const indication = record.primaryIndication as Indication;
  const spec = JSON.parse(readFileSync(join(root, 'models', indication.toLowerCase(), 'spec.json'), 'utf8')) as ModelSpec;
  const modelValues = Object.fromEntries(
    spec.inputs.map((i) => {
      const v = record.inputs[i.name as keyof typeof record.inputs];
      return [i.name, v?.state === 'ok' ? v.value : null];
    }),
  );
  const flags = checkAll(spec.outputs.drugs, record.inputs, { now: NOW });
  const cur = record.inputs.current_advanced_therapy;
  const current = cur.state === 'ok' && typeof cur.value === 'string' && cur.value !== 'none' ? cur.value : null;
  const options = rankOptions(
    spec.outputs.drugs.map((drug, k) => ({ drug, probability: 0.7 - k * 0.03, lower: 0.6 - k * 0.03, upper: 0.8 - k * 0.03 })),
    flags,
    current,
  );
  const ranking: Ranking = {
    indication,
    spec,
    modelValues,
    encoded: { x: new Float32Array(0), missing: [] },
    excluded: [],
    overridden: [],
    options,
    currentMedicationFlags: {},
    referenceScores: [],
    timings: { encodeMs: 0, predictMs: 0, predictWorkerMs: 0, safetyMs: 0, totalMs: 0 },
  };
  return { record, ranking };
}
