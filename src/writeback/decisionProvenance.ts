/**
 * The Provenance of a decision record: every resource written as target (and the Patient), the
 * signed-in user as author and the app as assembler, the records the model read as sources, and the
 * read plan the app used (what it could and could not read from this server). Pure.
 */
import type { Provenance, Reference } from 'fhir/r4';
import { BASE, DECISION_ID_SYSTEM, decisionItem, type DecisionContext, type DecisionItem } from './decisionCommon.ts';

const PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
/** Extension carrying the one-line read-plan summary (R4 Provenance has no element for it). */
export const READ_PLAN_EXTENSION = `${BASE}/StructureDefinition/read-plan`;

/** The identifier (tag) value of a decision's Provenance. */
export const provenanceKey = (decisionId: string): string => `${decisionId}-provenance`;

/**
 * @param targets the resources written: `urn:uuid:` fullUrls in a transaction, `Type/id` read from
 *   the server's answers otherwise (an identifier reference where the server gave no location)
 */
export function provenance(ctx: DecisionContext, targets: readonly Reference[]): DecisionItem {
  const { decisionId, readPlan } = ctx.input;
  const key = provenanceKey(decisionId);
  const author: Reference = ctx.userRef ?? { display: 'user not named by the EHR (no fhirUser claim)' };
  const plan = readPlan?.trim();
  const prov: Provenance = {
    resourceType: 'Provenance',
    meta: { tag: [{ system: DECISION_ID_SYSTEM, code: key }] },
    ...(plan ? { extension: [{ url: READ_PLAN_EXTENSION, valueString: plan }] } : {}),
    // The Patient is a target as well: FHIR R4 CompartmentDefinition/patient places a Provenance
    // in a patient's compartment through `Provenance.target.where(resolve() is Patient)`.
    target: [...targets, ctx.subject],
    recorded: ctx.when,
    activity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'CREATE' }] },
    agent: [
      { type: { coding: [{ system: PARTICIPANT, code: 'author' }] }, who: author },
      { type: { coding: [{ system: PARTICIPANT, code: 'assembler' }] }, who: ctx.appRef },
    ],
    entity: ctx.inputSources.map((s) => ({ role: 'source', what: { reference: s } })),
  };
  return decisionItem(decisionId, key, prov);
}
