/**
 * Date handling for the time-based MS scores. FHIR dates may be partial (YYYY, YYYY-MM); a partial
 * date cannot place an event inside or outside a window or a confirmation interval, so it is
 * rejected with a reason instead of being silently read as the first of the month.
 */

const FULL_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** Days per year used to annualise (Julian year, as ARR is computed in trials). */
export const DAYS_PER_YEAR = 365.25;

/**
 * Parses a full FHIR date or dateTime to epoch milliseconds (a bare date is read as UTC midnight).
 * @returns the time, or a reason string when the date is partial or not a date
 */
export function parseFullDate(value: string): number | string {
  if (!FULL_DATE.test(value)) {
    return /^\d{4}(-\d{2})?$/.test(value) ? `partial date "${value}" (day needed)` : `not a date: "${value}"`;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? `not a date: "${value}"` : ms;
}

/** Whole and fractional days from a to b. */
export function daysBetween(a: number, b: number): number {
  return (b - a) / DAY_MS;
}
