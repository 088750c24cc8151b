/**
 * THE code-system URI table, shared by the app (src/extract/terminology, src/scores, src/writeback) and the
 * trainer's FHIR exporter (models/src/export/codes.ts), and the aliases real records use for them. Matching
 * is always on the canonical URI after normalisation, never on the code alone (2106-3 is both a LOINC
 * pregnancy test and the CDC race code "White").
 */

export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  /** WHO ATC as used by HL7 (terminology.hl7.org: "http://www.whocc.no/atc"). */
  atc: 'http://www.whocc.no/atc',
  /** German ATC edition (BfArM), carried with `version` (e.g. "2024") in MII data. */
  atcDe: 'http://fhir.de/CodeSystem/bfarm/atc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10gm: 'http://fhir.de/CodeSystem/bfarm/icd-10-gm',
  pzn: 'http://fhir.de/CodeSystem/ifa/pzn',
  ucum: 'http://unitsofmeasure.org',
  /**
   * Therapy Navigator's own code system for scores without a LOINC code (src/scores/codes.ts
   * SCORES_CODE_SYSTEM is this URI; sandbox/fixtures copy it).
   */
  local: 'https://therapy-navigator.example.org/fhir/CodeSystem/scores',
  /** Therapy Navigator's stop-reason codes (sandbox/fixtures/gen/lib.mjs STOP): primary-non-response, loss-of-response, intolerance, adverse-event, safety-risk, breakthrough-disease. */
  stopReason: 'https://therapy-navigator.example.org/fhir/CodeSystem/therapy-stop-reason',
  /** FHIR R4 MedicationRequest status reason codes (terminology.hl7.org CodeSystem medicationrequest-status-reason). */
  mrStatusReason: 'http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason',
  /** CDC vaccine codes (CVX), as HL7 names the system. */
  cvx: 'http://hl7.org/fhir/sid/cvx',
  /** FHIR R4 terminology.hl7.org code systems used when writing resources. */
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  observationInterpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  /** KBV (Germany) diagnosis certainty (Diagnosesicherheit). */
  kbvDiagnoseSicherheit: 'https://fhir.kbv.de/CodeSystem/KBV_CS_SFHIR_ICD_DIAGNOSESICHERHEIT',
} as const;

/**
 * Alias URIs and OIDs seen in real exports, mapped to the canonical URI. Sources: HL7 terminology
 * registry (terminology.hl7.org, identifier lists of each CodeSystem), the German Basisprofile
 * (fhir.de: older `dimdi` URIs before the BfArM move in 2020) and the ICD-10 OIDs in HL7 v3.
 */
const ALIASES: Record<string, string> = {
  'urn:oid:2.16.840.1.113883.6.96': SYSTEMS.snomed,
  'http://snomed.info/id': SYSTEMS.snomed,
  'urn:oid:2.16.840.1.113883.6.1': SYSTEMS.loinc,
  'https://loinc.org': SYSTEMS.loinc,
  'urn:oid:2.16.840.1.113883.6.73': SYSTEMS.atc,
  'http://www.whocc.no/atc/': SYSTEMS.atc,
  'https://www.whocc.no/atc': SYSTEMS.atc,
  'http://fhir.de/CodeSystem/dimdi/atc': SYSTEMS.atcDe,
  'urn:oid:2.16.840.1.113883.6.88': SYSTEMS.rxnorm,
  'http://www.nlm.nih.gov/research/umls/rxnorm/': SYSTEMS.rxnorm,
  'urn:oid:2.16.840.1.113883.6.3': SYSTEMS.icd10,
  'http://hl7.org/fhir/sid/icd-10-de': SYSTEMS.icd10gm,
  'urn:oid:2.16.840.1.113883.6.90': SYSTEMS.icd10cm,
  'http://fhir.de/CodeSystem/dimdi/icd-10-gm': SYSTEMS.icd10gm,
  'urn:oid:1.2.276.0.76.5.409': SYSTEMS.icd10gm,
  'http://fhir.de/CodeSystem/ifa/pzn/': SYSTEMS.pzn,
};

/** The canonical system URI for `system` (trimmed, alias resolved); undefined stays undefined. */
export function normaliseSystem(system: unknown): string | undefined {
  if (typeof system !== 'string') return undefined;
  const trimmed = system.trim();
  if (trimmed === '') return undefined;
  return Object.hasOwn(ALIASES, trimmed) ? (ALIASES[trimmed] ?? trimmed) : trimmed;
}

/** All ATC editions (WHO and German) share one code structure; the German one carries a version. */
export function isAtcSystem(system: string | undefined): boolean {
  return system === SYSTEMS.atc || system === SYSTEMS.atcDe;
}

/** All ICD-10 editions: WHO, US clinical modification, German modification. */
export function isIcd10System(system: string | undefined): boolean {
  return system === SYSTEMS.icd10 || system === SYSTEMS.icd10cm || system === SYSTEMS.icd10gm;
}

/** Normalise a code: trimmed, zero-width characters removed (real exports carry them). */
export function normaliseCode(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const c = code.replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
  return c === '' ? undefined : c;
}
