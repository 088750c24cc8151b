// The case (Encounter) an EHR launch happens in. ISiK-like servers launch apps in a patient AND an
// encounter context (ISiK Dokumentenaustausch, "Dokumentenbereitstellung"; ISiK-Connect), and the
// demo fixtures carry no Encounter, so the sandbox adds one current visit per patient at start:
// deterministic (fixed id, the demo records' "today" 2026-11-15), shared by every profile, and kept out
// of the fixture files so the fixtures stay what their generators write.
/** The demo records' fixed "today" (sandbox/fixtures/README.md). */
const DEMO_TODAY = '2026-11-15';

/**
 * The id of a patient's current visit.
 * @param {string} patient
 */
export function currentEncounterId(patient) {
  return `${patient}-visit`;
}

/**
 * The current outpatient visit of a patient (FHIR R4 Encounter; class AMB from v3 ActCode).
 * @param {string} patient
 * @returns {import('fhir/r4').Encounter}
 */
export function currentEncounter(patient) {
  return {
    resourceType: 'Encounter',
    id: currentEncounterId(patient),
    status: 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ text: 'Outpatient visit (demo EHR: the case the app is launched in)' }],
    subject: { reference: `Patient/${patient}` },
    period: { start: `${DEMO_TODAY}T08:00:00Z` },
  };
}

/**
 * A transaction Bundle that adds today's visit of every patient (earlier encounters in a record stay).
 * @param {string[]} patients
 * @returns {import('fhir/r4').Bundle}
 */
export function currentEncountersBundle(patients) {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: patients.map((p) => ({ resource: currentEncounter(p), request: { method: 'PUT', url: `Encounter/${currentEncounterId(p)}` } })),
  };
}
