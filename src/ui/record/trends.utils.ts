/**
 * Trend series for the record view: which observation series are charted, each point's reading
 * (ok / implausible / unknown unit), and whether the latest value is stale. Pure.
 */
import { CATALOGUE_BY_NAME, type ExtractedRecord, type InputName, type ObservationPoint } from '../../extract/index.ts';
import type { RecordViewMessages } from './messages.en.ts';
import { because, inputRef, type Reason } from '../../extract/reasons.ts';

export type SeriesKey = keyof RecordViewMessages['series'];

/**
 * The charted series: concept keys of src/extract/observations.ts and the catalogue input each feeds
 * (src/extract/catalogue.ts), whose `staleAfterDays` and `range` decide "stale" and "implausible".
 */
export const TREND_SERIES: ReadonlyArray<{ concept: string; key: SeriesKey; input: InputName }> = [
  { concept: 'lab.crp', key: 'crp', input: 'crp_mg_l' },
  { concept: 'lab.fecal_calprotectin', key: 'fcal', input: 'fcal_ug_g' },
  { concept: 'lab.esr', key: 'esr', input: 'esr_mm_h' },
  { concept: 'lab.albumin', key: 'albumin', input: 'albumin_g_l' },
  { concept: 'lab.hemoglobin', key: 'hb', input: 'haemoglobin_g_dl' },
  { concept: 'lab.lymphocytes', key: 'lymphocytes', input: 'lymphocytes_10e9_l' },
  { concept: 'score.harvey_bradshaw', key: 'hbi', input: 'hbi' },
  { concept: 'score.cdai_cd', key: 'cdaiCd', input: 'cdai_cd' },
  { concept: 'score.mayo_partial', key: 'mayoPartial', input: 'mayo_partial' },
  { concept: 'score.mayo_full', key: 'mayoFull', input: 'mayo_full' },
  { concept: 'score.das28_crp', key: 'das28Crp', input: 'das28_crp' },
  { concept: 'score.das28_esr', key: 'das28Esr', input: 'das28_esr' },
  { concept: 'score.cdai_ra', key: 'cdaiRa', input: 'cdai_ra' },
  { concept: 'score.sdai_ra', key: 'sdai', input: 'sdai' },
  { concept: 'score.edss', key: 'edss', input: 'edss' },
];

export interface TrendPoint {
  /** Start of the date's interval, ms since epoch (x of the chart). */
  time: number;
  /** The date as recorded (precision kept). */
  raw: string;
  value?: number;
  state: 'ok' | 'implausible' | 'unknown-unit';
  reason?: string;
  /** `reason` as a typed reason (shown in the reader's language). */
  why?: Reason;
  sources: string[];
  matchedBy: 'code' | 'text';
  /** The value and unit as written in the record, for unknown-unit points. */
  original?: string;
}

export interface TrendSeries {
  concept: string;
  key: SeriesKey;
  input: InputName;
  unit: string | null;
  points: TrendPoint[];
  /** Set when the latest point is older than the input's `staleAfterDays`. */
  stale?: { date: string; days: number; limit: number };
}

/** One row of chart data: ok values feed the line, implausible ones a separate marker series. */
export interface ChartRow {
  time: number;
  value: number | null;
  implausible: number | null;
  index: number;
}

function toTrendPoint(p: ObservationPoint, input: InputName): TrendPoint {
  const range = CATALOGUE_BY_NAME[input].range;
  let state = p.state;
  let reason = p.reason;
  let why = p.why;
  // Scores carry no unit rules in the extractor; the catalogue range makes an impossible score implausible.
  if (state === 'ok' && p.value !== undefined && range && (p.value < range[0] || p.value > range[1])) {
    state = 'implausible';
    reason = `${p.value} outside ${range[0]}-${range[1]}`;
    why = because('outside-range', { input: inputRef(input), value: p.value, low: range[0], high: range[1] });
  }
  const original = p.original.value !== undefined ? `${String(p.original.value)}${p.original.unit ? ` ${p.original.unit}` : ''}` : undefined;
  return {
    time: p.date.start.getTime(),
    raw: p.date.raw,
    ...(p.value !== undefined ? { value: p.value } : {}),
    state,
    ...(reason ? { reason } : {}),
    ...(why ? { why } : {}),
    sources: [...p.sources],
    matchedBy: p.matchedBy,
    ...(original ? { original } : {}),
  };
}

/**
 * The series present in the record, in {@link TREND_SERIES} order, numeric points only (qualitative
 * results are not trends), oldest first.
 * @param record the extracted record
 * @param now reference time for staleness (the same `now` the record was extracted with)
 */
export function trendSeries(record: ExtractedRecord, now: Date): TrendSeries[] {
  const out: TrendSeries[] = [];
  for (const s of TREND_SERIES) {
    const raw = (record.observations[s.concept] ?? []).filter((p) => p.value !== undefined || p.state === 'unknown-unit');
    if (raw.length === 0) continue;
    const points = raw.map((p) => toTrendPoint(p, s.input)).sort((a, b) => a.time - b.time);
    const unit = raw.find((p) => p.unit)?.unit ?? CATALOGUE_BY_NAME[s.input].unit;
    const last = points.at(-1);
    const limit = CATALOGUE_BY_NAME[s.input].staleAfterDays;
    const days = last ? Math.floor((now.getTime() - last.time) / 86_400_000) : 0;
    out.push({
      concept: s.concept,
      key: s.key,
      input: s.input,
      unit,
      points,
      ...(last && limit !== null && days > limit ? { stale: { date: last.raw, days, limit } } : {}),
    });
  }
  return out;
}

/**
 * Chart rows: an ok value goes to `value` (the line, gaps bridged), an implausible one to
 * `implausible` (a distinct marker, never joined). Unknown-unit points have no number and appear
 * only in the table.
 */
export function chartRows(series: TrendSeries): ChartRow[] {
  return series.points.flatMap((p, index) => {
    if (p.value === undefined) return [];
    return [{ time: p.time, value: p.state === 'ok' ? p.value : null, implausible: p.state === 'implausible' ? p.value : null, index }];
  });
}
