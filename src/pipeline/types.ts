/**
 * What the pipeline steps hand each other and the screen: plain data, no React, no FHIR client.
 */
import type { Reason } from '../extract/reasons.ts';
import type { InputValues, ModelSpec } from '../../contract/spec.ts';
import type { Indication } from '../../contract/indications.ts';
import type { ExtractedRecord } from '../extract/extract.ts';
import type { InputName } from '../extract/catalogue.ts';
import type { InputValue } from '../extract/values.ts';
import type { DrugExplanation } from '../model/explain.ts';
import type { GapImpact } from '../model/gapImpact.ts';
import type { RankedOption } from '../rules/ranking.ts';
import type { SafetyFlag } from '../rules/safety/types.ts';
import type { RecordScores } from '../scores/fromRecord.ts';
import type { ScoreResult } from '../scores/types.ts';

/** The extracted record with its activity scores; inputs include the derived ones. */
export interface PreparedRecord extends ExtractedRecord {
  scores: RecordScores;
  /** Inputs filled from computed scores (matchedBy 'derived', with a note saying how). */
  derived: InputName[];
  timings: { prepareMs: number };
}

/** Why an input the model takes is not given to it. */
export interface ExcludedInput {
  input: string;
  state: InputValue['state'] | 'not-in-record';
  reason: string;
  /** The typed reason (src/extract/reasons.ts), for the screen's languages. */
  why?: Reason;
}

/** The ranking: available as soon as the model has run on the patient's row. */
export interface Ranking {
  indication: Indication;
  spec: ModelSpec;
  /** The values given to the model (null = missing, encoded as the spec says). */
  modelValues: InputValues;
  /** The encoded row and the inputs the encoder found missing (for the explanation step). */
  encoded: { x: Float32Array; missing: string[] };
  /** Inputs the model takes that were missing, stale, implausible or of an unknown unit. */
  excluded: ExcludedInput[];
  /** Inputs changed in the what-if editor: the result is hypothetical when this is not empty. */
  overridden: string[];
  options: RankedOption[];
  /**
   * Findings for drugs the patient takes now that are not options of the model (e.g. background
   * methotrexate when pregnancy is planned). Only triggered findings: screening before a start does
   * not apply to a drug already taken.
   */
  currentMedicationFlags: Record<string, SafetyFlag[]>;
  referenceScores: ScoreResult[];
  /** predictMs: wall time incl. the worker round trip; predictWorkerMs: the model's own time in the worker. */
  timings: { encodeMs: number; predictMs: number; predictWorkerMs: number; safetyMs: number; totalMs: number };
}

/** Why each option gets its probability, and which missing inputs matter: computed right after the ranking. */
export interface Explanation {
  explanations: Record<string, DrugExplanation>;
  gapImpact: GapImpact[];
  /** runMs: wall time of the batch run; workerMs: the model's own time in the worker; explainMs: Shapley and gap arithmetic. */
  explainTimings: { runMs: number; workerMs: number; explainMs: number };
}

export type Recommendation = Ranking & Explanation;
