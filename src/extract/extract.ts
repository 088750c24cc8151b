/**
 * extractRecord: FHIR R4 resources -> dated, sourced model inputs, safety facts, therapy episodes and lab
 * series for one patient. Pure and total: malformed input becomes gaps and problem messages, never an
 * exception.
 */
import { because, type Reason } from './reasons.ts';
import type { FhirResource, Patient, Resource } from 'fhir/r4';
import { CATALOGUE, type InputName } from './catalogue.ts';
import { fhirDateOrUndefined, yearsBetween } from './dates.ts';
import { deriveModelInputs } from './derive.ts';
import { readConditions, readImmunizations, readProcedures } from './facts.ts';
import { isResource, refOf, str } from './fhir.ts';
import { detectIndicationsDetailed, type Indication, type IndicationFinding } from './indications.ts';
import { readEpisodes, type TherapyEpisode } from './medications.ts';
import { readObservations, type ObservationPoint } from './observations.ts';
import { coverageOf, type SearchOutcome } from './coverage.ts';
import { applyCoverage } from './dependencies.ts';
import { deriveSafetyFacts, readOtherMedications } from './safety.ts';
import { missing, type DataGap, type InputValue } from './values.ts';
import { noteProblem, type ExtractProblem } from './problems.ts';
import type { TerminologyLookup } from './terminology/server.ts';

export interface PatientFacts {
  ref?: string;
  name?: string;
  birthDate?: string;
  ageYears?: number;
  gender?: string;
  deceased?: boolean;
}

export interface ExtractedRecord {
  patient: PatientFacts;
  indications: IndicationFinding[];
  /** The indication the inputs were derived for (option, else the first active finding). */
  primaryIndication: Indication | null;
  episodes: TherapyEpisode[];
  inputs: Record<InputName, InputValue>;
  /** Every recognised lab/score/vital series, canonical units, oldest first (for trends). */
  observations: Record<string, ObservationPoint[]>;
  gaps: DataGap[];
  /** Problems met while reading, typed by kind (problems.ts); the UI switches on `kind`. */
  problems: ExtractProblem[];
  /** Searches of the read that failed: every input depending on one is `missing` naming it. */
  failedSearches: SearchOutcome[];
}

export interface ExtractOptions {
  now: Date;
  /** Derive for this indication (e.g. chosen in the UI when a patient has two). */
  indication?: Indication;
  /** Outcomes of the read's searches (failed ones at least); absent = every search succeeded. */
  searches?: readonly SearchOutcome[];
  /**
   * `Condition/<id>` of suspected diagnoses the clinician confirmed in the app: only then does a suspected
   * indication count for ranking (the record itself is not changed).
   */
  confirmed?: readonly string[];
  /**
   * What the optional terminology server said about SNOMED CT codes the bundled code sets do not know
   * (terminology/server.ts): its matches count as indications, marked as server matches; its failures are notes.
   */
  terminology?: TerminologyLookup;
}

function patientFacts(patient: Patient | undefined, now: Date): PatientFacts {
  if (!patient) return {};
  const name = Array.isArray(patient.name) ? (patient.name.find((n) => n.use === 'official') ?? patient.name[0]) : undefined;
  const text = str(name?.text) ?? [Array.isArray(name?.given) ? name.given.join(' ') : undefined, str(name?.family)].filter(Boolean).join(' ');
  const birth = fhirDateOrUndefined(patient.birthDate, now);
  return {
    ref: refOf(patient),
    ...(text ? { name: text } : {}),
    ...(birth ? { birthDate: birth.raw, ageYears: yearsBetween(birth.start, now) } : {}),
    ...(typeof patient.gender === 'string' ? { gender: patient.gender } : {}),
    ...(patient.deceasedBoolean === true || patient.deceasedDateTime !== undefined ? { deceased: true } : {}),
  };
}

function emptyInputs(reason: string, why: Reason): Record<InputName, InputValue> {
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- CATALOGUE lists every InputName
  return Object.fromEntries(CATALOGUE.map((d) => [d.name, missing(d.name, reason, [], why)])) as Record<InputName, InputValue>;
}

function gapsOf(inputs: Record<InputName, InputValue>, primary: Indication | null): DataGap[] {
  const gaps: DataGap[] = [];
  for (const def of CATALOGUE) {
    const v = inputs[def.name];
    if (v.state === 'ok') continue;
    if (def.use === 'model' && primary && !def.indications.includes(primary)) continue;
    gaps.push({ input: def.name, state: v.state, reason: v.reason, ...(v.why ? { why: v.why } : {}), sources: v.sources });
  }
  return gaps;
}

/** The `Condition/<id>` a problem message starts with (to report each excluded Condition once). */
function refOfProblem(p: ExtractProblem): string {
  return /^(Condition\/[^\s:,;)]+)/.exec(p.message)?.[1] ?? p.message;
}

/**
 * Extract the record.
 * @param resources everything read for the patient (any order; Bundles already flattened)
 * @param options `now` (reference time for look-backs and staleness), optional `indication`
 */
export function extractRecord(resources: readonly Resource[] | readonly unknown[], options: ExtractOptions): ExtractedRecord {
  const now = options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date();
  const problems: ExtractProblem[] = [];
  try {
    const list: unknown[] = Array.isArray(resources) ? [...(resources as unknown[])] : [];
    if (!Array.isArray(resources)) problems.push(noteProblem('resources is not an array', because('not-an-array')));
    const valid: FhirResource[] = [];
    let malformed = 0;
    for (const r of list) {
      if (isResource(r)) valid.push(r);
      else malformed += 1;
    }
    if (malformed > 0)
      problems.push(
        noteProblem(
          `${malformed} entr${malformed === 1 ? 'y is' : 'ies are'} not FHIR resources and were ignored`,
          because('malformed-entries', { count: malformed }),
        ),
      );
    const of = <T extends FhirResource['resourceType']>(type: T): Array<Extract<FhirResource, { resourceType: T }>> =>
      valid.filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);

    const patients = of('Patient');
    const patient = patients[0];
    if (patient && new Set(patients.map((p) => p.id)).size > 1)
      problems.push(
        noteProblem(
          `${patients.length} different Patient resources; using ${refOf(patient)}`,
          because('several-patients', { count: patients.length, ref: refOf(patient) }),
        ),
      );
    if (!patient) problems.push(noteProblem('no Patient resource: age and sex unknown', because('no-patient')));

    const detection = detectIndicationsDetailed(valid, now, options.confirmed, options.terminology?.matches);
    problems.push(...(options.terminology?.problems ?? []), ...detection.problems);
    const findings = detection.findings;
    // Suspected diagnoses never choose the indication by themselves (certainty.ts): only usable findings do.
    const usable = findings.filter((f) => f.usable);
    const primary: Indication | null = options.indication ?? usable.find((f) => f.active)?.indication ?? usable[0]?.indication ?? null;
    const suspectedOnly = findings.filter((f) => !f.usable);
    if (!primary && suspectedOnly.length > 0)
      problems.push(
        noteProblem(
          `only a suspected diagnosis is recorded (${suspectedOnly.map((f) => `${f.indication}: ${f.conditionRef}, ${f.certaintyLabel}`).join('; ')}): confirm it to rank therapies`,
          because('only-suspected', { refs: suspectedOnly.map((f) => f.conditionRef).join(', ') }),
        ),
      );
    else if (!primary)
      problems.push(
        noteProblem("no Crohn's disease, ulcerative colitis, rheumatoid arthritis or multiple sclerosis diagnosis found", because('no-indication')),
      );

    const obs = readObservations(of('Observation'), now);
    problems.push(...obs.problems);
    const meds = readEpisodes(valid, now);
    problems.push(...meds.problems);
    // Excluded Conditions (refuted, entered-in-error, unreadable) are reported once: the indication
    // detection already names those of the four diseases; the others (comorbidities) are added here.
    const conditionProblems: ExtractProblem[] = [];
    const conditions = readConditions(of('Condition'), now, conditionProblems);
    const reported = new Set(problems.map(refOfProblem));
    problems.push(...conditionProblems.filter((m) => !reported.has(refOfProblem(m))));
    const procedures = readProcedures(of('Procedure'), now, problems);
    const immunizations = readImmunizations(of('Immunization'), now, problems);

    const coverage = coverageOf(options.searches ?? [], now);
    for (const f of coverage.failures)
      problems.push(
        noteProblem(
          `search ${f.id} (${f.resourceType}) failed${f.reason ? `: ${f.reason}` : ''}; the inputs that depend on it are shown as unknown`,
          because('search-failed-problem', { id: f.id, type: f.resourceType, ...(f.reason ? { detail: f.reason } : {}) }),
        ),
      );
    const ctx = {
      now,
      patient,
      patientRef: patient ? refOf(patient) : undefined,
      findings,
      primary: primary ?? undefined,
      episodes: meds.episodes,
      series: obs.series,
      conditions,
      procedures,
    };
    const model = deriveModelInputs(ctx);
    const smoking = model.smoking_current;
    const safety = deriveSafetyFacts({
      ...ctx,
      immunizations,
      immunizationsRead: of('Immunization').length,
      otherMeds: readOtherMedications(valid, now),
      coverage,
      smokingCurrent: smoking.state === 'ok' || smoking.state === 'stale' ? smoking.value === true : undefined,
    });
    const inputs = applyCoverage({ ...model, ...safety }, coverage);
    return {
      patient: patientFacts(patient, now),
      indications: findings,
      primaryIndication: primary,
      episodes: meds.episodes,
      inputs,
      observations: obs.series,
      gaps: gapsOf(inputs, primary),
      problems,
      failedSearches: [...coverage.failures],
    };
  } catch (error) {
    // Last line of defence: the readers catch per resource; this only guards against a bug in derivation.
    problems.push(
      noteProblem(
        `record could not be processed: ${error instanceof Error ? error.message : String(error)}`,
        because('not-processed', { error: error instanceof Error ? error.message : String(error) }),
      ),
    );
    const inputs = emptyInputs('record could not be processed', because('not-processed'));
    return {
      patient: {},
      indications: [],
      primaryIndication: null,
      episodes: [],
      inputs,
      observations: {},
      gaps: gapsOf(inputs, null),
      problems,
      failedSearches: (options.searches ?? []).filter((o) => !o.ok),
    };
  }
}
