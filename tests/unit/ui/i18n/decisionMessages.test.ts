// The decision screen's strings: the same keys and placeholders in EN/DE/FR, no English left in DE/FR.
import { describe, expect, it } from 'vitest';
import { decisionDe, decisionEn, decisionFr } from '@src/ui/decision/messages.all.ts';

type Tree = { readonly [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}
const placeholders = (s: string): string =>
  [...s.matchAll(/\{\{(\w+)\}\}/g)]
    .map((m) => m[1] ?? '')
    .sort()
    .join(',');
/** Strings that may be the same in a language (abbreviations, a number pattern, French "Vaccinations"). */
const SAME = new Set([
  'history.line',
  'history.withFinding',
  'question.ms.edss',
  'checklist.topic.hbv',
  'tiers.count',
  'tiers.position',
  'checklist.topic.vaccines',
  'question.marker.crp',
  'question.marker.fcal',
]);

describe.each([
  ['de', decisionDe],
  ['fr', decisionFr],
] as const)('%s', (_lang, table) => {
  const en = new Map(leaves(decisionEn));
  const other = new Map(leaves(table));
  it('has every key, no empty string, the same placeholders', () => {
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    expect([...other].filter(([k, v]) => v.trim() === '' || placeholders(v) !== placeholders(en.get(k) ?? '')).map(([k]) => k)).toEqual([]);
  });
  it('is translated (no string equal to the English one, except the listed invariants)', () => {
    expect([...other].filter(([k, v]) => !SAME.has(k) && v === en.get(k) && /[a-z]{3}/.test(v)).map(([k]) => k)).toEqual([]);
  });
});
