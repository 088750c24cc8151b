/*
 * Patient identifiers as a clinician reads them: "MRN 12345", "KVNR A123456789", "INS 1 84 12…",
 * "AHV 756.…", never the system URI. The label comes from the identifier's system when it is a known
 * national or insurance number, else from its type (HL7 v2 table 0203 and the national identifier-type
 * code systems), else from the type's own text; an identifier with none of these is "Identifier".
 *
 * Sources, per entry below:
 * - HL7 v2 table 0203 "Identifier Type" (terminology.hl7.org CodeSystem v2-0203): MR, PI, PT, NI, NH,
 *   SS, DL, PPN, JHN, NPI.
 * - fhir.de Basisprofil (HL7 Deutschland, Basisprofile R4): `http://fhir.de/sid/gkv/kvid-10` (KVNR,
 *   gesetzliche Krankenversicherung), `http://fhir.de/sid/pkv/kvid-10` (private Krankenversicherung),
 *   CodeSystem `http://fhir.de/CodeSystem/identifier-type-de-basis` codes KVZ10, GKV, PKV.
 * - ANS, Guide d'implémentation de l'INS / FR Core (HL7 France) Patient INS slices: INS-NIR
 *   `urn:oid:1.2.250.1.213.1.4.8`, INS-NIA `urn:oid:1.2.250.1.213.1.4.9`, INS-NIR de test
 *   `urn:oid:1.2.250.1.213.1.4.10`, INS-NIR de démonstration `urn:oid:1.2.250.1.213.1.4.11`.
 * - CH Core (HL7 Switzerland) identifier AHVN13: `urn:oid:2.16.756.5.32`, the 13-digit AHV/AVS
 *   number (eCH-0044 / eCH-0011 define the number; the eCH standard number is to verify).
 * - Luxembourg national identification number (matricule): `urn:oid:1.3.182.4.4`, as used by the IPS
 *   example Patient 66033 and Luxembourg eHealth documents (the registry entry is to verify).
 * - Netherlands BSN `http://fhir.nl/fhir/NamingSystem/bsn` (Nictiz nl-core); US SSN
 *   `http://hl7.org/fhir/sid/us-ssn` and NPI `http://hl7.org/fhir/sid/us-npi` (FHIR R4 identifier
 *   registry, terminology.hl7.org).
 */
import type { ClinicalLanguage } from './i18n/inputs.ts';

/** A label in the three UI languages: `short` on the chip, `long` for screen readers and the tooltip. */
interface Label {
  short: Readonly<Record<ClinicalLanguage, string>>;
  long: Readonly<Record<ClinicalLanguage, string>>;
}

const same = (s: string): Readonly<Record<ClinicalLanguage, string>> => ({ en: s, de: s, fr: s });

const KVNR: Label = {
  short: same('KVNR'),
  long: {
    en: 'German statutory health insurance number (KVNR)',
    de: 'Krankenversichertennummer (GKV)',
    fr: 'Numéro d’assurance maladie allemand (KVNR)',
  },
};
const PKV: Label = {
  short: { en: 'PKV no.', de: 'PKV-Nr.', fr: 'N° PKV' },
  long: {
    en: 'German private health insurance number (PKV)',
    de: 'Versichertennummer der privaten Krankenversicherung (PKV)',
    fr: 'Numéro d’assurance maladie privée allemande (PKV)',
  },
};
const INS_NIR: Label = {
  short: same('INS'),
  long: {
    en: 'French national health identifier (INS-NIR)',
    de: 'Französische nationale Gesundheitskennung (INS-NIR)',
    fr: 'Identifiant national de santé (INS-NIR)',
  },
};
const INS_NIA: Label = {
  short: same('INS (NIA)'),
  long: {
    en: 'French temporary national health identifier (INS-NIA)',
    de: 'Vorläufige französische nationale Gesundheitskennung (INS-NIA)',
    fr: 'Identifiant national de santé temporaire (INS-NIA)',
  },
};
const INS_TEST: Label = {
  short: { en: 'INS (test)', de: 'INS (Test)', fr: 'INS (test)' },
  long: {
    en: 'French national health identifier of a test or demonstration patient',
    de: 'Französische nationale Gesundheitskennung eines Test- oder Demopatienten',
    fr: 'INS d’un patient fictif de test ou de démonstration',
  },
};
const AHV: Label = {
  short: { en: 'AHV no.', de: 'AHV-Nr.', fr: 'N° AVS' },
  long: {
    en: 'Swiss social security number (AHV/AVS, AHVN13)',
    de: 'AHV-Nummer (Sozialversicherungsnummer, AHVN13)',
    fr: 'Numéro AVS (numéro de sécurité sociale suisse, NAVS13)',
  },
};
const MATRICULE: Label = {
  short: { en: 'Matricule (LU)', de: 'Matrikel (LU)', fr: 'Matricule (LU)' },
  long: {
    en: 'Luxembourg national identification number (matricule)',
    de: 'Luxemburger Identifikationsnummer (Matrikelnummer)',
    fr: 'Numéro d’identification national luxembourgeois (matricule)',
  },
};
const BSN: Label = {
  short: same('BSN'),
  long: { en: 'Dutch citizen service number (BSN)', de: 'Niederländische Bürgerservicenummer (BSN)', fr: 'Numéro de service citoyen néerlandais (BSN)' },
};
const SSN: Label = {
  short: { en: 'SSN', de: 'SSN (USA)', fr: 'SSN (É.-U.)' },
  long: { en: 'US Social Security number', de: 'US-Sozialversicherungsnummer', fr: 'Numéro de sécurité sociale américain' },
};
const NPI: Label = {
  short: same('NPI'),
  long: { en: 'US National Provider Identifier', de: 'US-Leistungserbringer-Kennung (NPI)', fr: 'Identifiant national de prestataire américain (NPI)' },
};
const MRN: Label = {
  short: { en: 'MRN', de: 'Pat.-Nr.', fr: 'IPP' },
  long: { en: 'Medical record number', de: 'Patientennummer der Einrichtung', fr: 'Identifiant permanent du patient (IPP)' },
};
const PATIENT_ID: Label = {
  short: { en: 'Patient ID', de: 'Patienten-ID', fr: 'ID patient' },
  long: { en: 'Patient identifier of the institution', de: 'Patientenkennung der Einrichtung', fr: 'Identifiant patient de l’établissement' },
};
const NATIONAL_ID: Label = {
  short: { en: 'National ID', de: 'Nationale ID', fr: 'ID national' },
  long: { en: 'National unique individual identifier', de: 'Nationale Personenkennung', fr: 'Identifiant national unique de la personne' },
};
const HEALTH_PLAN: Label = {
  short: { en: 'Insurance no.', de: 'Versichertennr.', fr: 'N° d’assuré' },
  long: { en: 'National health plan identifier', de: 'Krankenversichertennummer', fr: 'Numéro d’assurance maladie' },
};
const DRIVER: Label = {
  short: { en: 'Driver’s licence', de: 'Führerschein-Nr.', fr: 'Permis de conduire' },
  long: { en: 'Driver’s licence number', de: 'Führerscheinnummer', fr: 'Numéro de permis de conduire' },
};
const PASSPORT: Label = {
  short: { en: 'Passport', de: 'Reisepass-Nr.', fr: 'Passeport' },
  long: { en: 'Passport number', de: 'Reisepassnummer', fr: 'Numéro de passeport' },
};
const GENERIC: Label = {
  short: { en: 'Identifier', de: 'Kennung', fr: 'Identifiant' },
  long: { en: 'Identifier of unknown kind', de: 'Kennung unbekannter Art', fr: 'Identifiant de nature inconnue' },
};

/** Identifier systems (exact URI) with a label of their own. A Map: a system named `constructor` is simply unknown. */
const BY_SYSTEM: ReadonlyMap<string, Label> = new Map([
  ['http://fhir.de/sid/gkv/kvid-10', KVNR],
  ['http://fhir.de/sid/pkv/kvid-10', PKV],
  ['urn:oid:1.2.250.1.213.1.4.8', INS_NIR],
  ['urn:oid:1.2.250.1.213.1.4.9', INS_NIA],
  ['urn:oid:1.2.250.1.213.1.4.10', INS_TEST],
  ['urn:oid:1.2.250.1.213.1.4.11', INS_TEST],
  ['urn:oid:2.16.756.5.32', AHV],
  ['urn:oid:1.3.182.4.4', MATRICULE],
  ['http://fhir.nl/fhir/NamingSystem/bsn', BSN],
  ['http://hl7.org/fhir/sid/us-ssn', SSN],
  ['http://hl7.org/fhir/sid/us-npi', NPI],
]);

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const DE_BASIS = 'http://fhir.de/CodeSystem/identifier-type-de-basis';

/** Identifier type codes (`system|code`) with a label, for local systems such as a hospital's MRN. */
const BY_TYPE: ReadonlyMap<string, Label> = new Map([
  [`${V2_0203}|MR`, MRN],
  [`${V2_0203}|PI`, PATIENT_ID],
  [`${V2_0203}|PT`, PATIENT_ID],
  [`${V2_0203}|NI`, NATIONAL_ID],
  [`${V2_0203}|NH`, HEALTH_PLAN],
  [`${V2_0203}|JHN`, HEALTH_PLAN],
  [`${V2_0203}|SS`, SSN],
  [`${V2_0203}|DL`, DRIVER],
  [`${V2_0203}|PPN`, PASSPORT],
  [`${V2_0203}|NPI`, NPI],
  [`${DE_BASIS}|KVZ10`, KVNR],
  [`${DE_BASIS}|GKV`, KVNR],
  [`${DE_BASIS}|PKV`, PKV],
]);

/** How an identifier is labelled and why (`system`, `type`, the type's `text`, or `generic`). */
export interface IdentifierLabel {
  short: string;
  long: string;
  basis: 'system' | 'type' | 'text' | 'generic';
}

type Json = Record<string, unknown>;
const record = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * The label of one FHIR Identifier in a UI language. Values of the wrong type count as missing; the
 * system URI itself is never returned, so a banner never shows `https://…/sid/…` to a clinician.
 */
export function identifierLabel(identifier: unknown, lang: ClinicalLanguage): IdentifierLabel {
  const id = record(identifier);
  const system = str(id?.['system']);
  const bySystem = system ? BY_SYSTEM.get(system) : undefined;
  if (bySystem) return { short: bySystem.short[lang], long: bySystem.long[lang], basis: 'system' };
  const type = record(id?.['type']);
  const codings = Array.isArray(type?.['coding']) ? (type['coding'] as unknown[]) : [];
  for (const c of codings.map(record)) {
    const label = BY_TYPE.get(`${str(c?.['system']) ?? ''}|${str(c?.['code']) ?? ''}`);
    if (label) return { short: label.short[lang], long: label.long[lang], basis: 'type' };
  }
  const typeText = str(type?.['text']) ?? codings.map((c) => str(record(c)?.['display'])).find((d) => d !== undefined);
  // A type text that is itself a URI would bring the URL back in.
  if (typeText && !/^[a-z][a-z0-9+.-]*:/i.test(typeText)) return { short: typeText, long: typeText, basis: 'text' };
  return { short: GENERIC.short[lang], long: GENERIC.long[lang], basis: 'generic' };
}
