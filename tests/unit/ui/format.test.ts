import { describe, expect, it } from 'vitest';
import { ageInYears, codingsLabel, conceptText, formatFhirDate, formatQuantity } from '@src/ui/format.ts';

describe('formatFhirDate keeps the precision the record has', () => {
  it.each([
    ['2019', 'en', '2019'],
    ['2019-03', 'en', 'Mar 2019'],
    ['2019-03-07', 'en', 'Mar 7, 2019'],
    ['2019-03-07', 'de', '7. März 2019'],
    ['2019-03-07', 'fr', '7 mars 2019'],
    ['2019-03-07T23:30:00+01:00', 'en', 'Mar 7, 2019'],
    ['not a date', 'en', 'not a date'],
    [undefined, 'en', null],
  ])('%s in %s', (value, locale, expected) => {
    expect(formatFhirDate(value, locale)).toBe(expected);
  });
});

describe('ageInYears', () => {
  const now = new Date('2026-11-15T12:00:00Z');
  it.each([
    ['1958-11-15', 68],
    ['1958-11-16', 67],
    ['1992-02', 34],
    ['1992', 34],
    [undefined, null],
    ['2030-01-01', null],
  ])('%s', (birthDate, expected) => {
    expect(ageInYears(birthDate, now)).toBe(expected);
  });
});

describe('concepts and quantities', () => {
  it('prefers text, then a display, then a code', () => {
    expect(conceptText({ text: ' Morbus Crohn ', coding: [{ display: 'x' }] })).toBe('Morbus Crohn');
    expect(conceptText({ coding: [{ code: 'K50.9' }, { code: '34000006', display: "Crohn's disease" }] })).toBe("Crohn's disease");
    expect(conceptText({ coding: [{ code: 'K50.9' }] })).toBe('K50.9');
    expect(conceptText(undefined)).toBeNull();
  });
  it('labels every coding with its system', () => {
    expect(
      codingsLabel([
        { system: 'http://snomed.info/sct', code: '34000006' },
        { system: 'http://fhir.de/CodeSystem/bfarm/icd-10-gm', code: 'K50.9' },
        { system: 'urn:x', code: 'y' },
      ]),
    ).toBe('SNOMED CT 34000006 · ICD-10-GM K50.9 · urn:x y');
    expect(codingsLabel([])).toBeNull();
  });
  it('formats quantities by locale, with comparator and unit', () => {
    expect(formatQuantity({ value: 12.5, unit: 'mg/L' }, 'de')).toBe('12,5 mg/L');
    expect(formatQuantity({ value: 5, comparator: '<', code: 'mg/L' }, 'en')).toBe('<5 mg/L');
    expect(formatQuantity({ unit: 'mg/L' }, 'en')).toBeNull();
  });
});
