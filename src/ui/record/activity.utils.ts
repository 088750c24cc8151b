/**
 * Shared pieces of the disease-activity panel (activity.ra.ts, activity.ms.ts, activity.ibd.ts): one
 * point type for recorded and calculated scores and for markers, the activity bands drawn as reference
 * areas (each with its source), and the conversions from the score layer's assessments and the
 * extractor's observation series. Pure.
 */
import { CATALOGUE_BY_NAME, type InputName, type ObservationPoint } from '../../extract/index.ts';
import type { Assessment } from '../../scores/fromRecord.ts';
import type { ComputedFromItem } from '../../scores/index.ts';

const DAY_MS = 86_400_000;

/**
 * Recorded and calculated totals further apart than this on the same day are shown as a disagreement
 * (our brief's threshold; applied to every score, where for CDAI/SDAI any difference beyond rounding
 * already means different components).
 */
export const DISAGREEMENT_THRESHOLD = 0.3;

/** The series of the panel; the key names its label in `recordView.activity.series`. */
export type ActivitySeriesKey =
  | 'das28Crp'
  | 'das28Esr'
  | 'cdaiRa'
  | 'sdai'
  | 'tjc28'
  | 'sjc28'
  | 'hbi'
  | 'cdaiCd'
  | 'mayoPartial'
  | 'mayoFull'
  | 'fcal'
  | 'crp'
  | 'edss'
  | 'jcv';

/** A reference area of the chart: an activity band between two values (band names as in src/scores). */
export interface BandArea {
  band: string;
  /** Where the area is drawn (integer scores: half-way between the last value of one band and the first of the next). */
  from: number;
  to: number;
  /** The band's published cut-offs as a numeric range (e.g. '< 2.6', '2.6–3.2', '> 5.1'); omitted when the band's name says it. */
  range?: string;
}

/** The bands of a series with the publication that defines them. */
export interface BandSet {
  areas: BandArea[];
  /** Short citation shown under the chart. */
  source: string;
}

/** One point of an activity series. */
export interface ActivityPoint {
  /** The date as recorded (YYYY-MM-DD for assessments). */
  date: string;
  /** Start of the date, ms since epoch (x of the chart). */
  time: number;
  value?: number;
  band?: string | null;
  /** recorded: a value in the EHR; calculated: computed here from its components. */
  kind: 'recorded' | 'calculated';
  /** missing: the components of that day do not give the score (the missing items are listed). */
  state: 'ok' | 'missing' | 'implausible' | 'unknown-unit';
  /** Item ids missing for a score (src/scores item names: tjc28, sjc28, ptga, phga, crp, esr). */
  missing?: string[];
  /** Why a value is implausible (English detail of the extractor or score layer, shown after the translated state). */
  reason?: string;
  /** Set when a value is implausible because it lies outside the score's plausible range (catalogue). */
  outside?: [number, number];
  sources: string[];
  /** The components of a calculated value, as they entered the formula. */
  components?: ComputedFromItem[];
  /** Set on both points of a day whose recorded and calculated totals differ by more than {@link DISAGREEMENT_THRESHOLD}. */
  disagreement?: { recorded: number; calculated: number; difference: number };
}

export interface ActivitySeries {
  key: ActivitySeriesKey;
  /** UCUM unit of the values, null for scores. */
  unit: string | null;
  points: ActivityPoint[];
  bands?: BandSet;
  /** Set when the latest usable value is older than the catalogue's `staleAfterDays`. */
  stale?: { date: string; days: number; limit: number };
}

/** UTC midnight of a YYYY-MM-DD day (or the start of a longer date string's day). */
export function dayTime(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/**
 * The stale mark of a series: the latest usable point older than the catalogue input's staleAfterDays
 * (src/extract/catalogue.ts: 90 days for activity scores).
 */
export function staleOf(points: readonly ActivityPoint[], input: InputName, now: Date): ActivitySeries['stale'] {
  const last = points.filter((p) => p.state === 'ok').at(-1);
  const limit = CATALOGUE_BY_NAME[input].staleAfterDays;
  if (!last || limit === null) return undefined;
  const days = Math.floor((now.getTime() - last.time) / DAY_MS);
  return days > limit ? { date: last.date, days, limit } : undefined;
}

function fromAssessment(a: Assessment): ActivityPoint {
  const base = { date: a.day, time: dayTime(a.day), kind: a.recorded ? ('recorded' as const) : ('calculated' as const), sources: [...a.sources] };
  const r = a.result;
  if (r.status === 'complete' && r.value !== null) {
    return { ...base, value: r.value, band: r.band, state: 'ok', ...(a.recorded ? {} : { components: [...r.computedFrom] }) };
  }
  if (r.status === 'invalid') return { ...base, state: 'implausible', ...(r.reason ? { reason: r.reason } : {}), components: [...r.computedFrom] };
  return { ...base, state: 'missing', missing: [...r.missing], components: [...r.computedFrom] };
}

/**
 * A score series from the score layer's assessments (recorded totals and calculations from components).
 * Kept: every recorded total, every complete calculation, and an incomplete or invalid calculation only
 * on a day without any usable value (so "missing" says why a visit has no score). Recorded and
 * calculated totals of one day both stay; when they differ by more than {@link DISAGREEMENT_THRESHOLD}
 * both carry the disagreement.
 * @param range plausible range of the score (catalogue): a recorded total outside it is implausible
 */
export function scoreSeriesPoints(assessments: readonly Assessment[], range: readonly [number, number] | null = null): ActivityPoint[] {
  const points = assessments.map(fromAssessment).map((p): ActivityPoint => {
    if (p.state !== 'ok' || p.value === undefined || !range || (p.value >= range[0] && p.value <= range[1])) return p;
    const { band: _band, ...rest } = p;
    return { ...rest, state: 'implausible', outside: [range[0], range[1]] };
  });
  const usableDays = new Set(points.filter((p) => p.state === 'ok').map((p) => p.date));
  const kept = points.filter((p) => p.kind === 'recorded' || p.state === 'ok' || !usableDays.has(p.date));
  for (const day of usableDays) {
    const rec = kept.find((p) => p.date === day && p.kind === 'recorded' && p.state === 'ok');
    const calc = kept.find((p) => p.date === day && p.kind === 'calculated' && p.state === 'ok');
    if (rec?.value === undefined || calc?.value === undefined) continue;
    const difference = Math.round(Math.abs(rec.value - calc.value) * 100) / 100;
    if (difference > DISAGREEMENT_THRESHOLD) {
      const disagreement = { recorded: rec.value, calculated: calc.value, difference };
      rec.disagreement = disagreement;
      calc.disagreement = disagreement;
    }
  }
  return kept.sort((a, b) => a.time - b.time || Number(a.kind === 'recorded') - Number(b.kind === 'recorded'));
}

/**
 * A marker or item series from the extractor's observation points (numeric or unknown-unit only),
 * oldest first, as recorded values.
 */
export function observationPoints(points: readonly ObservationPoint[] | undefined): ActivityPoint[] {
  return (points ?? [])
    .filter((p) => p.value !== undefined || p.state === 'unknown-unit')
    .map((p) => ({
      date: p.date.raw,
      time: p.date.start.getTime(),
      ...(p.value !== undefined ? { value: p.value } : {}),
      kind: 'recorded' as const,
      state: p.state,
      ...(p.reason ? { reason: p.reason } : {}),
      sources: [...p.sources],
    }))
    .sort((a, b) => a.time - b.time);
}

/** A series of recorded observations with the catalogue's staleness; undefined when the record has none. */
export function observationSeries(
  key: ActivitySeriesKey,
  points: readonly ObservationPoint[] | undefined,
  input: InputName,
  now: Date,
  bands?: BandSet,
): ActivitySeries | undefined {
  const list = observationPoints(points);
  if (list.length === 0) return undefined;
  const unit = points?.find((p) => p.unit)?.unit ?? CATALOGUE_BY_NAME[input].unit;
  const stale = staleOf(list, input, now);
  return { key, unit, points: list, ...(bands ? { bands } : {}), ...(stale ? { stale } : {}) };
}

/** The latest usable value of a series and the one before it, for summaries. */
export function lastTwo(series: ActivitySeries | undefined): { latest?: ActivityPoint; previous?: ActivityPoint } {
  const ok = (series?.points ?? []).filter((p) => p.state === 'ok' && p.value !== undefined);
  // One value per day: a recorded total wins over a calculation of the same day.
  const byDay = new Map<string, ActivityPoint>();
  for (const p of ok) if (!byDay.has(p.date) || p.kind === 'recorded') byDay.set(p.date, p);
  const days = [...byDay.values()].sort((a, b) => a.time - b.time);
  return { ...(days.at(-1) ? { latest: days.at(-1) } : {}), ...(days.at(-2) ? { previous: days.at(-2) } : {}) };
}

/**
 * Ticks of a time axis: 1 January of each year (every 2nd or 5th year over long spans), or the first
 * of every third month when the span is under two years, so labels never crowd.
 */
export function timeTicks([from, to]: readonly [number, number]): number[] {
  const years = (to - from) / (365.25 * 86_400_000);
  const ticks: number[] = [];
  const start = new Date(from);
  if (years < 2) {
    for (let m = start.getUTCMonth() - (start.getUTCMonth() % 3), y = start.getUTCFullYear(); ; m += 3) {
      const t = Date.UTC(y, m, 1);
      if (t > to) break;
      if (t >= from) ticks.push(t);
    }
    return ticks;
  }
  let step = 1;
  if (years > 24) step = 5;
  else if (years > 10) step = 2;
  for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= to; y++) if (y % step === 0) ticks.push(Date.UTC(y, 0, 1));
  return ticks;
}

/** A round upper end for a value axis: the next integer up to 10, else the next multiple of 5 or 10. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  if (value <= 10) return Math.ceil(value);
  if (value <= 50) return Math.ceil(value / 5) * 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
}
