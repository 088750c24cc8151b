/**
 * Which searches of the read failed, and what they would have held. A failed search (error, timeout, 403) is
 * not an empty record: every input that depends on it is `missing` with a reason naming the search, never
 * false/"none" (issue 10, "A failed search is not an empty record").
 *
 * A type the server does not offer (./readPlan.ts, a gap that leaves a kind of data unread) is passed as an
 * outcome with `gap: true`: its inputs are missing in the same way, named "not shared by this EHR", and it is
 * not a failure (no "search failed" problem).
 *
 * Observation searches are mapped to the concepts they asked for through the query plan itself (same ids,
 * same codes: buildQueryPlan is deterministic), so a failed laboratory chunk only affects its own tests.
 */
import { because, statusRef, type Reason } from './reasons.ts';
import { buildQueryPlan } from './queries.ts';
import { codeMatches } from './terminology/index.ts';

/** The outcome of one search, as the app's reader reports it (only failures need to be passed). */
export interface SearchOutcome {
  /** The plan's query id (`conditions`, `obs-labs-2`, `medicationRequest`, `medications-1`, ...). */
  id: string;
  resourceType: string;
  ok: boolean;
  /** Why it failed, in words (e.g. "timeout: no answer within 20 s", "HTTP 403"). */
  reason?: string;
  /** Not a failed search: the server does not offer this type (./readPlan.ts gapOutcomes). */
  gap?: boolean;
  /**
   * With `gap`: other types of the same kind are read (no MedicationStatement, but MedicationRequest): the
   * kind is read in part, so a "none" from it gets a note instead of becoming missing.
   */
  partial?: boolean;
}

/** The kinds of data a fact can depend on. `obs:<concept>` is one Observation concept (e.g. `obs:lab.hbsag`). */
export type DataKind = 'conditions' | 'medications' | 'immunizations' | 'procedures' | `obs:${string}`;

export interface Coverage {
  /** The clinician-readable reason the search for this kind failed; undefined when it did not fail. */
  failed(kind: DataKind): string | undefined;
  /** {@link Coverage.failed} as a typed reason (./reasons.ts). */
  failedWhy(kind: DataKind): Reason | undefined;
  /** Every failed search, for the record's problem list. */
  readonly failures: readonly SearchOutcome[];
  /** Types the server does not offer that leave a kind of data unread (not failures). */
  readonly gaps: readonly SearchOutcome[];
  /** Types the server does not offer whose kind is still read from other types (`partial` gaps). */
  readonly partials: readonly SearchOutcome[];
  /** The typed reason a kind is read only in part (a `partial` gap), or undefined. */
  partialWhy(kind: DataKind): Reason | undefined;
  /** {@link Coverage.partialWhy} in English. */
  partial(kind: DataKind): string | undefined;
}

const TYPE_KIND: Record<string, DataKind> = {
  Condition: 'conditions',
  MedicationRequest: 'medications',
  MedicationStatement: 'medications',
  MedicationAdministration: 'medications',
  Medication: 'medications',
  Immunization: 'immunizations',
  Procedure: 'procedures',
};
const TYPE_WORDS: Record<string, string> = {
  Condition: 'diagnosis (Condition)',
  MedicationRequest: 'prescription (MedicationRequest)',
  MedicationStatement: 'medication list (MedicationStatement)',
  MedicationAdministration: 'administration (MedicationAdministration)',
  Medication: 'medication details (Medication)',
  Immunization: 'vaccination (Immunization)',
  Procedure: 'procedure (Procedure)',
  Observation: 'laboratory/observation (Observation)',
};

/** The typed form of {@link describe}: the resource type gets a translated label; the transport's detail stays as it is. */
function describeWhy(o: SearchOutcome): Reason {
  if (o.gap) return because('type-not-shared', { type: statusRef(o.resourceType) });
  return because('search-failed', { type: statusRef(o.resourceType), ...(o.reason ? { detail: o.reason } : {}) });
}

function describe(o: SearchOutcome): string {
  const what = TYPE_WORDS[o.resourceType] ?? o.resourceType;
  if (o.gap) return `this EHR does not share ${what} data`;
  return `the ${what} search failed${o.reason ? ` (${o.reason})` : ''}`;
}

/** Concepts each Observation query of the plan asked for, by query id. */
function observationConcepts(now: Date): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const q of buildQueryPlan('coverage', now)) {
    if (q.resourceType !== 'Observation') continue;
    const concepts = new Set<string>();
    for (const token of (q.params.code ?? '').split(',')) {
      const bar = token.lastIndexOf('|');
      if (bar < 0) continue;
      for (const m of codeMatches({ coding: [{ system: token.slice(0, bar), code: token.slice(bar + 1) }] })) concepts.add(m.concept);
    }
    out.set(q.id, concepts);
  }
  return out;
}

/**
 * Coverage of a read.
 * @param outcomes the searches of the read (failed ones at least); empty = everything succeeded
 * @param now reference time (the plan's ids do not depend on it; its date windows do)
 */
export function coverageOf(outcomes: readonly SearchOutcome[], now: Date): Coverage {
  const failures = outcomes.filter((o) => !o.ok && !o.gap);
  const gaps = outcomes.filter((o) => !o.ok && o.gap === true && !o.partial);
  const partials = outcomes.filter((o) => !o.ok && o.gap === true && o.partial === true);
  const partialByKind = new Map<DataKind, SearchOutcome>();
  for (const p of partials) {
    const kind = TYPE_KIND[p.resourceType];
    if (kind && !partialByKind.has(kind)) partialByKind.set(kind, p);
  }
  const byKind = new Map<DataKind, SearchOutcome>();
  let allObservations: SearchOutcome | undefined;
  const planConcepts = failures.some((f) => f.resourceType === 'Observation') ? observationConcepts(now) : new Map<string, Set<string>>();
  // Failures first: a failed search is named before a gap of the same kind.
  for (const f of [...failures, ...gaps]) {
    const kind = TYPE_KIND[f.resourceType];
    if (kind && !byKind.has(kind)) byKind.set(kind, f);
    if (f.resourceType !== 'Observation') continue;
    const concepts = planConcepts.get(f.id);
    // A search the plan does not know (another plan version): every observation concept is in doubt.
    if (!concepts) allObservations ??= f;
    for (const c of concepts ?? []) if (!byKind.has(`obs:${c}`)) byKind.set(`obs:${c}`, f);
  }
  const outcome = (kind: DataKind) => byKind.get(kind) ?? (kind.startsWith('obs:') ? allObservations : undefined);
  return {
    failures,
    gaps,
    partials,
    partialWhy: (kind) => {
      const o = partialByKind.get(kind);
      return o ? describeWhy(o) : undefined;
    },
    partial: (kind) => {
      const o = partialByKind.get(kind);
      return o ? describe(o) : undefined;
    },
    failed: (kind) => {
      const o = outcome(kind);
      return o ? describe(o) : undefined;
    },
    failedWhy: (kind) => {
      const o = outcome(kind);
      return o ? describeWhy(o) : undefined;
    },
  };
}

/** Coverage of a complete read (no search failed). */
export const FULL_COVERAGE: Coverage = {
  failures: [],
  gaps: [],
  partials: [],
  failed: () => undefined,
  failedWhy: () => undefined,
  partial: () => undefined,
  partialWhy: () => undefined,
};
