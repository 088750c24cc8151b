/**
 * The pure parts of the print summary: which identifier label a reader understands, which of an
 * option's findings decides it, and which pre-treatment checks are still open. No React, so they are
 * tested on their own and the component stays a layout.
 */
import type { Identifier } from 'fhir/r4';
import type { ChecklistItem } from '../../rules/checklist.ts';
import { isChecklistFlag } from '../../rules/checklist.ts';
import { worstSeverity } from '../../rules/safety/index.ts';
import type { SafetyFlag } from '../../rules/safety/types.ts';
import { systemLabel } from '../format.ts';

/**
 * Identifier type codes of HL7 v2 table 0203 (terminology.hl7.org/CodeSystem/v2-0203) a clinician
 * reads as a label; the code itself is printed for any other type.
 */
const V2_0203_LABELS: ReadonlyMap<string, string> = new Map([
  ['MR', 'MRN'],
  ['SS', 'SSN'],
  ['NIIP', 'NIIP'],
  ['NI', 'NI'],
  ['PPN', 'PPN'],
  ['JHN', 'JHN'],
  ['PI', 'PI'],
]);

/** A recorded decision, as the print summary names it (from "Record this decision" after the EHR confirmed it). */
export interface RecordedDecision {
  drug: string;
  /** The clinician's reason when the choice is not the first-ranked option ('' otherwise). */
  reason: string;
  /** `Practitioner/123` from fhirUser, or null when the EHR named nobody. */
  user: string | null;
  at: Date;
  decisionId: string;
}

/**
 * The label of a Patient.identifier for paper: the type's v2-0203 code (MR as MRN), else a known system
 * (KVNR, INS, SSN: src/ui/format.ts), else the type's text. Null when none of these exists: a system URL is
 * never printed as a label (the caller prints a generic "Identifier").
 */
export function identifierLabel(id: Identifier): string | null {
  const code = id.type?.coding?.find((c) => c.system === 'http://terminology.hl7.org/CodeSystem/v2-0203' && typeof c.code === 'string')?.code;
  if (code) return V2_0203_LABELS.get(code) ?? code;
  if (id.system) {
    const label = systemLabel(id.system);
    if (label !== id.system) return label;
  }
  const text = id.type?.text?.trim();
  return text ? text : null;
}

/** The identifiers worth printing: those with a value, each once. */
export function printableIdentifiers(ids: readonly Identifier[] | undefined): Array<{ label: string | null; value: string }> {
  const seen = new Set<string>();
  return (ids ?? []).flatMap((id) => {
    const value = typeof id.value === 'string' ? id.value.trim() : '';
    if (!value || seen.has(`${id.system ?? ''}|${value}`)) return [];
    seen.add(`${id.system ?? ''}|${value}`);
    return [{ label: identifierLabel(id), value }];
  });
}

/**
 * The findings that decide an option's tier: the drug-specific ones (not the screening to-dos, which go to
 * the checklist) of the worst severity. Empty when the option has no drug-specific finding.
 */
export function decisiveFlags(flags: readonly SafetyFlag[]): SafetyFlag[] {
  const own = flags.filter((f) => !isChecklistFlag(f));
  const worst = worstSeverity(own);
  return worst ? own.filter((f) => f.severity === worst) : [];
}

/** A check is open when the record does not hold it, or holds it out of date. */
export function isOpenCheck(item: ChecklistItem): boolean {
  return !item.lastDate || item.facts.some((f) => f.state === 'stale');
}
