/**
 * One pre-treatment checklist for all options: the "screen before start" findings of every option,
 * grouped by what has to be done (TB test, hepatitis B serology, JCV antibody index, pregnancy test,
 * blood count, ...), each with the options that need it and the last date the record holds. The rows
 * of the ranking then keep only drug-specific findings. Pure: flags in, items out; nothing is dropped
 * (a rule without a topic becomes its own item).
 */
import type { FactEvidence, RuleId, SafetyFlag } from './safety/types.ts';

/** What the clinician orders or asks. `heart-failure`, `demyelinating`, `jak-risk`, `infection` are questions, not tests. */
export type ChecklistTopic =
  | 'tb'
  | 'hbv'
  | 'hiv-hcv'
  | 'jcv'
  | 'pregnancy-test'
  | 'blood-count'
  | 'liver'
  | 'kidney'
  | 'igg'
  | 'ecg'
  | 'eye'
  | 'vzv'
  | 'vaccines'
  | 'heart-failure'
  | 'demyelinating'
  | 'jak-risk'
  | 'malignancy'
  | 'infection';

/**
 * Rule -> topic. The tests behind each topic are those the rules' label sources name (src/rules/safety/rules.ts):
 * TB: IGRA (biologic/JAK SmPC 4.4); HBV: HBsAg and anti-HBc (anti-CD20/JAK SmPC 4.4); JCV: antibody index
 * (natalizumab SmPC 4.4); pregnancy: hCG (SmPC 4.3/4.6); blood count: lymphocytes and haemoglobin (S1P,
 * cladribine, fumarate, JAK SmPC 4.2/4.4).
 */
export const TOPIC_OF_RULE: Readonly<Partial<Record<RuleId, ChecklistTopic>>> = {
  'tb-active': 'tb',
  'tb-latent': 'tb',
  'tb-screening': 'tb',
  'hbv-hbsag': 'hbv',
  'anti-cd20-hbsag': 'hbv',
  'hbv-anti-hbc': 'hbv',
  'natalizumab-jcv': 'jcv',
  'natalizumab-pml-high': 'jcv',
  'pregnancy-contraindicated': 'pregnancy-test',
  'pregnancy-planned-washout': 'pregnancy-test',
  'lymphocytes-do-not-start': 'blood-count',
  'fumarate-lymphopenia-severe': 'blood-count',
  'lymphopenia-below-normal': 'blood-count',
  'jak-haemoglobin': 'blood-count',
  'live-vaccine-recent': 'vaccines',
  'anti-tnf-hf-severe': 'heart-failure',
  'anti-tnf-hf-mild': 'heart-failure',
  'etanercept-hf': 'heart-failure',
  's1p-heart-failure': 'heart-failure',
  'anti-tnf-demyelinating': 'demyelinating',
  'jak-age': 'jak-risk',
  'jak-smoking': 'jak-risk',
  'jak-cv-risk': 'jak-risk',
  'jak-malignancy': 'jak-risk',
  'jak-vte': 'jak-risk',
  'serious-infection-active': 'infection',
  // Issue 10 rules (src/rules/safety/rules.*.ts; thresholds and label sections in thresholds.lab.ts):
  // the lab limits of one test are one item whatever the drug's limit.
  'tb-latent-on-prophylaxis': 'tb',
  'hiv-positive': 'hiv-hcv',
  'jak-hcv': 'hiv-hcv',
  'chronic-infection-active': 'hiv-hcv',
  'natalizumab-prior-immunosuppressant': 'jcv',
  'natalizumab-jcv-repeat': 'jcv',
  's1p-lymphopenia': 'blood-count',
  'neutrophils-do-not-start': 'blood-count',
  'neutrophils-not-recommended': 'blood-count',
  'neutrophils-caution': 'blood-count',
  'platelets-do-not-start': 'blood-count',
  'platelets-not-recommended': 'blood-count',
  'platelets-caution': 'blood-count',
  'liver-do-not-start': 'liver',
  'liver-not-recommended': 'liver',
  'liver-caution': 'liver',
  'renal-contraindicated': 'kidney',
  'renal-not-recommended': 'kidney',
  'renal-dose-reduce': 'kidney',
  'anti-cd20-igg': 'igg',
  's1p-cardiac-event': 'ecg',
  's1p-conduction-block': 'ecg',
  's1p-qtc-contraindicated': 'ecg',
  's1p-qtc-caution': 'ecg',
  's1p-macular-oedema': 'eye',
  'vzv-non-immune': 'vzv',
  'rituximab-hf-severe': 'heart-failure',
  'malignancy-active': 'malignancy',
  'anti-tnf-malignancy-history': 'malignancy',
  'alemtuzumab-malignancy': 'malignancy',
};

/** Display order: tests first (what is ordered before a start), then the questions. */
const TOPIC_ORDER: readonly ChecklistTopic[] = [
  'tb',
  'hbv',
  'hiv-hcv',
  'jcv',
  'pregnancy-test',
  'blood-count',
  'liver',
  'kidney',
  'igg',
  'ecg',
  'eye',
  'vzv',
  'vaccines',
  'heart-failure',
  'demyelinating',
  'jak-risk',
  'malignancy',
  'infection',
];

/** One thing to do before starting. */
export interface ChecklistItem {
  /** The topic, or `rule:<id>` for a rule that has none (shown with the rule's own text). */
  key: ChecklistTopic | `rule:${string}`;
  topic?: ChecklistTopic;
  ruleIds: RuleId[];
  /** Options that need it, in the order given. */
  drugs: string[];
  /** Facts behind it (each once), with their state, date and sources. */
  facts: FactEvidence[];
  /** Latest date among the facts that have one: the last time the record holds this test or fact. */
  lastDate?: string;
  /** The flags aggregated (for their text and label source). */
  flags: SafetyFlag[];
}

/** A flag belongs in the checklist (not on the row) when it is a to-do before the first dose. */
export function isChecklistFlag(flag: SafetyFlag): boolean {
  return flag.severity === 'screen-before-start';
}

/**
 * Aggregates the screen-before-start flags of the options into one checklist.
 * @param flagsByDrug the safety flags per option (e.g. the ranking's options)
 * @param drugs the options in display order (defaults to the keys' order)
 */
export function buildChecklist(
  flagsByDrug: Readonly<Record<string, readonly SafetyFlag[]>>,
  drugs: readonly string[] = Object.keys(flagsByDrug),
): ChecklistItem[] {
  const items = new Map<string, ChecklistItem>();
  for (const drug of drugs) {
    for (const flag of flagsByDrug[drug] ?? []) {
      if (!isChecklistFlag(flag)) continue;
      const topic = TOPIC_OF_RULE[flag.ruleId];
      const key = topic ?? (`rule:${flag.ruleId}` as const);
      const item = items.get(key) ?? { key, ...(topic ? { topic } : {}), ruleIds: [], drugs: [], facts: [], flags: [] };
      if (!item.ruleIds.includes(flag.ruleId)) item.ruleIds.push(flag.ruleId);
      if (!item.drugs.includes(drug)) item.drugs.push(drug);
      item.flags.push(flag);
      for (const fact of flag.facts) if (!item.facts.some((f) => f.name === fact.name)) item.facts.push(fact);
      items.set(key, item);
    }
  }
  for (const item of items.values()) {
    const dates = item.facts.map((f) => f.date).filter((d): d is string => typeof d === 'string' && d !== '');
    const last = dates.sort().at(-1);
    if (last) item.lastDate = last;
  }
  const rank = (i: ChecklistItem): number => (i.topic ? TOPIC_ORDER.indexOf(i.topic) : TOPIC_ORDER.length);
  return [...items.values()].sort((a, b) => rank(a) - rank(b));
}
