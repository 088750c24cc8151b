// The three EHR shapes the sandbox serves, each at its own FHIR base over the same patient data. ONE
// table per profile drives both what the server says (/metadata, .well-known/smart-configuration) and
// what it enforces (./enforce.mjs), so the statement and the behaviour cannot disagree.
//
// These are SANDBOX profiles modelled on published documents, not the vendors' servers. Facts taken from
// a document name it below; every choice the documents leave open is marked "sandbox choice" and is to
// verify against a real tenant before anyone relies on it.

/** FHIR observation-category code system (FHIR R4 valueset-observation-category). */
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/**
 * @typedef {object} ResourceRule
 * @property {string[]} interactions CapabilityStatement.rest.resource.interaction codes
 * @property {string[]} [searchParams] listed search parameters; absent: every FHIR R4 parameter of the type
 * @property {string[]} [includes] `_include` values the server accepts (`*`: any)
 * @property {string[]} [revincludes] `_revinclude` values the server accepts
 */

/**
 * @typedef {object} ServerProfile
 * @property {'full' | 'oracle' | 'isik'} id
 * @property {string} basePath the FHIR base below the sandbox origin
 * @property {string} title
 * @property {boolean} enforced false: the full server, today's behaviour (fhir-server.mjs statement, no profile rules)
 * @property {Record<string, ResourceRule>} resources types the server offers (ignored when not enforced)
 * @property {string[]} system rest.interaction: `batch`, `transaction`
 * @property {Record<string, string>} writeNeedsEncounter type -> element that must reference the launch encounter on create/update
 * @property {boolean} launchEncounter an EHR launch carries the patient's current Encounter (token response `encounter`)
 * @property {string[]} extraCapabilities SMART capabilities beyond the common ones
 * @property {(scope: string) => string[]} scopeForms the scopes this profile offers for a resource type and permission set
 * @property {Record<string, string[]>} grantAs requested scope -> the scopes granted instead (granular v2 forms)
 * @property {Array<{ url: string, accessed: string, facts: string }>} sources
 */

const READ = ['read', 'search-type'];

/** Every resource type the app reads, writes or resolves, with SMART v1/v2 read and write scope forms. */
const patientTypes = (/** @type {string[]} */ read, /** @type {string[]} */ write) => [
  ...read.flatMap((t) => [`patient/${t}.rs`, `patient/${t}.r`, `patient/${t}.s`, `patient/${t}.read`]),
  ...write.flatMap((t) => [`patient/${t}.c`, `patient/${t}.write`]),
];

/** @type {ServerProfile} */
export const FULL = {
  id: 'full',
  basePath: '/fhir',
  title: 'Full server (every type, transaction and batch)',
  enforced: false,
  resources: {},
  system: ['transaction', 'batch'],
  writeNeedsEncounter: {},
  launchEncounter: false,
  extraCapabilities: ['context-ehr-encounter'],
  scopeForms: () => [],
  grantAs: {},
  sources: [],
};

/**
 * Oracle Health (Cerner) Millennium R4, as its public documentation describes it.
 * @type {ServerProfile}
 */
export const ORACLE = {
  id: 'oracle',
  basePath: '/oracle/fhir',
  title: 'Oracle-like (modelled on Oracle Health Millennium R4)',
  enforced: true,
  resources: {
    Patient: { interactions: READ, searchParams: ['_id', 'identifier', 'name', 'family', 'given', 'birthdate', 'gender', '_count'] },
    Encounter: { interactions: READ, searchParams: ['_id', 'patient', 'subject', 'account', 'identifier', 'date', 'status', '_count'] },
    Condition: { interactions: [...READ, 'create'], searchParams: ['_id', 'patient', 'subject', 'clinical-status', 'category', 'encounter', '_lastUpdated'] },
    Observation: {
      interactions: READ,
      searchParams: ['_id', 'patient', 'subject', 'category', 'code', 'date', '_lastUpdated', '_count', '_revinclude'],
      revincludes: ['Provenance:target'],
    },
    // No `_include` on MedicationRequest: the documented parameters are _id, patient, status, intent,
    // -timing-boundsPeriod, _lastUpdated, _count and _revinclude=Provenance:target (op-medicationrequest-get).
    MedicationRequest: {
      interactions: READ,
      searchParams: ['_id', 'patient', 'status', 'intent', '-timing-boundsPeriod', '_lastUpdated', '_count', '_revinclude'],
      revincludes: ['Provenance:target'],
    },
    MedicationAdministration: { interactions: READ, searchParams: ['_id', 'patient', 'status', 'effective-time'] },
    Procedure: { interactions: READ, searchParams: ['_id', 'patient', 'subject', 'date', '_revinclude'], revincludes: ['Provenance:target'] },
    AllergyIntolerance: { interactions: [...READ, 'create'], searchParams: ['_id', 'patient', 'clinical-status', '_lastUpdated', '_revinclude'] },
    Immunization: { interactions: READ, searchParams: ['_id', 'patient', 'date', 'target-disease', 'vaccine-code', '_revinclude'] },
    Practitioner: { interactions: READ, searchParams: ['_id', 'identifier', 'name', 'family', 'given', '_count'] },
    DocumentReference: {
      interactions: [...READ, 'create', 'update'],
      searchParams: ['_id', 'patient', 'encounter', 'date', 'period', 'type', 'category', '_count', '_revinclude'],
      revincludes: ['Provenance:target'],
    },
    // Sandbox choice: read only (and through _revinclude); a search by target is not pinned to the patient here.
    Provenance: { interactions: ['read'], searchParams: ['_id', 'target'] },
  },
  // Sandbox choice after the reading of the statement: batch listed, transaction not.
  system: ['batch'],
  writeNeedsEncounter: {},
  launchEncounter: true,
  extraCapabilities: ['context-ehr-encounter'],
  scopeForms: (type) => (ORACLE.resources[type] ? patientTypes([type], ORACLE.resources[type].interactions.includes('create') ? [type] : []) : []),
  grantAs: {},
  sources: [
    {
      url: 'https://fhir.cerner.com/millennium/r4/ (R4 Overview, CapabilityStatement example)',
      accessed: '2026-12-04',
      facts: 'resource list per /metadata; Condition read + search-type with patient/subject/clinical-status; JSON only',
    },
    {
      url: 'https://docs.oracle.com/en/industries/health/millennium-platform-apis/mfrap/op-medicationrequest-get.html',
      accessed: '2026-12-04',
      facts: 'MedicationRequest search parameters (no _include listed; _revinclude=Provenance:target only; _count listed)',
    },
    {
      url: 'https://docs.oracle.com/en/industries/health/millennium-platform-apis/mfrap/op-documentreference-post.html',
      accessed: '2026-12-04',
      facts: 'DocumentReference create (status current, docStatus final, text/plain, text/html, application/pdf, ...)',
    },
    {
      url: 'https://fhir.cerner.com/authorization/',
      accessed: '2026-12-04',
      facts: 'SMART App Launch authorization; per-type patient/user scopes, v1 and v2 forms chosen at registration',
    },
  ],
};

/**
 * A German ISiK-like server: gematik ISiK Basis + Medikation + Dokumentenaustausch, SMART per ISiK-Connect.
 * @type {ServerProfile}
 */
export const ISIK = {
  id: 'isik',
  basePath: '/isik/fhir',
  title: 'ISiK-like (modelled on gematik ISiK Basis, Medikation, Dokumentenaustausch)',
  enforced: true,
  resources: {
    Patient: { interactions: READ },
    Encounter: { interactions: READ },
    Condition: { interactions: READ },
    // Sandbox choice: Observation create offered only under granular category scopes (grantAs below).
    Observation: { interactions: [...READ, 'create'] },
    Procedure: { interactions: READ },
    AllergyIntolerance: { interactions: READ },
    Immunization: { interactions: READ },
    Medication: { interactions: READ, includes: ['*'] },
    MedicationStatement: { interactions: READ, includes: ['*'] },
    MedicationRequest: { interactions: READ, includes: ['*'] },
    MedicationAdministration: { interactions: READ, includes: ['*'] },
    Practitioner: { interactions: READ },
    PractitionerRole: { interactions: READ },
    Organization: { interactions: READ },
    // ISiK Dokumentenaustausch: document publication is a create on DocumentReference (IHE MHD ITI-105).
    DocumentReference: { interactions: [...READ, 'create'], includes: ['*'] },
  },
  // Sandbox choice (to verify against ISiK Basis): both offered; the encounter rule applies inside them too.
  system: ['transaction', 'batch'],
  // ISiK Dokumentenaustausch, "Interaktion: Dokumentenbereitstellung": the client establishes patient AND
  // encounter context before providing a document, so that the server can file it by those links.
  writeNeedsEncounter: { DocumentReference: 'context.encounter' },
  launchEncounter: true,
  extraCapabilities: ['context-ehr-encounter', 'context-standalone-encounter'],
  scopeForms: (type) =>
    ISIK.resources[type] ? patientTypes([type], ISIK.resources[type].interactions.includes('create') && type !== 'Observation' ? [type] : []) : [],
  // Granular SMART v2 scopes (App Launch 2.x "Finer-grained resource constraints using search parameters"):
  // a request for unrestricted Observation create is granted for the two categories a clinician enters.
  grantAs: {
    'patient/Observation.c': [`patient/Observation.c?category=${OBSERVATION_CATEGORY}|survey`, `patient/Observation.c?category=${OBSERVATION_CATEGORY}|exam`],
    'patient/Observation.write': [
      `patient/Observation.c?category=${OBSERVATION_CATEGORY}|survey`,
      `patient/Observation.c?category=${OBSERVATION_CATEGORY}|exam`,
    ],
  },
  sources: [
    {
      url: 'https://gematik.github.io/spec-ISiK-Dokumentenaustausch/IG/3.0.0-rc2/ImplementationGuide-markdown-AkteureUndInteraktionen-Interaktion-Dokumentenbereitstellung.html',
      accessed: '2026-12-04',
      facts: 'document publication = CREATE on DocumentReference (ITI-105); patient and encounter context established first (SMART launch)',
    },
    {
      url: 'https://packages2.fhir.org/xig/de.gematik.isik-dokumentenaustausch|4.0.1/StructureDefinition/ISiKDokumentenMetadaten',
      accessed: '2026-12-04',
      facts: 'ISiKDokumentenMetadaten profile (context.encounter cardinality: to verify)',
    },
    {
      url: 'https://simplifier.net/guide/isik-dokumentenaustausch-stufe-5/Einfuehrung/UseCasesUndAkteure/AkteureUndInteraktionen?version=5.0.0-rc',
      accessed: '2026-12-04',
      facts: 'document servers implement the Basis interactions on Patient and Encounter so clients can set encounter context',
    },
  ],
};

/** Every profile, the full server first. */
export const PROFILES = [FULL, ORACLE, ISIK];

/**
 * The profile with this id, or undefined.
 * @param {string | null | undefined} id
 */
export function profileById(id) {
  return PROFILES.find((p) => p.id === (id || 'full'));
}
