import type { Patient, Resource } from 'fhir/r4';
import { FhirRequestError } from '../smart/errors.ts';
import type { FhirSession, RequestLogEntry, SearchResult } from '../smart/session.ts';
import type { Indication } from '../../contract/indications.ts';
import { detectIndications } from '../extract/indications.ts';
import { completeGaps, FIXED_PLAN, gapOutcomes, planRead, type AdaptedPlan, type ReadGap, type ReadPlanSummary } from '../extract/readPlan.ts';
import type { SearchOutcome } from '../extract/coverage.ts';
import { unavailableCapabilities, type ServerCapabilities } from '../smart/capabilities.ts';
import { mark, record } from './metrics.ts';
import { partitionByPatient, type ForeignResource } from '../smart/patientContext.ts';

/** One search of a query plan (the plan itself is built in extract/queries.ts). */
export interface PlannedQuery {
  id: string;
  resourceType: string;
  params: Record<string, string>;
  wave: number;
  purpose: string;
}

/** A search that failed: the record is incomplete and the UI must say which part is missing. */
export interface QueryFailure {
  queryId: string;
  resourceType: string;
  purpose: string;
  error: FhirRequestError;
}

/** Everything read for one patient, with how it was read. */
export interface PatientRecord {
  patient: Patient;
  /** Patient, matches and included resources of the launch's patient, de-duplicated by type and id. */
  resources: Resource[];
  /** Resources the server returned that are not about the launch's patient: dropped, named on screen. */
  foreign: ForeignResource[];
  failures: QueryFailure[];
  /**
   * Types the server does not offer (its CapabilityStatement): known gaps with their consequence, not
   * failures. Empty when the plan was given by the caller or the server offers everything planned.
   */
  gaps: ReadGap[];
  /** The plan used (capabilities source, types skipped, parameters dropped, includes replaced): for the Provenance. */
  plan: ReadPlanSummary;
  requests: RequestLogEntry[];
  waves: number;
  readAt: string;
}

/**
 * Executes a query plan: the Patient read and every search of wave 1 in parallel, then wave 2, and
 * so on. A failing search does not stop the others; it is returned in `failures` so the record is
 * shown as incomplete instead of silently partial. A failing Patient read fails the whole record, and
 * so does a search that ends `unauthorized` (the session has ended: the UI asks to relaunch).
 */
export interface ReadOptions {
  /** Searches that depend on what the plan returned (e.g. Medications a server did not `_include`). */
  followUp?: (resources: Resource[]) => PlannedQuery[];
  onProgress?: (done: number, total: number) => void;
  /** Called as each search completes, before its wave ends (e.g. to start work on the Conditions early). */
  onSearch?: (query: PlannedQuery, result: SearchResult) => void;
}

/**
 * @param planned the searches, or the adapted plan once it is known (src/extract/readPlan.ts): the Patient
 *   read starts at once either way, so the server's `/metadata` and the Patient are read together and the
 *   plan adds no round trip of its own before the first wave beyond the metadata's own answer
 */
export async function readRecord(
  session: FhirSession,
  planned: readonly PlannedQuery[] | Promise<AdaptedPlan>,
  options: ReadOptions = {},
): Promise<PatientRecord> {
  const { onProgress, onSearch } = options;
  const patientPromise = session.readPatient();
  // Awaited after the searches; a rejection until then is not an unhandled one.
  patientPromise.catch(() => undefined);
  const adapted = Array.isArray(planned) ? undefined : await (planned as Promise<AdaptedPlan>);
  const initialPlan: readonly PlannedQuery[] = adapted ? adapted.queries : (planned as readonly PlannedQuery[]);
  const followUp = options.followUp ?? adapted?.followUp;
  const plan = [...initialPlan];
  const signature = (q: PlannedQuery): string => `${q.resourceType}?${JSON.stringify(Object.entries(q.params).sort(([a], [b]) => a.localeCompare(b)))}`;
  const ran = new Set(plan.map(signature));
  const waves = [...new Set(plan.map((q) => q.wave))].sort((a, b) => a - b);
  let total = plan.length + 1;
  let done = 0;
  const tick = (): void => {
    done++;
    onProgress?.(done, total);
  };
  const byKey = new Map<string, Resource>();
  const add = (r: Resource): void => {
    byKey.set(`${r.resourceType}/${r.id ?? `#${byKey.size}`}`, r);
  };
  const failures: QueryFailure[] = [];
  patientPromise.then(tick, tick);
  for (let w = 0; w < waves.length; w++) {
    const wave = waves[w] ?? 0;
    const queries = plan.filter((q) => q.wave === wave);
    const results = await Promise.allSettled(
      queries.map((q) =>
        session
          .search(q.resourceType, q.params, wave)
          .then((result) => {
            // Early work (the model prefetch) sees only the launch patient's resources too.
            onSearch?.(q, { ...result, matches: partitionByPatient(result.matches, session.patientId).kept });
            return result;
          })
          .finally(tick),
      ),
    );
    results.forEach((r, i) => {
      const q = queries[i];
      if (!q) return;
      if (r.status === 'fulfilled') {
        r.value.matches.forEach(add);
        r.value.included.forEach(add);
      } else {
        const error = r.reason instanceof FhirRequestError ? r.reason : new FhirRequestError('bad-response', null, q.resourceType, String(r.reason));
        failures.push({ queryId: q.id, resourceType: q.resourceType, purpose: q.purpose, error });
      }
    });
    // A 401 that survived the token refresh means the session is over: nothing further can be
    // read, and a partial record would look complete to a clinician who relaunches later.
    const ended = failures.find((f) => f.error.code === 'unauthorized');
    if (ended) throw ended.error;
    if (w === waves.length - 1 && followUp) {
      // A follow-up already run is never run again: when it failed, what it asked for is still
      // missing and the plan would otherwise repeat it wave after wave.
      const next = followUp(partitionByPatient([...byKey.values()], session.patientId).kept)
        .filter((q) => !ran.has(signature(q)))
        .map((q) => ({ ...q, wave: wave + 1 }));
      next.forEach((q) => ran.add(signature(q)));
      if (next.length > 0) {
        plan.push(...next);
        waves.push(wave + 1);
        total += next.length;
      }
    }
  }
  const patient = await patientPromise;
  add(patient);
  // The patient context is an invariant: what is not about the launch's patient is never used.
  const { kept, foreign } = partitionByPatient([...byKey.values()], session.patientId);
  return {
    patient,
    resources: kept,
    foreign,
    failures,
    gaps: adapted ? completeGaps(adapted.gaps, kept) : [],
    plan: adapted?.summary ?? FIXED_PLAN,
    requests: [...session.requestLog],
    waves: waves.length,
    readAt: new Date().toISOString(),
  };
}

/** What the launch's record read reports while it runs. */
export interface PatientReadOptions {
  /** The reference time of the query plan's windows. */
  now: Date;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called when a Condition search returns with the first active indication it shows, so its model can
   * start loading while the labs are still being read.
   */
  onIndication?: (indication: Indication) => void;
  /**
   * How long the first wave waits for the server's CapabilityStatement (default
   * {@link CAPABILITIES_WAIT_MS}); after that the fixed plan runs and the plan says why.
   */
  capabilitiesWaitMs?: number;
}

/**
 * The longest the record read waits for `/metadata` before it plans without it. A statement can be large
 * (hundreds of kB on vendor servers) but is one GET; a server whose metadata hangs must not hold the record
 * read for the transport's full timeout and retries. 4 s is a project choice (no standard figure), to revisit
 * with launch timings from real EHRs.
 */
export const CAPABILITIES_WAIT_MS = 4000;

/** The capabilities, or `unavailable` when they do not answer within `ms`. */
function capabilitiesWithin(session: FhirSession, ms: number): Promise<ServerCapabilities> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ServerCapabilities>((resolve) => {
    timer = setTimeout(() => resolve(unavailableCapabilities(`the CapabilityStatement did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([session.capabilities(), late]).finally(() => clearTimeout(timer));
}

/**
 * Step `readRecord`: the patient's record for this launch. Reads the server's capabilities (once per
 * server, together with the Patient), builds the query plan for them (extract/readPlan.ts over
 * extract/queries.ts), runs it in waves with the medication follow-up, reports the first indication as soon as the
 * diagnoses are in, and records the launch figures (request and wave counts).
 */
export async function readPatientRecord(session: FhirSession, options: PatientReadOptions): Promise<PatientRecord> {
  const { onIndication } = options;
  const planned = capabilitiesWithin(session, options.capabilitiesWaitMs ?? CAPABILITIES_WAIT_MS).then((caps) =>
    planRead(session.patientId, options.now, caps),
  );
  const result = await readRecord(session, planned, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onSearch: (q, found) => {
      if (q.resourceType !== 'Condition' || !onIndication) return;
      // A suspected diagnosis does not pick the model before the clinician confirms it (certainty.ts).
      const first = detectIndications(found.matches).find((f) => f.active && f.usable)?.indication;
      if (first) onIndication(first);
    },
  });
  mark('recordRead');
  record({ requests: result.requests.length, waves: result.waves });
  return result;
}

/**
 * What the extraction needs to know about the read (pipeline prepare()): the failed searches, and the
 * gaps that leave a kind of data unread, so every input that depends on either is shown as missing.
 */
export function readOutcomes(read: Pick<PatientRecord, 'failures' | 'gaps'>): SearchOutcome[] {
  return [...read.failures.map((f) => ({ id: f.queryId, resourceType: f.resourceType, ok: false, reason: f.error.detail })), ...gapOutcomes(read.gaps)];
}
