/**
 * Running the safety rule table for candidate drugs. Pure: plain facts in, plain flags out. A drug with a
 * contraindication is flagged, never removed: the ranking keeps it visible with its flags.
 */
import type { InputValue } from '../../extract/values.ts';
import { DRUGS, type DrugDefinition } from '../../extract/terminology/drugs.ts';
import type { RuleId, RuleOutcome, SafetyFlag, SafetyRule, Severity } from './types.ts';
import { SEVERITY_ORDER } from './types.ts';
import { evidenceOf, gapOf, readerFor } from './facts.ts';
import { SAFETY_RULES } from './rules.ts';
import { POSSIBLE_PREFIX, SAFETY_MESSAGES, renderMessage } from './messages.ts';

export interface CheckOptions {
  /** The decision date (used for waiting periods such as after a live vaccine). */
  now: Date;
}

type Facts = Readonly<Record<string, InputValue>>;

/** The catalogue entry of a drug given by INN (or catalogue key), case-insensitive. */
export function drugByInn(drug: string): DrugDefinition | undefined {
  const q = drug.trim().toLowerCase();
  return DRUGS.find((d) => d.inn.toLowerCase() === q || d.key === q);
}

/** Does a rule apply to a catalogue drug (by class or by INN)? */
export function ruleApplies(rule: SafetyRule, drug: DrugDefinition): boolean {
  return (rule.appliesTo.classes?.includes(drug.drugClass) ?? false) || (rule.appliesTo.inns?.includes(drug.inn) ?? false);
}

/** The rules that apply to a drug, in table order. */
export function rulesFor(drug: DrugDefinition): SafetyRule[] {
  return SAFETY_RULES.filter((r) => ruleApplies(r, drug));
}

/** The citation of a rule as a whole: its own `source`, else its EU and US label sources. */
export function ruleSource(rule: SafetyRule): string {
  return rule.source ?? `EU: ${rule.label.eu}. US: ${rule.label.us}`;
}

/** The citation for one rule and drug: INN-specific, else class-specific, else the rule's source. */
export function sourceFor(rule: SafetyRule, drug: DrugDefinition): string {
  return rule.sources?.[drug.inn] ?? rule.sources?.[drug.drugClass] ?? ruleSource(rule);
}

function flag(
  ruleId: RuleId,
  drug: string,
  severity: Severity,
  state: SafetyFlag['state'],
  variant: string,
  params: SafetyFlag['params'],
  facts: SafetyFlag['facts'],
  source: string,
): SafetyFlag {
  const messages = SAFETY_MESSAGES[ruleId];
  const template = messages[variant] ?? messages[state];
  const allParams = { drug, ...params };
  return {
    ruleId,
    drug,
    severity,
    state,
    messageKey: `safety.${ruleId}.${variant}`,
    params: allParams,
    text: renderMessage(template, allParams),
    facts,
    source,
  };
}

/**
 * Check one candidate drug (INN) against every rule that applies to it.
 *
 * @param drug - English INN as in the drug catalogue (e.g. `certolizumab pegol`); a catalogue key also works.
 * @param facts - Extracted values by catalogue name (model inputs and safety facts); absent names read as missing.
 * @param options - `now`: the decision date.
 * @returns One flag per rule that triggered or could not be decided, worst severity first. A drug not in
 *   the catalogue gets a single `drug-not-in-catalogue` flag (never an empty, "safe-looking" list).
 */
export function checkSafety(drug: string, facts: Facts, options: CheckOptions): SafetyFlag[] {
  const def = drugByInn(drug);
  if (!def) {
    return [
      flag('drug-not-in-catalogue', drug, 'caution', 'unknown', 'unknown', {}, [], 'src/extract/terminology/drugs.ts: no label rules encoded for this drug'),
    ];
  }
  const flags: SafetyFlag[] = [];
  for (const rule of rulesFor(def)) {
    const possible = rule.facts.some((name) => facts[name]?.state === 'possible');
    const f = possible ? possibleFlag(rule, def, facts, options) : plainFlag(rule, def, facts, options);
    if (f) flags.push(f);
  }
  return sortFlags(flags);
}

function evaluate(rule: SafetyRule, def: DrugDefinition, facts: Facts, options: CheckOptions): RuleOutcome {
  return rule.evaluate({ drug: def, facts: readerFor(facts), now: options.now, values: facts });
}

/** The flag of an evaluated outcome (none for clear/covered). */
function flagOf(rule: SafetyRule, def: DrugDefinition, facts: Facts, outcome: RuleOutcome): SafetyFlag | undefined {
  if (outcome.kind === 'clear' || outcome.kind === 'covered') return undefined;
  const evidence = outcome.facts.map((name) => evidenceOf(name, facts[name]));
  const source = sourceFor(rule, def);
  if (outcome.kind === 'triggered')
    return flag(rule.id, def.inn, rule.severity, 'triggered', outcome.variant ?? 'triggered', outcome.params ?? {}, evidence, source);
  const params = { ...gapOf(outcome.facts, facts), ...outcome.params };
  return flag(rule.id, def.inn, rule.severityIfUnknown, 'unknown', outcome.variant ?? 'unknown', params, evidence, source);
}

function plainFlag(rule: SafetyRule, def: DrugDefinition, facts: Facts, options: CheckOptions): SafetyFlag | undefined {
  return flagOf(rule, def, facts, evaluate(rule, def, facts, options));
}

/** The facts as they read without the suspected diagnoses, or as if they were confirmed. */
function worldOf(facts: Facts, world: 'unconfirmed' | 'confirmed'): Facts {
  const out: Record<string, InputValue> = {};
  for (const [name, v] of Object.entries(facts)) {
    if (v.state !== 'possible') out[name] = v;
    else if (world === 'unconfirmed') out[name] = v.unconfirmed;
    else {
      const { unconfirmed: _u, suspicion: _s, reason: _r, ...evidence } = v;
      out[name] = { ...evidence, state: 'ok', value: v.value };
    }
  }
  return out;
}

/**
 * A rule reading a `possible` fact (a suspected diagnosis, values.ts). The rule is evaluated twice: with
 * the record as it reads without the suspicions, and as if they were confirmed. When only the confirmed
 * reading triggers, the flag carries the same finding text prefixed with "Possible finding (suspected
 * diagnosis ..., not confirmed)" at the LESS severe of the rule's triggered level and its unknown level
 * (screen-before-start throughout the table). Why: a suspicion is a reason to check before the first
 * dose, which is exactly what the unknown level asks for; a contraindication on a suspicion alone would
 * withhold a therapy for a disease the patient may not have, and ignoring it would hide a finding the
 * record names. No label in the rule table speaks of suspected diagnoses, so none overrides this.
 * Otherwise the reading without the suspicions decides (or the confirmed reading's gap, if only that one
 * leaves the rule undecided): never silently clear because of a suspicion.
 */
function possibleFlag(rule: SafetyRule, def: DrugDefinition, facts: Facts, options: CheckOptions): SafetyFlag | undefined {
  const without = worldOf(facts, 'unconfirmed');
  const confirmed = worldOf(facts, 'confirmed');
  const a = evaluate(rule, def, without, options);
  const b = evaluate(rule, def, confirmed, options);
  if (b.kind === 'triggered' && a.kind !== 'triggered') {
    const variant = b.variant ?? 'triggered';
    const messages = SAFETY_MESSAGES[rule.id];
    const suspicion = [...new Set(rule.facts.flatMap((n) => (facts[n]?.state === 'possible' ? [(facts[n] as { suspicion: string }).suspicion] : [])))].join(
      '; ',
    );
    const params = { drug: def.inn, ...b.params, suspicion };
    const template = `${POSSIBLE_PREFIX}${messages[variant] ?? messages.triggered}`;
    const severity = severityRank(rule.severity) > severityRank(rule.severityIfUnknown) ? rule.severity : rule.severityIfUnknown;
    return {
      ruleId: rule.id,
      drug: def.inn,
      severity,
      state: 'unknown',
      messageKey: `safety.${rule.id}.possible-${variant}`,
      params,
      text: renderMessage(template, params),
      facts: b.facts.map((name) => evidenceOf(name, facts[name])),
      source: sourceFor(rule, def),
    };
  }
  if (a.kind === 'clear' && b.kind === 'unknown') return flagOf(rule, def, confirmed, b);
  return flagOf(rule, def, without, a);
}

/** {@link checkSafety} for each drug; the result is keyed by the drug string as given. */
export function checkAll(drugs: readonly string[], facts: Facts, options: CheckOptions): Record<string, SafetyFlag[]> {
  return Object.fromEntries(drugs.map((d) => [d, checkSafety(d, facts, options)]));
}

/** Rank of a severity: 0 is the worst (contraindicated). */
export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

/** Compare two severities for sorting, worst first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

/** Flags sorted worst severity first; triggered before unknown within a severity; stable otherwise. */
export function sortFlags(flags: readonly SafetyFlag[]): SafetyFlag[] {
  return [...flags].sort((a, b) => compareSeverity(a.severity, b.severity) || Number(a.state === 'unknown') - Number(b.state === 'unknown'));
}

/** The worst severity among flags, or null when there are none. */
export function worstSeverity(flags: readonly SafetyFlag[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of flags) if (worst === null || compareSeverity(f.severity, worst) < 0) worst = f.severity;
  return worst;
}
