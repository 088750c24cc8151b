import { describe, expect, it } from 'vitest';
import { parseFhirDate } from '@src/extract/dates.ts';
import { NOW } from '../../support/fhir.ts';

describe('parseFhirDate keeps precision and rejects absurd dates', () => {
  it.each([
    ['2019', 'year', '2019-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'],
    ['2019-03', 'month', '2019-03-01T00:00:00.000Z', '2019-04-01T00:00:00.000Z'],
    ['2019-03-04', 'day', '2019-03-04T00:00:00.000Z', '2019-03-05T00:00:00.000Z'],
    ['2019-03-04T10:00:00+01:00', 'time', '2019-03-04T09:00:00.000Z', '2019-03-04T09:00:00.000Z'],
    ['2024-02-29', 'day', '2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
  ])('%s is a %s', (raw, precision, start, end) => {
    const r = parseFhirDate(raw, NOW);
    expect(r.ok ? [r.date.precision, r.date.start.toISOString(), r.date.end.toISOString()] : r.reason).toEqual([precision, start, end]);
  });

  it.each([
    ['2099-01-01', /future/],
    ['1850-05-01', /before 1900/],
    ['2023-02-30', /impossible/],
    ['2023-13', /impossible/],
    ['yesterday', /unreadable/],
    [20230101, /no date/],
    [undefined, /no date/],
  ])('%s is rejected', (raw, reason) => {
    expect(parseFhirDate(raw, NOW)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });
});
