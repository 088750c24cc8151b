import { dateTimeFormat } from '../intl.ts';

/** Month and year of a FHIR date in the UI language ("04/2019", "04.2019"); the year alone for a year-only date. */
export function monthYear(raw: string | undefined, locale: string): string | null {
  const m = raw ? /^(\d{4})(?:-(\d{2}))?/.exec(raw) : null;
  if (!m?.[1]) return null;
  if (!m[2]) return m[1];
  return dateTimeFormat(locale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

/** Whole months as "N months" or "Y years M months" parts for the translation. */
export function durationParts(months: number): { years: number; months: number } {
  const whole = Math.max(0, Math.floor(months));
  return { years: Math.floor(whole / 12), months: whole % 12 };
}

/** Styles that hide text visually but keep it in the accessible name (the visible text stays its start). */
export const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
  p: 0,
  m: '-1px',
} as const;
