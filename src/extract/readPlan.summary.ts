/**
 * Which read plan was used, as data (shown in the data-provenance panel in the reader's language) and as one
 * English technical line for the write-back Provenance ({@link describeReadPlan}): a decision recorded from a
 * record read without MedicationStatement says so where the decision is stored.
 */
import type { ServerCapabilities } from '../smart/capabilities.ts';
import type { GapWhy, ReadGap, ReadPlanSummary } from './readPlan.types.ts';

/** The summary of a plan the caller gave (no capabilities read): nothing skipped or dropped. */
export const FIXED_PLAN: ReadPlanSummary = { capabilities: 'not-read', skipped: [], droppedParams: [], includeReplaced: [] };

/** Builds the summary from what planRead decided. */
export function planSummary(
  caps: ServerCapabilities,
  gaps: readonly ReadGap[],
  dropped: ReadonlyMap<string, ReadonlySet<string>>,
  includeReplaced: ReadonlySet<string>,
): ReadPlanSummary {
  return {
    capabilities: caps.source,
    ...(caps.reason ? { reason: caps.reason } : {}),
    ...(caps.software ? { software: caps.software } : {}),
    ...(caps.fhirVersion ? { fhirVersion: caps.fhirVersion } : {}),
    skipped: gaps.map((g) => ({ resourceType: g.resourceType, why: g.why })),
    droppedParams: [...dropped].flatMap(([resourceType, params]) => [...params].sort().map((param) => ({ resourceType, param }))),
    includeReplaced: [...includeReplaced],
  };
}

const WHY_WORDS: Record<GapWhy, string> = {
  'type-not-offered': 'type not offered',
  'search-not-offered': 'search not offered',
  'no-patient-parameter': 'no patient search parameter',
};

/**
 * One line of English for the write-back Provenance (technical, for the people who audit the record):
 * where the capabilities came from, what was not searched, which parameters were dropped, which includes
 * became a follow-up read, and how many requests the read took.
 * @param record the read (src/pipeline/readRecord.ts PatientRecord, or any object with its plan and request count)
 */
export function describeReadPlan(record: { plan: ReadPlanSummary; requests?: readonly unknown[]; waves?: number }): string {
  const p = record.plan;
  const server = [p.software, p.fhirVersion ? `FHIR ${p.fhirVersion}` : undefined].filter(Boolean).join(', ');
  let source = 'fixed plan (capabilities not read)';
  if (p.capabilities === 'metadata') source = `capabilities from the server's CapabilityStatement${server ? ` (${server})` : ''}`;
  else if (p.capabilities === 'unavailable') source = `no usable CapabilityStatement (${p.reason ?? 'no reason given'}); every type and parameter assumed`;
  const parts = [`Read plan: ${source}`];
  parts.push(
    p.skipped.length > 0 ? `not searched: ${p.skipped.map((s) => `${s.resourceType} (${WHY_WORDS[s.why]})`).join(', ')}` : 'every planned type searched',
  );
  if (p.droppedParams.length > 0) {
    const byType = new Map<string, string[]>();
    for (const d of p.droppedParams) byType.set(d.resourceType, [...(byType.get(d.resourceType) ?? []), d.param]);
    parts.push(`parameters dropped: ${[...byType].map(([t, ps]) => `${t} ${ps.join('/')}`).join(', ')}`);
  }
  if (p.includeReplaced.length > 0) parts.push(`_include replaced by a follow-up read of Medication: ${p.includeReplaced.join(', ')}`);
  if (record.requests) parts.push(`${record.requests.length} requests${record.waves !== undefined ? ` in ${record.waves} waves` : ''}`);
  return `${parts.join('; ')}.`;
}
