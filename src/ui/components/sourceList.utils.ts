/*
 * One line per source resource for the source dialog: its kind, its clinical date and what it says
 * (test and value, diagnosis, drug, vaccine), read with the tolerant helpers of ../format.ts, so a
 * resource of unexpected shape shows as missing parts, never as an error.
 */
import type { Resource } from 'fhir/r4';
import { conceptText, formatQuantity, list, text } from '../format.ts';

type Json = Record<string, unknown>;
const record = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

/** The clinically meaningful date of a resource (when it happened, else when it was recorded), as written. */
export function resourceDate(resource: unknown): string | undefined {
  const r = record(resource);
  if (!r) return undefined;
  const period = (k: string) => text(record(r[k])?.['start']);
  return (
    text(r['effectiveDateTime']) ??
    period('effectivePeriod') ??
    text(r['effectiveInstant']) ??
    text(r['occurrenceDateTime']) ??
    text(r['performedDateTime']) ??
    period('performedPeriod') ??
    text(r['onsetDateTime']) ??
    period('onsetPeriod') ??
    text(r['authoredOn']) ??
    text(r['dateAsserted']) ??
    text(r['issued']) ??
    text(r['recordedDate']) ??
    text(r['recorded']) ??
    text(r['date'])
  );
}

/**
 * What a resource says, in a few words: the concept (test, diagnosis, procedure, drug, vaccine) and,
 * for an Observation, its value. `lookup` resolves a `Medication/x` reference among the loaded resources.
 */
export function resourceSummary(resource: unknown, locale: string, lookup: (ref: string) => Resource | undefined = () => undefined): string | null {
  const r = record(resource);
  if (!r) return null;
  const medication = (): string | null => {
    const concept = conceptText(r['medicationCodeableConcept']);
    if (concept) return concept;
    const ref = record(r['medicationReference']);
    const target = text(ref?.['reference']);
    if (target?.startsWith('#')) {
      const contained = list(r['contained']).find((c) => record(c)?.['id'] === target.slice(1));
      return conceptText(record(contained)?.['code']);
    }
    return (target ? conceptText(record(lookup(target))?.['code']) : null) ?? text(ref?.['display']) ?? null;
  };
  switch (r['resourceType']) {
    case 'MedicationRequest':
    case 'MedicationStatement':
    case 'MedicationAdministration':
      return medication();
    case 'Immunization':
      return conceptText(r['vaccineCode']);
    case 'Observation': {
      const what = conceptText(r['code']);
      const value = formatQuantity(r['valueQuantity'], locale) ?? conceptText(r['valueCodeableConcept']) ?? text(r['valueString']) ?? null;
      return [what, value].filter(Boolean).join(' · ') || null;
    }
    default:
      return conceptText(r['code']);
  }
}

/** Resource types with a label in the source dialog (others are shown by their FHIR name). */
export const LABELLED_TYPES = [
  'Observation',
  'Condition',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'Medication',
  'Procedure',
  'AllergyIntolerance',
  'Immunization',
  'Patient',
  'Encounter',
] as const;
