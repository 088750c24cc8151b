/**
 * Mayo score (full) and partial Mayo score for ulcerative colitis.
 *
 * Full Mayo: Schroeder KW, Tremaine WJ, Ilstrup DM. Coated oral 5-aminosalicylic acid therapy for
 * mildly to moderately active ulcerative colitis. A randomized study. N Engl J Med
 * 1987;317(26):1625-1629. doi:10.1056/NEJM198712243172603, PMID 3317057. Four subscores 0-3:
 * stool frequency, rectal bleeding, endoscopic findings (flexible proctosigmoidoscopy),
 * physician's global assessment; total 0-12, whole number.
 * Full Mayo bands: remission = total <= 2 with no subscore > 1 (Rutgeerts P et al., N Engl J Med
 * 2005;353:2462, ACT 1/2 definition; D'Haens G et al., Gastroenterology 2007;132:763);
 * mild 3-5, moderate 6-10, severe 11-12 (same sources, as tabulated in Gut's UC guideline table
 * "Mayo score for ulcerative colitis"). A total <= 2 with a subscore of 2 is not remission and is
 * banded "mild".
 *
 * Partial Mayo: Lewis JD, Chuai S, Nessel L, et al. Use of the noninvasive components of the Mayo
 * score to assess clinical response in ulcerative colitis. Inflamm Bowel Dis 2008;14(12):1660-1666.
 * doi:10.1002/ibd.20520, PMID 18623174. Stool frequency + rectal bleeding + physician's global
 * assessment, 0-9. Bands: remission < 2, mild 2-4, moderate 5-7, severe > 7, as tabulated by the
 * IG-IBD score site (igibdscores.it, "info-mayo-partial") citing Lewis 2008. Some sources use
 * moderate 5-6 / severe 7-9; the paper itself was not available here (secondary: re-check).
 */
import { ItemReader } from './items.ts';
import type { ItemInput, ScoreResult } from './types.ts';

export const MAYO_FULL_CITATION =
  'Schroeder KW, Tremaine WJ, Ilstrup DM. N Engl J Med 1987;317(26):1625-1629. doi:10.1056/NEJM198712243172603. Remission: Rutgeerts P et al., N Engl J Med 2005;353:2462.';
export const MAYO_PARTIAL_CITATION = 'Lewis JD, Chuai S, Nessel L, et al. Inflamm Bowel Dis 2008;14(12):1660-1666. doi:10.1002/ibd.20520.';

const SUBSCORE = { min: 0, max: 3, integer: true } as const;

export interface MayoPartialInput {
  /** 0 normal, 1: 1-2 stools/day more than normal, 2: 3-4 more, 3: 5 or more. */
  stoolFrequency: ItemInput<number>;
  /** 0 none, 1 streaks < half the time, 2 obvious blood most of the time, 3 blood alone. */
  rectalBleeding: ItemInput<number>;
  /** 0 normal, 1 mild, 2 moderate, 3 severe disease. */
  physicianGlobal: ItemInput<number>;
}

export interface MayoFullInput extends MayoPartialInput {
  /** 0 normal/inactive, 1 mild, 2 moderate, 3 severe (spontaneous bleeding, ulceration). */
  endoscopy: ItemInput<number>;
}

/** Band of a full Mayo score; remission needs every subscore <= 1. */
export function mayoFullBand(total: number, maxSubscore: number): string {
  if (total <= 2 && maxSubscore <= 1) return 'remission';
  if (total <= 5) return 'mild';
  if (total <= 10) return 'moderate';
  return 'severe';
}

/** Band of a partial Mayo score. */
export function mayoPartialBand(total: number): string {
  if (total < 2) return 'remission';
  if (total <= 4) return 'mild';
  if (total <= 7) return 'moderate';
  return 'severe';
}

/**
 * Computes the full Mayo score (0-12).
 * @param input the four Mayo subscores
 * @returns a {@link ScoreResult} with score `mayo-full`
 */
export function mayoFull(input: MayoFullInput): ScoreResult {
  const r = new ItemReader();
  const sf = r.num('stool-frequency', input.stoolFrequency, SUBSCORE);
  const rb = r.num('rectal-bleeding', input.rectalBleeding, SUBSCORE);
  const en = r.num('endoscopy-subscore', input.endoscopy, SUBSCORE);
  const pga = r.num('physician-global-uc', input.physicianGlobal, SUBSCORE);
  return r.result('mayo-full', MAYO_FULL_CITATION, [sf, rb, en, pga], ([a, b, c, d]) => {
    const value = a + b + c + d;
    return { value, band: mayoFullBand(value, Math.max(a, b, c, d)) };
  });
}

/**
 * Computes the partial (non-invasive) Mayo score (0-9).
 * @param input stool frequency, rectal bleeding and physician's global assessment subscores
 * @returns a {@link ScoreResult} with score `mayo-partial`
 */
export function mayoPartial(input: MayoPartialInput): ScoreResult {
  const r = new ItemReader();
  const sf = r.num('stool-frequency', input.stoolFrequency, SUBSCORE);
  const rb = r.num('rectal-bleeding', input.rectalBleeding, SUBSCORE);
  const pga = r.num('physician-global-uc', input.physicianGlobal, SUBSCORE);
  return r.result('mayo-partial', MAYO_PARTIAL_CITATION, [sf, rb, pga], ([a, b, c]) => {
    const value = a + b + c;
    return { value, band: mayoPartialBand(value) };
  });
}
