/** Shared test helpers: paths and the committed artefacts. */
import { INPUT_NAMES } from '@contract/inputs.ts';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSpec } from '@contract/spec.ts';
import type { ModelSpec } from '@contract/spec.ts';
import type { Indication } from '@models/src/simulate/types.ts';

export const MODELS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../models');

/** Reads and validates a committed spec and its ONNX bytes. */
export function loadArtefacts(ind: Indication): { spec: ModelSpec; bytes: Uint8Array } {
  const spec = validateSpec(JSON.parse(readFileSync(join(MODELS_DIR, ind, 'spec.json'), 'utf8')));
  const buf = readFileSync(join(MODELS_DIR, ind, 'model.onnx'));
  return { spec, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}

/** The input catalogue agreed with the data layer: the model contract's input names (contract/inputs.ts). */
export const CATALOGUE: readonly string[] = INPUT_NAMES;

/** calibration.csv as text (drug names and row ids are checked against it). */
export const CALIBRATION_CSV = readFileSync(join(MODELS_DIR, 'evidence', 'calibration.csv'), 'utf8');
