/**
 * Model-card paragraphs on how routine-care response differs from the trial-like level the models show
 * (issue 11 point 2). Qualitative on purpose: calibration.csv holds one routine-care cohort (PR01, PANTS)
 * and no paired trial/registry comparison, so no real-world correction factor is estimated or applied.
 */
export const REAL_WORLD_NOTE: Record<string, string[]> = {
  cd: [
    '**Trial-like level, not routine care.** The probabilities are those of a patient enrolled in a contemporary placebo-controlled induction trial. Routine-care patients differ: trials select by CDAI 220-450, exclude many comorbidities and strictures, wash out prior therapies and assess remission at fixed visits. The only routine-care cohort in calibration.csv, PANTS (PR01: 1610 anti-TNF-naive patients, primary non-response 23.8%, non-remission at week 54 63.1%), uses different endpoints and cannot be mapped onto the trial scale; no correction is applied. The baseline model shows placebo remission rising with trial era (section 7), one reason absolute rates move with the setting.',
  ],
  uc: [
    '**Trial-like level, not routine care.** The probabilities are those of a patient enrolled in a contemporary placebo-controlled induction trial (Mayo-based remission at weeks 6-12). Routine-care patients are less selected (comorbidity, prior therapies without washout, adherence) and assessed less strictly; calibration.csv has no routine-care UC cohort, so no correction is applied.',
  ],
  ra: [
    '**Trial-like level, not routine care.** The probabilities are those of an MTX-IR patient in a contemporary placebo-controlled trial (ACR50 at weeks 12-24). Routine-care patients are older, more comorbid and often not eligible for trials; ACR responses are rarely measured in routine care. The one routine-care row (PR06, rituximab cohort) is used only for the prior-anti-TNF shift; no correction of the level is applied.',
  ],
  rms: [
    "**Trial-like level, not routine care.** The probabilities are those of a patient in a contemporary relapsing-MS trial (relapse-free over 2 years). Relapse rates in trials fell steeply over the decades (the baseline model's era term, section 7), and routine-care populations differ from both old and new trial populations (inclusion by recent relapses and MRI activity, adherence); calibration.csv has no routine-care MS cohort, so no correction is applied.",
  ],
};
