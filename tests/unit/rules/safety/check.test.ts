import { describe, expect, it } from 'vitest';
import { DRUGS } from '@src/extract/terminology/drugs.ts';
import { checkAll, checkSafety, compareSeverity, drugByInn, sortFlags, worstSeverity } from '@src/rules/safety/check.ts';
import { renderMessage } from '@src/rules/safety/messages.ts';
import { SEVERITY_ORDER, type SafetyFlag, type Severity } from '@src/rules/safety/types.ts';
import { NOW, facts, missing, ok } from './factsHelper.ts';

const opts = { now: NOW };

describe('checkSafety on a clean record', () => {
  it.each(DRUGS.map((d) => [d.inn]))('%s: no flags when every fact is known and unremarkable', (inn) => {
    expect(checkSafety(inn, facts(), opts)).toEqual([]);
  });
});

describe('checkSafety on an empty record never looks safe', () => {
  it.each(DRUGS.filter((d) => d.advanced && d.drugClass !== 'interferon beta' && d.drugClass !== 'glatiramer').map((d) => [d.inn]))(
    '%s: at least one unknown flag, all screen-before-start',
    (inn) => {
      const flags = checkSafety(inn, {}, opts);
      expect(flags.length).toBeGreaterThan(0);
      expect(flags.every((f) => f.state === 'unknown' && f.severity === 'screen-before-start')).toBe(true);
    },
  );
});

describe('flag contents', () => {
  it('copies value, unit, date and source references of the facts that triggered it', () => {
    const record = facts([ok('lymphocytes_10e9_l', 0.4, { date: '2026-11-02', sources: ['Observation/lab-77', 'Observation/lab-78'] })]);
    const [flag] = checkSafety('upadacitinib', record, opts).filter((f) => f.ruleId === 'lymphocytes-do-not-start');
    expect(flag?.facts).toEqual([
      { name: 'lymphocytes_10e9_l', state: 'ok', value: 0.4, unit: '10*9/L', date: '2026-11-02', sources: ['Observation/lab-77', 'Observation/lab-78'] },
    ]);
    expect(flag?.text).toBe('Lymphocytes 0.4 x10^9/L (2026-11-02) below 0.5: do not start upadacitinib (do not initiate if lymphocytes < 0.5).');
    expect(flag?.source).toContain('Rinvoq SmPC 4.2');
  });

  it('keeps the reason of a missing fact, and marks facts the data layer did not provide', () => {
    const flags = checkSafety('adalimumab', facts([missing('tb_screen_result')], ['tb_active']), opts);
    expect(flags.find((f) => f.ruleId === 'tb-screening')?.facts).toEqual([
      { name: 'tb_screen_result', state: 'missing', sources: [], reason: 'no matching resource' },
    ]);
    expect(flags.find((f) => f.ruleId === 'tb-active')?.facts[0]).toMatchObject({
      name: 'tb_active',
      state: 'missing',
      reason: 'not provided by the data layer',
    });
  });

  it('uses the class-specific source for anti-CD20 and the drug-specific one for pregnancy', () => {
    const cd20 = checkSafety('ocrelizumab', facts([ok('hbv_anti_hbc', 'positive')]), opts).find((f) => f.ruleId === 'hbv-anti-hbc');
    expect(cd20?.source).toContain('EASL');
    const preg = checkSafety('cladribine', facts([ok('pregnancy_current', true)]), opts).find((f) => f.ruleId === 'pregnancy-contraindicated');
    expect(preg?.source).toContain('Mavenclad SmPC 4.3');
  });

  it('does not mutate the facts it reads', () => {
    const record = facts([ok('age_years', 70)]);
    const copy = structuredClone(record);
    checkSafety('tofacitinib', record, opts);
    expect(record).toEqual(copy);
  });
});

describe('drug lookup', () => {
  it.each([
    ['certolizumab pegol', 'certolizumab pegol'],
    ['Certolizumab Pegol', 'certolizumab pegol'],
    ['certolizumab_pegol', 'certolizumab pegol'],
    [' natalizumab ', 'natalizumab'],
    ['humira', undefined],
  ])('%s -> %s', (q, inn) => {
    expect(drugByInn(q)?.inn).toBe(inn);
  });

  it('a drug outside the catalogue gets one explicit flag, not an empty list', () => {
    const flags = checkSafety('ocrelizumab biosimilar X', facts(), opts);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      ruleId: 'drug-not-in-catalogue',
      state: 'unknown',
      severity: 'caution',
      messageKey: 'safety.drug-not-in-catalogue.unknown',
    });
    expect(flags[0]?.text).toBe('ocrelizumab biosimilar X is not in the drug catalogue: no safety rules were checked; check the label.');
  });
});

describe('checkAll', () => {
  it('keeps every candidate, contraindicated ones included, keyed as given', () => {
    const record = facts([ok('heart_failure_nyha', 4), ok('pregnancy_current', true)]);
    const all = checkAll(['adalimumab', 'vedolizumab', 'upadacitinib'], record, opts);
    expect(Object.keys(all)).toEqual(['adalimumab', 'vedolizumab', 'upadacitinib']);
    expect(worstSeverity(all['adalimumab'] ?? [])).toBe('contraindicated');
    expect(all['vedolizumab']).toEqual([]);
    expect(all['upadacitinib']?.map((f) => f.ruleId)).toEqual(['pregnancy-contraindicated']);
  });

  it('returns flags worst first (JAK inhibitor in a 70-year-old smoker with unknown TB screening)', () => {
    const record = facts([ok('age_years', 70), ok('smoking_current', true), ok('smoking_ever', true), missing('tb_screen_result'), ok('vte_history', true)]);
    const flags = checkSafety('tofacitinib', record, opts);
    expect(flags.map((f) => [f.ruleId, f.severity, f.state])).toEqual([
      ['jak-age', 'only-if-no-alternative', 'triggered'],
      ['jak-smoking', 'only-if-no-alternative', 'triggered'],
      ['jak-vte', 'caution', 'triggered'],
      ['tb-screening', 'screen-before-start', 'unknown'],
    ]);
  });
});

const f = (severity: Severity, state: SafetyFlag['state'] = 'triggered'): SafetyFlag => ({
  ruleId: 'tb-active',
  drug: 'x',
  severity,
  state,
  messageKey: 'k',
  params: {},
  text: '',
  facts: [],
  source: 's',
});

describe('severities', () => {
  it('are ordered worst first', () => {
    expect(SEVERITY_ORDER).toEqual(['contraindicated', 'only-if-no-alternative', 'treat-before-start', 'caution', 'screen-before-start']);
    expect(compareSeverity('contraindicated', 'caution')).toBeLessThan(0);
    expect(compareSeverity('screen-before-start', 'caution')).toBeGreaterThan(0);
    expect(compareSeverity('caution', 'caution')).toBe(0);
  });

  it.each([
    [[], null],
    [['screen-before-start'], 'screen-before-start'],
    [['caution', 'screen-before-start'], 'caution'],
    [['screen-before-start', 'only-if-no-alternative', 'caution'], 'only-if-no-alternative'],
    [['caution', 'contraindicated', 'only-if-no-alternative'], 'contraindicated'],
  ] as [Severity[], Severity | null][])('worstSeverity(%j) = %s', (list, worst) => {
    expect(worstSeverity(list.map((s) => f(s)))).toBe(worst);
  });

  it('sortFlags puts triggered before unknown within a severity', () => {
    const sorted = sortFlags([f('caution', 'unknown'), f('screen-before-start'), f('caution'), f('contraindicated')]);
    expect(sorted.map((x) => [x.severity, x.state])).toEqual([
      ['contraindicated', 'triggered'],
      ['caution', 'triggered'],
      ['caution', 'unknown'],
      ['screen-before-start', 'triggered'],
    ]);
  });
});

describe('renderMessage', () => {
  it.each([
    ['{drug} at {x}', { drug: 'a', x: 2 }, 'a at 2'],
    ['result {gap}', { gap: 'missing' }, 'result not found'],
    ['result {gap}', { gap: 'stale', gapDate: '2024-01' }, 'result out of date (last 2024-01)'],
    ['result {gap}', { gap: 'unknown-unit' }, 'result recorded in a unit that could not be converted'],
    ['kept {absent}', {}, 'kept {absent}'],
  ])('%s', (template, params, text) => {
    expect(renderMessage(template, params)).toBe(text);
  });
});
