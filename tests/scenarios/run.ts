/**
 * Runs one scenario the way the app does: the app's query plan (buildQueryPlan + the Medication
 * follow-up) answered by the in-memory server through readRecord(), prepare(), and rank() with the real
 * bundled ONNX model of the indication.
 */
import type { SearchOutcome } from '@src/extract/coverage.ts';
import type { Indication } from '@src/extract/indications.ts';
import { buildMedicationFollowUp, buildQueryPlan } from '@src/extract/queries.ts';
import type { LoadedModel } from '@src/model/loader.ts';
import { ModelRuntime } from '@src/model/runtime.ts';
import { prepare, rank, type PreparedRecord, type Ranking } from '@src/pipeline/index.ts';
import { readRecord, type PatientRecord } from '@src/pipeline/readRecord.ts';
import { loadBundledModel } from '../support/bundledModels.ts';
import { inProcessWorker } from '../support/inProcessWorker.ts';
import { NOW } from './builders.ts';
import { evaluate, type Check, type Scenario } from './expect.ts';
import { memorySession } from './server.ts';

export interface Models {
  runtime: ModelRuntime;
  byIndication: Record<Indication, LoadedModel>;
}

/** The four bundled models in one runtime (real loader: spec validation, SHA-256, session checks). */
export async function loadModels(): Promise<Models> {
  const runtime = new ModelRuntime(() => inProcessWorker());
  const byIndication = {} as Record<Indication, LoadedModel>;
  for (const ind of ['CD', 'UC', 'RA', 'RMS'] as const) byIndication[ind] = await loadBundledModel(runtime, ind);
  return { runtime, byIndication };
}

/**
 * prepare() on what readRecord() returned, with the read's failed searches handed over the way the app's
 * patient page hands them over (src/ui/pages/PatientPage.tsx: one SearchOutcome per QueryFailure), so a
 * failed search reaches the data layer as a failure, not as an absence.
 */
export function prepareRead(read: PatientRecord, indication: Indication): PreparedRecord {
  const searches: SearchOutcome[] = read.failures.map((f) => ({ id: f.queryId, resourceType: f.resourceType, ok: false, reason: f.error.detail }));
  return prepare(read.resources, NOW, indication, searches);
}

export interface ScenarioRun {
  scenario: Scenario;
  checks: Check[];
  failures: string[];
  ignoredParams: string[];
  ms: number;
}

export async function runScenario(s: Scenario, models: Models): Promise<ScenarioRun> {
  const t0 = performance.now();
  const session = memorySession(s.record(), { failing: s.failSearches ?? [] });
  let stage = 'read';
  try {
    const read = await readRecord(session, buildQueryPlan(session.patientId, NOW), { followUp: buildMedicationFollowUp });
    stage = 'prepare';
    const record = prepareRead(read, s.indication);
    stage = 'rank';
    const ranking: Ranking = await rank(record, models.byIndication[s.indication], models.runtime, { now: NOW });
    const checks = evaluate(s, record, ranking);
    return {
      scenario: s,
      checks,
      failures: read.failures.map((f) => `${f.resourceType}: ${f.error.code}`),
      ignoredParams: [...session.ignoredParams],
      ms: performance.now() - t0,
    };
  } catch (error) {
    // An exception is a result too: the scenario fails with the stage that threw, and the table still lists it.
    const message = error instanceof Error ? error.message : String(error);
    const check: Check = { kind: stage === 'prepare' ? 'fact' : 'rank', label: `${stage} threw`, expected: 'no exception', got: message, pass: false };
    return { scenario: s, checks: [check], failures: [], ignoredParams: [...session.ignoredParams], ms: performance.now() - t0 };
  }
}
