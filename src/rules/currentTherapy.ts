/**
 * The question the specialist opens the app with: which disease, on what now, is it working, and why
 * switch. Pure: the prepared record in, one {@link CurrentTherapyAssessment} out. The "continue" option is
 * judged here on current response and the switch reasons the record holds, not ranked against new starts.
 *
 * Targets: treat-to-target in RA is remission or low disease activity (EULAR 2022 update, Smolen JS et
 * al., Ann Rheum Dis 2023;82:3-18); in IBD clinical remission (STRIDE-II, Turner D et al., Gastroenterology
 * 2021;160:1570-83; HBI < 5, partial Mayo < 2 as banded in src/rules/scores). In relapsing MS any relapse or
 * new/enhancing MRI lesion on therapy is disease activity (NEDA-3: Havrdova E et al., Lancet Neurol
 * 2009;8:254-60; ECTRIMS/EAN 2018, Montalban X et al., Mult Scler 2018;24:96-120).
 */
import type { InputValue } from '../extract/values.ts';
import type { Indication, IndicationFinding } from '../extract/indications.ts';
import type { TherapyEpisode } from '../extract/medications.ts';
import type { ObservationPoint } from '../extract/observations.ts';
import type { RecordScores, ScorePoint } from '../scores/fromRecord.ts';
import type { ScoreId, ScoreResult } from '../scores/types.ts';
import { checkSafety } from './safety/index.ts';
import type { SafetyFlag } from './safety/types.ts';

/** The activity scores read per indication, in order of preference. */
export const ACTIVITY_SCORES: Readonly<Record<Indication, readonly ScoreId[]>> = {
  CD: ['hbi', 'cdai-cd'],
  UC: ['mayo-partial', 'mayo-full'],
  RA: ['das28-crp', 'cdai-ra', 'das28-esr', 'sdai'],
  RMS: ['edss'],
};
/** Bands that meet the treatment target (see the module comment). */
const AT_TARGET: ReadonlySet<string> = new Set(['remission', 'low']);
/** The comparison point for a trend: the earliest assessment within this many days before the latest. */
export const TREND_WINDOW_DAYS = 365;
/** A latest assessment older than this does not describe "now" (EULAR 2022 / STRIDE-II: reassess about every 3 months; twice that). */
export const ACTIVITY_STALE_DAYS = 180;
const DAY = 86_400_000;

export interface ActivityReading {
  score: ScoreId;
  latest: ScorePoint;
  previous?: ScorePoint;
  trend: 'worse' | 'better' | 'same' | 'single';
  stale: boolean;
}

/** A marker of inflammation read beside the scores (IBD: calprotectin and CRP), with its trend. */
export interface MarkerReading {
  /** Observation concept (src/extract/observations.ts), e.g. `lab.fecal_calprotectin`. */
  concept: string;
  unit: string | null;
  latest: { value: number; date: string; sources: readonly string[] };
  previous?: { value: number; date: string };
  trend: ActivityReading['trend'];
  stale: boolean;
}

/**
 * Calprotectin above this is active inflammation: STRIDE-II (Turner D et al., Gastroenterology
 * 2021;160:1570-83) sets normalisation of faecal calprotectin to 100-250 ug/g as an intermediate target;
 * the upper end is used so that only clear activity counts.
 */
export const FCAL_ACTIVE_UG_G = 250;
/** The markers read per indication, in display order. */
export const MARKERS: Readonly<Record<Indication, readonly string[]>> = {
  CD: ['lab.fecal_calprotectin', 'lab.crp'],
  UC: ['lab.fecal_calprotectin', 'lab.crp'],
  RA: ['lab.crp'],
  RMS: [],
};

export interface MsActivity {
  relapses12: number | null;
  relapses24: number | null;
  newT2: number | null;
  gd: number | null;
  edss: { value: number; date?: string } | null;
  neda3: ScoreResult | null;
}

/** Why a switch is on the table. */
export type SwitchReason =
  | { kind: 'safety'; flag: SafetyFlag }
  | { kind: 'active-disease'; reading: ActivityReading }
  | { kind: 'inflammation'; marker: MarkerReading }
  | { kind: 'ms-activity'; relapses12: number; newLesions: number }
  | { kind: 'pregnancy-planned'; sources: string[] }
  | { kind: 'steroids'; sources: string[] };

export interface CurrentTherapyAssessment {
  indication: Indication | null;
  /** The diagnosis the question is about: the earliest-onset active finding of the indication. */
  diagnosis: IndicationFinding | null;
  /** Further findings of the indication, active or resolved (past relapses, other Conditions), listed in the record view. */
  otherFindings: number;
  current: { drug: string; start?: string; months: number | null; sources: readonly string[] } | null;
  activity: ActivityReading | null;
  markers: MarkerReading[];
  ms: MsActivity | null;
  /** responding: at target / no activity; active: above target / activity on therapy; unknown: no current assessment. */
  status: 'responding' | 'active' | 'unknown';
  reasons: SwitchReason[];
}

/** The record fields this needs (PreparedRecord fits). */
export interface AssessableRecord {
  primaryIndication: Indication | null;
  indications: readonly IndicationFinding[];
  episodes: readonly TherapyEpisode[];
  inputs: Readonly<Partial<Record<string, InputValue>>>;
  scores: RecordScores;
  observations: Readonly<Record<string, readonly ObservationPoint[]>>;
}

const num = (v: InputValue | undefined): number | null => (v?.state === 'ok' && typeof v.value === 'number' ? v.value : null);

/** The direction from the comparison value to the latest (higher is worse); 'single' without a comparison point. */
function trendOf(latest: number, previous: number | undefined): ActivityReading['trend'] {
  if (previous === undefined) return 'single';
  if (latest > previous) return 'worse';
  return latest < previous ? 'better' : 'same';
}

function reading(series: readonly ScorePoint[] | undefined, score: ScoreId, now: Date): ActivityReading | null {
  const latest = series?.at(-1);
  if (!series || !latest) return null;
  const from = Date.parse(latest.date) - TREND_WINDOW_DAYS * DAY;
  const previous = series.slice(0, -1).find((p) => Date.parse(p.date) >= from);
  const trend = trendOf(latest.value, previous?.value);
  return { score, latest, ...(previous ? { previous } : {}), trend, stale: now.getTime() - Date.parse(latest.date) > ACTIVITY_STALE_DAYS * DAY };
}

function marker(points: readonly ObservationPoint[] | undefined, concept: string, now: Date): MarkerReading | null {
  const ok = (points ?? []).filter((p): p is ObservationPoint & { value: number } => p.state === 'ok' && typeof p.value === 'number');
  const last = ok.at(-1);
  if (!last) return null;
  const from = last.date.start.getTime() - TREND_WINDOW_DAYS * DAY;
  const prev = ok.slice(0, -1).find((p) => p.date.start.getTime() >= from);
  const trend = trendOf(last.value, prev?.value);
  return {
    concept,
    unit: last.unit,
    latest: { value: last.value, date: last.date.raw, sources: last.sources },
    ...(prev ? { previous: { value: prev.value, date: prev.date.raw } } : {}),
    trend,
    stale: now.getTime() - last.date.start.getTime() > ACTIVITY_STALE_DAYS * DAY,
  };
}

/**
 * Assesses the current therapy and collects the switch reasons.
 * @param record the prepared record (episodes, inputs, scores, indications)
 * @param now the screen's reference time
 */
export function assessCurrentTherapy(record: AssessableRecord, now: Date): CurrentTherapyAssessment {
  const indication = record.primaryIndication;
  // A suspected diagnosis the clinician has not confirmed is not the diagnosis of the question (certainty.ts).
  const findings = record.indications.filter((f) => f.indication === indication && f.active && f.usable);
  const byOnset = [...findings].sort((a, b) => (a.onset?.start.getTime() ?? Infinity) - (b.onset?.start.getTime() ?? Infinity));
  const diagnosis = byOnset[0] ?? null;
  const cur = record.inputs['current_advanced_therapy'];
  const drug = cur?.state === 'ok' && typeof cur.value === 'string' && cur.value !== 'none' ? cur.value : null;
  const episode = drug ? [...record.episodes].reverse().find((e) => e.inn === drug && e.ongoing) : undefined;
  const current = drug
    ? {
        drug,
        ...(episode?.start ? { start: episode.start.raw } : {}),
        months: num(record.inputs['current_therapy_duration_months']),
        sources: episode?.sources ?? [],
      }
    : null;

  let activity: ActivityReading | null = null;
  for (const score of indication ? ACTIVITY_SCORES[indication] : []) {
    activity = reading(record.scores.series[score], score, now);
    if (activity) break;
  }
  const markers = (indication ? MARKERS[indication] : []).flatMap((c) => marker(record.observations[c], c, now) ?? []);
  let ms: MsActivity | null = null;
  let status: CurrentTherapyAssessment['status'] = 'unknown';
  const reasons: SwitchReason[] = [];
  if (indication === 'RMS') {
    const edss = record.inputs['edss'];
    ms = {
      relapses12: num(record.inputs['relapses_12m']),
      relapses24: num(record.inputs['relapses_24m']),
      newT2: num(record.inputs['new_t2_lesions_12m']),
      gd: num(record.inputs['gd_lesions_12m']),
      edss: edss?.state === 'ok' && typeof edss.value === 'number' ? { value: edss.value, ...(edss.date ? { date: edss.date } : {}) } : null,
      neda3: record.scores.latest.find((s) => s.score === 'neda3') ?? null,
    };
    const newLesions = (ms.newT2 ?? 0) + (ms.gd ?? 0);
    if ((ms.relapses12 ?? 0) > 0 || newLesions > 0) {
      status = 'active';
      reasons.push({ kind: 'ms-activity', relapses12: ms.relapses12 ?? 0, newLesions });
    } else if (ms.neda3?.status === 'complete' && ms.neda3.value === 1) status = 'responding';
    else if (ms.relapses12 === 0 && ms.newT2 === 0) status = 'responding';
  } else if (activity && !activity.stale) {
    status = activity.latest.band !== null && AT_TARGET.has(activity.latest.band) ? 'responding' : 'active';
    if (status === 'active') reasons.push({ kind: 'active-disease', reading: activity });
  }
  const fcal = markers.find((m) => m.concept === 'lab.fecal_calprotectin');
  if (fcal && !fcal.stale && fcal.latest.value > FCAL_ACTIVE_UG_G && status !== 'responding') {
    // Without a current clinical score, calprotectin decides; with a score at target it is shown, not overruled.
    status = 'active';
    reasons.push({ kind: 'inflammation', marker: fcal });
  }
  if (drug) {
    // Findings on the drug taken now that argue for a switch (PML risk, washout before pregnancy...): triggered only.
    // Only the most severe of them: the continue panel lists every finding; the question names the decisive one(s).
    const flags = checkSafety(drug, record.inputs as Record<string, InputValue>, { now }).filter(
      (f) => f.state === 'triggered' && f.severity !== 'screen-before-start',
    );
    const worst = flags[0]?.severity;
    for (const flag of flags.filter((f) => f.severity === worst)) reasons.push({ kind: 'safety', flag });
  }
  const planned = record.inputs['pregnancy_planned'];
  if (planned?.state === 'ok' && planned.value === true && !reasons.some((r) => r.kind === 'safety' && r.flag.ruleId.startsWith('pregnancy-'))) {
    reasons.push({ kind: 'pregnancy-planned', sources: planned.sources });
  }
  const steroids = record.inputs['steroids_current'];
  if (indication !== 'RMS' && steroids?.state === 'ok' && steroids.value === true) reasons.push({ kind: 'steroids', sources: steroids.sources });
  return {
    indication,
    diagnosis,
    otherFindings: record.indications.filter((f) => f.indication === indication && f !== diagnosis).length,
    current,
    activity,
    markers,
    ms,
    status,
    reasons,
  };
}
