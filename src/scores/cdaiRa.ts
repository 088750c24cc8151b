/**
 * Clinical Disease Activity Index (CDAI) and Simplified Disease Activity Index (SDAI) for
 * rheumatoid arthritis.
 *
 * CDAI: Aletaha D, Nell VPK, Stamm T, et al. Acute phase reactants add little to composite disease
 * activity indices for rheumatoid arthritis: validation of a clinical activity score. Arthritis Res
 * Ther 2005;7(4):R796-R806. doi:10.1186/ar1740. CDAI = TJC28 + SJC28 + PtGA + PhGA, both globals on
 * a 0-10 cm scale; range 0-76.
 * SDAI: Smolen JS, Breedveld FC, Schiff MH, et al. A simplified disease activity index for
 * rheumatoid arthritis for use in clinical practice. Rheumatology (Oxford) 2003;42(2):244-257.
 * doi:10.1093/rheumatology/keg072. SDAI = CDAI + CRP in mg/dL; range 0-86 (CRP capped at 10 mg/dL
 * in that range statement only: the sum itself is not capped).
 * Bands: Aletaha D, Smolen JS. Clin Exp Rheumatol 2005;23(5 Suppl 39):S100-S108, PMID 16273793.
 *   CDAI remission <= 2.8, low <= 10, moderate <= 22, high > 22.
 *   SDAI remission <= 3.3, low <= 11, moderate <= 26, high > 26.
 * Rounding: one decimal, half up (the globals have 0.1 cm resolution, the bands one decimal).
 * For SDAI a CRP with two decimals is rounded with the sum; this is our choice, stated here,
 * because no rounding rule is published for SDAI.
 * LOINC: CDAI total 75847-4, SDAI total 75845-8 (codes.csv rows score.cdai_ra, score.sdai_ra).
 */
import { ItemReader, roundHalfUp } from './items.ts';
import type { ItemInput, ScoreResult } from './types.ts';

export const CDAI_RA_CITATION =
  'Aletaha D, Nell VPK, Stamm T, et al. Arthritis Res Ther 2005;7(4):R796-R806. doi:10.1186/ar1740. Bands: Aletaha D, Smolen JS, Clin Exp Rheumatol 2005;23(5 Suppl 39):S100-S108.';
export const SDAI_CITATION =
  'Smolen JS, Breedveld FC, Schiff MH, et al. Rheumatology (Oxford) 2003;42(2):244-257. doi:10.1093/rheumatology/keg072. Bands: Aletaha D, Smolen JS, Clin Exp Rheumatol 2005;23(5 Suppl 39):S100-S108.';

const JOINT_COUNT = { min: 0, max: 28, integer: true } as const;
const GLOBAL_CM = { min: 0, max: 10, unit: 'cm' } as const;

export interface CdaiRaInput {
  tjc28: ItemInput<number>;
  sjc28: ItemInput<number>;
  /** Patient global assessment of disease activity, 0-10 cm. */
  patientGlobalCm: ItemInput<number>;
  /** Evaluator (physician) global assessment of disease activity, 0-10 cm. */
  physicianGlobalCm: ItemInput<number>;
}

export interface SdaiInput extends CdaiRaInput {
  /** CRP in mg/dL (1 mg/dL = 10 mg/L). */
  crpMgDl: ItemInput<number>;
}

/** Band of a CDAI (RA) value. */
export function cdaiRaBand(value: number): string {
  if (value <= 2.8) return 'remission';
  if (value <= 10) return 'low';
  if (value <= 22) return 'moderate';
  return 'high';
}

/** Band of an SDAI value. */
export function sdaiBand(value: number): string {
  if (value <= 3.3) return 'remission';
  if (value <= 11) return 'low';
  if (value <= 26) return 'moderate';
  return 'high';
}

function readCore(r: ItemReader, input: CdaiRaInput) {
  return [
    r.num('tjc28', input.tjc28, JOINT_COUNT),
    r.num('sjc28', input.sjc28, JOINT_COUNT),
    r.num('ptga', input.patientGlobalCm, GLOBAL_CM),
    r.num('phga', input.physicianGlobalCm, GLOBAL_CM),
  ] as const;
}

/**
 * Computes the CDAI for rheumatoid arthritis.
 * @param input TJC28, SJC28, patient and physician global assessments in cm (0-10)
 * @returns a {@link ScoreResult} with score `cdai-ra`, one decimal
 */
export function cdaiRa(input: CdaiRaInput): ScoreResult {
  const r = new ItemReader();
  const [tjc, sjc, pt, ph] = readCore(r, input);
  return r.result('cdai-ra', CDAI_RA_CITATION, [tjc, sjc, pt, ph], ([a, b, c, d]) => {
    const value = roundHalfUp(a + b + c + d, 1);
    return { value, band: cdaiRaBand(value) };
  });
}

/**
 * Computes the SDAI.
 * @param input the CDAI items plus CRP in mg/dL (not mg/L)
 * @returns a {@link ScoreResult} with score `sdai`, one decimal
 */
export function sdai(input: SdaiInput): ScoreResult {
  const r = new ItemReader();
  const [tjc, sjc, pt, ph] = readCore(r, input);
  const crp = r.num('crp', input.crpMgDl, { min: 0, max: 100, unit: 'mg/dL' });
  return r.result('sdai', SDAI_CITATION, [tjc, sjc, pt, ph, crp], ([a, b, c, d, e]) => {
    const value = roundHalfUp(a + b + c + d + e, 1);
    return { value, band: sdaiBand(value) };
  });
}
