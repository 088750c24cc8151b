// The model card's validation strings: the same keys and placeholders in EN/DE/FR, no English left in DE/FR.
import { describe, expect, it } from 'vitest';
import { validationDe, validationEn, validationFr } from '@src/ui/ranking/messages.validation.ts';
import { rankingDe } from '@src/ui/ranking/messages.de.ts';
import { rankingFr } from '@src/ui/ranking/messages.fr.ts';
import { rankingEn } from '@src/ui/ranking/messages.ts';

type Tree = { readonly [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}
const placeholders = (s: string): string =>
  [...s.matchAll(/\{\{(\w+)\}\}/g)]
    .map((m) => m[1] ?? '')
    .sort()
    .join(',');
/** The same in every language: a marker pattern with no words. */
const SAME = new Set(['exchangeableMark']);

it('is the ranking namespace’s `validation` in every language', () => {
  expect(rankingEn.validation).toBe(validationEn);
  expect(rankingDe.validation).toBe(validationDe);
  expect(rankingFr.validation).toBe(validationFr);
});

describe.each([
  ['de', validationDe],
  ['fr', validationFr],
] as const)('%s', (_lang, table) => {
  const en = new Map(leaves(validationEn));
  const other = new Map(leaves(table));
  it('has every key, no empty string, the same placeholders', () => {
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    expect([...other].filter(([k, v]) => v.trim() === '' || placeholders(v) !== placeholders(en.get(k) ?? '')).map(([k]) => k)).toEqual([]);
  });
  it('is translated (no string equal to the English one, except the listed invariants)', () => {
    expect([...other].filter(([k, v]) => !SAME.has(k) && v === en.get(k)).map(([k]) => k)).toEqual([]);
  });
  it('writes percentages and decimals the local way (no "80%" without a space, no decimal point)', () => {
    expect([...other].filter(([, v]) => /\d%|\d\.\d/.test(v)).map(([k]) => k)).toEqual([]);
  });
});
