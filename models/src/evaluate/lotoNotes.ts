/**
 * Why the leave-one-trial-out targets are not reached, per indication, in terms of the evidence
 * (model card, section 8). Written from the validation's miss list; every figure quoted is a
 * calibration.csv value or an output printed in the same card.
 */
export const LOTO_NOTES: Record<string, string[]> = {
  cd: [
    "**Why the evidence cannot support the arm and difference targets.** Every CD drug has exactly one trial in calibration.csv, so leaving a trial out leaves its drug without any estimate: its arm is then predicted by exchangeability with the other drugs, whose log odds ratios range from about 0.1 (certolizumab, CD11) to 2.1 (infliximab, CD02). Placebo remission ranges from 4% (Targan 1997, CD02) to 29% (U-EXCEL 2023, CD28); the era and exposure terms of the baseline model explain part of it, and the rest (between-trial SD on the logit scale, section 7) is wider than any single arm's Wilson interval. The 90% prediction intervals, which carry that heterogeneity, cover 86% of the arms. Subgroup arm sizes of CLASSIC I and GEMINI 2 are assumptions (the rows give none).",
  ],
  uc: [
    '**Why the evidence cannot support the arm and difference targets.** Nine of the ten UC drugs have one trial each (adalimumab has ULTRA 1 and ULTRA 2), so most left-out active arms are predicted by exchangeability with the other drugs; placebo remission ranges from 2.4% (ELEVATE experienced, UC30) to 14.9% (ACT 1, UC02) without a clear era trend. The 90% prediction intervals cover 97% of the arms, slightly above the nominal 90%: with one residual degree of freedom the UC network cannot narrow its own tau, which is shared with CD and RA.',
  ],
  ra: [
    "**Why the evidence cannot support the arm and difference targets.** The same drug in the same kind of patients (MTX-IR, biologic-naive) gives five-fold different odds ratios: adalimumab ACR20 67.2% vs 14.5% in ARMADA (RA05, odds ratio 12) and 70.8% vs 49.9% in FINCH 1 (RA36, 2.4) or 47.2% vs 28.3% in ORAL Standard (RA26, 2.3); placebo + MTX ACR20 ranges from 13.6% (RAPID 1) to 49.9% (FINCH 1). Leaving any of these out moves the prediction far outside the left-out arm's interval. The three head-to-head misses (of five significant pairs) are all TEMPO's etanercept alone vs with MTX (RA04): TEMPO is the only evidence on monotherapy, so without it the synthesis predicts no difference. The MTX-naive trials (RA01, RA02, RA04) compare with MTX start, a much higher reference level (the baseline model's mtx_naive term) estimated from three trials.",
  ],
  rms: [
    "**Why the evidence cannot support the arm target.** Placebo ARR falls from 1.12 (1995, MS01, a population with >= 2 relapses in 2 years) to 0.33 (2010, CLARITY), and recent trials have active comparators only; the baseline model's era term captures the trend, not the inclusion criteria of each trial. Most DMTs have one trial each and are predicted by exchangeability when it is left out. The relative effects themselves are consistent (tau 0): every head-to-head direction is right and the 90% prediction intervals cover 93% of the arms.",
  ],
};
