/**
 * Therapy episodes from MedicationRequest, MedicationStatement and MedicationAdministration (+ the
 * referenced Medication, contained or included), merged per drug so one treatment course counts once.
 * Cancelled/draft/not-taken/not-done records are never exposure; entered-in-error is excluded and reported;
 * stopped = a past episode.
 */
import { because, couldNotRead, statusRef, type Reason } from './reasons.ts';
import type { FhirResource, Medication, MedicationAdministration, MedicationRequest, MedicationStatement } from 'fhir/r4';
import { matchDrug, type DrugClass, type LooseCoding } from './terminology/index.ts';
import { classifyStopReason, type StopReason } from './stopReasons.ts';

export { classifyStopReason, type StopReason } from './stopReasons.ts';
import { fhirDateOrUndefined, type FhirDate } from './dates.ts';
import { arr, isResource, refOf, str } from './fhir.ts';
import { excludedProblem, unreadableProblem, type ExtractProblem } from './problems.ts';

export interface TherapyEpisode {
  inn: string;
  drugKey: string;
  drugClass: DrugClass;
  advanced: boolean;
  start?: FhirDate;
  end?: FhirDate;
  ongoing: boolean;
  /** Set for ended episodes. */
  stopReason?: StopReason;
  stopReasonText?: string;
  sources: string[];
  matchedBy: 'code' | 'text';
  coding: LooseCoding;
  note?: string;
  /** The note as a typed reason (./reasons.ts). */
  noteWhy?: Reason;
}

type MedResource = MedicationRequest | MedicationStatement | MedicationAdministration;

interface MedEvent {
  drugKey: string;
  inn: string;
  drugClass: DrugClass;
  advanced: boolean;
  start?: FhirDate;
  end?: FhirDate;
  ongoing: boolean;
  status: string;
  reason?: { reason: StopReason; text: string };
  ref: string;
  matchedBy: 'code' | 'text';
  coding: LooseCoding;
  administrationOnly: boolean;
  /** The record states when it ended (period end, validity end, administration time). */
  explicitEnd: boolean;
}

/** Records with these statuses never count as exposure (FHIR R4 status value sets of the three resources). */
const NOT_EXPOSURE = new Set(['cancelled', 'draft', 'not-taken', 'not-done', 'intended']);
/** Intents that are not an order to treat (FHIR R4 medicationrequest-intent). */
const NOT_ORDER_INTENT = new Set(['proposal', 'plan']);
/** Two records of one drug belong to one episode when the gap between them is at most this (covers 8-weekly infusions and 6-monthly anti-CD20 dosing; SmPC intervals). */
export const EPISODE_GAP_DAYS = 200;

/** The medication concept of a request/statement/administration (inline, contained, or a referenced Medication). */
export function resolveMedication(r: MedResource, byRef: ReadonlyMap<string, Medication>): unknown {
  if (r.medicationCodeableConcept) return r.medicationCodeableConcept;
  const ref = str(r.medicationReference?.reference);
  if (!ref) return r.medicationReference?.display ? { text: r.medicationReference.display } : undefined;
  if (ref.startsWith('#')) {
    const contained = (Array.isArray(r.contained) ? r.contained : []).find(
      (c): c is Medication => isResource(c) && c.resourceType === 'Medication' && c.id === ref.slice(1),
    );
    return contained?.code;
  }
  const m = /(?:^|\/)Medication\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(ref);
  const med = m?.[1] ? byRef.get(m[1]) : undefined;
  return med?.code ?? (r.medicationReference?.display ? { text: r.medicationReference.display } : undefined);
}

function eventOf(r: MedResource, byRef: ReadonlyMap<string, Medication>, now: Date, problems: ExtractProblem[]): MedEvent | undefined {
  const concept = resolveMedication(r, byRef);
  const drug = matchDrug(concept);
  if (!drug) return undefined;
  const ref = refOf(r);
  const status = typeof r.status === 'string' ? r.status : 'unknown';
  if (status === 'entered-in-error') {
    problems.push(excludedProblem(`${ref} (${drug.drug.inn}) excluded: entered-in-error`, because('excluded-entered-in-error', { ref })));
    return undefined;
  }
  if (NOT_EXPOSURE.has(status)) {
    problems.push(
      excludedProblem(`${ref} (${drug.drug.inn}) not counted as exposure: status ${status}`, because('not-exposure', { ref, status: statusRef(status) })),
    );
    return undefined;
  }
  let start: FhirDate | undefined;
  let end: FhirDate | undefined;
  let ongoing = false;
  let reasonConcepts: unknown[] = [];
  let administrationOnly = false;
  switch (r.resourceType) {
    case 'MedicationRequest':
      if (NOT_ORDER_INTENT.has(r.intent)) return undefined;
      {
        const bounds = (Array.isArray(r.dosageInstruction) ? r.dosageInstruction : []).map((d) => d?.timing?.repeat?.boundsPeriod).find((b) => b !== undefined);
        start =
          fhirDateOrUndefined(r.authoredOn, now) ??
          fhirDateOrUndefined(bounds?.start, now) ??
          fhirDateOrUndefined(r.dispenseRequest?.validityPeriod?.start, now);
        end = fhirDateOrUndefined(bounds?.end, now) ?? fhirDateOrUndefined(r.dispenseRequest?.validityPeriod?.end, now);
      }
      ongoing = status === 'active' || status === 'on-hold';
      reasonConcepts = r.statusReason ? [r.statusReason] : [];
      break;
    case 'MedicationStatement':
      start = fhirDateOrUndefined(r.effectivePeriod?.start, now) ?? fhirDateOrUndefined(r.effectiveDateTime, now) ?? fhirDateOrUndefined(r.dateAsserted, now);
      end = fhirDateOrUndefined(r.effectivePeriod?.end, now);
      ongoing = (status === 'active' || status === 'on-hold') && (end === undefined || end.start.getTime() > now.getTime());
      reasonConcepts = arr(r.statusReason);
      break;
    case 'MedicationAdministration':
      start = fhirDateOrUndefined(r.effectivePeriod?.start, now) ?? fhirDateOrUndefined(r.effectiveDateTime, now);
      end = fhirDateOrUndefined(r.effectivePeriod?.end, now) ?? start;
      ongoing = status === 'in-progress';
      reasonConcepts = arr(r.statusReason);
      administrationOnly = true;
      break;
  }
  const notes = arr((r as { note?: unknown }).note)
    .map((n) => (typeof n === 'object' && n !== null ? str((n as { text?: unknown }).text) : undefined))
    .filter((t): t is string => t !== undefined);
  // Notes on completed records describe the dose ("infusion in day clinic"), not a reason to stop.
  let reason: ReturnType<typeof classifyStopReason>;
  if (status === 'stopped') reason = classifyStopReason(reasonConcepts, notes);
  else if (reasonConcepts.length > 0) reason = classifyStopReason(reasonConcepts);
  return {
    drugKey: drug.drug.key,
    inn: drug.drug.inn,
    drugClass: drug.drug.drugClass,
    advanced: drug.drug.advanced,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ongoing,
    status,
    ...(reason ? { reason } : {}),
    ref,
    matchedBy: drug.matchedBy,
    coding: drug.coding,
    administrationOnly,
    explicitEnd: end !== undefined,
  };
}

const t = (d: FhirDate | undefined): number => d?.start.getTime() ?? Number.NEGATIVE_INFINITY;

/** An open-ended order (no end date, not stopped) is followed by its renewal up to this many days later (yearly renewals of biologics). */
export const OPEN_ORDER_GAP_DAYS = 730;
const DAY = 86_400_000;

function mergeEvents(events: MedEvent[], now: Date): TherapyEpisode[] {
  events.sort((a, b) => t(a.start) - t(b.start));
  // closedAt: end of a stopped record; records starting by then (+1 day for time zones) still belong to it.
  const groups: Array<{ events: MedEvent[]; lastTime: number; open: boolean; closedAt: number | undefined }> = [];
  for (const e of events) {
    const g = groups.at(-1);
    const startTime = t(e.start);
    const gap = startTime - (g?.lastTime ?? Number.NEGATIVE_INFINITY);
    const joins =
      g !== undefined &&
      (g.closedAt === undefined
        ? startTime === Number.NEGATIVE_INFINITY || gap <= EPISODE_GAP_DAYS * DAY || (g.open && gap <= OPEN_ORDER_GAP_DAYS * DAY)
        : startTime <= g.closedAt + DAY);
    const lastTime = Math.max(t(e.end ?? e.start), e.ongoing && !e.explicitEnd ? now.getTime() : Number.NEGATIVE_INFINITY);
    if (g && joins) {
      g.events.push(e);
      g.lastTime = Math.max(g.lastTime, lastTime);
      g.open = !e.explicitEnd && e.status !== 'stopped';
      if (e.status === 'stopped') g.closedAt = Math.max(g.closedAt ?? Number.NEGATIVE_INFINITY, t(e.end ?? e.start));
    } else {
      groups.push({
        events: [e],
        lastTime,
        open: !e.explicitEnd && e.status !== 'stopped',
        closedAt: e.status === 'stopped' ? t(e.end ?? e.start) : undefined,
      });
    }
  }
  return groups.flatMap(({ events: list }) => {
    const first = list[0];
    if (!first) return [];
    const start = list.map((e) => e.start).find((d) => d !== undefined);
    const lastStop = Math.max(...list.filter((e) => e.status === 'stopped').map((e) => t(e.start)));
    // Ongoing: an active record not followed by a stop of the same drug.
    let ongoing = list.some((e) => e.ongoing && t(e.start) >= lastStop);
    let note: string | undefined;
    const latest = list.reduce((a, b) => (t(b.start) >= t(a.start) ? b : a));
    if (
      !ongoing &&
      list.every((e) => e.administrationOnly) &&
      latest.status === 'completed' &&
      now.getTime() - t(latest.end ?? latest.start) <= EPISODE_GAP_DAYS * DAY
    ) {
      ongoing = true;
      note = 'current therapy inferred from recent administrations';
    }
    const ends = list.map((e) => e.end ?? e.start).filter((d): d is FhirDate => d !== undefined);
    const end = ongoing ? undefined : ends.reduce<FhirDate | undefined>((a, b) => (a === undefined || t(b) > t(a) ? b : a), undefined);
    const reasons = list.map((e) => e.reason).filter((r) => r !== undefined);
    const reason = reasons.filter((r) => r.reason !== 'other').at(-1) ?? reasons.at(-1);
    const stop = ongoing ? {} : { stopReason: reason?.reason ?? 'unknown', ...(reason ? { stopReasonText: reason.text } : {}) };
    return {
      inn: first.inn,
      drugKey: first.drugKey,
      drugClass: first.drugClass,
      advanced: first.advanced,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ongoing,
      ...stop,
      sources: [...new Set(list.map((e) => e.ref))],
      matchedBy: list.some((e) => e.matchedBy === 'code') ? 'code' : 'text',
      coding: (list.find((e) => e.matchedBy === 'code') ?? first).coding,
      ...(note ? { note, noteWhy: because('current-inferred-from-administrations') } : {}),
    } satisfies TherapyEpisode;
  }) as TherapyEpisode[];
}

/**
 * Build therapy episodes from all medication resources of a record.
 * @param resources every resource of the record (Medication resources are used to resolve references)
 * @param now reference time (ongoing vs past, date plausibility)
 */
export function readEpisodes(resources: readonly FhirResource[], now: Date): { episodes: TherapyEpisode[]; problems: ExtractProblem[] } {
  const problems: ExtractProblem[] = [];
  const byRef = new Map<string, Medication>();
  for (const r of resources) if (r.resourceType === 'Medication' && typeof r.id === 'string') byRef.set(r.id, r);
  const byDrug = new Map<string, MedEvent[]>();
  for (const r of resources) {
    if (r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationStatement' && r.resourceType !== 'MedicationAdministration') continue;
    try {
      const e = eventOf(r, byRef, now, problems);
      if (e) byDrug.set(e.drugKey, [...(byDrug.get(e.drugKey) ?? []), e]);
    } catch (error) {
      problems.push(
        unreadableProblem(`${refOf(r)} could not be read: ${error instanceof Error ? error.message : String(error)}`, couldNotRead(refOf(r), error)),
      );
    }
  }
  const episodes = [...byDrug.values()].flatMap((events) => mergeEvents(events, now));
  episodes.sort((a, b) => t(a.start) - t(b.start));
  return { episodes, problems };
}
