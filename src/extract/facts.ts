/** Conditions, procedures and immunizations reduced to the facts the inputs and safety checks need. */
import { because, couldNotRead } from './reasons.ts';
import type { Condition, Immunization, Procedure } from 'fhir/r4';
import { codeMatches, codingsOf, CVX_SYSTEM, hasCodedCoding, isAtcSystem, textContains, textOf, type LooseCoding } from './terminology/index.ts';
import { fhirDateOrUndefined, type FhirDate } from './dates.ts';
import { refOf, statusCode } from './fhir.ts';
import { excludedProblem, noteProblem, unreadableProblem, type ExtractProblem } from './problems.ts';
import { readCertainty, type Certainty } from './certainty.ts';
import { describeFallback, fallbackText, NEGATION } from './textFallback.ts';

export interface ConditionFact {
  ref: string;
  /** Concepts matched by system + code (dx.*, finding.*). */
  concepts: string[];
  codings: LooseCoding[];
  text?: string;
  /** No clinical status, or active/recurrence/relapse. */
  active: boolean;
  onset?: FhirDate;
  /** Condition.recordedDate (also used as the onset when none is given). */
  recorded?: FhirDate;
  abatement?: FhirDate;
  /** Concepts found only in the text of a Condition without a known coding (reported as text matches). */
  textConcepts?: string[];
  /**
   * How certain the diagnosis is (certainty.ts); excluded ones are never read. `suspected` ones become
   * "possible" safety facts (safety/index.ts); `past` (ICD-10-GM Z) ones read as resolved. Absent in
   * hand-built facts: read as `unknown` (counts as today).
   */
  certainty?: Exclude<Certainty, 'excluded'>;
  /** The wording of the certainty's source, e.g. "verification status provisional". */
  certaintyLabel?: string;
}

export interface ProcedureFact {
  ref: string;
  concepts: string[];
  text?: string;
  date?: FhirDate;
  matchedBy: 'code' | 'text' | 'none';
}

export interface ImmunizationFact {
  ref: string;
  live: boolean;
  /** How `live` was decided: by a code (CVX, ATC, SNOMED) or by the vaccine's name. */
  liveBy?: 'code' | 'text';
  /** A varicella-containing vaccine (for vzv_immune: two doses = immune). */
  varicella: boolean;
  date?: FhirDate;
  text?: string;
}

/** Text phrases for facts coded only as text (English/German/French). */
export const FACT_TEXT: Record<string, readonly string[]> = {
  'proc.bowel_resection': ['resection', 'resektion', 'colectomy', 'kolektomie', 'colectomie', 'ileocaecal', 'ileocecal', 'hemicolectomy', 'hemikolektomie'],
  'finding.pregnancy_planned': [
    'planning pregnancy',
    'pregnancy planned',
    'wants to become pregnant',
    'kinderwunsch',
    'desir de grossesse',
    'projet de grossesse',
  ],
  'finding.postmenopausal': ['postmenopausal', 'post-menopausal', 'menopause', 'postmenopause', 'postmenopausal', 'menopausiert', 'menopausee'],
  'proc.hysterectomy': ['hysterectomy', 'hysterektomie', 'hysterectomie'],
};

/** Concepts of an uncoded text, negation-aware; a negated pregnancy plan reads as "not planned". */
export function textConceptsOf(text: string | undefined, keys: readonly string[]): string[] {
  if (!text) return [];
  const negated = textContains(text, NEGATION) !== undefined;
  const out: string[] = [];
  for (const key of keys) {
    if (!textContains(text, FACT_TEXT[key] ?? [])) continue;
    if (!negated) out.push(key);
    else if (key === 'finding.pregnancy_planned') out.push('finding.pregnancy_not_planned');
  }
  return out;
}

const INACTIVE = new Set(['inactive', 'remission', 'resolved']);
const TEXT_FACTS = ['finding.pregnancy_planned', 'finding.postmenopausal', 'proc.hysterectomy'];

/**
 * Conditions except excluded ones (refuted, entered-in-error, ICD-10-GM A: reported in problems), each with
 * its certainty (certainty.ts). Conflicting certainty signals and text matches are reported too.
 */
export function readConditions(conditions: readonly Condition[], now: Date, problems: ExtractProblem[]): ConditionFact[] {
  const out: ConditionFact[] = [];
  for (const c of conditions) {
    try {
      const reading = readCertainty(c);
      reading.problems.forEach((p, i) =>
        problems.push(noteProblem(`${refOf(c)}: ${p}`, because('certainty-note', { ref: refOf(c), note: reading.problemWhys[i] ?? [] }))),
      );
      if (reading.certainty === 'excluded') {
        problems.push(excludedProblem(`${refOf(c)} excluded: ${reading.label}`, because('certainty-skipped', { ref: refOf(c), label: reading.labelWhy })));
        continue;
      }
      // "Zustand nach": a past condition, whatever the clinical status says.
      const clinical = reading.certainty === 'past' ? 'resolved' : statusCode(c.clinicalStatus);
      const text = textOf(c.code);
      const concepts = [...new Set(codeMatches(c.code).map((m) => m.concept))];
      // Text also when codings exist but none is known to the code sets (textFallback.ts).
      const fallback = fallbackText(c.code);
      const textConcepts = fallback ? textConceptsOf(fallback.text, TEXT_FACTS) : [];
      if (fallback && textConcepts.length > 0)
        problems.push(
          noteProblem(
            `${refOf(c)}: ${textConcepts.join(', ')} read from its text "${fallback.text}" (${describeFallback(fallback)})`,
            because('read-from-text', { ref: refOf(c) }),
          ),
        );
      concepts.push(...textConcepts);
      const recorded = fhirDateOrUndefined(c.recordedDate, now);
      const onset = fhirDateOrUndefined(c.onsetDateTime, now) ?? fhirDateOrUndefined(c.onsetPeriod?.start, now) ?? recorded;
      const abatement = fhirDateOrUndefined(c.abatementDateTime, now) ?? fhirDateOrUndefined(c.abatementPeriod?.end, now);
      out.push({
        ref: refOf(c),
        concepts,
        codings: codingsOf(c.code),
        ...(text ? { text } : {}),
        active: (clinical === undefined && abatement === undefined) || (clinical !== undefined && !INACTIVE.has(clinical)),
        ...(onset ? { onset } : {}),
        ...(recorded ? { recorded } : {}),
        ...(abatement ? { abatement } : {}),
        ...(textConcepts.length > 0 ? { textConcepts } : {}),
        certainty: reading.certainty,
        certaintyLabel: reading.label,
      });
    } catch (error) {
      problems.push(
        unreadableProblem(`${refOf(c)} could not be read: ${error instanceof Error ? error.message : String(error)}`, couldNotRead(refOf(c), error)),
      );
    }
  }
  return out;
}

/** Completed (or undated-status) procedures; entered-in-error and not-done skipped. */
export function readProcedures(procedures: readonly Procedure[], now: Date, problems: ExtractProblem[]): ProcedureFact[] {
  const out: ProcedureFact[] = [];
  for (const p of procedures) {
    try {
      const status = typeof p.status === 'string' ? p.status : undefined;
      if (status === 'entered-in-error' || status === 'not-done' || status === 'preparation') {
        if (status === 'entered-in-error')
          problems.push(excludedProblem(`${refOf(p)} excluded: entered-in-error`, because('excluded-entered-in-error', { ref: refOf(p) })));
        continue;
      }
      const text = textOf(p.code);
      let concepts = [...new Set(codeMatches(p.code).map((m) => m.concept))];
      let matchedBy: ProcedureFact['matchedBy'] = concepts.length > 0 ? 'code' : 'none';
      if (concepts.length === 0 && !hasCodedCoding(p.code) && textContains(text, FACT_TEXT['proc.bowel_resection'] ?? [])) {
        concepts = ['proc.bowel_resection'];
        matchedBy = 'text';
      }
      const date = fhirDateOrUndefined(p.performedDateTime, now) ?? fhirDateOrUndefined(p.performedPeriod?.start, now);
      out.push({ ref: refOf(p), concepts, ...(text ? { text } : {}), ...(date ? { date } : {}), matchedBy });
    } catch (error) {
      problems.push(
        unreadableProblem(`${refOf(p)} could not be read: ${error instanceof Error ? error.message : String(error)}`, couldNotRead(refOf(p), error)),
      );
    }
  }
  return out;
}

/**
 * WHO ATC live attenuated vaccines (WHO ATC index 2025, J07): measles J07BD, mumps J07BE, rubella J07BJ,
 * yellow fever J07BL (whole groups are live); varicella J07BK01 and zoster live J07BK02 (J07BK03, zoster
 * purified antigen, is NOT live); typhoid oral J07AP01; BCG J07AN01; rotavirus J07BH; influenza live
 * attenuated J07BB03; cholera live J07AE02; Japanese encephalitis live J07BA03; oral polio J07BF01/02/04
 * (checked against the ATC part of the eHDSI Vaccine value set 0.2.0, 2025).
 */
const LIVE_ATC_PREFIXES = [
  'J07BD',
  'J07BE',
  'J07BJ',
  'J07BL',
  'J07BK01',
  'J07BK02',
  'J07AP01',
  'J07AN01',
  'J07BH',
  'J07BB03',
  'J07AE02',
  'J07BA03',
  'J07BF01',
  'J07BF02',
  'J07BF04',
];
/** Vaccine names (EN/DE/FR, brands) of live vaccines, for records coded only with unknown product codes. */
const LIVE_TEXT = [
  'live',
  'lebend',
  'vivant',
  'attenuated',
  'attenuiert',
  'attenue',
  'mmr',
  'mmrv',
  'measles',
  'masern',
  'rougeole',
  'mumps',
  'oreillons',
  'rubella',
  'roteln',
  'rubeole',
  'ror',
  'varicella',
  'varizellen',
  'varicelle',
  'yellow fever',
  'gelbfieber',
  'fievre jaune',
  'bcg',
  'zostavax',
  'rotavirus',
  'vivotif',
  'flumist',
  'fluenz',
  'priorix',
  'm-m-rvaxpro',
  'proquad',
  'varivax',
  'varilrix',
  'stamaril',
];
const NOT_LIVE_TEXT = [
  'inactivated',
  'inaktiviert',
  'inactive',
  'recombinant',
  'rekombinant',
  'adjuvanted',
  'subunit',
  'shingrix',
  'totimpfstoff',
  'conjugate',
];
const VARICELLA_TEXT = ['varicella', 'varizellen', 'varicelle', 'mmrv', 'varivax', 'varilrix', 'proquad', 'priorix-tetra'];

function liveOf(vaccine: unknown): { live: boolean; by?: 'code' | 'text' } {
  const matches = codeMatches(vaccine);
  if (matches.some((m) => m.concept === 'vaccine.live')) return { live: true, by: 'code' };
  const atc = codingsOf(vaccine).filter((c) => isAtcSystem(c.system) && c.code?.toUpperCase().startsWith('J07'));
  if (atc.some((c) => LIVE_ATC_PREFIXES.some((p) => c.code?.toUpperCase().startsWith(p)))) return { live: true, by: 'code' };
  // A CVX or ATC vaccine code not in the live lists is a coded "not live".
  if (atc.length > 0 || codingsOf(vaccine).some((c) => c.system === CVX_SYSTEM && c.code)) return { live: false, by: 'code' };
  const text = [textOf(vaccine), ...codingsOf(vaccine).map((c) => c.display)].filter((t): t is string => t !== undefined).join(' ');
  if (textContains(text, NOT_LIVE_TEXT)) return { live: false, by: 'text' };
  return textContains(text, LIVE_TEXT) ? { live: true, by: 'text' } : { live: false };
}

/** Given immunizations (status completed), with the live-vaccine flag (codes first, then the name) and the varicella flag. */
export function readImmunizations(immunizations: readonly Immunization[], now: Date, problems: ExtractProblem[]): ImmunizationFact[] {
  const out: ImmunizationFact[] = [];
  for (const i of immunizations) {
    try {
      if (i.status !== 'completed') continue;
      const text = textOf(i.vaccineCode);
      const date = fhirDateOrUndefined(i.occurrenceDateTime, now) ?? fhirDateOrUndefined(i.recorded, now);
      const { live, by } = liveOf(i.vaccineCode);
      const varicella =
        codeMatches(i.vaccineCode).some((m) => m.concept === 'vaccine.varicella') ||
        (!hasCodedCoding(i.vaccineCode) && textContains(text, VARICELLA_TEXT) !== undefined);
      out.push({ ref: refOf(i), live, ...(by ? { liveBy: by } : {}), varicella, ...(date ? { date } : {}), ...(text ? { text } : {}) });
    } catch (error) {
      problems.push(
        unreadableProblem(`${refOf(i)} could not be read: ${error instanceof Error ? error.message : String(error)}`, couldNotRead(refOf(i), error)),
      );
    }
  }
  return out;
}
