/** Label-driven safety checks: the rule table, its texts, and the functions that run it. */
export {
  checkSafety,
  checkAll,
  worstSeverity,
  compareSeverity,
  severityRank,
  sortFlags,
  drugByInn,
  rulesFor,
  ruleApplies,
  sourceFor,
  type CheckOptions,
} from './check.ts';
export { SAFETY_RULES, RULES_BY_ID } from './rules.ts';
export { SAFETY_MESSAGES, GAP_TEXT, renderMessage, type RuleMessages } from './messages.ts';
export { SEVERITY_ORDER, type Severity, type SafetyFlag, type SafetyRule, type RuleId, type FactEvidence, type RuleOutcome } from './types.ts';
