/**
 * Shared pieces of {@link scoreRecord} (fromRecord.ts): the result types, reading assessment days from
 * the extracted series, grouping components recorded on the same day, pairing a lab with an assessment,
 * wrapping a recorded total as a {@link ScoreResult}, and turning a derived score into a model input.
 * Pure functions over the extracted record; nothing here reads FHIR.
 */
import { because, type Reason } from '../extract/reasons.ts';
import { CATALOGUE_BY_NAME, type InputName } from '../extract/catalogue.ts';
import type { ObservationPoint } from '../extract/observations.ts';
import type { InputValue } from '../extract/values.ts';
import { DAY_MS } from './dates.ts';
import type { ComputedFromItem, ScoreId, ScoreResult, SourcedValue } from './types.ts';

/** One point of a score trend. */
export interface ScorePoint {
  /** Assessment day, YYYY-MM-DD (the local date as recorded). */
  date: string;
  value: number;
  band: string | null;
  /** The resources the value was computed from, or the recorded score Observation. */
  sources: string[];
}

/** Every score the record supports, for display, trends and model inputs. */
export interface RecordScores {
  /** The latest result of every score that applies to the record's indication(s), complete or not (incomplete ones name what is missing). */
  latest: ScoreResult[];
  /** Score over time, for trend charts: one point per assessment date where the score is complete. */
  series: Partial<Record<ScoreId, ScorePoint[]>>;
  /**
   * Model inputs the record lacks but the components give: state 'ok' (or 'stale'), matchedBy
   * 'derived', sources = the component resources, note = how it was computed, date = the assessment
   * day. Never overrides a recorded (state 'ok') input.
   */
  derivedInputs: Partial<Record<InputName, InputValue>>;
  /** How each latest result was obtained (pairing, unit conversion, window, caveat), by score. */
  notes: Partial<Record<ScoreId, string>>;
  /** Record-level problems met while scoring (never thrown). */
  problems: string[];
}

/** One score at one assessment day, computed from components or read as a recorded total. */
export interface Assessment {
  day: string;
  result: ScoreResult;
  sources: string[];
  note: string;
  /** `note` as a typed reason (shown in the reader's language), where the module provides one. */
  noteWhy?: Reason;
  /** true: a total recorded in the EHR; false: computed here from its components. */
  recorded: boolean;
}

/** What an indication module returns per score: its assessments (oldest first) or a single result. */
export interface ScoreTrack {
  score: ScoreId;
  assessments: Assessment[];
  /** Used as `latest` when there is no assessment at all (names every missing item). */
  fallback: ScoreResult;
  /** Note for the fallback (e.g. why a lab could not be paired, or the window of a time-based score). */
  fallbackNote?: string;
  /** Trend points when the score is not a per-assessment score (e.g. the EDSS values behind the trend). */
  points?: ScorePoint[];
}

/** Window in days within which a lab (CRP, ESR) is paired with a joint assessment (our brief's rule). */
export const LAB_PAIRING_DAYS = 14;

/**
 * The calendar day of a point as recorded (local date of a dateTime, which keeps its UTC offset), or
 * null when the date is only a month or year: such a point cannot be paired with a same-day assessment.
 */
export function dayOf(point: ObservationPoint): string | null {
  const precision = point.date.precision;
  if (precision !== 'day' && precision !== 'time') return null;
  const day = point.date.raw.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** UTC midnight of a YYYY-MM-DD day. */
export function dayMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The YYYY-MM-DD day of an instant (UTC). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The same calendar day `years` earlier or later (29 February falls back to 28 February). */
export function shiftYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const candidate = `${String(y).padStart(4, '0')}-${md}`;
  return isoDay(dayMs(candidate)).slice(5) === md ? candidate : `${String(y).padStart(4, '0')}-02-28`;
}

/** Whole days from day a to day b (signed). */
export function daysApart(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
}

/** Usable numeric points of a concept: state ok, a finite value, a day-precise date. */
export function usablePoints(
  series: Record<string, ObservationPoint[] | undefined>,
  concept: string,
): Array<{ day: string; point: ObservationPoint; value: number }> {
  const out: Array<{ day: string; point: ObservationPoint; value: number }> = [];
  const list = series[concept];
  if (!Array.isArray(list)) return out;
  for (const point of list) {
    const day = dayOf(point);
    if (day === null || point.state !== 'ok' || typeof point.value !== 'number' || !Number.isFinite(point.value)) continue;
    out.push({ day, point, value: point.value });
  }
  return out.sort((a, b) => a.point.date.start.getTime() - b.point.date.start.getTime());
}

/**
 * Components recorded on the same day, per day (oldest day first). When one component was recorded
 * twice on a day, the later record wins.
 */
export function groupByDay<K extends string>(
  series: Record<string, ObservationPoint[] | undefined>,
  concepts: Readonly<Record<K, string>>,
): Array<{ day: string; items: Partial<Record<K, { point: ObservationPoint; value: number }>> }> {
  const days = new Map<string, Partial<Record<K, { point: ObservationPoint; value: number }>>>();
  for (const key of Object.keys(concepts) as K[]) {
    for (const { day, point, value } of usablePoints(series, concepts[key])) {
      const items: Partial<Record<K, { point: ObservationPoint; value: number }>> = days.get(day) ?? {};
      items[key] = { point, value };
      days.set(day, items);
    }
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, items]) => ({ day, items }));
}

/** A lab point paired with an assessment day. */
export interface PairedLab {
  day: string;
  value: number;
  point: ObservationPoint;
  /** Signed days from the assessment to the lab (negative: before). */
  offset: number;
}

/**
 * The lab closest to an assessment day within ±{@link LAB_PAIRING_DAYS} days (on a tie, the one
 * before the assessment: labs are usually drawn ahead of the visit).
 * @returns the paired lab, or a clinician-readable reason why none could be paired
 */
export function pairLab(series: Record<string, ObservationPoint[] | undefined>, concept: string, day: string, label: string): PairedLab | string {
  let best: PairedLab | undefined;
  let nearestOutside: PairedLab | undefined;
  for (const { day: labDay, point, value } of usablePoints(series, concept)) {
    const offset = daysApart(day, labDay);
    const candidate = { day: labDay, value, point, offset };
    const closer = (current: PairedLab | undefined) =>
      current === undefined || Math.abs(offset) < Math.abs(current.offset) || (Math.abs(offset) === Math.abs(current.offset) && offset < current.offset);
    if (Math.abs(offset) <= LAB_PAIRING_DAYS) {
      if (closer(best)) best = candidate;
    } else if (closer(nearestOutside)) nearestOutside = candidate;
  }
  if (best) return best;
  if (nearestOutside)
    return `no ${label} within ${LAB_PAIRING_DAYS} days of ${day} (nearest ${nearestOutside.day}, ${Math.abs(nearestOutside.offset)} days away)`;
  return `no ${label} recorded`;
}

/** `labPhrase` as a typed reason. */
export function labPhraseWhy(label: string, lab: PairedLab): Reason {
  if (lab.offset === 0) return because('score-lab-same-day', { lab: label, date: lab.day });
  return because(lab.offset < 0 ? 'score-lab-before' : 'score-lab-after', { lab: label, date: lab.day, days: Math.abs(lab.offset), window: LAB_PAIRING_DAYS });
}

/** How a paired lab is described in a note: "CRP (2026-11-09)" or "CRP (2026-11-02, 7 days before; paired within ±14 days)". */
export function labPhrase(label: string, lab: PairedLab): string {
  if (lab.offset === 0) return `${label} (${lab.day})`;
  const n = Math.abs(lab.offset);
  return `${label} (${lab.day}, ${n} day${n === 1 ? '' : 's'} ${lab.offset < 0 ? 'before' : 'after'} the assessment; labs paired within ±${LAB_PAIRING_DAYS} days)`;
}

/** A point as a sourced score item. */
export function sourced(point: ObservationPoint | undefined, value: number | undefined): SourcedValue<number> | null {
  if (point === undefined || value === undefined) return null;
  const ref = point.sources[0];
  return { value, date: point.date.raw, ...(ref !== undefined ? { sourceRef: ref } : {}) };
}

/** Distinct source references of the given points. */
export function sourcesOf(points: ReadonlyArray<ObservationPoint | undefined>): string[] {
  return [...new Set(points.flatMap((p) => p?.sources ?? []))];
}

/**
 * A score total recorded in the EHR, as a ScoreResult (value as recorded, band by the score's own
 * cut-offs), so recorded and computed values share one trend and one "latest".
 * @param band the score's band function; null when the band cannot be told from the total alone
 */
export function recordedAssessments(
  series: Record<string, ObservationPoint[] | undefined>,
  concept: string,
  score: ScoreId,
  citation: string,
  band: (value: number) => string | null,
): Assessment[] {
  return usablePoints(series, concept).map(({ day, point, value }) => {
    const item: ComputedFromItem = { item: 'recorded total', value, date: point.date.raw, ...(point.sources[0] ? { sourceRef: point.sources[0] } : {}) };
    return {
      day,
      recorded: true,
      sources: [...point.sources],
      note: `recorded in the EHR on ${day}`,
      result: { score, value, band: band(value), status: 'complete', missing: [], citation, computedFrom: [item] },
    };
  });
}

/** Merge recorded and computed assessments, oldest first; on the same day the recorded one comes last (it wins "latest"). */
export function mergeAssessments(computed: Assessment[], recorded: Assessment[]): Assessment[] {
  return [...computed, ...recorded].sort((a, b) => a.day.localeCompare(b.day) || Number(a.recorded) - Number(b.recorded));
}

/**
 * A derived score as a model input, with the catalogue's look-back and staleness applied
 * (src/extract/catalogue.ts: a value older than staleAfterDays is 'stale', older than lookbackDays is
 * not used).
 * @returns the input value, or undefined when the assessment lies outside the look-back window
 */
export function derivedInput(name: InputName, a: Assessment, now: Date): InputValue | undefined {
  const def = CATALOGUE_BY_NAME[name];
  const value = a.result.value;
  if (value === null) return undefined;
  const age = Math.floor((now.getTime() - dayMs(a.day)) / DAY_MS);
  if (def.lookbackDays !== null && age > def.lookbackDays) return undefined;
  const evidence = {
    name,
    unit: def.unit,
    date: a.day,
    precision: 'day' as const,
    sources: [...a.sources],
    matchedBy: 'derived' as const,
    note: a.note,
    ...(a.noteWhy ? { noteWhy: a.noteWhy } : {}),
  };
  if (def.staleAfterDays !== null && age > def.staleAfterDays) {
    return {
      ...evidence,
      state: 'stale',
      value,
      ageDays: age,
      reason: `derived from components assessed ${a.day} (${age} days ago; older than ${def.staleAfterDays} days)`,
      why: because('derived-stale', { date: a.day, days: age, limit: def.staleAfterDays }),
    };
  }
  return { ...evidence, state: 'ok', value };
}
