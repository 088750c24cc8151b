/**
 * Crohn's Disease Activity Index (CDAI).
 *
 * Source: Best WR, Becktel JM, Singleton JW, Kern F Jr. Development of a Crohn's disease activity
 * index. National Cooperative Crohn's Disease Study. Gastroenterology 1976;70(3):439-444.
 * PMID 1248701. Formula version: the original eight weighted items over a 7-day diary:
 *   2 x liquid or very soft stools, sum of 7 days
 * + 5 x abdominal pain (0-3 daily), sum of 7 days
 * + 7 x general well-being (0-4 daily), sum of 7 days
 * + 20 x number of complication categories present (6: arthritis/arthralgia; iritis/uveitis;
 *       erythema nodosum, pyoderma gangrenosum or aphthous stomatitis; anal fissure, fistula or
 *       abscess; other fistula; fever > 37.8 degC in the past week)
 * + 30 x taking diphenoxylate/loperamide or opiates for diarrhoea (0/1)
 * + 10 x abdominal mass (0 none, 2 questionable, 5 definite)
 * + 6 x haematocrit deviation: males (47 - Hct %), females (42 - Hct %), signed
 * + 1 x percent below standard weight: (1 - weight / standard weight) x 100, signed.
 * The weight term is floored at -10, as in the NCCDS worksheet convention reproduced by the IG-IBD
 * score site (igibdscores.it, "info-cdai") and in trial worksheets; the 1976 paper itself is not
 * available here to confirm this floor (secondary source: re-check before release).
 * The total is rounded to a whole number, half up, as CDAI values are reported.
 *
 * Bands: remission < 150, mild 150-219, moderate 220-450, severe > 450 (Best 1976 cut-offs 150 and
 * 450; the 220 split as in Sandborn WJ et al., Gastroenterology 2002;122:512-530).
 */
import { ItemReader, roundHalfUp } from './items.ts';
import type { ItemInput, ScoreResult } from './types.ts';

export const CDAI_CD_CITATION =
  'Best WR, Becktel JM, Singleton JW, Kern F Jr. Development of a Crohn\u2019s disease activity index. Gastroenterology 1976;70(3):439-444. PMID 1248701.';

/** Standard haematocrit (%) by sex, Best 1976. */
export const CDAI_STANDARD_HAEMATOCRIT = { male: 47, female: 42 } as const;

/** Floor of the weight term (percent), worksheet convention (see file header). */
export const CDAI_WEIGHT_TERM_FLOOR = -10;

export type Sex = 'male' | 'female';

export interface CdaiCrohnInput {
  /** Liquid or very soft stools, summed over the 7 diary days. */
  liquidStools7d: ItemInput<number>;
  /** Daily abdominal pain ratings (0-3) summed over 7 days (0-21). */
  abdominalPain7d: ItemInput<number>;
  /** Daily general well-being ratings (0-4) summed over 7 days (0-28). */
  generalWellbeing7d: ItemInput<number>;
  /** Number of the 6 complication categories present (0-6). */
  complications: ItemInput<number>;
  /** Taking diphenoxylate/loperamide or opiates for diarrhoea. */
  antidiarrhoeal: ItemInput<boolean>;
  /** 0 none, 2 questionable, 5 definite. */
  abdominalMass: ItemInput<number>;
  /** Haematocrit in percent (e.g. 40, not 0.40). */
  haematocritPercent: ItemInput<number>;
  sex: Sex | null | undefined;
  weightKg: ItemInput<number>;
  /** Standard (ideal) body weight for the patient's height and sex, kg. */
  standardWeightKg: ItemInput<number>;
}

/** Band of a CDAI value. */
export function cdaiCrohnBand(value: number): string {
  if (value < 150) return 'remission';
  if (value < 220) return 'mild';
  if (value <= 450) return 'moderate';
  return 'severe';
}

/**
 * Standard weight from height when no table value is available: Keys' BMI-based formula,
 * height(m)^2 x 22.1 for men and x 20.8 for women, as used by the IG-IBD CDAI calculator
 * (igibdscores.it, "info-cdai"; secondary). Best 1976 used the Metropolitan Life tables.
 * @returns kg rounded to 0.1, or null if height is missing or outside 100-250 cm
 */
export function standardWeightFromHeight(heightCm: number | null | undefined, sex: Sex | null | undefined): number | null {
  if (heightCm === null || heightCm === undefined || sex === null || sex === undefined) return null;
  if (!Number.isFinite(heightCm) || heightCm < 100 || heightCm > 250) return null;
  const m = heightCm / 100;
  return roundHalfUp(m * m * (sex === 'male' ? 22.1 : 20.8), 1);
}

/**
 * Computes the Crohn's Disease Activity Index.
 * @param input the eight CDAI items (7-day sums where the item is a diary item)
 * @returns a {@link ScoreResult} with score `cdai-cd`, value rounded to a whole number
 */
export function cdaiCrohn(input: CdaiCrohnInput): ScoreResult {
  const r = new ItemReader();
  const stools = r.num('liquid-stools', input.liquidStools7d, { min: 0, max: 7 * 40, integer: true, unit: 'per 7 days' });
  const pain = r.num('abdominal-pain', input.abdominalPain7d, { min: 0, max: 21, integer: true, unit: '(7-day sum)' });
  const wellbeing = r.num('general-wellbeing', input.generalWellbeing7d, { min: 0, max: 28, integer: true, unit: '(7-day sum)' });
  const complications = r.num('complications', input.complications, { min: 0, max: 6, integer: true });
  const antidiarrhoeal = r.bool('antidiarrhoeal', input.antidiarrhoeal);
  const mass = r.num('abdominal-mass', input.abdominalMass, { allowed: [0, 2, 5] });
  const hct = r.num('haematocrit', input.haematocritPercent, { min: 10, max: 70, unit: '%' });
  const weight = r.num('body-weight', input.weightKg, { above: 0, max: 400, unit: 'kg' });
  const standard = r.num('standard-weight', input.standardWeightKg, { above: 0, max: 400, unit: 'kg' });
  const sex = input.sex ?? null;
  r.computedFrom.push({ item: 'sex-male', value: sex === null ? null : sex === 'male' });
  if (sex === null) r.missing.push('sex');

  return r.result(
    'cdai-cd',
    CDAI_CD_CITATION,
    [stools, pain, wellbeing, complications, antidiarrhoeal, mass, hct, weight, standard, sex],
    ([s, p, w, c, a, m, h, wt, std, sx]) => {
      const hctTerm = 6 * (CDAI_STANDARD_HAEMATOCRIT[sx] - h);
      const weightTerm = Math.max(CDAI_WEIGHT_TERM_FLOOR, (1 - wt / std) * 100);
      const raw = 2 * s + 5 * p + 7 * w + 20 * c + (a ? 30 : 0) + 10 * m + hctTerm + weightTerm;
      const value = roundHalfUp(raw, 0);
      return { value, band: cdaiCrohnBand(value) };
    },
  );
}
