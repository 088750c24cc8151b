/**
 * scripts/gen-snomed.ts: the generated concept-set table is reproducible from the copied files, and a copy
 * with a mistyped code, an unknown value set or an empty rule stops the generator instead of producing rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateValueSets, readValueSetFile, sctidProblem, VALUE_SETS_OUT, verhoeffValid } from '../../../scripts/gen-snomed.ts';

/** The real files, with one replaced. */
const withFile =
  (name: string, edit: (text: string) => string) =>
  (n: string): string =>
    n === name ? edit(readValueSetFile(n)) : readValueSetFile(n);

describe('gen-snomed', () => {
  it('is idempotent: two runs give the same text, and it is the committed file', () => {
    const a = generateValueSets(readValueSetFile);
    const b = generateValueSets(readValueSetFile);
    expect(b).toBe(a);
    expect(readFileSync(VALUE_SETS_OUT, 'utf8')).toBe(a);
  });

  it('Verhoeff: real SNOMED CT ids pass, one changed digit or two swapped digits fail', () => {
    for (const id of ['138875005', '404684003', '64766004', '59282003', '38106008', '966011731000119103']) expect(verhoeffValid(id)).toBe(true);
    expect(verhoeffValid('38106009')).toBe(false);
    expect(verhoeffValid('83106008')).toBe(false);
    expect(sctidProblem('38106008')).toBeUndefined();
    expect(sctidProblem('38106009')).toMatch(/Verhoeff/);
    expect(sctidProblem('12345')).toMatch(/6-18 digits/);
    expect(sctidProblem('1234567020')).toMatch(/partition/);
  });

  it('a mistyped code in a copy stops the generator', () => {
    const read = withFile('2.16.840.1.113883.3.464.1003.199.12.1050.json', (t) => t.replace('"38106008"', '"38106009"'));
    expect(() => generateValueSets(read)).toThrow(/38106009 .*Verhoeff/);
  });

  it('a rule naming a value set that is not copied, or selecting nothing, stops the generator', () => {
    const unknown = withFile('concept-map.json', (t) => t.replace('"valueSet": "2.16.840.1.113883.3.117.1.7.1.279"', '"valueSet": "2.16.840.1.1"'));
    expect(() => generateValueSets(unknown)).toThrow(/not listed/);
    const empty = withFile('concept-map.json', (t) => t.replace('"displayMatches": "crohn"', '"displayMatches": "no such disease"'));
    expect(() => generateValueSets(empty)).toThrow(/selects no code/);
  });

  it('every generated row names its value set, expansion and SNOMED CT version', () => {
    const text = generateValueSets(readValueSetFile);
    const rows = text.split('\n').filter((l) => l.startsWith('  { concept:') && l.includes('verifiedSource'));
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows.filter((l) => l.includes('"http://snomed.info/sct"'))) expect(r).toMatch(/verified: VSAC [\d.]+ .* v\d{8}, expansion .*; SNOMED CT /);
  });
});
