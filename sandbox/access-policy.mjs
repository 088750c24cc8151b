// What the demo EHR enforces on its FHIR API for a bearer token: SMART scopes (v1 and v2 syntax)
// and the patient compartment. Pure functions, no I/O.
// Sources: SMART App Launch 2.x (HL7 FHIR IG, v2.2.0) §"Scopes and Launch Context" (v2 `.cruds`
// permissions, v1 `.read`/`.write`/`.*`, wildcards); FHIR R4 CompartmentDefinition/patient (which
// element links each resource type to its patient).

/** @typedef {'c' | 'r' | 'u' | 'd' | 's'} Permission */
/** @typedef {{ context: string, type: string, perms: Set<Permission>, query: Array<[string, string]> }} ResourceScope */

/**
 * Element(s) linking a resource of each compartment type to its patient, after FHIR R4
 * CompartmentDefinition/patient (only the patient-valued params; performer/asserter are users).
 * @type {Readonly<Record<string, readonly string[]>>}
 */
export const COMPARTMENT_LINKS = {
  Condition: ['subject'],
  Observation: ['subject'],
  MedicationRequest: ['subject'],
  MedicationStatement: ['subject'],
  MedicationAdministration: ['subject'],
  Procedure: ['subject'],
  AllergyIntolerance: ['patient'],
  Immunization: ['patient'],
  Encounter: ['subject'],
  DocumentReference: ['subject'],
  RiskAssessment: ['subject'],
  DetectedIssue: ['patient'],
  GuidanceResponse: ['subject'],
  // R4 Provenance has no `patient` element: its compartment param `patient` is
  // `Provenance.target.where(resolve() is Patient)`.
  Provenance: ['target'],
};

/**
 * Search parameters that pin a compartment-type search to one patient (their value must be the
 * token's patient, bare id or `Patient/<id>` or an absolute URL ending so).
 */
export const PATIENT_SEARCH_PARAMS = ['patient', 'subject', 'patient:Patient', 'subject:Patient'];

/**
 * Parses the resource scopes of a granted scope string. Launch/identity scopes are ignored.
 * v1: `patient/Observation.read` = rs, `.write` = cud, `.*` = cruds. v2: any subset of `cruds` in
 * that order (SMART 2.x §"Scope Equivalence"). A `?query` suffix (v2 granular) is kept in `query`: it
 * restricts create/update to resources it admits (see {@link scopeAllows}); for reads it widens within the type.
 * @param {string} scope space-separated granted scopes
 * @returns {ResourceScope[]}
 */
export function parseResourceScopes(scope) {
  /** @type {ResourceScope[]} */
  const out = [];
  for (const s of scope.split(/\s+/)) {
    const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/.exec(s);
    if (!m) continue;
    const [, context = '', type = '', action = '', q = ''] = m;
    /** @type {Set<Permission>} */
    let perms;
    if (action === 'read') perms = new Set(['r', 's']);
    else if (action === 'write') perms = new Set(['c', 'u', 'd']);
    else if (action === '*') perms = new Set(['c', 'r', 'u', 'd', 's']);
    else if (/^c?r?u?d?s?$/.test(action)) perms = new Set(action.split('').filter(isPermission));
    else continue;
    out.push({ context, type, perms, query: [...new URLSearchParams(q.slice(1))] });
  }
  return out;
}

/**
 * @param {string} c
 * @returns {c is Permission}
 */
function isPermission(c) {
  return c === 'c' || c === 'r' || c === 'u' || c === 'd' || c === 's';
}

/**
 * Checks that the granted scopes allow `perm` on `type`. A granular scope (`patient/Observation.c?category=
 * system|code`) allows a create or update only of a resource its query admits (only `category` is
 * checked; any other parameter admits nothing); for reads and searches it counts as the unrestricted type.
 * @param {ResourceScope[]} scopes
 * @param {string} type
 * @param {Permission} perm
 * @param {any} [resource] the resource written (create/update)
 * @returns {boolean}
 */
export function scopeAllows(scopes, type, perm, resource) {
  return scopes.some(
    (s) =>
      (s.type === '*' || s.type === type) &&
      s.perms.has(perm) &&
      (s.query.length === 0 || perm === 'r' || perm === 's' || (resource !== undefined && queryAdmits(s.query, resource))),
  );
}

/**
 * Does a granular scope's query admit this resource? Every parameter must be `category` with a value
 * (`system|code`, `code` or `system|`; comma = alternatives) matching one of the resource's category codings.
 * @param {Array<[string, string]>} query
 * @param {any} resource
 */
function queryAdmits(query, resource) {
  /** @type {Array<{ system?: string, code?: string }>} */
  const codings = [resource?.category ?? []].flat().flatMap((/** @type {any} */ c) => c?.coding ?? []);
  return query.every(
    ([name, value]) =>
      name === 'category' &&
      value.split(',').some((v) => {
        const [system, code] = v.includes('|') ? v.split('|', 2) : [undefined, v];
        return codings.some((c) => (system === undefined || c.system === system) && (!code || c.code === code));
      }),
  );
}

/**
 * Names a scope that would grant the missing permission, for the 403 OperationOutcome text.
 * @param {string} type
 * @param {Permission} perm
 */
export function missingScopeName(type, perm) {
  const v1 = perm === 'r' || perm === 's' ? 'read' : 'write';
  return `patient/${type}.${perm === 's' ? 'rs' : perm} (v1: patient/${type}.${v1})`;
}

/**
 * Maps an HTTP request on the FHIR API to the SMART permission it needs.
 * @param {string} method
 * @param {string} path relative to the FHIR base, without query (e.g. `Observation`, `Patient/x`, `Observation/_search`)
 * @returns {{ type: string, id?: string, perm: Permission } | undefined} undefined for base-level calls
 */
export function classifyRequest(method, path) {
  const [type, id, ...rest] = path.split('/').filter(Boolean);
  if (!type || !/^[A-Z]/.test(type)) return undefined;
  if (id === '_search' || (!id && method === 'GET')) return { type, perm: 's' };
  if (!id) return { type, perm: 'c' };
  if (method === 'GET') return { type, id, perm: rest[0] === '_history' && !rest[1] ? 's' : 'r' };
  if (method === 'DELETE') return { type, id, perm: 'd' };
  return { type, id, perm: 'u' };
}

/**
 * Reduces a reference (`Patient/x`, `x`, `http://…/Patient/x`) to the patient id, or undefined.
 * @param {string | undefined} ref
 * @param {boolean} [bareAllowed] a bare id counts (search values), not in resource references
 */
export function patientIdOf(ref, bareAllowed = false) {
  if (!ref) return undefined;
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(ref);
  if (m) return m[1];
  return bareAllowed && /^[A-Za-z0-9\-.]{1,64}$/.test(ref) ? ref : undefined;
}

/**
 * True when a resource lies in the compartment of `patient`; non-compartment types (Medication,
 * Practitioner, Organization, …) are always visible. A compartment resource without a patient link is not.
 * @param {{ resourceType: string, id?: string } & Record<string, any>} resource
 * @param {string} patient
 */
export function inPatientCompartment(resource, patient) {
  if (resource.resourceType === 'Patient') return resource.id === patient;
  const links = COMPARTMENT_LINKS[resource.resourceType];
  if (!links) return true;
  return links.some((el) => [resource[el]].flat().some((/** @type {any} */ r) => patientIdOf(r?.reference) === patient));
}

/**
 * True when `type` is governed by the patient compartment (Patient itself included).
 * @param {string} type
 */
export function isCompartmentType(type) {
  return type === 'Patient' || type in COMPARTMENT_LINKS;
}

/**
 * Checks that a search on `type` is constrained to `patient`: Patient by `_id`, compartment types by
 * `patient`/`subject`. Every given value must name the patient (a list `a,b` must be exactly that patient).
 * @param {string} type
 * @param {URLSearchParams} params
 * @param {string} patient
 * @returns {boolean}
 */
export function searchConstrainedToPatient(type, params, patient) {
  const keys = type === 'Patient' ? ['_id'] : PATIENT_SEARCH_PARAMS;
  const values = keys.flatMap((k) => params.getAll(k));
  if (values.length === 0) return false;
  return values.every((v) => v.split(',').every((one) => patientIdOf(one, true) === patient));
}
