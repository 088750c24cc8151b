import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCodes, parseCsv } from '../../../scripts/gen-codes.ts';

const root = join(import.meta.dirname, '../../..');

describe('scripts/gen-codes.ts', () => {
  it('reproduces the committed codes.generated.ts byte for byte from terminology/codes.csv', () => {
    const csv = readFileSync(join(root, 'terminology/codes.csv'), 'utf8');
    const committed = readFileSync(join(root, 'src/extract/terminology/codes.generated.ts'), 'utf8');
    expect(generateCodes(csv)).toBe(committed);
  });

  it.each([
    ['a,b,c\n', [['a', 'b', 'c']]],
    ['a,"b, c",d\n', [['a', 'b, c', 'd']]],
    ['"say ""x""",y\n', [['say "x"', 'y']]],
    [
      'a,,c\r\nd,e,f',
      [
        ['a', '', 'c'],
        ['d', 'e', 'f'],
      ],
    ],
    ['"two\nlines",z\n', [['two\nlines', 'z']]],
  ])('parses %j as RFC 4180 CSV', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('refuses an unclosed quote and a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/not closed/);
    const header = 'concept,system,code,display,verified_source\n';
    expect(() => generateCodes(`${header}x,y,z\n`)).toThrow(/line 2: 3 fields, expected 5/);
    expect(() => generateCodes('concept,code\n')).toThrow(/header must be/);
  });
});
