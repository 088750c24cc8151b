/**
 * "Record this decision": the ranking the clinician saw, the option chosen and why, written to the EHR
 * in the form the server accepts (opt-in, `writeBack`).
 *
 * - The default record is a human-readable DocumentReference (src/writeback/decisionDocument.ts).
 * - The structured GuidanceResponse / RiskAssessment / DetectedIssue (decisionStructured.ts) are added
 *   only where the server offers the type with `create` (its CapabilityStatement) and the granted
 *   scopes allow it; the Provenance (decisionProvenance.ts) likewise.
 * - Every resource is a conditional create (FHIR R4 http.html §3.1.0.8.1) keyed on an identifier derived
 *   from one `decisionId`, so a resend after a lost answer creates nothing new, in whichever form it is
 *   sent (transaction, batch or single creates: decisionTransport.ts).
 *
 * Pure and deterministic: `now` and `decisionId` come from the caller.
 */
import type { Bundle, BundleEntry } from 'fhir/r4';
import { offersInteraction, offersSystem, type ServerCapabilities } from '../smart/capabilities.ts';
import { decisionContext, type DecisionContext, type DecisionInput, type DecisionItem, type LinkStyle } from './decisionCommon.ts';
import { documentReference } from './decisionDocument.ts';
import { provenance } from './decisionProvenance.ts';
import { detectedIssues, guidanceResponse, riskAssessments } from './decisionStructured.ts';

export {
  DECISION_ID_SYSTEM,
  DecisionRecordError,
  entryUuid,
  horizonRange,
  issueSeverity,
  SAFETY_RULE_SYSTEM,
  type DecisionInput,
  type DecisionItem,
  type DecisionSummaryText,
} from './decisionCommon.ts';

/** The resource types of a decision record; the launch asks to create them (src/smart/launch.ts DECISION_TYPES). */
export const DECISION_RESOURCE_TYPES = ['DocumentReference', 'GuidanceResponse', 'RiskAssessment', 'DetectedIssue', 'Provenance'] as const;
export type DecisionResourceType = (typeof DECISION_RESOURCE_TYPES)[number];
/** The structured types, written only where offered and allowed. */
export const STRUCTURED_TYPES = ['GuidanceResponse', 'RiskAssessment', 'DetectedIssue'] as const;

/** How the record is sent: one transaction, a batch, or one conditional create per resource. */
export type Transport = 'transaction' | 'batch' | 'single';

/** A type of the record that is not written, and why. */
export interface Omission {
  type: DecisionResourceType;
  /** `not-offered`: the server's CapabilityStatement lists no `create` for it; `not-allowed`: the granted scopes do not allow it. */
  why: 'not-offered' | 'not-allowed';
}

/** What will be written and how. */
export interface DecisionPlan {
  types: DecisionResourceType[];
  omitted: Omission[];
  /** Forms to try, in order: the one the CapabilityStatement names, or all three when there is none. */
  transports: Transport[];
  /** Whether the plan comes from a CapabilityStatement (`metadata`) or assumes everything (`unavailable`). */
  source: ServerCapabilities['source'];
}

/**
 * Plans the write from the server's capabilities and the granted scopes. Transaction if the server
 * offers it, else batch, else single creates; without a statement all three are tried in that order
 * (decisionTransport.ts falls back only on a refusal that says "not supported").
 */
export function planDecisionWrite(caps: ServerCapabilities, canCreate: (type: string) => boolean): DecisionPlan {
  const types: DecisionResourceType[] = [];
  const omitted: Omission[] = [];
  for (const type of DECISION_RESOURCE_TYPES) {
    if (!offersInteraction(caps, type, 'create')) omitted.push({ type, why: 'not-offered' });
    else if (!canCreate(type)) omitted.push({ type, why: 'not-allowed' });
    else types.push(type);
  }
  let transports: Transport[];
  if (caps.source === 'unavailable') transports = ['transaction', 'batch', 'single'];
  else if (offersSystem(caps, 'transaction')) transports = ['transaction'];
  else if (offersSystem(caps, 'batch')) transports = ['batch'];
  else transports = ['single'];
  return { types, omitted, transports, source: caps.source };
}

/** The plan records the decision itself: in the document, or in the GuidanceResponse. */
export function isRecordable(plan: Pick<DecisionPlan, 'types'>): boolean {
  return plan.types.includes('DocumentReference') || plan.types.includes('GuidanceResponse');
}

/** Everything written except the Provenance, in the plan's types; links in the given style. */
export function buildDecisionTargets(input: DecisionInput, types: readonly DecisionResourceType[], style: LinkStyle): DecisionItem[] {
  return targetsOf(decisionContext(input, style), types);
}

function targetsOf(ctx: DecisionContext, types: readonly DecisionResourceType[]): DecisionItem[] {
  const withRisks = types.includes('RiskAssessment');
  return [
    ...(types.includes('GuidanceResponse') ? [guidanceResponse(ctx, withRisks)] : []),
    ...(withRisks ? riskAssessments(ctx) : []),
    ...(types.includes('DetectedIssue') ? detectedIssues(ctx, withRisks) : []),
    ...(types.includes('DocumentReference') ? [documentReference(ctx)] : []),
  ];
}

export { provenance as buildDecisionProvenance } from './decisionProvenance.ts';
export { decisionContext } from './decisionCommon.ts';

const toEntry = (item: DecisionItem, withFullUrl: boolean): BundleEntry => ({
  ...(withFullUrl ? { fullUrl: item.fullUrl } : {}),
  resource: item.resource,
  request: { method: 'POST', url: item.resourceType, ifNoneExist: item.ifNoneExist },
});

/**
 * The record as one transaction Bundle (R4 http.html §3.1.0.11.2, all-or-nothing): entries refer to
 * each other by fullUrl; the Provenance (when planned) targets every other entry.
 * @param types the types to write (default: all)
 * @throws DecisionRecordError when the ranking is hypothetical, the option unknown, or a reason is
 *   missing for a choice other than the first-ranked option
 */
export function buildDecisionTransaction(input: DecisionInput, types: readonly DecisionResourceType[] = DECISION_RESOURCE_TYPES): Bundle {
  const ctx = decisionContext(input, 'fullUrl');
  const items = targetsOf(ctx, types);
  if (types.includes('Provenance'))
    items.push(
      provenance(
        ctx,
        items.map((i) => ({ reference: i.fullUrl })),
      ),
    );
  return { resourceType: 'Bundle', type: 'transaction', entry: items.map((i) => toEntry(i, true)) };
}

/** A batch Bundle of independent conditional creates (R4 http.html §3.1.0.11.1: no fullUrl links between entries). */
export function batchOf(items: readonly DecisionItem[]): Bundle {
  return { resourceType: 'Bundle', type: 'batch', entry: items.map((i) => toEntry(i, false)) };
}
