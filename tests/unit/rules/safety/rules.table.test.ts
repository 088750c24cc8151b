import { describe, expect, it } from 'vitest';
import type { InputName } from '@src/extract/catalogue.ts';
import { CATALOGUE_BY_NAME } from '@src/extract/catalogue.ts';
import { DRUGS } from '@src/extract/terminology/drugs.ts';
import { ruleApplies, sourceFor } from '@src/rules/safety/check.ts';
import { readerFor } from '@src/rules/safety/facts.ts';
import { SAFETY_MESSAGES } from '@src/rules/safety/messages.ts';
import { SAFETY_RULES } from '@src/rules/safety/rules.ts';
import { HAEMOGLOBIN_START_MIN, LYMPHOCYTE_START_MIN, PREGNANCY_WASHOUT } from '@src/rules/safety/thresholds.ts';
import type { FactReader } from '@src/rules/safety/types.ts';
import { BASELINE, NOW, facts, missing, ok } from './factsHelper.ts';

const INNS = new Set(DRUGS.map((d) => d.inn));

/** A reader that records every fact name a rule reads. */
function recording(f: FactReader, read: Set<InputName>): FactReader {
  return {
    bool: (n, o) => (read.add(n), f.bool(n, o)),
    num: (n) => (read.add(n), f.num(n)),
    cat: (n, o) => (read.add(n), f.cat(n, o)),
    date: (n) => (read.add(n), f.date(n)),
    note: (n) => (read.add(n), f.note(n)),
  };
}

/** Fact sets that drive rules down their different branches. */
const SCENARIOS = [
  facts(),
  {},
  facts([ok('jcv_antibody_status', 'positive'), ok('jcv_index', 2), ok('current_advanced_therapy', 'natalizumab'), ok('current_therapy_duration_months', 40)]),
  facts([ok('pregnancy_current', false), missing('pregnancy_planned'), ok('hbv_hbsag', 'negative'), missing('hbv_anti_hbc'), ok('live_vaccine_recent', true)]),
  facts([ok('heart_failure_nyha', 4), ok('tb_latent', true), ok('smoking_ever', true), ok('lymphocytes_10e9_l', 0.1), ok('haemoglobin_g_dl', 5)]),
];

describe('the rule table', () => {
  it('has unique ids, each with triggered and unknown texts', () => {
    const ids = SAFETY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const short = ids.filter((id) => SAFETY_MESSAGES[id].triggered.length < 10 || SAFETY_MESSAGES[id].unknown.length < 10);
    expect(short).toEqual([]);
  });

  it('has a rule for every message key except the catalogue fallback', () => {
    const ruleIds = new Set<string>(SAFETY_RULES.map((r) => r.id));
    const orphans = Object.keys(SAFETY_MESSAGES).filter((k) => !ruleIds.has(k));
    expect(orphans).toEqual(['drug-not-in-catalogue']);
  });

  it.each(SAFETY_RULES.map((r) => [r.id, r] as const))('%s: catalogue facts, catalogue drugs, a cited source', (_id, rule) => {
    expect(rule.facts.filter((f) => !(f in CATALOGUE_BY_NAME))).toEqual([]);
    expect((rule.appliesTo.inns ?? []).filter((inn) => !INNS.has(inn))).toEqual([]);
    const drugs = DRUGS.filter((d) => ruleApplies(rule, d));
    expect(drugs.length).toBeGreaterThan(0);
    const uncited = drugs.filter((d) => !/SmPC|guideline|USPI|EMA|Lancet|N Engl J Med|Neurology/.test(sourceFor(rule, d))).map((d) => d.inn);
    expect(uncited).toEqual([]);
    expect(rule.severityIfUnknown).toBe('screen-before-start');
  });

  it.each(SAFETY_RULES.map((r) => [r.id, r] as const))('%s reads and names only the facts it declares', (_id, rule) => {
    const undeclared: string[] = [];
    for (const d of DRUGS.filter((x) => ruleApplies(rule, x))) {
      for (const scenario of SCENARIOS) {
        const read = new Set<InputName>();
        const outcome = rule.evaluate({ drug: d, facts: recording(readerFor(scenario), read), now: NOW });
        const named = outcome.kind === 'triggered' || outcome.kind === 'unknown' ? outcome.facts : [];
        for (const n of [...read, ...named]) if (!rule.facts.includes(n)) undeclared.push(`${d.inn}: ${n}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('per-drug threshold and washout tables name catalogue drugs only', () => {
    const all = [...Object.keys(LYMPHOCYTE_START_MIN), ...Object.keys(HAEMOGLOBIN_START_MIN), ...Object.keys(PREGNANCY_WASHOUT)];
    expect(all.filter((inn) => !INNS.has(inn))).toEqual([]);
  });

  it('the baseline covers every fact any rule reads (so case rows change one thing at a time)', () => {
    const inBaseline = new Set(BASELINE.map((v) => v.name));
    // jcv_index is left out: no index is measured when the antibody is negative.
    const read = new Set(SAFETY_RULES.flatMap((r) => r.facts).filter((n) => n !== 'jcv_index'));
    expect([...read].filter((n) => !inBaseline.has(n))).toEqual([]);
  });
});
