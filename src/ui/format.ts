import type { CodeableConcept, Coding, Quantity } from 'fhir/r4';

/**
 * Formats a FHIR date or dateTime for display in the UI language, keeping its precision:
 * `2019` stays a year and `2019-03` a month, never silently becoming the 1st of January.
 */
export function formatFhirDate(value: string | undefined | null, locale: string): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y ?? value;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Whole years between a FHIR birthDate and `now`; null when the date is missing or unusable. */
export function ageInYears(birthDate: string | undefined, now: Date): number | null {
  const m = birthDate ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d)) age--;
  return age >= 0 && age < 130 ? age : null;
}

/** The text a clinician would read for a concept: its text, else the first coding with a display. */
export function conceptText(cc: CodeableConcept | undefined): string | null {
  if (!cc) return null;
  if (cc.text?.trim()) return cc.text.trim();
  const withDisplay = cc.coding?.find((c) => c.display?.trim());
  if (withDisplay?.display) return withDisplay.display.trim();
  const first = cc.coding?.find((c) => c.code);
  return first?.code ?? null;
}

const SYSTEM_LABELS: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED CT',
  'http://loinc.org': 'LOINC',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://fhir.de/CodeSystem/bfarm/icd-10-gm': 'ICD-10-GM',
  'http://fhir.de/CodeSystem/dimdi/icd-10-gm': 'ICD-10-GM',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://www.whocc.no/atc': 'ATC',
  'http://fhir.de/CodeSystem/bfarm/atc': 'ATC (DE)',
  'http://fhir.de/CodeSystem/dimdi/atc': 'ATC (DE)',
  'http://fhir.de/CodeSystem/ifa/pzn': 'PZN',
  'http://fhir.de/sid/gkv/kvid-10': 'KVNR',
  'urn:oid:1.2.250.1.213.1.4.8': 'INS',
  'http://hl7.org/fhir/sid/us-ssn': 'SSN',
};

/** A short label for a code system or identifier system URI (the URI itself when unknown). */
export function systemLabel(system: string | undefined): string {
  if (!system) return '?';
  return SYSTEM_LABELS[system] ?? system;
}

/** `SNOMED CT 34000006 · ICD-10-CM K50.90` for every coding of a concept. */
export function codingsLabel(codings: readonly Coding[] | undefined): string | null {
  const parts = (codings ?? []).filter((c) => c.code).map((c) => `${systemLabel(c.system)} ${c.code ?? ''}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** A quantity as written in the record, numbers in the UI language. */
export function formatQuantity(q: Quantity | undefined, locale: string): string | null {
  if (!q || typeof q.value !== 'number') return null;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(q.value);
  const unit = q.unit ?? q.code ?? '';
  return `${q.comparator ?? ''}${n}${unit ? ` ${unit}` : ''}`;
}
