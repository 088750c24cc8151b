/**
 * MAGNIMS score: response to interferon-beta after the first year of therapy.
 *
 * Source: Sormani MP, Gasperini C, Romeo M, et al.; MAGNIMS study group. Assessing response to
 * interferon-beta in a multicenter dataset of patients with MS. Neurology 2016;87(2):134-140.
 * doi:10.1212/WNL.0000000000002830, PMID 27306626. (Our brief named "Ann Neurol 2016"; the
 * score is in Neurology 2016.) Definition implemented, from the abstract's three risk groups and
 * its validation (Kunchok A et al., Mult Scler 2021;27:695-705, doi:10.1177/1352458520936823):
 *   0: no relapse and < 3 new T2 lesions                              (3-year failure risk 17%)
 *   1: 1 relapse and < 3 new T2 lesions, or no relapse and >= 3 new T2 (27%)
 *   2: 1 relapse and >= 3 new T2 lesions, or >= 2 relapses             (highest risk)
 * Counts are over the first year on therapy. Bands: 0 low, 1 intermediate, 2 high risk.
 * With >= 2 relapses the MRI cannot change the score: complete without it (MRI listed as missing).
 */
import { ItemReader } from './items.ts';
import type { MsYearOneInput, ScoreResult } from './types.ts';

export const MAGNIMS_CITATION =
  'Sormani MP, Gasperini C, Romeo M, et al. Assessing response to interferon-beta in a multicenter dataset of patients with MS. Neurology 2016;87(2):134-140. doi:10.1212/WNL.0000000000002830.';

const COUNT = { min: 0, max: 1000, integer: true } as const;

/** Risk group of a MAGNIMS score. */
export function magnimsBand(value: number): string {
  if (value === 0) return 'low risk';
  if (value === 1) return 'intermediate risk';
  return 'high risk';
}

/** The MAGNIMS score from complete counts. */
export function magnimsValue(relapses: number, newT2Lesions: number): number {
  if (relapses >= 2) return 2;
  return relapses + (newT2Lesions >= 3 ? 1 : 0);
}

/**
 * Computes the MAGNIMS score.
 * @param input relapses and new T2 lesions during the first year of interferon-beta
 * @returns a {@link ScoreResult} with score `magnims`, 0-2
 */
export function magnims(input: MsYearOneInput): ScoreResult {
  const r = new ItemReader();
  const relapses = r.num('relapses', input.relapses, COUNT);
  const t2 = r.num('mri-new-t2-lesions', input.newT2Lesions, COUNT);
  if (r.problems.length === 0 && relapses !== null && relapses >= 2) {
    return {
      score: 'magnims',
      value: 2,
      band: magnimsBand(2),
      status: 'complete',
      missing: [...r.missing],
      citation: MAGNIMS_CITATION,
      computedFrom: [...r.computedFrom],
    };
  }
  return r.result('magnims', MAGNIMS_CITATION, [relapses, t2], ([rel, lesions]) => {
    const value = magnimsValue(rel, lesions);
    return { value, band: magnimsBand(value) };
  });
}
