import { numberFormat } from '../intl.ts';

/** Probability as a percentage in the UI language (one decimal below 10%, none above). */
export function percent(p: number, locale: string): string {
  if (!Number.isFinite(p)) return '–';
  const v = p * 100;
  return `${numberFormat(locale, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} %`;
}

/** Signed percentage points, e.g. "+4.2" / "−1.0" (U+2212 minus for legibility). */
export function points(delta: number, locale: string): string {
  const v = delta * 100;
  const s = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(v));
  let sign = '±';
  if (v > 0.00005) sign = '+';
  else if (v < -0.00005) sign = '−';
  return `${sign}${s}`;
}
