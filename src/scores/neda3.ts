/**
 * No evidence of disease activity (NEDA-3) over a window.
 *
 * Source: Havrdova E, Galetta S, Hutchinson M, et al. Effect of natalizumab on clinical and
 * radiological disease activity in multiple sclerosis: a retrospective analysis of the AFFIRM
 * study. Lancet Neurol 2009;8(3):254-260. doi:10.1016/S1474-4422(09)70021-3, PMID 19201654.
 * Definition: over the window, no relapse, no sustained (confirmed) disability progression, and no
 * new or enlarging T2 lesion and no gadolinium-enhancing lesion on MRI.
 * Value 1 = NEDA-3 met, 0 = evidence of disease activity.
 * Missing components: NEDA-3 needs all three domains to be known to be met; but one domain with
 * activity is enough to fail it. So a known activity gives status `complete`, value 0, with the
 * unknown domains still listed in `missing` (they cannot change the result).
 */
import { parseFullDate } from './dates.ts';
import { ItemReader } from './items.ts';
import type { ComputedFromItem, DateWindow, ItemInput, ScoreResult } from './types.ts';

export const NEDA3_CITATION = 'Havrdova E, Galetta S, Hutchinson M, et al. Lancet Neurol 2009;8(3):254-260. doi:10.1016/S1474-4422(09)70021-3.';

export interface Neda3Input {
  window: DateWindow;
  /** Relapses with onset in the window (e.g. from countRelapses). */
  relapses: ItemInput<number>;
  /** Confirmed disability progression in the window (e.g. from edssTrend). */
  confirmedProgression: ItemInput<boolean>;
  /** New or enlarging T2 lesions in the window versus the reference MRI. */
  newOrEnlargingT2Lesions: ItemInput<number>;
  /** Gadolinium-enhancing lesions on MRI in the window. */
  gdEnhancingLesions: ItemInput<number>;
}

const COUNT = { min: 0, max: 1000, integer: true } as const;

/**
 * Evaluates NEDA-3 over a window.
 * @param input the three domains (relapses, confirmed progression, MRI activity) for the window
 * @returns a {@link ScoreResult} with score `neda3`, value 1 (NEDA-3) or 0 (disease activity)
 */
export function neda3(input: Neda3Input): ScoreResult {
  const r = new ItemReader();
  const windowItems: ComputedFromItem[] = [
    { item: 'window-start', value: null, date: input.window.start },
    { item: 'window-end', value: null, date: input.window.end },
  ];
  r.computedFrom.push(...windowItems);
  for (const [edge, date] of [
    ['start', input.window.start],
    ['end', input.window.end],
  ] as const) {
    const ms = parseFullDate(date);
    if (typeof ms === 'string') r.problem(`window ${edge}: ${ms}`);
  }
  const relapses = r.num('relapses', input.relapses, COUNT);
  const cdp = r.bool('confirmed-disability-progression', input.confirmedProgression);
  const t2 = r.num('mri-new-t2-lesions', input.newOrEnlargingT2Lesions, COUNT);
  const gd = r.num('mri-gd-lesions', input.gdEnhancingLesions, COUNT);

  const activity: string[] = [];
  if (relapses !== null && relapses > 0) activity.push('relapse');
  if (cdp === true) activity.push('confirmed disability progression');
  if (t2 !== null && t2 > 0) activity.push('new or enlarging T2 lesion');
  if (gd !== null && gd > 0) activity.push('Gd-enhancing lesion');

  if (r.problems.length === 0 && activity.length > 0) {
    return {
      score: 'neda3',
      value: 0,
      band: `evidence of disease activity: ${activity.join(', ')}`,
      status: 'complete',
      missing: [...r.missing],
      citation: NEDA3_CITATION,
      computedFrom: [...r.computedFrom],
    };
  }
  return r.result('neda3', NEDA3_CITATION, [relapses, cdp, t2, gd], () => ({ value: 1, band: 'NEDA-3' }));
}
