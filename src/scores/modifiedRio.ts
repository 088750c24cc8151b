/**
 * Modified Rio score: response to interferon-beta after the first year of therapy.
 *
 * Source: Sormani MP, Rio J, Tintore M, et al. Scoring treatment response in patients with
 * relapsing multiple sclerosis. Mult Scler 2013;19(5):605-612. doi:10.1177/1352458512460605,
 * PMID 23012253. Counted during the first year on therapy:
 *   MRI criterion: <= 4 new T2 lesions 0, > 4 (i.e. >= 5) new T2 lesions 1;
 *   relapse criterion: 0 relapses 0, 1 relapse 1, >= 2 relapses 2.
 * Score 0-3. Groups (3-year progression risk in the validation set: 24%, 33%, 65%):
 *   0 low risk (responder), 1 intermediate risk, >= 2 high risk (non-responder).
 * VERIFICATION NOTE: the paper's abstract words the MRI cut as "(>5)"; its scoring rule and the
 * follow-up literature (e.g. Hyun JW et al., PLoS One 2015;10:e0129243) use > 4 new T2 lesions,
 * which is what the brief specifies and what we implement.
 * With >= 2 relapses the group is "high risk" whatever the MRI, but the value (2 or 3) needs the
 * MRI: without it the result is incomplete.
 */
import { ItemReader } from './items.ts';
import type { MsYearOneInput, ScoreResult } from './types.ts';

export const MODIFIED_RIO_CITATION =
  'Sormani MP, Rio J, Tintore M, et al. Scoring treatment response in patients with relapsing multiple sclerosis. Mult Scler 2013;19(5):605-612. doi:10.1177/1352458512460605.';

const COUNT = { min: 0, max: 1000, integer: true } as const;

/** Risk group of a modified Rio score. */
export function modifiedRioBand(value: number): string {
  if (value === 0) return 'low risk';
  if (value === 1) return 'intermediate risk';
  return 'high risk';
}

/**
 * Computes the modified Rio score.
 * @param input relapses and new T2 lesions during the first year of interferon-beta
 * @returns a {@link ScoreResult} with score `modified-rio`, 0-3
 */
export function modifiedRio(input: MsYearOneInput): ScoreResult {
  const r = new ItemReader();
  const relapses = r.num('relapses', input.relapses, COUNT);
  const t2 = r.num('mri-new-t2-lesions', input.newT2Lesions, COUNT);
  return r.result('modified-rio', MODIFIED_RIO_CITATION, [relapses, t2], ([rel, lesions]) => {
    const value = (lesions > 4 ? 1 : 0) + Math.min(rel, 2);
    return { value, band: modifiedRioBand(value) };
  });
}
