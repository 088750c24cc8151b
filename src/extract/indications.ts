/**
 * Which of the four indications a patient has, from Condition resources: SNOMED CT at every level listed
 * in codes.csv (dx.* rows), ICD-10 WHO/CM/GM by category prefix (K50, K51, M05, M06, G35, including the
 * US G35.A-G35.D codes since October 2025), and disease-name text (Condition.code.text and coding displays,
 * EN/DE/FR, negation-aware) where a Condition has no coding the code sets know (textFallback.ts).
 * Certainty (certainty.ts): entered-in-error, refuted and ICD-10-GM A (excluded) are skipped and reported;
 * suspected (unconfirmed/provisional/differential, ICD-10-GM V) are kept, marked, and not used for ranking
 * until the clinician confirms them; ICD-10-GM Z (status post) reads as past (inactive). Resolved/inactive
 * kept, marked.
 */
import { because, couldNotRead, recordText, statusRef, type Reason } from './reasons.ts';
import type { Condition, Resource } from 'fhir/r4';
import { codeMatches, codingsOf, type LooseCoding, type MatchedBy } from './terminology/index.ts';
import { readCertainty, type Certainty, type CertaintySource } from './certainty.ts';
import { describeFallback, fallbackText, readPhrase } from './textFallback.ts';
import { fhirDateOrUndefined, type FhirDate } from './dates.ts';
import { isResource, refOf, statusCode, str } from './fhir.ts';

import type { Indication } from '../../contract/indications.ts';
import { excludedProblem, noteProblem, unreadableProblem, type ExtractProblem } from './problems.ts';
import type { ServerMatch } from './terminology/server.ts';
import { SYSTEMS } from '../../contract/systems.ts';

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
  /** false when clinicalStatus is resolved, inactive or remission, or the diagnosis is status post (ICD-10-GM Z). */
  active: boolean;
  /** How certain the diagnosis is (certainty.ts); excluded ones are never findings. */
  certainty: Exclude<Certainty, 'excluded'>;
  /** Which field gave the certainty, and its wording ("ICD-10-GM Diagnosesicherheit V (Verdacht / suspected)"). */
  certaintySource: CertaintySource;
  certaintyLabel: string;
  /** `certaintyLabel` as a typed reason (shown in the reader's language). */
  certaintyWhy: Reason;
  /**
   * May this finding drive the ranking? false for a suspected diagnosis until the clinician confirms it
   * (ExtractOptions.confirmed); true otherwise.
   */
  usable: boolean;
  /** The clinician confirmed a suspected diagnosis in the app (it then counts; the record is unchanged). */
  confirmedByClinician?: boolean;
  /**
   * The origin of the terminology server that placed the code under the disease (`$subsumes`), when neither
   * codes.csv nor the bundled expansions know it; absent for every other match.
   */
  terminologyServer?: string;
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

/** The indications of one Condition, without certainty (added by the caller). */
type RawFinding = Omit<IndicationFinding, 'certainty' | 'certaintySource' | 'certaintyLabel' | 'certaintyWhy' | 'usable' | 'confirmedByClinician'> & {
  /** The text of a text match calls the diagnosis suspected ("V.a. Morbus Crohn"). */
  textSuspected?: boolean;
};

function findingsFor(c: Condition, now: Date, problems: ExtractProblem[], server: readonly ServerMatch[] = []): RawFinding[] {
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
  const out: RawFinding[] = [];
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
  // A code only the terminology server knows: counted, and named as the server's answer.
  if (out.length === 0 && server.length > 0) {
    for (const coding of codingsOf(c.code)) {
      const m = server.find((x) => coding.system === SYSTEMS.snomed && x.code === coding.code);
      const target = m ? CONCEPT_INDICATION[m.concept] : undefined;
      if (!m || !target || seen.has(target.indication)) continue;
      seen.add(target.indication);
      out.push({
        ...base,
        indication: target.indication,
        concept: m.concept,
        matchedBy: 'code',
        coding,
        source: `terminology server ${m.server}: SNOMED CT ${m.code} ${m.outcome} ${m.root} ($subsumes; not in the bundled code sets)`,
        terminologyServer: m.server,
      });
      problems.push(
        noteProblem(
          `${refOf(c)}: ${target.indication} recognised by the terminology server ${m.server} (SNOMED CT ${m.code} is subsumed by ${m.root}), not by the bundled code sets`,
          because('terminology-server-match', { ref: refOf(c), indication: target.indication, server: m.server, code: m.code, root: m.root }),
        ),
      );
    }
  }
  // Text only when no coding is known to the code sets (none at all, or e.g. an unlisted SNOMED descendant).
  const fallback = out.length === 0 ? fallbackText(c.code) : undefined;
  if (fallback) {
    for (const indication of ['CD', 'UC', 'RA', 'RMS'] as const) {
      const read = readPhrase(fallback.text, INDICATION_NAMES[indication]);
      if (!read) continue;
      const why = describeFallback(fallback);
      if (read.negated) {
        problems.push(
          noteProblem(
            `${refOf(c)} (${indication}) not counted: its text "${fallback.text}" negates or rules out the diagnosis (${why})`,
            because('text-negated', { ref: refOf(c), text: recordText(fallback.text) }),
          ),
        );
        continue;
      }
      out.push({
        ...base,
        indication,
        concept: 'text',
        matchedBy: 'text',
        coding: { display: fallback.text },
        source: `text match on "${read.phrase}" (${why})`,
        ...(read.suspected ? { textSuspected: true } : {}),
      });
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

/** A Condition's findings with their certainty; excluded ones reported and dropped. */
function withCertainty(c: Condition, raw: RawFinding[], confirmed: ReadonlySet<string>, problems: ExtractProblem[]): IndicationFinding[] {
  const reading = readCertainty(c);
  const names = raw.map((f) => f.indication).join(', ');
  reading.problems.forEach((p, i) =>
    problems.push(noteProblem(`${refOf(c)} (${names}): ${p}`, because('certainty-note', { ref: refOf(c), note: reading.problemWhys[i] ?? [] }))),
  );
  if (reading.certainty === 'excluded') {
    problems.push(
      excludedProblem(`${refOf(c)} (${names}) skipped: ${reading.label}`, because('certainty-skipped', { ref: refOf(c), label: reading.labelWhy })),
    );
    return [];
  }
  const coded: IndicationFinding['certainty'] = reading.certainty;
  return raw.map(({ textSuspected, ...f }) => {
    // A suspicion in the words of a text match counts like a coded one (the less certain wins).
    const certainty: IndicationFinding['certainty'] = textSuspected && coded !== 'past' ? 'suspected' : coded;
    const label = certainty === coded ? reading.label : `text "${f.coding.display ?? ''}" marks a suspicion`;
    const labelWhy = certainty === coded ? reading.labelWhy : because('certainty-text-suspicion', { text: recordText(f.coding.display ?? '') });
    const byClinician = certainty === 'suspected' && confirmed.has(f.conditionRef);
    const finding: IndicationFinding = {
      ...f,
      certainty,
      certaintySource: certainty === coded ? reading.source : 'none',
      certaintyLabel: label,
      certaintyWhy: labelWhy,
      usable: certainty !== 'suspected' || byClinician,
      ...(byClinician ? { confirmedByClinician: true } : {}),
    };
    if (certainty === 'past') {
      finding.active = false;
      finding.note = [f.note, `status post (${label})`].filter(Boolean).join('; ');
    }
    return finding;
  });
}

/**
 * Detect the indications a record documents, with problems (skipped Conditions) reported.
 * @param resources any resources; non-Conditions and malformed entries are ignored
 * @param now reference time for date plausibility (onsets in the future are dropped)
 * @param server matches of the optional terminology server (terminology/server.ts) for codes the code sets do not know
 */
export function detectIndicationsDetailed(
  resources: readonly unknown[],
  now: Date = new Date(),
  confirmed: readonly string[] = [],
  server: readonly ServerMatch[] = [],
): IndicationDetection {
  const findings: IndicationFinding[] = [];
  const problems: ExtractProblem[] = [];
  if (!Array.isArray(resources)) return { findings, problems: [noteProblem('resource list is not an array', because('not-an-array'))] };
  const confirmedRefs = new Set(confirmed);
  for (const r of resources) {
    if (!isResource(r) || r.resourceType !== 'Condition') continue;
    try {
      const local: ExtractProblem[] = [];
      const raw = findingsFor(r, now, local, server);
      problems.push(...local);
      if (raw.length === 0) continue;
      findings.push(...withCertainty(r, raw, confirmedRefs, problems));
    } catch (error) {
      problems.push(
        unreadableProblem(`${refOf(r)} could not be read: ${error instanceof Error ? error.message : String(error)}`, couldNotRead(refOf(r), error)),
      );
    }
  }
  for (const f of findings) {
    if (f.matchedBy === 'text')
      problems.push(
        noteProblem(
          `${f.conditionRef}: ${f.indication} read from text, ${f.source.replace(/^text match on /, 'matched ')}`,
          because('read-from-text', { ref: f.conditionRef }),
        ),
      );
  }
  // Usable before suspected, active before inactive, then by most recent onset.
  findings.sort(
    (a, b) => Number(b.usable) - Number(a.usable) || Number(b.active) - Number(a.active) || (b.onset?.start.getTime() ?? 0) - (a.onset?.start.getTime() ?? 0),
  );
  return { findings, problems };
}

/**
 * The indications documented in `resources`: one finding per matching Condition and indication.
 * Entered-in-error, refuted and ICD-10-GM A Conditions are excluded; resolved/inactive/status-post ones
 * kept with `active: false`; suspected ones kept with `usable: false`.
 */
export function detectIndications(resources: readonly Resource[] | readonly unknown[], now: Date = new Date()): IndicationFinding[] {
  return detectIndicationsDetailed(resources, now).findings;
}

/** The clinician-facing label of the main indication text, e.g. for a banner. */
export function describeFinding(f: IndicationFinding): string {
  const what = str(f.coding.display) ?? f.coding.code ?? f.concept;
  const suspected = f.certainty === 'suspected' ? `suspected ${f.confirmedByClinician ? '(confirmed by the clinician) ' : ''}` : '';
  return `${suspected}${f.indication}${f.subtype ? ` (${f.subtype})` : ''}: ${what}${f.active ? '' : ` [${f.note ?? 'inactive'}]`}`;
}
