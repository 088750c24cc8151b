// One pre-treatment checklist from the options' screen-before-start flags: grouped by topic, nothing dropped.
import { describe, expect, it } from 'vitest';
import type { InputValue } from '@src/extract/values.ts';
import { buildChecklist, isChecklistFlag } from '@src/rules/checklist.ts';
import { checkAll } from '@src/rules/safety/index.ts';
import type { SafetyFlag } from '@src/rules/safety/types.ts';

const NOW = new Date('2026-11-15T12:00:00Z');

function flag(ruleId: SafetyFlag['ruleId'], drug: string, severity: SafetyFlag['severity'], facts: SafetyFlag['facts'] = []): SafetyFlag {
  return { ruleId, drug, severity, state: 'unknown', messageKey: `safety.${ruleId}.unknown`, params: {}, text: ruleId, facts, source: 'label' };
}

describe('buildChecklist', () => {
  it('groups TB and hepatitis B flags of several drugs into one item each, listing the drugs', () => {
    const igra = { name: 'tb_screen_result' as const, state: 'stale' as const, date: '2016-06-20', sources: ['Observation/igra-2016'] };
    const items = buildChecklist({
      adalimumab: [
        flag('tb-screening', 'adalimumab', 'screen-before-start', [igra]),
        flag('hbv-hbsag', 'adalimumab', 'screen-before-start', [{ name: 'hbv_hbsag', state: 'missing', sources: [] }]),
      ],
      abatacept: [
        flag('tb-screening', 'abatacept', 'screen-before-start', [igra]),
        flag('hbv-hbsag', 'abatacept', 'screen-before-start'),
        flag('hbv-anti-hbc', 'abatacept', 'screen-before-start'),
      ],
      rituximab: [flag('anti-cd20-hbsag', 'rituximab', 'screen-before-start')],
    });
    expect(items.map((i) => i.key)).toEqual(['tb', 'hbv']);
    expect(items[0]).toMatchObject({ drugs: ['adalimumab', 'abatacept'], ruleIds: ['tb-screening'], lastDate: '2016-06-20' });
    expect(items[0]?.facts).toHaveLength(1);
    expect(items[1]).toMatchObject({ drugs: ['adalimumab', 'abatacept', 'rituximab'], ruleIds: ['hbv-hbsag', 'hbv-anti-hbc', 'anti-cd20-hbsag'] });
    expect(items[1]?.lastDate).toBeUndefined();
  });

  it('keeps drug-specific findings out (triggered contraindications and cautions stay on the rows)', () => {
    const items = buildChecklist({
      infliximab: [{ ...flag('anti-tnf-hf-severe', 'infliximab', 'contraindicated'), state: 'triggered' }, flag('jak-vte', 'infliximab', 'caution')],
    });
    expect(items).toEqual([]);
    expect(isChecklistFlag(flag('tb-screening', 'x', 'screen-before-start'))).toBe(true);
    expect(isChecklistFlag(flag('hbv-hbsag', 'x', 'only-if-no-alternative'))).toBe(false);
  });

  it('a screen-before-start rule without a topic becomes its own item (nothing dropped)', () => {
    const items = buildChecklist({ x: [flag('drug-not-in-catalogue', 'x', 'screen-before-start')] });
    expect(items.map((i) => i.key)).toEqual(['rule:drug-not-in-catalogue']);
  });

  it('orders tests before questions and follows the drug order given', () => {
    const items = buildChecklist(
      {
        a: [flag('jak-cv-risk', 'a', 'screen-before-start'), flag('pregnancy-contraindicated', 'a', 'screen-before-start')],
        b: [flag('pregnancy-contraindicated', 'b', 'screen-before-start')],
      },
      ['b', 'a'],
    );
    expect(items.map((i) => i.key)).toEqual(['pregnancy-test', 'jak-risk']);
    expect(items[0]?.drugs).toEqual(['b', 'a']);
  });

  it('with the real rule table: an empty record asks for TB, HBV and a blood count once, for every biologic', () => {
    const drugs = ['adalimumab', 'infliximab', 'tofacitinib', 'vedolizumab'];
    const facts: Record<string, InputValue> = {};
    const items = buildChecklist(checkAll(drugs, facts, { now: NOW }), drugs);
    const tb = items.find((i) => i.key === 'tb');
    expect(tb?.drugs).toEqual(expect.arrayContaining(['adalimumab', 'infliximab', 'tofacitinib']));
    expect(items.filter((i) => i.key === 'tb')).toHaveLength(1);
    expect(items.find((i) => i.key === 'hbv')?.drugs).toContain('adalimumab');
  });
});
