/**
 * Which of the four indications a patient has, from Condition resources: SNOMED CT at every level listed
 * in codes.csv (dx.* rows), ICD-10 WHO/CM/GM by category prefix (K50, K51, M05, M06, G35, including the
 * US G35.A-G35.D codes since October 2025), and disease-name text only where a Condition has no coded
 * coding. Entered-in-error and refuted Conditions are skipped (and reported); resolved/inactive kept, marked.
 */
import { because, couldNotRead, statusRef, type Reason } from './reasons.ts';
import type { Condition, Resource } from 'fhir/r4';
import { codeMatches, hasCodedCoding, textContains, textOf, type LooseCoding, type MatchedBy } from './terminology/index.ts';
import { fhirDateOrUndefined, type FhirDate } from './dates.ts';
import { isResource, refOf, statusCode, str } from './fhir.ts';

import type { Indication } from '../../contract/indications.ts';
import { noteProblem, unreadableProblem, type ExtractProblem } from './problems.ts';

export { INDICATIONS, type Indication } from '../../contract/indications.ts';

export interface IndicationFinding {
  indication: Indication;
  /** `Condition/<id>` */
  conditionRef: string;
  /** codes.csv concept that matched, e.g. `dx.ms_rrms`, or `text` for text matches. */
  concept: string;
  matchedBy: MatchedBy;
  /** The coding that matched; for text matches `{ display: <text> }`. */
  coding: LooseCoding;
  /** Source of the matching code (codes.csv verified_source or the ICD-10 prefix rule). */
  source: string;
  /** Refinement from the code: seropositive / seronegative RA; RRMS, SPMS, PPMS, PRMS, CIS. */
  subtype?: string;
  onset?: FhirDate;
  clinicalStatus?: string;
  verificationStatus?: string;
  /** false when clinicalStatus is resolved, inactive or remission. */
  active: boolean;
  /** Clinician-readable note (e.g. "recorded as resolved"). */
  note?: string;
  /** The note as a typed reason (./reasons.ts). */
  noteWhy?: Reason;
}

const CONCEPT_INDICATION: Record<string, { indication: Indication; subtype?: string }> = {
  'dx.crohns_disease': { indication: 'CD' },
  'dx.ulcerative_colitis': { indication: 'UC' },
  'dx.rheumatoid_arthritis': { indication: 'RA' },
  'dx.ra_seropositive': { indication: 'RA', subtype: 'seropositive' },
  'dx.ra_seronegative': { indication: 'RA', subtype: 'seronegative' },
  'dx.multiple_sclerosis': { indication: 'RMS' },
  'dx.ms_rrms': { indication: 'RMS', subtype: 'RRMS' },
  'dx.ms_spms': { indication: 'RMS', subtype: 'SPMS' },
  'dx.ms_ppms': { indication: 'RMS', subtype: 'PPMS' },
  'dx.ms_prms': { indication: 'RMS', subtype: 'PRMS' },
  'dx.ms_cis': { indication: 'RMS', subtype: 'CIS' },
};

/** Disease names in English, German and French for the text fallback (the app's three UI languages). */
export const INDICATION_NAMES: Record<Indication, readonly string[]> = {
  CD: ['crohn', 'morbus crohn', 'maladie de crohn', 'regional enteritis'],
  UC: ['ulcerative colitis', 'colitis ulcerosa', 'rectocolite hemorragique', 'proctocolitis ulcerosa'],
  RA: ['rheumatoid arthritis', 'rheumatoide arthritis', 'chronische polyarthritis', 'polyarthrite rhumatoide'],
  RMS: ['multiple sclerosis', 'multiple sklerose', 'sclerose en plaques', 'encephalomyelitis disseminata'],
};

/** Condition verification statuses that mean "this diagnosis is not real" (FHIR R4 condition-ver-status). */
const EXCLUDED_VERIFICATION = new Set(['entered-in-error', 'refuted']);
/** Clinical statuses that mean "no longer active" (FHIR R4 condition-clinical). */
const INACTIVE_CLINICAL = new Set(['inactive', 'remission', 'resolved']);

export interface IndicationDetection {
  findings: IndicationFinding[];
  /** Clinician-readable notes about skipped Conditions. */
  problems: ExtractProblem[];
}

function onsetOf(c: Condition, now: Date): FhirDate | undefined {
  return fhirDateOrUndefined(c.onsetDateTime, now) ?? fhirDateOrUndefined(c.onsetPeriod?.start, now) ?? fhirDateOrUndefined(c.recordedDate, now);
}

function findingsFor(c: Condition, now: Date): IndicationFinding[] {
  const clinicalStatus = statusCode(c.clinicalStatus);
  const verificationStatus = statusCode(c.verificationStatus);
  const active = clinicalStatus === undefined || !INACTIVE_CLINICAL.has(clinicalStatus);
  const base = {
    conditionRef: refOf(c),
    onset: onsetOf(c, now),
    clinicalStatus,
    verificationStatus,
    active,
    note: active ? undefined : `recorded as ${clinicalStatus ?? 'inactive'}`,
    noteWhy: active ? undefined : because('recorded-as', { status: statusRef(clinicalStatus ?? 'inactive') }),
  };
  const out: IndicationFinding[] = [];
  const seen = new Set<Indication>();
  const matches = codeMatches(c.code);
  // The most specific concept first: subtype-bearing rows win over the general disease row.
  matches.sort((a, b) => Number(CONCEPT_INDICATION[b.concept]?.subtype !== undefined) - Number(CONCEPT_INDICATION[a.concept]?.subtype !== undefined));
  for (const m of matches) {
    const target = CONCEPT_INDICATION[m.concept];
    if (!target || seen.has(target.indication)) continue;
    seen.add(target.indication);
    out.push({ ...base, indication: target.indication, concept: m.concept, matchedBy: 'code', coding: m.coding, source: m.source, subtype: target.subtype });
  }
  if (out.length === 0 && !hasCodedCoding(c.code)) {
    const text = textOf(c.code);
    for (const indication of ['CD', 'UC', 'RA', 'RMS'] as const) {
      const phrase = textContains(text, INDICATION_NAMES[indication]);
      if (phrase && text) {
        out.push({
          ...base,
          indication,
          concept: 'text',
          matchedBy: 'text',
          coding: { display: text },
          source: `text match on "${phrase}" (no coded diagnosis)`,
        });
      }
    }
  }
  for (const f of out) {
    if (f.subtype === undefined) delete f.subtype;
    if (f.note === undefined) delete f.note;
    if (f.noteWhy === undefined) delete f.noteWhy;
    if (f.onset === undefined) delete f.onset;
  }
  return out;
}

/**
 * Detect the indications a record documents, with problems (skipped Conditions) reported.
 * @param resources any resources; non-Conditions and malformed entries are ignored
 * @param now reference time for date plausibility (onsets in the future are dropped)
 */
export function detectIndicationsDetailed(resources: readonly unknown[], now: Date = new Date()): IndicationDetection {
  const findings: IndicationFinding[] = [];
  const problems: ExtractProblem[] = [];
  if (!Array.isArray(resources)) return { findings, problems: [noteProblem('resource list is not an array', because('not-an-array'))] };
  for (const r of resources) {
    if (!isResource(r) || r.resourceType !== 'Condition') continue;
    try {
      const verification = statusCode(r.verificationStatus);
      const found = findingsFor(r, now);
      if (found.length === 0) continue;
      if (verification && EXCLUDED_VERIFICATION.has(verification)) {
        problems.push(
          noteProblem(
            `${refOf(r)} (${found.map((f) => f.indication).join(', ')}) skipped: verification status ${verification}`,
            because('skipped-verification', { ref: refOf(r), status: statusRef(verification) }),
          ),
        );
        continue;
      }
      findings.push(...found);
    } catch (error) {
      problems.push(
        unreadableProblem(`${refOf(r)} could not be read: ${error instanceof Error ? error.message : String(error)}`, couldNotRead(refOf(r), error)),
      );
    }
  }
  // Active findings first, then by most recent onset.
  findings.sort((a, b) => Number(b.active) - Number(a.active) || (b.onset?.start.getTime() ?? 0) - (a.onset?.start.getTime() ?? 0));
  return { findings, problems };
}

/**
 * The indications documented in `resources`: one finding per matching Condition and indication.
 * Entered-in-error and refuted Conditions are excluded; resolved/inactive ones kept with `active: false`.
 */
export function detectIndications(resources: readonly Resource[] | readonly unknown[], now: Date = new Date()): IndicationFinding[] {
  return detectIndicationsDetailed(resources, now).findings;
}

/** The clinician-facing label of the main indication text, e.g. for a banner. */
export function describeFinding(f: IndicationFinding): string {
  const what = str(f.coding.display) ?? f.coding.code ?? f.concept;
  return `${f.indication}${f.subtype ? ` (${f.subtype})` : ''}: ${what}${f.active ? '' : ` [${f.note ?? 'inactive'}]`}`;
}
