import { describe, expect, it } from 'vitest';
import { checkSafety } from '@src/rules/safety/check.ts';
import { RULES_BY_ID, SAFETY_RULES } from '@src/rules/safety/rules.ts';
import type { Case } from './caseTypes.ts';
import { INFECTION_CASES } from './casesInfection.ts';
import { JAK_MS_CASES } from './casesJakMs.ts';
import { ISSUE10_CASES } from './casesIssue10.ts';
import { NOW, facts } from './factsHelper.ts';

const CASES: Case[] = [...INFECTION_CASES, ...JAK_MS_CASES, ...ISSUE10_CASES];

const label = (c: Case): string =>
  `${c.rule} / ${c.drug}: ${typeof c.expect === 'string' ? c.expect : `covered by ${c.expect.covered}`}${c.name ? ` (${c.name})` : ''}` +
  ` [${(c.set ?? []).map((v) => `${v.name}=${v.state === 'ok' || v.state === 'stale' || v.state === 'implausible' ? String(v.value) : ''}${v.state === 'ok' ? '' : `:${v.state}`}`).join(', ')}${c.drop ? ` -${c.drop.join(',')}` : ''}]`;

/** The flags one case produces: this rule's, and the covering rule's if the case names one. */
function run(c: Case) {
  const flags = checkSafety(c.drug, facts(c.set, c.drop), { now: NOW });
  const coveredBy = typeof c.expect === 'object' ? c.expect.covered : null;
  return { mine: flags.filter((f) => f.ruleId === c.rule), covering: flags.filter((f) => f.ruleId === coveredBy) };
}

/** What the case expects, in the shape `run` summarises. */
function expected(c: Case) {
  const rule = RULES_BY_ID.get(c.rule);
  if (c.expect === 'clear') return { mine: [], covering: 0 };
  if (typeof c.expect === 'object') return { mine: [], covering: 1 };
  const severity = c.expect === 'triggered' ? rule?.severity : rule?.severityIfUnknown;
  return { mine: [{ state: c.expect, severity, drug: c.drug, messageKey: `safety.${c.rule}.${c.variant ?? c.expect}` }], covering: 0 };
}

describe('every safety rule, one row per case', () => {
  it.each(CASES.map((c) => [label(c), c] as const))('%s', (_label, c) => {
    const { mine, covering } = run(c);
    const summary = { mine: mine.map((f) => ({ state: f.state, severity: f.severity, drug: f.drug, messageKey: f.messageKey })), covering: covering.length };
    expect(summary).toEqual(expected(c));
    expect(mine.map((f) => f.text).filter((t) => /[{}]/.test(t))).toEqual([]);
    expect(mine.filter((f) => f.facts.length === 0 || f.source.length < 20)).toEqual([]);
  });

  it.each(CASES.filter((c) => c.params).map((c) => [label(c), c] as const))('params: %s', (_label, c) => {
    expect(run(c).mine[0]?.params).toMatchObject(c.params ?? {});
  });

  it.each(CASES.filter((c) => c.text !== undefined).map((c) => [label(c), c] as const))('text: %s', (_label, c) => {
    expect(run(c).mine[0]?.text).toBe(c.text);
  });

  it.each(CASES.filter((c) => c.textIncludes !== undefined).map((c) => [label(c), c] as const))('text includes: %s', (_label, c) => {
    expect(run(c).mine[0]?.text).toContain(c.textIncludes);
  });
});

describe('case table coverage', () => {
  it.each(SAFETY_RULES.map((r) => [r.id]))('%s has a triggered, a not-triggered and an unknown (or covered) row', (id) => {
    const rows = CASES.filter((c) => c.rule === id);
    expect(rows.some((c) => c.expect === 'triggered')).toBe(true);
    expect(rows.some((c) => c.expect === 'clear')).toBe(true);
    expect(rows.some((c) => c.expect === 'unknown' || typeof c.expect === 'object')).toBe(true);
  });
});
