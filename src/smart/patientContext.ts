/**
 * The launch's patient is an invariant of everything the app reads. A FHIR server can return another
 * patient's resources (an unsupported search parameter ignored under lenient handling, a caching
 * proxy, an EHR defect); in a decision aid that is the wrong-patient class of error. So every
 * resource is checked against the launch context, and what fails is dropped and named, never used.
 *
 * Pure and framework-free: used by the record reader (src/smart/readRecord.ts) and the extract CLI.
 */
import type { Patient, Resource } from 'fhir/r4';
import { FhirRequestError } from './errors.ts';

/** A resource that was read but does not belong to the launch's patient. */
export interface ForeignResource {
  /** `Type/id` of the dropped resource. */
  ref: string;
  /** Why it was dropped, in words (no patient data beyond resource references). */
  reason: string;
}

/** Fields through which a resource names its patient (FHIR R4: subject, patient, beneficiary). */
const PATIENT_LINKS = ['subject', 'patient', 'beneficiary'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refOf(r: Resource): string {
  return `${r.resourceType}/${typeof r.id === 'string' && r.id !== '' ? r.id : '(no id)'}`;
}

/**
 * The logical id of a `Patient` reference (`Patient/1`, `https://x/fhir/Patient/1`,
 * `Patient/1/_history/2`), or null when the reference names no Patient by id (a Group, an
 * identifier-only or a contained reference cannot be checked and counts as not this patient).
 */
export function patientIdOfReference(reference: unknown): string | null {
  if (!isObject(reference) || typeof reference['reference'] !== 'string') return null;
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference['reference'].trim());
  return m?.[1] ?? null;
}

/** The patient links a resource has: [field, patient id or null] for each field present. */
function patientLinks(r: Record<string, unknown>): Array<[string, string | null]> {
  return PATIENT_LINKS.filter((f) => r[f] !== undefined).map((f) => [f, patientIdOfReference(r[f])]);
}

/**
 * Why one patient-compartment resource (or a resource contained in one) is not about `patientId`,
 * or null when it is. Resources with no patient link are judged by {@link partitionByPatient}.
 */
function foreignReason(r: Record<string, unknown>, patientId: string): string | null {
  if (r['resourceType'] === 'Patient') return r['id'] === patientId ? null : 'a Patient other than the launch patient';
  for (const [field, id] of patientLinks(r)) {
    if (id === null) return `its ${field} does not name the launch patient by reference`;
    if (id !== patientId) return `its ${field} refers to another patient`;
  }
  return null;
}

/** True when the resource names a patient at all (or is a Patient): it belongs to a patient compartment. */
function hasPatientLink(r: Record<string, unknown>): boolean {
  return r['resourceType'] === 'Patient' || patientLinks(r).length > 0;
}

/** Every `reference` string inside a value (to find which non-patient resources are linked). */
function collectReferences(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 40) return;
  if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'reference' && typeof v === 'string') {
      const m = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(v.trim());
      if (m?.[1]) into.add(m[1]);
    } else if (k !== 'contained') collectReferences(v, into, depth + 1);
  }
}

/** Resource types that must name their patient (FHIR R4 patient compartment; subject/patient 1..1 or required by search). */
const COMPARTMENT_TYPES: ReadonlySet<string> = new Set([
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'Procedure',
  'AllergyIntolerance',
  'Immunization',
  'DiagnosticReport',
  'Encounter',
  'Coverage',
]);

/**
 * Splits what was read into the launch patient's resources and the rest:
 * - a Patient is kept only with the launch id;
 * - a resource with `subject`, `patient` or `beneficiary` is kept only when it references the
 *   launch patient (a reference to a Group, by identifier only or to another patient is dropped);
 *   a patient-compartment type without any such link cannot be checked and is dropped too;
 * - a resource that contains a resource about another patient is dropped with it;
 * - any other resource names no patient (a Medication, Organization, Device, ...): it is kept only
 *   when a kept resource links to it; an `_include`d Medication nobody of this patient prescribes
 *   is not this patient's.
 */
export function partitionByPatient(resources: readonly Resource[], patientId: string): { kept: Resource[]; foreign: ForeignResource[] } {
  const own: Resource[] = [];
  const shared: Resource[] = [];
  const foreign: ForeignResource[] = [];
  for (const r of resources) {
    const rec = r as unknown as Record<string, unknown>;
    const reason = foreignReason(rec, patientId);
    if (reason) {
      foreign.push({ ref: refOf(r), reason });
      continue;
    }
    const contained = Array.isArray(rec['contained']) ? (rec['contained'] as unknown[]).filter(isObject) : [];
    const badContained = contained.map((c) => foreignReason(c, patientId)).find((x) => x !== null);
    if (badContained) {
      foreign.push({ ref: refOf(r), reason: `a resource it contains is not about the launch patient (${badContained})` });
      continue;
    }
    if (hasPatientLink(rec)) own.push(r);
    else if (COMPARTMENT_TYPES.has(r.resourceType))
      foreign.push({ ref: refOf(r), reason: 'it names no patient, so it cannot be checked against the launch patient' });
    else shared.push(r);
  }
  const linked = new Set<string>();
  for (const r of own) collectReferences(r, linked);
  const kept = [...own];
  for (const r of shared) {
    if (linked.has(refOf(r))) kept.push(r);
    else foreign.push({ ref: refOf(r), reason: 'no resource of the launch patient refers to it' });
  }
  return { kept, foreign };
}

/**
 * Checks the answer of the Patient read against the launch context. Anything other than the Patient
 * with the launch id (another id, `{}`, an OperationOutcome) stops the launch: the banner would show
 * another person's name, or none, above this patient's ranking.
 * @throws FhirRequestError `wrong-patient`
 */
export function checkPatientAnswer(answer: unknown, patientId: string): Patient {
  if (!isPatient(answer)) {
    const type = isObject(answer) ? answer['resourceType'] : undefined;
    const what = typeof type === 'string' ? `a ${type}` : 'no FHIR resource';
    throw new FhirRequestError('wrong-patient', 200, 'Patient', `the server answered the Patient read with ${what} instead of the launch patient`);
  }
  if (answer.id !== patientId) {
    throw new FhirRequestError('wrong-patient', 200, 'Patient', "the server answered the Patient read with a Patient whose id is not the launch patient's");
  }
  return answer;
}

function isPatient(value: unknown): value is Patient {
  return isObject(value) && value['resourceType'] === 'Patient';
}

/** One line per dropped resource, for the record's problems and the screen. */
export function foreignProblem(f: ForeignResource): string {
  return `${f.ref} was not used: ${f.reason}`;
}

/**
 * The patients a set of resources is about: the ids of its Patient resources and of every patient
 * its resources reference (`subject`, `patient`, `beneficiary`), sorted. A bundle naming two is
 * two patients' records, whatever order its entries come in.
 */
export function patientIdsIn(resources: readonly Resource[]): string[] {
  const ids = new Set<string>();
  for (const r of resources) {
    const rec = r as unknown as Record<string, unknown>;
    if (r.resourceType === 'Patient' && typeof r.id === 'string' && r.id !== '') ids.add(r.id);
    for (const [, id] of patientLinks(rec)) if (id) ids.add(id);
  }
  return [...ids].sort();
}
