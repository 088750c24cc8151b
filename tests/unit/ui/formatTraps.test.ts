/** Issue 12: display helpers on values of the wrong type, non-finite numbers, prototype-named keys and years 0-99. */
import { describe, expect, it } from 'vitest';
import { ageInYears, codingsLabel, conceptText, formatFhirDate, formatQuantity, systemLabel } from '../../../src/ui/format.ts';
import { displayUnit } from '../../../src/ui/record/recordView.utils.ts';

describe('display helpers', () => {
  it('a non-finite quantity is no value (never "∞ g/dL")', () => {
    expect(formatQuantity({ value: Number.POSITIVE_INFINITY, unit: 'g/dL' }, 'en')).toBeNull();
    expect(formatQuantity({ value: Number.NaN, unit: 'g/dL' }, 'en')).toBeNull();
    expect(formatQuantity({ value: '5', unit: 'g/dL' }, 'en')).toBeNull();
    expect(formatQuantity({ value: 5, unit: { a: 1 } }, 'en')).toBe('5');
  });
  it('years 0-99 are not shifted to 19xx', () => {
    expect(formatFhirDate('0050-06-01', 'en')).toBe('Jun 1, 50');
    expect(ageInYears('0050-06-01', new Date('2026-11-15T00:00:00Z'))).toBeNull();
  });
  it('wrong types are missing', () => {
    expect(formatFhirDate({ y: 1 }, 'en')).toBeNull();
    expect(conceptText({ text: 5, coding: 'x' })).toBeNull();
    expect(codingsLabel('SNOMED')).toBeNull();
    expect(systemLabel(42)).toBe('?');
  });
  it.each(['constructor', 'toString', '__proto__'])('%s is an unknown system and unit, shown as written', (key) => {
    expect(systemLabel(key)).toBe(key);
    expect(displayUnit(key)).toBe(key);
  });
});
