/**
 * The read plan adapted to what the server offers (issue 14, item 1). The fixed plan of ./queries.ts asks for
 * every type and parameter; a real EHR publishes in its CapabilityStatement which types it lets the app
 * search and with which parameters (Oracle Health Millennium R4, as issue 14 reads its published statement,
 * lists no MedicationStatement and no Medication, no `_include` on MedicationRequest, and `_count` only for
 * some types; to verify against a tenant's own /metadata). Asking for what
 * the server does not offer ends in a failed search and "record incomplete" on every launch.
 *
 * So the plan searches only types offered with `search-type`, drops parameters the type does not list, and
 * replaces `_include=...:medication` by the follow-up read of Medication (./queries.ts
 * buildMedicationFollowUp). A type the server does not offer is a named gap with its consequence
 * ({@link ReadGap}), not a failure: the failure path (a search that was asked for and did not answer) keeps
 * its "record incomplete" meaning. A gap that leaves a kind of data wholly unread makes every input that
 * depends on it `missing` (./coverage.ts), exactly as a failed search does.
 *
 * Without a usable statement (`source: 'unavailable'`) every offer is assumed (src/smart/capabilities.ts)
 * and the plan is the fixed plan, unchanged.
 */
import type { Resource } from 'fhir/r4';
import { offersInclude, offersInteraction, offersSearchParam, offersType, type ServerCapabilities } from '../smart/capabilities.ts';
import type { SearchOutcome } from './coverage.ts';
import { buildMedicationFollowUp, buildQueryPlan, unresolvedMedicationIds, type FhirQuery } from './queries.ts';
import { planSummary } from './readPlan.summary.ts';
import type { GapWhy, ReadGap, ReadPlanSummary } from './readPlan.types.ts';

export { describeReadPlan, FIXED_PLAN } from './readPlan.summary.ts';
export type { DroppedParam, GapConsequence, GapWhy, ReadGap, ReadPlanSummary } from './readPlan.types.ts';

/** The plan for one launch: the searches, the gaps, the follow-up and the summary for the Provenance. */
export interface AdaptedPlan {
  queries: FhirQuery[];
  gaps: ReadGap[];
  /** Wave 2: the Medications the medication resources reference and the server did not include. */
  followUp: (resources: readonly Resource[]) => FhirQuery[];
  summary: ReadPlanSummary;
}

const MEDICATION_TYPES = ['MedicationRequest', 'MedicationStatement', 'MedicationAdministration'] as const;

/**
 * `_count` is a result parameter (FHIR R4 search.html, "Modifying Search Results"; section number to verify),
 * which the specification does not ask a server to list in `rest.resource.searchParam`; many do not, and
 * honour it. A server that lists `_count` for some types (Oracle Health's API documentation lists it for
 * MedicationRequest search, not for every type) says by that which types accept it: there, it is dropped
 * for the others.
 */
function keepsCount(caps: ServerCapabilities, resourceType: string): boolean {
  if (caps.source === 'unavailable') return true;
  const listsCountAnywhere = [...caps.resources.values()].some((r) => r.searchParams.has('_count'));
  return !listsCountAnywhere || offersSearchParam(caps, resourceType, '_count');
}

/** Why the type cannot be searched for the patient, or undefined when it can. */
function unsearchable(caps: ServerCapabilities, resourceType: string): GapWhy | undefined {
  if (!offersType(caps, resourceType)) return 'type-not-offered';
  if (!offersInteraction(caps, resourceType, 'search-type')) return 'search-not-offered';
  if (!offersSearchParam(caps, resourceType, 'patient') && !offersSearchParam(caps, resourceType, 'subject')) return 'no-patient-parameter';
  return undefined;
}

/** Medication is searched by `_id` (the follow-up), not by patient. */
function medicationUnsearchable(caps: ServerCapabilities): GapWhy | undefined {
  if (!offersType(caps, 'Medication')) return 'type-not-offered';
  if (!offersInteraction(caps, 'Medication', 'search-type') || !offersSearchParam(caps, 'Medication', '_id')) return 'search-not-offered';
  return undefined;
}

interface Adaptation {
  params: Record<string, string>;
  dropped: string[];
  includeReplaced: boolean;
}

/** The query's parameters as the server accepts them (see the module comment for each rule). */
function adaptParams(caps: ServerCapabilities, q: FhirQuery): Adaptation {
  const params: Record<string, string> = {};
  const dropped: string[] = [];
  let includeReplaced = false;
  for (const [name, value] of Object.entries(q.params)) {
    if (name === '_count') {
      if (keepsCount(caps, q.resourceType)) params[name] = value;
      else dropped.push(name);
    } else if (name === '_include') {
      if (offersInclude(caps, q.resourceType, value)) params[name] = value;
      else includeReplaced = true;
    } else if (name === 'patient' && !offersSearchParam(caps, q.resourceType, 'patient')) {
      // unsearchable() made sure `subject` is offered; a subject search needs the typed reference.
      params.subject = `Patient/${value}`;
    } else if (offersSearchParam(caps, q.resourceType, name)) params[name] = value;
    else dropped.push(name);
  }
  return { params, dropped, includeReplaced };
}

/** Purpose words for what a dropped parameter changes (shown in the data-provenance panel). */
function purposeWithout(purpose: string, dropped: readonly string[]): string {
  if (dropped.includes('code')) return `${purpose}; the server offers no code search here, so all of the patient's results are read and sorted by the app`;
  if (dropped.includes('date'))
    // Safe: the extractor applies each input's look-back window itself (src/extract/latest.ts pointsInWindow).
    return `${purpose}; without a date limit (the server offers no date search here; the app applies the look-back windows itself)`;
  return purpose;
}

function medicationGap(resourceType: string, why: GapWhy, read: readonly string[]): ReadGap {
  return read.length > 0
    ? { resourceType, why, consequence: 'history-from', from: read, leavesUnknown: false }
    : { resourceType, why, consequence: 'history-unknown', leavesUnknown: true };
}

function gapOf(resourceType: string, why: GapWhy, medicationsRead: readonly string[]): ReadGap {
  if ((MEDICATION_TYPES as readonly string[]).includes(resourceType)) return medicationGap(resourceType, why, medicationsRead);
  if (resourceType === 'AllergyIntolerance') return { resourceType, why, consequence: 'allergies-not-shown', leavesUnknown: false };
  return { resourceType, why, consequence: 'inputs-unknown', leavesUnknown: true };
}

/**
 * The plan for one patient on this server.
 * @param patientId the launch's patient
 * @param now reference time of the look-back windows
 * @param caps the server's capabilities (src/smart/capabilities.ts), `unavailable` for the fixed plan
 */
export function planRead(patientId: string, now: Date, caps: ServerCapabilities): AdaptedPlan {
  const fixed = buildQueryPlan(patientId, now);
  const why = new Map<string, GapWhy>();
  for (const type of new Set(fixed.map((q) => q.resourceType))) {
    const w = unsearchable(caps, type);
    if (w) why.set(type, w);
  }
  const medicationsRead = MEDICATION_TYPES.filter((t) => !why.has(t));
  const gaps = [...why].map(([type, w]) => gapOf(type, w, medicationsRead));

  const queries: FhirQuery[] = [];
  const dropped = new Map<string, Set<string>>();
  const includeReplaced = new Set<string>();
  let allObservations = false;
  for (const q of fixed) {
    if (why.has(q.resourceType)) continue;
    const a = adaptParams(caps, q);
    if (a.dropped.length > 0) dropped.set(q.resourceType, new Set([...(dropped.get(q.resourceType) ?? []), ...a.dropped]));
    if (a.includeReplaced) includeReplaced.add(q.resourceType);
    if (q.resourceType === 'Observation' && a.dropped.includes('code')) {
      // Without a code search every Observation chunk would be the same search: one read of them all.
      if (allObservations) continue;
      allObservations = true;
      const { code: _code, ...rest } = a.params;
      queries.push({ ...q, id: 'obs-all', params: rest, purpose: purposeWithout('Laboratory values, scores, vital signs and classifications', a.dropped) });
      continue;
    }
    queries.push({ ...q, params: a.params, purpose: purposeWithout(q.purpose, a.dropped) });
  }

  // Medication: read in wave 2 when the server offers to search it by id; otherwise a gap, and a
  // request that names its drug only by reference is counted once the read is done (completeGaps).
  const medicationWhy = medicationUnsearchable(caps);
  // Without any medication type there is nothing to resolve: the medication gaps already say so.
  if (medicationWhy && medicationsRead.length > 0)
    gaps.push({ resourceType: 'Medication', why: medicationWhy, consequence: 'codes-on-request', leavesUnknown: false });
  const followUp = (resources: readonly Resource[]): FhirQuery[] =>
    medicationWhy ? [] : buildMedicationFollowUp(resources).map((q) => ({ ...q, params: adaptParams(caps, q).params }));
  if (!medicationWhy) {
    // The follow-up's parameters are fixed (`_id`, `_count`): what the server drops of them is known now.
    const probe = buildMedicationFollowUp([{ resourceType: 'MedicationRequest', medicationReference: { reference: 'Medication/probe' } } as Resource])[0];
    const medicationDropped = probe ? adaptParams(caps, probe).dropped : [];
    if (medicationDropped.length > 0) dropped.set('Medication', new Set(medicationDropped));
  }

  return {
    queries,
    gaps,
    followUp,
    summary: planSummary(caps, gaps, dropped, includeReplaced),
  };
}

/**
 * The gaps once the record is read: without Medication, requests that name their drug only by a reference
 * (no code, no display) cannot be recognised, so the therapy history is not complete and its inputs are unknown.
 */
export function completeGaps(gaps: readonly ReadGap[], resources: readonly Resource[]): ReadGap[] {
  return gaps.map((g) => {
    if (g.resourceType !== 'Medication') return g;
    const unresolved = unresolvedMedicationIds(resources, { withDisplay: false }).referencing;
    return unresolved > 0 ? { ...g, consequence: 'references-unresolved', unresolved, leavesUnknown: true } : g;
  });
}

/**
 * The gaps as outcomes for the extraction (pipeline prepare()): those that leave a kind of data unread
 * (`gap: true`; ./coverage.ts names them "not shared by this EHR" instead of "failed": their inputs are
 * missing), and the medication types missing beside others that are read (`partial: true`: a "none" from the
 * medication history gets a note naming the type not shared).
 */
export function gapOutcomes(gaps: readonly ReadGap[]): SearchOutcome[] {
  return gaps
    .filter((g) => g.leavesUnknown || g.consequence === 'history-from')
    .map((g) => ({
      id: `gap-${g.resourceType}`,
      resourceType: g.resourceType,
      ok: false,
      gap: true,
      ...(g.leavesUnknown ? {} : { partial: true }),
      reason: g.why,
    }));
}
