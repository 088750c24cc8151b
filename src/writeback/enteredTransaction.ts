/**
 * Clinician-entered Observations as one FHIR transaction of conditional creates, like the decision
 * record (src/writeback/decisionRecord.ts): each Observation gets an identifier made from one `saveId`
 * generated per save, and `ifNoneExist` on it (FHIR R4 http.html §3.1.0.8.1), so a resend after a lost
 * or unreadable answer never duplicates a value. What was saved is read from the answer
 * (src/writeback/writeOutcome.ts). Pure: no React.
 */
import type { Bundle, Observation } from 'fhir/r4';

/** Identifier system of clinician-entered Observations (local to this app). */
export const ENTERED_ID_SYSTEM = 'https://therapy-navigator.example.org/fhir/sid/entered-observation';

/**
 * The transaction that saves `observations`; the same `saveId` always gives the same Bundle entries.
 * @param saveId generated once per save (crypto.randomUUID in the UI); a retry reuses it
 */
export function buildEnteredTransaction(observations: readonly Observation[], saveId: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: observations.map((o, i) => {
      const value = `${saveId}-${i + 1}`;
      // The patient first narrows the server's search (an identifier alone is scanned over every
      // Observation by some servers: about 8 s per entry in the sandbox's in-memory store, 1.3 s with the subject).
      const subject = o.subject?.reference ? `subject=${o.subject.reference}&` : '';
      return {
        fullUrl: `urn:uuid:${saveId.slice(0, 24)}${(i + 1).toString(16).padStart(12, '0')}`,
        resource: { ...o, identifier: [...(o.identifier ?? []), { system: ENTERED_ID_SYSTEM, value }] },
        request: { method: 'POST' as const, url: 'Observation', ifNoneExist: `${subject}identifier=${ENTERED_ID_SYSTEM}|${value}` },
      };
    }),
  };
}
