/**
 * Harvey-Bradshaw Index (HBI) for Crohn's disease.
 *
 * Source: Harvey RF, Bradshaw JM. A simple index of Crohn's-disease activity. Lancet
 * 1980;1(8167):514. doi:10.1016/S0140-6736(80)92767-1, PMID 6102236. Formula version: the original
 * five items, scored for the previous day:
 *   general well-being 0-4 (very well, slightly below par, poor, very poor, terrible)
 * + abdominal pain 0-3 (none, mild, moderate, severe)
 * + number of liquid stools per day
 * + abdominal mass 0-3 (none, dubious, definite, definite and tender)
 * + complications, 1 point each: arthralgia, uveitis, erythema nodosum, aphthous ulcers,
 *   pyoderma gangrenosum, anal fissure, new fistula, abscess (0-8).
 * The value is a whole number (all items are integers): no rounding.
 *
 * Bands: remission < 5, mild 5-7, moderate 8-16, severe > 16. These are not in the 1980 letter;
 * they follow Best WR, Inflamm Bowel Dis 2006;12:304-310 (PMID 16633052), as tabulated by the
 * IG-IBD score site (igibdscores.it, "info-hbi") together with Sandborn WJ et al.,
 * Gastroenterology 2002;122:512-530.
 */
import { ItemReader } from './items.ts';
import type { ItemInput, ScoreResult } from './types.ts';

export const HBI_CITATION =
  'Harvey RF, Bradshaw JM. A simple index of Crohn\u2019s-disease activity. Lancet 1980;1(8167):514. PMID 6102236. Bands: Best WR, Inflamm Bowel Dis 2006;12:304.';

/** The complications counted by the HBI, 1 point each (Harvey & Bradshaw 1980). */
export const HBI_COMPLICATIONS = [
  'arthralgia',
  'uveitis',
  'erythema nodosum',
  'aphthous ulcers',
  'pyoderma gangrenosum',
  'anal fissure',
  'new fistula',
  'abscess',
] as const;

/**
 * Upper plausibility bound for liquid stools per day. Not from the paper: a guard against unit or
 * period mix-ups (a 7-day sum passed as a daily count).
 */
const MAX_LIQUID_STOOLS_PER_DAY = 40;

export interface HbiInput {
  generalWellbeing: ItemInput<number>;
  abdominalPain: ItemInput<number>;
  liquidStoolsPerDay: ItemInput<number>;
  abdominalMass: ItemInput<number>;
  /** Number of the {@link HBI_COMPLICATIONS} present (0-8). */
  complications: ItemInput<number>;
}

/** Band of an HBI value (Best 2006 cut-offs). */
export function hbiBand(value: number): string {
  if (value < 5) return 'remission';
  if (value <= 7) return 'mild';
  if (value <= 16) return 'moderate';
  return 'severe';
}

/**
 * Computes the Harvey-Bradshaw Index.
 * @param input the five HBI items for the previous day (plain numbers or sourced values)
 * @returns a {@link ScoreResult} with score `hbi`; incomplete if an item is missing, invalid if out of range
 */
export function harveyBradshaw(input: HbiInput): ScoreResult {
  const r = new ItemReader();
  const wellbeing = r.num('general-wellbeing', input.generalWellbeing, { min: 0, max: 4, integer: true });
  const pain = r.num('abdominal-pain', input.abdominalPain, { min: 0, max: 3, integer: true });
  const stools = r.num('liquid-stools', input.liquidStoolsPerDay, { min: 0, max: MAX_LIQUID_STOOLS_PER_DAY, integer: true, unit: 'per day' });
  const mass = r.num('abdominal-mass', input.abdominalMass, { min: 0, max: 3, integer: true });
  const complications = r.num('complications', input.complications, { min: 0, max: HBI_COMPLICATIONS.length, integer: true });
  return r.result('hbi', HBI_CITATION, [wellbeing, pain, stools, mass, complications], ([w, p, s, m, c]) => {
    const value = w + p + s + m + c;
    return { value, band: hbiBand(value) };
  });
}
