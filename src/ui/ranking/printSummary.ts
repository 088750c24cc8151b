/**
 * The pure parts of the print summary: which identifiers to print, which of an
 * option's findings decides it, and which pre-treatment checks are still open. No React, so they are
 * tested on their own and the component stays a layout.
 */
import type { Identifier } from 'fhir/r4';
import type { ChecklistItem } from '../../rules/checklist.ts';
import { isChecklistFlag } from '../../rules/checklist.ts';
import { worstSeverity } from '../../rules/safety/index.ts';
import type { SafetyFlag } from '../../rules/safety/types.ts';
import { identifierLabel } from '../identifiers.ts';
import type { ClinicalLanguage } from '../i18n/inputs.ts';

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

/** The identifiers worth printing: those with a value, each once, labelled as the banner labels them (src/ui/identifiers.ts; never a system URL). */
export function printableIdentifiers(ids: readonly Identifier[] | undefined, lang: ClinicalLanguage): Array<{ label: string; value: string }> {
  const seen = new Set<string>();
  return (ids ?? []).flatMap((id) => {
    const value = typeof id.value === 'string' ? id.value.trim() : '';
    if (!value || seen.has(`${id.system ?? ''}|${value}`)) return [];
    seen.add(`${id.system ?? ''}|${value}`);
    return [{ label: identifierLabel(id, lang).short, value }];
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
