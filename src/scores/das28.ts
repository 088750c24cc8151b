/**
 * Disease Activity Score in 28 joints (DAS28), ESR and CRP versions, 4 variables.
 *
 * DAS28-ESR: Prevoo MLL, van 't Hof MA, Kuper HH, van Leeuwen MA, van de Putte LBA, van Riel PLCM.
 * Modified disease activity scores that include twenty-eight-joint counts. Arthritis Rheum
 * 1995;38(1):44-48. doi:10.1002/art.1780380107, PMID 7818570.
 *   DAS28-ESR = 0.56 sqrt(TJC28) + 0.28 sqrt(SJC28) + 0.70 ln(ESR mm/h) + 0.014 GH
 * DAS28-CRP: formula of the DAS website (das-score.nl, Radboud university medical center):
 *   DAS28-CRP = 0.56 sqrt(TJC28) + 0.28 sqrt(SJC28) + 0.36 ln(CRP mg/L + 1) + 0.014 GH + 0.96
 * GH = patient's global assessment of general health, visual analogue scale 0-100 mm.
 * Rounding: two decimals, half up, as DAS28 values are reported.
 * Bands (on the rounded value): remission < 2.6 (Fransen J, Creemers MCW, van Riel PLCM,
 * Rheumatology 2004;43:1252-1255), low <= 3.2, moderate <= 5.1, high > 5.1 (van Gestel AM et al.,
 * Arthritis Rheum 1998;41:1845-1850, as given on the DAS website). The same cut-offs are applied to DAS28-CRP as the brief specifies,
 * although DAS28-CRP runs lower than DAS28-ESR at equal activity.
 * CRP must be in mg/L: SDAI takes mg/dL (terminology/README.md; codes.csv CRP 1988-5).
 * ESR 0 mm/h gives ln(0) = -infinity: reported as invalid, never as a number.
 */
import { ItemReader, roundHalfUp } from './items.ts';
import type { ItemInput, ScoreResult } from './types.ts';

export const DAS28_ESR_CITATION =
  'Prevoo MLL et al. Modified disease activity scores that include twenty-eight-joint counts. Arthritis Rheum 1995;38(1):44-48. doi:10.1002/art.1780380107.';
export const DAS28_CRP_CITATION = 'DAS28-CRP formula of the DAS website (das-score.nl), after Prevoo MLL et al., Arthritis Rheum 1995;38:44-48.';

const JOINT_COUNT = { min: 0, max: 28, integer: true } as const;
const GLOBAL_HEALTH = { min: 0, max: 100, unit: 'mm' } as const;

interface Das28Joints {
  tjc28: ItemInput<number>;
  sjc28: ItemInput<number>;
  /** Patient global assessment of general health, 0-100 mm VAS. */
  patientGlobalMm: ItemInput<number>;
}

export interface Das28CrpInput extends Das28Joints {
  crpMgL: ItemInput<number>;
}

export interface Das28EsrInput extends Das28Joints {
  esrMmH: ItemInput<number>;
}

/** Band of a DAS28 value (EULAR cut-offs, applied to the value rounded to 2 decimals). */
export function das28Band(value: number): string {
  if (value < 2.6) return 'remission';
  if (value <= 3.2) return 'low';
  if (value <= 5.1) return 'moderate';
  return 'high';
}

function jointTerms(tjc: number, sjc: number, gh: number): number {
  return 0.56 * Math.sqrt(tjc) + 0.28 * Math.sqrt(sjc) + 0.014 * gh;
}

/**
 * Computes DAS28-CRP (4 variables).
 * @param input TJC28, SJC28, patient global health (0-100 mm) and CRP in mg/L
 * @returns a {@link ScoreResult} with score `das28-crp`, rounded to 2 decimals
 */
export function das28Crp(input: Das28CrpInput): ScoreResult {
  const r = new ItemReader();
  const tjc = r.num('tjc28', input.tjc28, JOINT_COUNT);
  const sjc = r.num('sjc28', input.sjc28, JOINT_COUNT);
  const gh = r.num('ptga', input.patientGlobalMm, GLOBAL_HEALTH);
  const crp = r.num('crp', input.crpMgL, { min: 0, max: 1000, unit: 'mg/L' });
  return r.result('das28-crp', DAS28_CRP_CITATION, [tjc, sjc, gh, crp], ([t, s, g, c]) => {
    const value = roundHalfUp(jointTerms(t, s, g) + 0.36 * Math.log(c + 1) + 0.96, 2);
    return { value, band: das28Band(value) };
  });
}

/**
 * Computes DAS28-ESR (4 variables).
 * @param input TJC28, SJC28, patient global health (0-100 mm) and ESR in mm/h (> 0)
 * @returns a {@link ScoreResult} with score `das28-esr`, rounded to 2 decimals
 */
export function das28Esr(input: Das28EsrInput): ScoreResult {
  const r = new ItemReader();
  const tjc = r.num('tjc28', input.tjc28, JOINT_COUNT);
  const sjc = r.num('sjc28', input.sjc28, JOINT_COUNT);
  const gh = r.num('ptga', input.patientGlobalMm, GLOBAL_HEALTH);
  const esr = r.num('esr', input.esrMmH, { above: 0, max: 200, unit: 'mm/h' });
  return r.result('das28-esr', DAS28_ESR_CITATION, [tjc, sjc, gh, esr], ([t, s, g, e]) => {
    const value = roundHalfUp(jointTerms(t, s, g) + 0.7 * Math.log(e), 2);
    return { value, band: das28Band(value) };
  });
}
