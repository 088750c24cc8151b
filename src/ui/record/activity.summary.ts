/**
 * A compact trend summary of the current therapy for the question panel: per indication the two to four
 * series a specialist reads first, limited to the current therapy (from 90 days before its start, so the
 * baseline before the drug is part of it; our choice), each with its values for a sparkline, the latest
 * value, the first value of the period and the direction between them. Pure; built on the same series
 * as the record view's disease-activity panel, so the two never disagree.
 */
import type { ExtractedRecord, Indication } from '../../extract/index.ts';
import { ibdActivity } from './activity.ibd.ts';
import { msActivity } from './activity.ms.ts';
import { raActivity } from './activity.ra.ts';
import type { ActivityPoint, ActivitySeries, ActivitySeriesKey } from './activity.utils.ts';

const DAY_MS = 86_400_000;
/** Days before the current therapy's start that the summary still shows (the pre-treatment baseline). */
export const BASELINE_DAYS = 90;
/** Without a current advanced therapy, the summary covers this many years back from now. */
export const NO_THERAPY_YEARS = 2;

export interface SummaryPoint {
  time: number;
  date: string;
  value: number;
  kind: ActivityPoint['kind'];
  band?: string | null;
}

export interface SummaryItem {
  key: ActivitySeriesKey;
  unit: string | null;
  /** One value per day in the period, oldest first (a recorded total wins over a calculation). */
  points: SummaryPoint[];
  latest?: SummaryPoint;
  /** The first value of the period: the comparison point of `direction`. */
  first?: SummaryPoint;
  /** From `first` to `latest`; single: one value; none: no value in the period. */
  direction: 'up' | 'down' | 'same' | 'single' | 'none';
  /** The latest value is older than the series' catalogue staleness limit. */
  stale: boolean;
}

export interface ActivitySummary {
  indication: Indication;
  /** Start of the period, YYYY-MM-DD. */
  from: string;
  /** The current advanced therapy the period is anchored on, if any. */
  therapy?: { inn: string; start: string };
  items: SummaryItem[];
  /** MS only: relapse counts and onsets in the period. */
  relapses?: { r12: number | null; r24: number | null; arr2: number | null; onsets: number[] };
}

function summaryItem(series: ActivitySeries | undefined, key: ActivitySeriesKey, fromMs: number): SummaryItem {
  const byDay = new Map<string, SummaryPoint>();
  for (const p of series?.points ?? []) {
    if (p.state !== 'ok' || p.value === undefined || p.time < fromMs) continue;
    const day = p.date.slice(0, 10);
    const current = byDay.get(day);
    if (current && current.kind === 'recorded') continue;
    byDay.set(day, { time: p.time, date: p.date, value: p.value, kind: p.kind, ...(p.band !== undefined ? { band: p.band } : {}) });
  }
  const points = [...byDay.values()].sort((a, b) => a.time - b.time);
  const latest = points.at(-1);
  const first = points[0];
  let direction: SummaryItem['direction'] = 'none';
  if (latest && first) {
    if (points.length === 1) direction = 'single';
    else if (latest.value > first.value) direction = 'up';
    else direction = latest.value < first.value ? 'down' : 'same';
  }
  return {
    key,
    unit: series?.unit ?? null,
    points,
    ...(latest ? { latest } : {}),
    ...(first ? { first } : {}),
    direction,
    stale: series?.stale !== undefined && latest !== undefined,
  };
}

/** The first series of the list that has a usable value, else the first key (shown as "no value"). */
function firstWithValues(list: readonly ActivitySeries[], keys: readonly ActivitySeriesKey[]): { key: ActivitySeriesKey; series?: ActivitySeries } {
  for (const key of keys) {
    const s = list.find((x) => x.key === key && x.points.some((p) => p.state === 'ok'));
    if (s) return { key, series: s };
  }
  return { key: keys[0] ?? 'crp' };
}

/**
 * The trend summary of the record's primary indication for the current therapy.
 * @param record the extracted record
 * @param now reference time (the record's extraction time)
 * @returns null when the record has no supported indication
 */
export function activitySummary(record: ExtractedRecord, now: Date): ActivitySummary | null {
  const indication = record.primaryIndication;
  if (!indication) return null;
  const current = (record.episodes ?? [])
    .filter((e) => e.advanced && e.ongoing && e.start)
    .sort((a, b) => (b.start?.start.getTime() ?? 0) - (a.start?.start.getTime() ?? 0))[0];
  const fromMs = current?.start ? current.start.start.getTime() - BASELINE_DAYS * DAY_MS : now.getTime() - NO_THERAPY_YEARS * 365.25 * DAY_MS;
  const from = new Date(fromMs).toISOString().slice(0, 10);
  const base = { indication, from, ...(current?.start ? { therapy: { inn: current.inn, start: current.start.raw } } : {}) };
  const item = (s: { key: ActivitySeriesKey; series?: ActivitySeries }) => summaryItem(s.series, s.key, fromMs);
  switch (indication) {
    case 'RA': {
      const ra = raActivity(record, now);
      return {
        ...base,
        items: [
          item(firstWithValues(ra.scores, ['das28Crp', 'das28Esr'])),
          item(firstWithValues(ra.scores, ['cdaiRa', 'sdai'])),
          item(firstWithValues(ra.joints, ['tjc28'])),
          item(firstWithValues(ra.joints, ['sjc28'])),
        ],
      };
    }
    case 'CD':
    case 'UC': {
      const ibd = ibdActivity(record, indication, now);
      const scoreKeys: ActivitySeriesKey[] = indication === 'CD' ? ['hbi', 'cdaiCd'] : ['mayoPartial', 'mayoFull'];
      return {
        ...base,
        items: [item(firstWithValues(ibd.scores, scoreKeys)), item(firstWithValues(ibd.markers, ['fcal'])), item(firstWithValues(ibd.markers, ['crp']))],
      };
    }
    case 'RMS': {
      const ms = msActivity(record, now);
      const r1 = ms.rates.find((r) => r.years === 1);
      const r2 = ms.rates.find((r) => r.years === 2);
      return {
        ...base,
        items: [item(ms.edss ? { key: 'edss', series: ms.edss } : { key: 'edss' }), item(ms.jcv ? { key: 'jcv', series: ms.jcv } : { key: 'jcv' })],
        relapses: {
          r12: r1?.count ?? null,
          r24: r2?.count ?? null,
          arr2: r2?.value ?? null,
          onsets: ms.relapses.filter((r) => r.time >= fromMs && !r.sameRelapse).map((r) => r.time),
        },
      };
    }
  }
}
