/**
 * THE table of label-driven safety rules, assembled from the rule files by topic (heart, infection,
 * conditions, MS/pregnancy, laboratory). One row per rule: the drugs (by class from the drug catalogue, or by
 * INN), the facts it reads (catalogue names), its level when triggered and when its facts are unknown, its
 * threshold in words, the EU SmPC and US PI sources (and which the level follows), the reason for the level,
 * and its logic. Texts are in messages.ts, per-drug numbers in thresholds.ts / thresholds.lab.ts.
 *
 * Every rule has an explicit unknown outcome: a missing, stale, implausible or unconvertible fact is
 * reported ("screen before starting"), never read as "fine". A rule whose gap another rule already
 * reports returns `covered` with that rule's id, so the same gap is not shown twice. The safety page
 * (src/ui/safety) and docs/safety-review.md are generated from this table.
 */
import type { RuleId, SafetyRule } from './types.ts';
import { HEART_RULES } from './rules.heart.ts';
import { INFECTION_RULES } from './rules.infection.ts';
import { CONDITION_RULES } from './rules.conditions.ts';
import { MS_RULES } from './rules.ms.ts';
import { LAB_RULES } from './rules.lab.ts';

export const SAFETY_RULES: readonly SafetyRule[] = [...HEART_RULES, ...INFECTION_RULES, ...CONDITION_RULES, ...MS_RULES, ...LAB_RULES];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<RuleId, SafetyRule> = new Map(SAFETY_RULES.map((r) => [r.id, r]));
