/**
 * Data shapes of the evidence synthesis. Every number in a StudyData comes from a row of
 * models/evidence/calibration.csv (named in `rows`); an arm size or share the row does not report is
 * an assumption and says so in `notes`.
 */

/** One arm at one endpoint level, on the link scale (logit of a proportion or log of a rate). */
export interface ArmData {
  /** Drug, or null for the reference (no advanced therapy: placebo, or placebo + background csDMARD in RA). */
  drug: string | null;
  /** Published summary on the natural scale (proportion or annualised rate). */
  value: number;
  /** Arm size (randomised or ITT, as the row reports or as assumed in `notes`). */
  n: number;
  /** Link-scale estimate and its sampling variance. */
  est: number;
  v: number;
  /** Effect-modifier values of this arm (0 when absent), keyed by modifier name. */
  z: Record<string, number>;
}

/** One endpoint level of a study (RA: ACR20 / ACR50 / ACR70 of the same arms). */
export interface LevelData {
  endpoint: string;
  /** Arm 0 is the study's comparator. */
  arms: ArmData[];
  /** Row ids behind this level. */
  rows: string[];
}

/** A randomised comparison (a trial, or one stratum of a trial). */
export interface StudyData {
  id: string;
  /** Trial key: strata and endpoints of one trial share it and are left out together. */
  trial: string;
  label: string;
  /** Publication year of the row's citation: the era proxy of the baseline model. */
  year: number;
  /** Study-level covariates of the baseline model (exposure share, population, ...). */
  covariates: Record<string, number>;
  levels: LevelData[];
  /** False: used only as an out-of-sample check (overlaps a fitted study, e.g. the whole trial of fitted strata). */
  fit: boolean;
  /** Assumptions behind the numbers (arm sizes, shares, mappings). */
  notes: string;
  /** Other endpoints of the same arms, scored but not fitted. */
  scoreOnly?: ScoreOnlyLevel[];
}

/** An indication's evidence network. */
export interface Network {
  indication: string;
  /** 'logit' (proportions) or 'log' (annualised rates). */
  link: 'logit' | 'log';
  /** Effect modifiers (column names of z), each with what it means and its evidence. */
  modifiers: { name: string; meaning: string }[];
  /** Baseline-model covariates (keys of StudyData.covariates; endpoint levels enter as `endpoint:<name>`). */
  baselineCovariates: string[];
  studies: StudyData[];
}

/** Published arms of another endpoint of the same study, used only to check predictions (MS: relapse-free). */
export interface ScoreOnlyLevel {
  endpoint: string;
  rows: string[];
  /** Follow-up in years (rate -> proportion maps). */
  years: number;
  arms: { drug: string | null; p: number; n: number }[];
}
