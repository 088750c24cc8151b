/**
 * What the launch context (src/smart/launchContext.ts) may open the app on, checked against the record.
 * The record decides, never the context: an indication is opened only when the record holds it as a
 * usable, active diagnosis (a suspected one only after the clinician confirmed it, certainty.ts); a drug
 * only when it is in the catalogue (and, on screen, an option of the ranking). Everything that does not
 * fit becomes a note and is otherwise ignored: it never picks a model the record does not support.
 */
import type { Condition, Medication, MedicationAdministration, MedicationRequest, MedicationStatement, Resource } from 'fhir/r4';
import { indicationOf, type Indication } from '../../contract/indications.ts';
import { readCertainty } from '../extract/certainty.ts';
import { detectIndicationsDetailed, type IndicationFinding } from '../extract/indications.ts';
import { resolveMedication } from '../extract/medications.ts';
import { DRUGS, matchDrug } from '../extract/terminology/index.ts';
import { partitionByPatient } from '../smart/patientContext.ts';
import type { FhirSession } from '../smart/session.ts';
import type { LaunchContextRequest, LaunchTarget } from '../smart/launchContext.ts';

/** Why (part of) a launch context was not followed; each has its sentence in the UI (launchContext messages). */
export type LaunchNoteCode =
  | 'fhir-context-malformed'
  | 'app-context-malformed'
  | 'unknown-indication'
  | 'indication-not-in-record'
  | 'indication-suspected'
  | 'indication-inactive'
  | 'condition-excluded'
  | 'condition-not-indication'
  | 'other-patient'
  | 'not-in-record'
  | 'unknown-drug'
  | 'drug-not-option'
  | 'drug-current'
  | 'conflict';

/** One note about the launch context, with what it names. */
export interface LaunchNote {
  code: LaunchNoteCode;
  /** The resource the context named (`MedicationRequest/123`, or `Condition identifier <value>`). */
  ref?: string;
  /** The value as sent (an unknown indication or drug name, a second indication), for the reader. */
  raw?: string;
  indication?: Indication;
  /** The drug's INN (catalogue). */
  drug?: string;
}

/** Where the launch opens: at most one indication and one drug, and the notes. */
export interface LaunchFocus {
  /** A detected, usable, active indication the context names: the ranking opens on it. */
  indication?: Indication;
  /** The drug (INN) whose row is highlighted and explained, if it is an option. */
  drug?: string;
  notes: LaunchNote[];
}

/** What the check needs from the record. */
export interface FocusRecord {
  /** The patient's resources (the record as read, plus context resources read on their own and found to be this patient's). */
  resources: readonly Resource[];
  /** `Type/id` of resources dropped as another patient's (the record's, and context resources read on their own). */
  foreignRefs: ReadonlySet<string>;
  /** The record's indication findings (with the clinician's confirmations applied). */
  findings: readonly IndicationFinding[];
}

const MED_TYPES = new Set(['MedicationRequest', 'MedicationStatement', 'MedicationAdministration']);
/** At most this many context resources are read on their own (a launch names one or two). */
const MAX_EXTRA_READS = 5;

/** The indication path: the record must hold it as usable and active. */
function indicationNote(indication: Indication, findings: readonly IndicationFinding[]): LaunchNote | null {
  const of = findings.filter((f) => f.indication === indication);
  if (of.some((f) => f.usable && f.active)) return null;
  if (of.some((f) => !f.usable && f.active)) return { code: 'indication-suspected', indication };
  if (of.length > 0) return { code: 'indication-inactive', indication };
  return { code: 'indication-not-in-record', indication };
}

function findResource(target: Extract<LaunchTarget, { kind: 'resource' }>, resources: readonly Resource[]): Resource | undefined {
  if (target.reference) return resources.find((r) => `${r.resourceType}/${r.id ?? ''}` === target.reference);
  const id = target.identifier;
  if (!id) return undefined;
  return resources.find(
    (r) =>
      r.resourceType === target.resourceType &&
      ((r as { identifier?: Array<{ system?: string; value?: string }> }).identifier ?? []).some(
        (i) => i.value === id.value && (id.system === undefined || i.system === id.system),
      ),
  );
}

function describeTarget(target: Extract<LaunchTarget, { kind: 'resource' }>): string {
  if (target.reference) return target.reference;
  return `${target.resourceType} ${target.identifier?.system ? `${target.identifier.system}|` : ''}${target.identifier?.value ?? ''}`;
}

/** The indication (or a note) of a Condition named by the context. */
function conditionTarget(ref: string, condition: Condition, record: FocusRecord): { indication: Indication } | LaunchNote {
  const finding = record.findings.find((f) => f.conditionRef === ref);
  if (finding) {
    const note = indicationNote(finding.indication, record.findings);
    return note ?? { indication: finding.indication };
  }
  if (readCertainty(condition).certainty === 'excluded') return { code: 'condition-excluded', ref };
  // A Condition read on its own (not among the record's findings): which disease it names, then the record decides.
  const own = detectIndicationsDetailed([condition]).findings[0];
  if (!own) return { code: 'condition-not-indication', ref };
  return indicationNote(own.indication, record.findings) ?? { indication: own.indication };
}

/** The drug (INN) of a medication resource named by the context, or a note. */
function medicationTarget(ref: string, resource: Resource, resources: readonly Resource[]): { drug: string } | LaunchNote {
  const meds = new Map(resources.filter((r): r is Medication => r.resourceType === 'Medication' && typeof r.id === 'string').map((m) => [m.id ?? '', m]));
  const concept = resolveMedication(resource as MedicationRequest | MedicationStatement | MedicationAdministration, meds);
  const match = matchDrug(concept);
  return match ? { drug: match.drug.inn } : { code: 'unknown-drug', ref };
}

/** A catalogue drug by INN or catalogue key, any case ("Upadacitinib", "certolizumab_pegol"). */
export function drugByName(name: string): string | undefined {
  const n = name.trim().toLowerCase().replace(/_/g, ' ');
  return DRUGS.find((d) => d.inn.toLowerCase() === n || d.key.replace(/_/g, ' ') === n)?.inn;
}

/**
 * Checks the launch context against the record: where the app opens and what it says about the rest.
 * Targets are taken in order (fhirContext before appContext); a second, different indication or drug
 * is named as a conflict and ignored.
 */
export function resolveLaunchFocus(request: LaunchContextRequest, record: FocusRecord): LaunchFocus {
  const notes: LaunchNote[] = request.problems.map((p) => ({ code: p.code }));
  let indication: Indication | undefined;
  let drug: string | undefined;
  const setIndication = (i: Indication, raw: string) => {
    if (indication === undefined) indication = i;
    else if (indication !== i) notes.push({ code: 'conflict', raw });
  };
  const setDrug = (d: string, raw: string) => {
    if (drug === undefined) drug = d;
    else if (drug !== d) notes.push({ code: 'conflict', raw });
  };
  for (const target of request.targets) {
    if (target.kind === 'indication') {
      const i = indicationOf(target.value);
      if (!i) notes.push({ code: 'unknown-indication', raw: target.value });
      else {
        const note = indicationNote(i, record.findings);
        if (note) notes.push(note);
        else setIndication(i, target.value);
      }
      continue;
    }
    if (target.kind === 'drug') {
      const d = drugByName(target.value);
      if (d) setDrug(d, target.value);
      else notes.push({ code: 'unknown-drug', raw: target.value });
      continue;
    }
    const ref = describeTarget(target);
    if (target.reference && record.foreignRefs.has(target.reference)) {
      notes.push({ code: 'other-patient', ref });
      continue;
    }
    const resource = findResource(target, record.resources);
    if (!resource) {
      notes.push({ code: 'not-in-record', ref });
      continue;
    }
    const refOfResource = `${resource.resourceType}/${resource.id ?? ''}`;
    const result =
      target.resourceType === 'Condition' ? conditionTarget(refOfResource, resource as Condition, record) : medicationTarget(ref, resource, record.resources);
    if ('code' in result) notes.push(result);
    else if ('indication' in result) setIndication(result.indication, ref);
    else setDrug(result.drug, ref);
  }
  return { ...(indication ? { indication } : {}), ...(drug ? { drug } : {}), notes };
}

/**
 * Context resources named by reference that are not among the record's resources or its foreign ones:
 * read one by one (at most {@link MAX_EXTRA_READS}) and checked against the launch patient, so that a
 * draft order the searches do not return still opens its drug, and another patient's resource is named
 * as such. A failed read leaves the resource unknown ("not in the record"), never a failed launch.
 */
export async function readContextResources(
  session: Pick<FhirSession, 'read' | 'patientId'>,
  request: LaunchContextRequest,
  known: { resources: readonly Resource[]; foreignRefs: ReadonlySet<string> },
): Promise<{ kept: Resource[]; foreignRefs: string[] }> {
  const have = new Set(known.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const refs = [
    ...new Set(
      request.targets.flatMap((t) =>
        t.kind === 'resource' && t.reference && !have.has(t.reference) && !known.foreignRefs.has(t.reference) ? [t.reference] : [],
      ),
    ),
  ].slice(0, MAX_EXTRA_READS);
  const read = await Promise.all(
    refs.map((ref) =>
      session.read(ref, 0).then(
        (r): Resource | null => r,
        () => null,
      ),
    ),
  );
  // Only the resource asked for: an answer of another type or id is not it.
  const answers = read.filter(
    (r, i): r is Resource => r !== null && (r.resourceType === 'Condition' || MED_TYPES.has(r.resourceType)) && `${r.resourceType}/${r.id ?? ''}` === refs[i],
  );
  const { kept, foreign } = partitionByPatient(answers, session.patientId);
  return { kept, foreignRefs: foreign.map((f) => f.ref) };
}
