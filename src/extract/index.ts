/** The data layer's public API: FHIR R4 resources -> dated, sourced model inputs. */
export { extractRecord, type ExtractedRecord, type ExtractOptions, type PatientFacts } from './extract.ts';
export { excludedProblem, noteProblem, unreadableProblem, type ExtractProblem, type ProblemKind } from './problems.ts';
export { buildQueryPlan, buildMedicationFollowUp, MAX_TOKENS_PER_QUERY, LOOKBACK_DAYS, type FhirQuery } from './queries.ts';
export { detectIndications, detectIndicationsDetailed, describeFinding, INDICATIONS, type Indication, type IndicationFinding } from './indications.ts';
export {
  CATALOGUE,
  CATALOGUE_BY_NAME,
  INPUT_NAMES,
  SAFETY_NAMES,
  inputsFor,
  type InputDefinition,
  type InputName,
  type ModelInputName,
  type SafetyName,
} from './catalogue.ts';
export type { InputValue, InputState, DataGap, InputScalar, OriginalValue } from './values.ts';
export { isOk } from './values.ts';
export type { TherapyEpisode, StopReason } from './medications.ts';
export type { ObservationPoint } from './observations.ts';
export type { FhirDate, DatePrecision } from './dates.ts';
export { resourcesFromBundle } from './bundle.ts';
export { coverageOf, FULL_COVERAGE, type Coverage, type DataKind, type SearchOutcome } from './coverage.ts';
export { toCanonical, ANALYTES, type AnalyteKey } from './units.ts';
export {
  REASON_KEYS,
  because,
  joinReasons,
  isReason,
  type Reason,
  type ReasonKey,
  type ReasonPart,
  type ReasonParam,
  type InputRef,
  type RecordText,
  type StatusRef,
} from './reasons.ts';
