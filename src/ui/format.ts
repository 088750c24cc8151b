/*
 * Display helpers for values read from FHIR resources. Their inputs come from servers and exports
 * whose shape is not guaranteed, so each takes what it finds (`unknown` where a wrong type is
 * possible) and treats a value of the wrong type as missing: a component never throws on one.
 */
import { dateTimeFormat, numberFormat } from './intl.ts';

/** A non-blank string, else undefined (numbers, objects, arrays count as missing). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** An array, else an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * A UTC date from calendar parts. `Date.UTC` maps years 0-99 to 1900-1999; the year is set
 * afterwards so `0050` stays year 50 (and is then implausible), never 1950.
 */
export function utcDate(year: number, month0: number, day: number): Date {
  const d = new Date(Date.UTC(2000, month0, day));
  d.setUTCFullYear(year, month0, day);
  return d;
}

/**
 * Formats a FHIR date or dateTime for display in the UI language, keeping its precision:
 * `2019` stays a year and `2019-03` a month, never silently becoming the 1st of January.
 * A value that is not a string is missing (null).
 */
export function formatFhirDate(value: unknown, locale: string): string | null {
  const raw = text(value);
  if (!raw) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(raw);
  if (!m) return raw;
  const [, y, mo, d] = m;
  if (!mo) return y ?? raw;
  const date = utcDate(Number(y), Number(mo) - 1, d ? Number(d) : 1);
  if (Number.isNaN(date.getTime())) return raw;
  const options: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return dateTimeFormat(locale, options).format(date);
}

/** Whole years between a FHIR birthDate and `now`; null when the date is missing, not a string or implausible (age 0-129). */
export function ageInYears(birthDate: unknown, now: Date): number | null {
  const raw = text(birthDate);
  const m = raw ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(raw) : null;
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d)) age--;
  return age >= 0 && age < 130 ? age : null;
}

/** The text a clinician would read for a concept: its text, else the first coding with a display. */
export function conceptText(cc: unknown): string | null {
  const concept = record(cc);
  if (!concept) return null;
  const own = text(concept['text']);
  if (own) return own.trim();
  const codings = list(concept['coding'])
    .map(record)
    .filter((c) => c !== undefined);
  const display = codings.map((c) => text(c['display'])).find((d) => d !== undefined);
  if (display) return display.trim();
  return codings.map((c) => text(c['code'])).find((c) => c !== undefined) ?? null;
}

/** Display labels of code and identifier systems; a Map, so a system named like `constructor` is just unknown. */
const SYSTEM_LABELS: ReadonlyMap<string, string> = new Map([
  ['http://snomed.info/sct', 'SNOMED CT'],
  ['http://loinc.org', 'LOINC'],
  ['http://hl7.org/fhir/sid/icd-10', 'ICD-10'],
  ['http://hl7.org/fhir/sid/icd-10-cm', 'ICD-10-CM'],
  ['http://fhir.de/CodeSystem/bfarm/icd-10-gm', 'ICD-10-GM'],
  ['http://fhir.de/CodeSystem/dimdi/icd-10-gm', 'ICD-10-GM'],
  ['http://www.nlm.nih.gov/research/umls/rxnorm', 'RxNorm'],
  ['http://www.whocc.no/atc', 'ATC'],
  ['http://fhir.de/CodeSystem/bfarm/atc', 'ATC (DE)'],
  ['http://fhir.de/CodeSystem/dimdi/atc', 'ATC (DE)'],
  ['http://fhir.de/CodeSystem/ifa/pzn', 'PZN'],
  ['http://fhir.de/sid/gkv/kvid-10', 'KVNR'],
  ['urn:oid:1.2.250.1.213.1.4.8', 'INS'],
  ['http://hl7.org/fhir/sid/us-ssn', 'SSN'],
]);

/** A short label for a code system or identifier system URI (the URI itself when unknown). */
export function systemLabel(system: unknown): string {
  const s = text(system);
  if (!s) return '?';
  return SYSTEM_LABELS.get(s) ?? s;
}

/** `SNOMED CT 34000006 · ICD-10-CM K50.90` for every coding of a concept. */
export function codingsLabel(codings: unknown): string | null {
  const parts = list(codings)
    .map(record)
    .filter((c) => c !== undefined && text(c['code']) !== undefined)
    .map((c) => `${systemLabel(c?.['system'])} ${text(c?.['code']) ?? ''}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** A quantity as written in the record, numbers in the UI language; a non-finite or non-numeric value is missing. */
export function formatQuantity(q: unknown, locale: string): string | null {
  const quantity = record(q);
  const value = quantity?.['value'];
  if (!quantity || typeof value !== 'number' || !Number.isFinite(value)) return null;
  const n = numberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  const unit = text(quantity['unit']) ?? text(quantity['code']) ?? '';
  const comparator = text(quantity['comparator']) ?? '';
  return `${comparator}${n}${unit ? ` ${unit}` : ''}`;
}
