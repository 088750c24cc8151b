/**
 * Shared set-up for the property tests: the fixed reference time, the fixed seed, the real bundled
 * models loaded through the app's own loader into the real onnxruntime-web (wasm, in Node), and the
 * sandbox fixtures as resource arrays.
 */
import { readFileSync } from 'node:fs';
import type { Resource } from 'fhir/r4';
import { resourcesFromBundle } from '@src/extract/bundle.ts';
import type { Indication } from '@src/extract/indications.ts';
import type { LoadedModel } from '@src/model/loader.ts';
import { ModelRuntime } from '@src/model/runtime.ts';
import { inProcessWorker } from '../support/inProcessWorker.ts';
import { loadBundledModel } from '../support/bundledModels.ts';

/** The sandbox fixtures' fixed "today" (sandbox/fixtures/README.md: dates written against 2026-11-15). */
export const NOW = new Date('2026-11-15T12:00:00Z');
/** One seed for every property file, so a failure reproduces exactly (fast-check prints the path). */
export const SEED = 20261129;

export const FIXTURE_FILES = [
  'cd-us-001.json',
  'uc-de-001.json',
  'ra-ips-001.json',
  'ra-de-002.json',
  'ra-lu-003.json',
  'rms-fr-001.json',
  'rms-us-002.json',
  'rms-ch-004.json',
] as const;

/** The demo patients' resources (read once). */
export function loadFixtures(): Array<{ file: string; resources: Resource[] }> {
  return FIXTURE_FILES.map((file) => ({ file, resources: resourcesFromBundle(JSON.parse(readFileSync(`sandbox/fixtures/${file}`, 'utf8'))).resources }));
}

export interface Models {
  runtime: ModelRuntime;
  byIndication: Record<Indication, LoadedModel>;
}

/** Loads the four bundled models into one runtime (the real loader: spec validation, SHA-256, session checks). */
export async function loadAllModels(): Promise<Models> {
  const runtime = new ModelRuntime(() => inProcessWorker());
  const byIndication = {} as Record<Indication, LoadedModel>;
  for (const ind of ['CD', 'UC', 'RA', 'RMS'] as const) byIndication[ind] = await loadBundledModel(runtime, ind);
  return { runtime, byIndication };
}
