/**
 * Types of the label-driven safety layer: the rule row, what a rule's evaluation returns, and the flag
 * the ranking shows. Pure types and one ordering; no clinical content here (that is in rules.ts).
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { InputScalar, InputState, InputValue } from '../../extract/values.ts';
import type { DrugClass, DrugDefinition } from '../../extract/terminology/drugs.ts';

/**
 * contraindicated: label section 4.3 (or US section 4, or "do not initiate"): the option stays visible, flagged.
 * only-if-no-alternative: EMA wording for JAK inhibitors in risk groups; label "not recommended" and
 *   comparable high-risk cases.
 * treat-before-start: a finding the label says must be treated before the first dose (latent TB without a
 *   started preventive course, a varicella-non-immune patient before an S1P modulator): the drug stays a
 *   suitable option once the treatment is under way (a recorded course resolves it).
 * caution: usable with care or monitoring.
 * screen-before-start: a test or check is due before the first dose (it resolves with a result).
 */
export type Severity = 'contraindicated' | 'only-if-no-alternative' | 'treat-before-start' | 'caution' | 'screen-before-start';

/**
 * Worst first. treat-before-start is above caution because it blocks the first dose until something is
 * done; screen-before-start ranks last because it is a to-do that a test result resolves, while a caution
 * stays for the whole course of the therapy.
 */
export const SEVERITY_ORDER: readonly Severity[] = ['contraindicated', 'only-if-no-alternative', 'treat-before-start', 'caution', 'screen-before-start'];

export type RuleId =
  | 'anti-tnf-hf-severe'
  | 'anti-tnf-hf-mild'
  | 'etanercept-hf'
  | 's1p-heart-failure'
  | 'anti-tnf-demyelinating'
  | 'tb-active'
  | 'tb-latent'
  | 'tb-screening'
  | 'hbv-hbsag'
  | 'anti-cd20-hbsag'
  | 'hbv-anti-hbc'
  | 'jak-age'
  | 'jak-smoking'
  | 'jak-cv-risk'
  | 'jak-malignancy'
  | 'jak-vte'
  | 'natalizumab-jcv'
  | 'natalizumab-pml-high'
  | 'pregnancy-contraindicated'
  | 'pregnancy-planned-washout'
  | 'lymphocytes-do-not-start'
  | 'fumarate-lymphopenia-severe'
  | 'lymphopenia-below-normal'
  | 'jak-haemoglobin'
  | 'live-vaccine-recent'
  | 'serious-infection-active'
  // Issue 10 additions.
  | 'tb-latent-on-prophylaxis'
  | 'malignancy-active'
  | 'alemtuzumab-malignancy'
  | 's1p-lymphopenia'
  | 'anti-tnf-malignancy-history'
  | 'rituximab-hf-severe'
  | 's1p-cardiac-event'
  | 's1p-conduction-block'
  | 's1p-qtc-contraindicated'
  | 's1p-qtc-caution'
  | 'chronic-infection-active'
  | 'vzv-non-immune'
  | 's1p-macular-oedema'
  | 'natalizumab-prior-immunosuppressant'
  | 'natalizumab-jcv-repeat'
  | 'hiv-positive'
  | 'jak-hcv'
  | 'alemtuzumab-vascular'
  | 'alemtuzumab-autoimmune'
  | 'alemtuzumab-coagulopathy'
  | 'anti-cd20-igg'
  | 'interstitial-lung-disease'
  | 'gi-perforation-diverticulitis'
  | 'cladribine-male-contraception'
  | 'liver-do-not-start'
  | 'liver-not-recommended'
  | 'liver-caution'
  | 'renal-contraindicated'
  | 'renal-not-recommended'
  | 'renal-dose-reduce'
  | 'neutrophils-do-not-start'
  | 'neutrophils-not-recommended'
  | 'neutrophils-caution'
  | 'platelets-do-not-start'
  | 'platelets-not-recommended'
  | 'platelets-caution'
  | 'drug-not-in-catalogue';

/** Message parameters; `gap` is filled by check.ts from the facts an unknown outcome names. */
export type MessageParams = Record<string, string | number>;

/** Result of evaluating one rule for one drug. Every rule returns one of these, never throws. */
export type RuleOutcome =
  | { kind: 'clear' }
  /** `facts`: the facts that decided it; `variant`: a message variant other than `triggered`. */
  | { kind: 'triggered'; facts: InputName[]; params?: MessageParams; variant?: string }
  /** `facts`: the facts that are missing, stale, implausible or of unknown unit. */
  | { kind: 'unknown'; facts: InputName[]; params?: MessageParams; variant?: string }
  /** The same gap is already reported, for this drug, by the named rule (avoids duplicate flags). */
  | { kind: 'covered'; by: RuleId };

/** Read access to the extracted facts, with the stale-value policy applied. */
export interface FactReader {
  /**
   * ok booleans; a stale value only when `stalePositive` and it is `true` (a finding that does not go
   * away, e.g. a past positive test). Anything else (missing, implausible, stale) is undefined.
   */
  bool(name: InputName, opts?: { stalePositive?: boolean }): boolean | undefined;
  /** ok numbers only: a stale or implausible number is never used. */
  num(name: InputName): number | undefined;
  /** ok categories; a stale value only when listed in `stalePositive`. */
  cat(name: InputName, opts?: { stalePositive?: readonly string[] }): string | undefined;
  /** Effective date of a fact as recorded, if any. */
  date(name: InputName): string | undefined;
  /** The extractor's note (e.g. the list of cardiovascular risk factors). */
  note(name: InputName): string | undefined;
}

export interface RuleContext {
  drug: DrugDefinition;
  facts: FactReader;
  now: Date;
  /**
   * The extracted values themselves, for the few rules that count an old (stale) number as lasting
   * (heart failure class, JC virus index) or read a missing fact's reason. Absent in hand-built contexts:
   * those rules then fall back to the reader's policy.
   */
  values?: Readonly<Record<string, InputValue>>;
}

/** Which drugs a rule applies to: by class (drugs.ts) and/or by INN. */
export interface AppliesTo {
  classes?: readonly DrugClass[];
  inns?: readonly string[];
}

/**
 * Where a rule comes from: the EU SmPC and the US prescribing information (USPI), each with product, section
 * and revision date as far as known ("revision date to verify" / "section to verify" where not re-read), and
 * which of the two the rule's level follows when they differ.
 */
export interface LabelSource {
  eu: string;
  us: string;
  follows: 'EU' | 'US' | 'EU and US' | 'guideline';
}

/** Per-drug numeric limits of a laboratory rule, for the safety page and the review (the rule reads them too). */
export interface RuleLimits {
  op: '<' | '>' | '>=';
  unit: string;
  byDrug: Readonly<Record<string, number>>;
}

/** One row of the rule table. */
export interface SafetyRule {
  id: RuleId;
  appliesTo: AppliesTo;
  /** Every fact the rule may read (catalogue names). */
  facts: readonly InputName[];
  /** Severity of a triggered flag. */
  severity: Severity;
  /** Severity of an unknown flag (facts missing/stale/implausible): screen-before-start throughout. */
  severityIfUnknown: Severity;
  /** The condition that triggers the rule, in clinician's words (English; DE/FR on the safety page). */
  threshold: string;
  /** Per-drug limits, for rules whose threshold differs by drug. */
  limits?: RuleLimits;
  /** EU and US label sources and which one the level follows. */
  label: LabelSource;
  /** Why this level (the review line: label wording -> level; EU/US difference). */
  rationale: string;
  /** The citation a flag carries; defaults to the EU and US sources of `label`. */
  source?: string;
  /** More specific sources keyed by INN or drug class; looked up INN first, then class, then `source`. */
  sources?: Readonly<Partial<Record<string, string>>>;
  evaluate(ctx: RuleContext): RuleOutcome;
}

/** A fact as it entered a flag: copied from the extracted InputValue. */
export interface FactEvidence {
  name: InputName;
  state: InputState;
  value?: InputScalar;
  unit?: string | null;
  date?: string;
  sources: string[];
  reason?: string;
  note?: string;
}

/** What the ranking shows next to a drug. Contraindicated options are flagged, never removed. */
export interface SafetyFlag {
  ruleId: RuleId;
  drug: string;
  severity: Severity;
  state: 'triggered' | 'unknown';
  /** `safety.<ruleId>.<variant>`; variant is `triggered`, `unknown` or a rule-specific one. */
  messageKey: string;
  params: MessageParams;
  /** English text (messages.ts); the UI translates by messageKey + params. */
  text: string;
  facts: FactEvidence[];
  source: string;
}
