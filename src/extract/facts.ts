/** Conditions, procedures and immunizations reduced to the facts the inputs and safety checks need. */
import type { Condition, Immunization, Procedure } from 'fhir/r4';
import { codeMatches, codingsOf, hasCodedCoding, textContains, textOf, type LooseCoding } from './terminology/index.ts';
import { fhirDateOrUndefined, type FhirDate } from './dates.ts';
import { refOf, statusCode } from './fhir.ts';
import { excludedProblem, unreadableProblem, type ExtractProblem } from './problems.ts';

export interface ConditionFact {
  ref: string;
  /** Concepts matched by system + code (dx.*, finding.*). */
  concepts: string[];
  codings: LooseCoding[];
  text?: string;
  /** No clinical status, or active/recurrence/relapse. */
  active: boolean;
  onset?: FhirDate;
  abatement?: FhirDate;
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
  date?: FhirDate;
  text?: string;
}

/** Text phrases for facts coded only as text (English/German/French). */
export const FACT_TEXT: Record<string, readonly string[]> = {
  'proc.bowel_resection': ['resection', 'resektion', 'colectomy', 'kolektomie', 'colectomie', 'ileocaecal', 'ileocecal', 'hemicolectomy', 'hemikolektomie'],
  'finding.pregnancy_planned': ['planning pregnancy', 'pregnancy planned', 'kinderwunsch', 'desir de grossesse'],
};

const INACTIVE = new Set(['inactive', 'remission', 'resolved']);
const EXCLUDED = new Set(['entered-in-error', 'refuted']);

/** Conditions except entered-in-error/refuted (those are reported in problems). */
export function readConditions(conditions: readonly Condition[], now: Date, problems: ExtractProblem[]): ConditionFact[] {
  const out: ConditionFact[] = [];
  for (const c of conditions) {
    try {
      const verification = statusCode(c.verificationStatus);
      if (verification && EXCLUDED.has(verification)) {
        problems.push(excludedProblem(`${refOf(c)} excluded: verification status ${verification}`));
        continue;
      }
      const clinical = statusCode(c.clinicalStatus);
      const text = textOf(c.code);
      const concepts = [...new Set(codeMatches(c.code).map((m) => m.concept))];
      if (!hasCodedCoding(c.code) && textContains(text, FACT_TEXT['finding.pregnancy_planned'] ?? [])) concepts.push('finding.pregnancy_planned');
      const onset = fhirDateOrUndefined(c.onsetDateTime, now) ?? fhirDateOrUndefined(c.onsetPeriod?.start, now) ?? fhirDateOrUndefined(c.recordedDate, now);
      const abatement = fhirDateOrUndefined(c.abatementDateTime, now) ?? fhirDateOrUndefined(c.abatementPeriod?.end, now);
      out.push({
        ref: refOf(c), concepts, codings: codingsOf(c.code), ...(text ? { text } : {}),
        active: (clinical === undefined && abatement === undefined) || (clinical !== undefined && !INACTIVE.has(clinical)),
        ...(onset ? { onset } : {}), ...(abatement ? { abatement } : {}),
      });
    } catch (error) {
      problems.push(unreadableProblem(`${refOf(c)} could not be read: ${error instanceof Error ? error.message : String(error)}`));
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
        if (status === 'entered-in-error') problems.push(excludedProblem(`${refOf(p)} excluded: entered-in-error`));
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
      problems.push(unreadableProblem(`${refOf(p)} could not be read: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  return out;
}

/** Given immunizations (status completed), with live-vaccine flag from the CVX code (local.ts vaccine.live). */
export function readImmunizations(immunizations: readonly Immunization[], now: Date, problems: ExtractProblem[]): ImmunizationFact[] {
  const out: ImmunizationFact[] = [];
  for (const i of immunizations) {
    try {
      if (i.status !== 'completed') continue;
      const text = textOf(i.vaccineCode);
      const date = fhirDateOrUndefined(i.occurrenceDateTime, now) ?? fhirDateOrUndefined(i.recorded, now);
      const live = codeMatches(i.vaccineCode).some((m) => m.concept === 'vaccine.live');
      out.push({ ref: refOf(i), live, ...(date ? { date } : {}), ...(text ? { text } : {}) });
    } catch (error) {
      problems.push(unreadableProblem(`${refOf(i)} could not be read: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  return out;
}
