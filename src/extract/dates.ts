/**
 * FHIR dates with their precision kept: `2019` is a year, `2019-03` a month, `2019-03-04` a day
 * (FHIR R4 datatypes: date, dateTime). Nothing here throws; invalid or absurd dates return a reason.
 */
import { because, type Reason } from './reasons.ts';

export type DatePrecision = 'year' | 'month' | 'day' | 'time';

export interface FhirDate {
  /** The string as recorded. */
  raw: string;
  precision: DatePrecision;
  /** Start of the interval the date denotes (UTC). */
  start: Date;
  /** End of the interval (exclusive); equal to start for `time` precision. */
  end: Date;
}

/** Earliest date accepted as real (records dated before 1900 are data errors in this setting). */
export const EARLIEST_PLAUSIBLE = Date.UTC(1900, 0, 1);

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * A UTC instant from calendar parts. `Date.UTC` maps years 0-99 to 1900-1999 (ECMA-262 MakeFullYear),
 * so the year is set afterwards: `0050` stays year 50 (and is then refused as before 1900).
 */
function utc(year: number, month0: number, day: number): Date {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month0, day);
  return d;
}

export type DateParse = { ok: true; date: FhirDate } | { ok: false; reason: string; why: Reason };

const bad = (reason: string, why: Reason): DateParse => ({ ok: false, reason, why });

/**
 * Parse a FHIR date/dateTime/instant, keeping its precision.
 * @param value anything found in a resource
 * @param now dates later than now (+1 day for time-zone slack) are rejected as future
 */
export function parseFhirDate(value: unknown, now: Date): DateParse {
  if (typeof value !== 'string') return bad('no date recorded', because('date-none'));
  const m = PATTERN.exec(value.trim());
  if (!m) return bad(`unreadable date "${value.slice(0, 40)}"`, because('date-unreadable', { value: value.slice(0, 40) }));
  const [, y, mo, d, hh, mi, ss, frac, tz] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return bad(`impossible date "${value}"`, because('date-impossible', { value }));
  let start: Date;
  let end: Date;
  let precision: DatePrecision;
  if (hh !== undefined) {
    precision = 'time';
    const iso = `${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${frac ?? ''}${tz ?? 'Z'}`;
    start = new Date(iso);
    end = start;
  } else if (d) {
    precision = 'day';
    start = utc(year, month - 1, day);
    end = utc(year, month - 1, day + 1);
    if (start.getUTCDate() !== day) return bad(`impossible date "${value}"`, because('date-impossible', { value }));
  } else if (mo) {
    precision = 'month';
    start = utc(year, month - 1, 1);
    end = utc(year, month, 1);
  } else {
    precision = 'year';
    start = utc(year, 0, 1);
    end = utc(year + 1, 0, 1);
  }
  if (Number.isNaN(start.getTime())) return bad(`unreadable date "${value}"`, because('date-unreadable', { value }));
  if (start.getTime() < EARLIEST_PLAUSIBLE) return bad(`date before 1900 ("${value}")`, because('date-before-1900', { value }));
  if (start.getTime() > now.getTime() + 86_400_000) return bad(`date in the future ("${value}")`, because('date-future', { value }));
  return { ok: true, date: { raw: value, precision, start, end } };
}

/** Parse or undefined (for optional dates whose problems are reported elsewhere). */
export function fhirDateOrUndefined(value: unknown, now: Date): FhirDate | undefined {
  const p = parseFhirDate(value, now);
  return p.ok ? p.date : undefined;
}

/** Days from `date` (its start) to `now`. */
export function daysSince(date: FhirDate, now: Date): number {
  return (now.getTime() - date.start.getTime()) / 86_400_000;
}

/** Whole years between two instants (age, disease duration), counted on calendar dates. */
export function yearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const beforeBirthday = to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate());
  if (beforeBirthday) years -= 1;
  return years;
}

/** Fractional years (duration inputs), 365.25-day years. */
export function fractionalYears(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / (365.25 * 86_400_000);
}
