/**
 * Relapsing MS activity for the record view: relapses as events (with the annualised relapse rate over
 * the last 1 and 2 years), the EDSS series with confirmed disability progression, new/enlarging T2 and
 * Gd+ lesion counts per MRI, the JCV antibody index series and NEDA-3 per year. Pure; the rules are the
 * score layer's (src/scores/fromRecord.ms.ts, arr.ts, edss.ts, neda3.ts).
 *
 * JCV index bands (natalizumab PML risk stratification in anti-JCV-antibody-positive patients): index
 * <= 0.9 lower risk, 0.9-1.5 intermediate, > 1.5 higher risk (Ho PR et al., Lancet Neurol
 * 2017;16:925-933; EU SmPC Tysabri, section 4.4, as the catalogue's jcv_index cites it). The bands apply
 * to anti-JCV-positive patients; a negative serostatus (index < 0.20 in the catalogue's rule) is shown
 * as such in the table.
 */
import { CATALOGUE_BY_NAME, type ExtractedRecord } from '../../extract/index.ts';
import { annualisedRelapseRate, type DateWindow, type ScoreResult } from '../../scores/index.ts';
import { edssProgression, neda3ForWindow, relapseEvents, relapsesFor } from '../../scores/fromRecord.ms.ts';
import { RELAPSE_SEPARATION_DAYS } from '../../scores/arr.ts';
import { isoDay, shiftYears } from '../../scores/fromRecord.utils.ts';
import { dayTime, observationPoints, observationSeries, staleOf, type ActivitySeries, type BandSet } from './activity.utils.ts';

const DAY_MS = 86_400_000;
/** How many yearly NEDA-3 windows are evaluated back from today at most. */
export const NEDA_YEARS = 5;

const JCV_BANDS: BandSet = {
  areas: [
    { band: 'jcv-low', from: 0, to: 0.9 },
    { band: 'jcv-intermediate', from: 0.9, to: 1.5 },
    { band: 'jcv-high', from: 1.5, to: 10 },
  ],
  source: 'Ho 2017 (Lancet Neurol 16:925); EU SmPC Tysabri 4.4',
};

export interface RelapseMark {
  date: string;
  time: number;
  /** false: the onset is known only to the month or year. */
  fullDate: boolean;
  source: string;
  /** true: within 30 days of the previous counted onset, counted as the same relapse (arr.ts). */
  sameRelapse: boolean;
}

export interface RelapseRate {
  years: 1 | 2;
  window: DateWindow;
  /** Relapses counted in the window; null when the rate is not computable. */
  count: number | null;
  value: number | null;
  /** Item ids or the reason (English detail) when not computable. */
  reason?: string;
}

export interface LesionRow {
  date: string;
  time: number;
  newT2?: number;
  gd?: number;
  sources: string[];
}

export interface NedaYear {
  window: DateWindow;
  status: 'met' | 'not-met' | 'not-assessable';
  /** Domains with activity (not-met): relapse, progression, t2, gd. */
  activity: Array<'relapse' | 'progression' | 't2' | 'gd'>;
  /** Item ids of domains unknown in the window (src/scores/neda3.ts item names). */
  missing: string[];
  sources: string[];
}

export interface MsActivityData {
  relapses: RelapseMark[];
  rates: RelapseRate[];
  edss?: ActivitySeries;
  /** Confirmed disability progression of the whole EDSS series (edss.ts), null when not assessable. */
  progression: { status: 'confirmed' | 'pending' | 'none'; reference: string; onset?: string; confirmation?: string } | null;
  lesions: LesionRow[];
  jcv?: ActivitySeries;
  /** Qualitative anti-JCV antibody results (positive/negative) with their dates. */
  serostatus: Array<{ date: string; result: string; sources: string[] }>;
  neda: NedaYear[];
}

function lesionRows(record: ExtractedRecord): LesionRow[] {
  const rows = new Map<string, LesionRow>();
  for (const [concept, field] of [
    ['obs.mri_new_t2', 'newT2'],
    ['obs.mri_gd', 'gd'],
  ] as const) {
    for (const p of record.observations?.[concept] ?? []) {
      if (p.state !== 'ok' || p.value === undefined) continue;
      const date = p.date.raw.slice(0, 10);
      const row = rows.get(date) ?? { date, time: p.date.start.getTime(), sources: [] };
      row[field] = p.value;
      row.sources = [...new Set([...row.sources, ...p.sources])];
      rows.set(date, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}

function nedaYear(result: ScoreResult, window: DateWindow): NedaYear {
  const item = (name: string) => result.computedFrom.find((c) => c.item === name)?.value;
  const activity: NedaYear['activity'] = [];
  if (typeof item('relapses') === 'number' && (item('relapses') as number) > 0) activity.push('relapse');
  if (item('confirmed-disability-progression') === true) activity.push('progression');
  if (typeof item('mri-new-t2-lesions') === 'number' && (item('mri-new-t2-lesions') as number) > 0) activity.push('t2');
  if (typeof item('mri-gd-lesions') === 'number' && (item('mri-gd-lesions') as number) > 0) activity.push('gd');
  let status: NedaYear['status'] = 'not-assessable';
  if (result.status === 'complete') status = result.value === 1 ? 'met' : 'not-met';
  const sources = [...new Set(result.computedFrom.flatMap((c) => (c.sourceRef ? [c.sourceRef] : [])))];
  return { window, status, activity, missing: [...result.missing], sources };
}

/**
 * The MS activity of a record.
 * @param record the extracted record
 * @param now reference time: windows end on its UTC date
 */
export function msActivity(record: ExtractedRecord, now: Date): MsActivityData {
  const events = relapseEvents(record);
  const today = isoDay(now.getTime());
  let lastCounted: number | null = null;
  const relapses: RelapseMark[] = events.map((e) => {
    const sameRelapse = e.full && lastCounted !== null && e.start - lastCounted < RELAPSE_SEPARATION_DAYS * DAY_MS;
    if (e.full && !sameRelapse) lastCounted = e.start;
    return { date: e.date, time: e.start, fullDate: e.full, source: e.sourceRef, sameRelapse };
  });
  const rates = ([1, 2] as const).map((years): RelapseRate => {
    const window = { start: shiftYears(today, -years), end: today };
    const r = annualisedRelapseRate(relapsesFor(events, dayTime(window.start), dayTime(today) + DAY_MS - 1), window);
    const count = r.status === 'complete' ? r.computedFrom.filter((c) => c.item === 'relapse').length : null;
    return { years, window, count, value: r.status === 'complete' ? r.value : null, ...(r.reason ? { reason: r.reason } : {}) };
  });

  const edssPoints = observationPoints(record.observations?.['score.edss']);
  const trend = edssProgression(record, events);
  const p = trend.progression;
  let progression: MsActivityData['progression'] = null;
  if (trend.status === 'complete') {
    progression = p
      ? {
          status: p.confirmation ? 'confirmed' : 'pending',
          reference: p.reference.date,
          onset: p.onset.date,
          ...(p.confirmation ? { confirmation: p.confirmation.date } : {}),
        }
      : { status: 'none', reference: edssPoints.find((x) => x.state === 'ok')?.date ?? '' };
  }
  const edssStale = staleOf(edssPoints, 'edss', now);
  const edss: ActivitySeries | undefined =
    edssPoints.length > 0 ? { key: 'edss', unit: null, points: edssPoints, ...(edssStale ? { stale: edssStale } : {}) } : undefined;

  const jcv = observationSeries('jcv', record.observations?.['lab.jcv_index'], 'jcv_index', now, JCV_BANDS);
  const serostatus = (record.observations?.['lab.jcv_antibody'] ?? [])
    .filter((x) => x.category !== undefined)
    .map((x) => ({ date: x.date.raw, result: x.category ?? '', sources: [...x.sources] }));

  // NEDA-3 per year back from today, for years after the first MS data the record holds.
  const firstData = Math.min(
    ...events.map((e) => e.start),
    ...edssPoints.map((x) => x.time),
    ...lesionRows(record).map((x) => x.time),
    ...record.indications.filter((f) => f.indication === 'RMS' && f.onset).map((f) => f.onset?.start.getTime() ?? Number.POSITIVE_INFINITY),
  );
  // Year k runs from today minus k+1 years to the day before today minus k years (year 0 ends today, as
  // the score layer's NEDA-3 of the last 12 months), so the windows neither overlap nor drift.
  const neda: NedaYear[] = [];
  for (let k = 0; k < NEDA_YEARS; k++) {
    const start = shiftYears(today, -(k + 1));
    const end = k === 0 ? today : isoDay(dayTime(shiftYears(today, -k)) - DAY_MS);
    if (dayTime(end) < firstData) break;
    neda.push(nedaYear(neda3ForWindow(record, events, { start, end }).result, { start, end }));
  }
  const range = CATALOGUE_BY_NAME.edss.range;
  if (edss && range) {
    edss.points = edss.points.map((x) =>
      x.state === 'ok' && x.value !== undefined && (x.value < range[0] || x.value > range[1])
        ? { ...x, state: 'implausible', outside: [range[0], range[1]] }
        : x,
    );
  }
  return { relapses, rates, ...(edss ? { edss } : {}), progression, lesions: lesionRows(record), ...(jcv ? { jcv } : {}), serostatus, neda };
}
