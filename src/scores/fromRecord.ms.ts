/**
 * Relapsing MS scores from the extracted record: annualised relapse rate over the last 24 months,
 * EDSS trend (confirmed disability progression), NEDA-3 over the last 12 months, and the modified Rio
 * and MAGNIMS scores over the first year of the current therapy.
 *
 * Relapses are read as src/extract/derive.ts reads them: Conditions coded SNOMED CT 192929006
 * "Exacerbation of multiple sclerosis" or ICD-10-GM G35.11 (codes.csv rows dx.multiple_sclerosis and
 * dx.ms_rrms), which the extractor reports as RMS findings with their onset, plus observations with
 * the local code ms-relapse (series obs.ms_relapse). Onsets < 30 days apart count once (arr.ts).
 * A relapse dated only to the month or year cannot be placed in a window; it is passed to the score
 * (which then reports it as invalid with the reason) only when its interval overlaps the window, and
 * left out otherwise, where it cannot change the result.
 * Windows are calendar windows ending today (now's UTC date): 24 months for ARR (the catalogue's
 * relapses_24m look-back), 12 months for NEDA-3 (Havrdova 2009 reported NEDA per year).
 * Modified Rio (Sormani 2013) and MAGNIMS (Sormani 2016) count relapses in the first year on therapy
 * and new T2 lesions on the 1-year MRI: we sum the new/enlarging T2 counts of MRIs dated after the
 * therapy start up to 3 months after the first year (the 1-year MRI is often done late; our choice,
 * stated in the note). Both were validated for interferon beta only; for another therapy the note
 * says so.
 */
import type { ExtractedRecord } from '../extract/extract.ts';
import type { FhirDate } from '../extract/dates.ts';
import type { ObservationPoint } from '../extract/observations.ts';
import { SYSTEMS } from '../extract/terminology/index.ts';
import { annualisedRelapseRate, relapsesInWindow } from './arr.ts';
import { DAY_MS } from './dates.ts';
import { edssTrend, type EdssAssessment, type EdssTrendResult } from './edss.ts';
import { magnims } from './magnims.ts';
import { modifiedRio } from './modifiedRio.ts';
import { neda3 } from './neda3.ts';
import type { DatedEvent, DateWindow, ScoreResult, SourcedValue } from './types.ts';
import { dayMs, dayOf, isoDay, shiftYears, usablePoints, type ScorePoint, type ScoreTrack } from './fromRecord.utils.ts';

/** Relapse diagnoses (as derive.ts RELAPSE_CODES; codes.csv). */
const RELAPSE_CODES = new Set([`${SYSTEMS.snomed}|192929006`, `${SYSTEMS.icd10gm}|G35.11`]);
/** Assessments this many days after a relapse onset are not eligible (edss.ts default, Kappos 2018). */
const RELAPSE_EXCLUSION_DAYS = 30;
/** Tolerance after the end of year one for the 1-year MRI (see file header). */
const YEAR_ONE_MRI_TOLERANCE_DAYS = 90;

/** One relapse onset as read from the record (a Condition or an ms-relapse observation). */
export interface RelapseEvent {
  date: string;
  sourceRef: string;
  start: number;
  end: number;
  full: boolean;
}

function event(date: FhirDate, sourceRef: string): RelapseEvent {
  return { date: date.raw, sourceRef, start: date.start.getTime(), end: date.end.getTime(), full: date.precision === 'day' || date.precision === 'time' };
}

/** Every relapse onset the record carries (see file header), deduplicated by source and date. */
export function relapseEvents(record: ExtractedRecord): RelapseEvent[] {
  const out = new Map<string, RelapseEvent>();
  for (const f of Array.isArray(record.indications) ? record.indications : []) {
    if (f.indication !== 'RMS' || !f.onset || !RELAPSE_CODES.has(`${f.coding.system ?? ''}|${f.coding.code ?? ''}`)) continue;
    out.set(`${f.conditionRef}|${f.onset.raw}`, event(f.onset, f.conditionRef));
  }
  for (const p of record.observations?.['obs.ms_relapse'] ?? []) {
    const ref = p.sources[0] ?? '';
    out.set(`${ref}|${p.date.raw}`, event(p.date, ref));
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Relapses to hand to a score over [fromMs, toMs]: all full dates, partial ones only if they overlap. */
export function relapsesFor(events: readonly RelapseEvent[], fromMs: number, toMs: number): DatedEvent[] {
  return events.filter((e) => e.full || (e.end > fromMs && e.start <= toMs)).map((e) => ({ date: e.date, ...(e.sourceRef ? { sourceRef: e.sourceRef } : {}) }));
}

function edssAssessments(series: Record<string, ObservationPoint[] | undefined>): Array<EdssAssessment & { ms: number }> {
  return (series['score.edss'] ?? [])
    .filter((p) => p.state === 'ok' && typeof p.value === 'number')
    .map((p) => ({ date: p.date.raw, value: p.value ?? Number.NaN, ms: p.date.start.getTime(), ...(p.sources[0] ? { sourceRef: p.sources[0] } : {}) }))
    .sort((a, b) => a.ms - b.ms);
}

const afterRelapse = (ms: number, events: readonly RelapseEvent[]) =>
  events.some((r) => r.full && ms >= r.start && ms - r.start <= RELAPSE_EXCLUSION_DAYS * DAY_MS);

function windowPoints(series: Record<string, ObservationPoint[] | undefined>, concept: string, fromDay: string, toDay: string, includeFrom: boolean) {
  return usablePoints(series, concept).filter(({ day }) => (includeFrom ? day >= fromDay : day > fromDay) && day <= toDay);
}

/**
 * The EDSS trend of the whole record (confirmed disability progression, edss.ts), assessments within
 * 30 days after a relapse onset excluded.
 * @param events relapse onsets of the record ({@link relapseEvents})
 */
export function edssProgression(record: ExtractedRecord, events: readonly RelapseEvent[]): EdssTrendResult {
  const assessments = edssAssessments(record.observations ?? {});
  const first = assessments[0];
  const last = assessments.at(-1);
  const relapses = first && last ? relapsesFor(events, first.ms - RELAPSE_EXCLUSION_DAYS * DAY_MS, last.ms) : [];
  return edssTrend(
    assessments.map(({ ms: _ms, ...a }) => a),
    { relapses },
  );
}

function edssTrack(record: ExtractedRecord, events: readonly RelapseEvent[]): ScoreTrack {
  const assessments = edssAssessments(record.observations ?? {});
  const first = assessments[0];
  const last = assessments.at(-1);
  const result = edssProgression(record, events);
  const excluded = assessments.filter((a) => afterRelapse(a.ms, events)).length;
  const p = result.progression;
  const note = [
    first && last ? `EDSS trend over ${assessments.length} assessment(s), ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}` : 'no EDSS recorded',
    excluded > 0 ? `${excluded} assessment(s) within ${RELAPSE_EXCLUSION_DAYS} days after a relapse onset not used` : '',
    p
      ? `reference EDSS ${p.reference.value} (${p.reference.date.slice(0, 10)}), increase to ${p.onset.value} on ${p.onset.date.slice(0, 10)}${p.confirmation ? `, confirmed ${p.confirmation.date.slice(0, 10)}` : ', not yet confirmed'}`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
  const points: ScorePoint[] = (record.observations?.['score.edss'] ?? []).flatMap((pt) => {
    const day = dayOf(pt);
    return day !== null && pt.state === 'ok' && typeof pt.value === 'number' ? [{ date: day, value: pt.value, band: null, sources: [...pt.sources] }] : [];
  });
  return { score: 'edss', assessments: [], fallback: result, fallbackNote: note, points };
}

function neda3Track(record: ExtractedRecord, events: readonly RelapseEvent[], today: string): ScoreTrack {
  const { result, note } = neda3ForWindow(record, events, { start: shiftYears(today, -1), end: today });
  return { score: 'neda3', assessments: [], fallback: result, fallbackNote: note };
}

/**
 * NEDA-3 over one window (YYYY-MM-DD days, both included), with the note saying how each domain was read:
 * relapses with onset in the window, confirmed EDSS progression from the last eligible EDSS on or before
 * the window start, new/enlarging T2 lesions summed and Gd+ lesions as the maximum over the window's MRIs.
 * @param events relapse onsets of the record ({@link relapseEvents})
 */
export function neda3ForWindow(record: ExtractedRecord, events: readonly RelapseEvent[], window: DateWindow): { result: ScoreResult; note: string } {
  const today = window.end;
  const fromMs = dayMs(window.start);
  const toMs = dayMs(today) + DAY_MS - 1;
  const series = record.observations ?? {};
  const relapses = relapsesInWindow(relapsesFor(events, fromMs, toMs), window);
  // Progression within the window: reference = last eligible EDSS on or before the window start.
  const all = edssAssessments(series);
  const before = all.filter((a) => a.ms <= fromMs && !afterRelapse(a.ms, events)).at(-1);
  const inWindow = all.filter((a) => a.ms > fromMs && a.ms <= toMs);
  const trend = edssTrend(
    [...(before ? [before] : []), ...inWindow].map(({ ms: _ms, ...a }) => a),
    { relapses: relapsesFor(events, fromMs - 2 * RELAPSE_EXCLUSION_DAYS * DAY_MS, toMs) },
  );
  const cdpValue = confirmedProgressionOf(trend);
  const cdp: SourcedValue<boolean> = { value: cdpValue, date: today };
  const t2 = windowPoints(series, 'obs.mri_new_t2', window.start, today, true);
  const gd = windowPoints(series, 'obs.mri_gd', window.start, today, true);
  const mriRef = (list: typeof t2) => (list.at(-1)?.point.sources[0] ? { sourceRef: list.at(-1)?.point.sources[0] ?? '' } : {});
  const result = neda3({
    window,
    relapses,
    confirmedProgression: cdp,
    newOrEnlargingT2Lesions: t2.length > 0 ? { value: t2.reduce((s, x) => s + x.value, 0), date: today, ...mriRef(t2) } : null,
    gdEnhancingLesions: gd.length > 0 ? { value: Math.max(...gd.map((x) => x.value)), date: today, ...mriRef(gd) } : null,
  });
  const cdpText = confirmedProgressionText(cdpValue, trend.progression !== null);
  const note = `NEDA-3 over ${window.start} to ${window.end}: relapses ${relapses.value ?? 'unknown'}; ${cdpText}; new/enlarging T2 ${t2.length > 0 ? `summed over ${t2.length} MRI report(s)` : 'no MRI in the window'}; Gd+ ${gd.length > 0 ? `max over ${gd.length} MRI report(s)` : 'no MRI in the window'}`;
  return { result, note };
}

function yearOneTracks(record: ExtractedRecord, events: readonly RelapseEvent[], now: Date): ScoreTrack[] {
  const episodes = Array.isArray(record.episodes) ? record.episodes : [];
  const current = episodes.filter((e) => e.advanced && e.ongoing).sort((a, b) => (b.start?.start.getTime() ?? 0) - (a.start?.start.getTime() ?? 0))[0];
  const empty = { relapses: null, newT2Lesions: null };
  const incomplete = (reason: string): ScoreTrack[] => [
    { score: 'modified-rio', assessments: [], fallback: { ...modifiedRio(empty), reason }, fallbackNote: reason },
    { score: 'magnims', assessments: [], fallback: { ...magnims(empty), reason }, fallbackNote: reason },
  ];
  if (!current) return incomplete('no ongoing advanced therapy recorded: the first year on therapy cannot be placed');
  if (!current.start || (current.start.precision !== 'day' && current.start.precision !== 'time')) {
    return incomplete(
      `start of ${current.inn} ${current.start ? `recorded only as ${current.start.raw}` : 'not recorded'}: the first year on therapy cannot be placed`,
    );
  }
  const start = current.start.raw.slice(0, 10);
  const end = shiftYears(start, 1);
  if (dayMs(end) > now.getTime()) return incomplete(`the first year on ${current.inn} (since ${start}) ends ${end}`);
  const window: DateWindow = { start, end };
  const relapses = relapsesInWindow(relapsesFor(events, dayMs(start), dayMs(end) + DAY_MS - 1), window);
  const mriUntil = isoDay(dayMs(end) + YEAR_ONE_MRI_TOLERANCE_DAYS * DAY_MS);
  const t2 = windowPoints(record.observations ?? {}, 'obs.mri_new_t2', start, mriUntil, false);
  const lastRef = t2.at(-1)?.point.sources[0];
  const input = {
    relapses,
    newT2Lesions:
      t2.length > 0 ? { value: t2.reduce((s, x) => s + x.value, 0), date: t2.at(-1)?.day ?? end, ...(lastRef ? { sourceRef: lastRef } : {}) } : null,
  };
  const caveat = /interferon/i.test(current.inn)
    ? ''
    : `; validated for interferon beta only (Sormani 2013, 2016): for ${current.inn} a response signal, not a validated score`;
  const note = `year one on ${current.inn} (${start} to ${end}): relapses ${relapses.value ?? 'unknown'}; new T2 lesions ${t2.length > 0 ? `summed over ${t2.length} MRI report(s) up to ${mriUntil}` : `no MRI after ${start} up to ${mriUntil}`}${caveat}`;
  const withReason = (r: ScoreResult): ScoreResult =>
    r.status === 'incomplete' && t2.length === 0 ? { ...r, reason: `no MRI with a new T2 lesion count after ${start} up to ${mriUntil}` } : r;
  return [
    { score: 'modified-rio', assessments: [], fallback: withReason(modifiedRio(input)), fallbackNote: note },
    { score: 'magnims', assessments: [], fallback: withReason(magnims(input)), fallbackNote: note },
  ];
}

/**
 * The MS tracks (ARR, EDSS trend, NEDA-3, modified Rio, MAGNIMS) of a record.
 * @param now reference time; windows end on its UTC date
 */
export function msTracks(record: ExtractedRecord, now: Date): ScoreTrack[] {
  const events = relapseEvents(record);
  const today = isoDay(now.getTime());
  const arrWindow: DateWindow = { start: shiftYears(today, -2), end: today };
  const arr = annualisedRelapseRate(relapsesFor(events, dayMs(arrWindow.start), dayMs(today) + DAY_MS - 1), arrWindow);
  const counted = arr.computedFrom.filter((c) => c.item === 'relapse').length;
  return [
    {
      score: 'arr',
      assessments: [],
      fallback: arr,
      fallbackNote: `${counted} relapse(s) with onset ${arrWindow.start} to ${arrWindow.end} (onsets < 30 days apart counted once)`,
    },
    edssTrack(record, events),
    neda3Track(record, events, today),
    ...yearOneTracks(record, events, now),
  ];
}

/** Confirmed disability progression as NEDA-3 takes it: true confirmed, false none, null not assessable or not yet confirmed. */
function confirmedProgressionOf(trend: EdssTrendResult): boolean | null {
  if (trend.status !== 'complete') return null;
  if (trend.progression === null) return false;
  return trend.progression.confirmation !== null ? true : null;
}

/** The NEDA-3 note's words for {@link confirmedProgressionOf}; `increase` says whether an unconfirmed increase was seen. */
function confirmedProgressionText(value: boolean | null, increase: boolean): string {
  if (value === true) return 'confirmed EDSS progression';
  if (value === false) return 'no confirmed EDSS progression';
  return increase ? 'EDSS increase not yet confirmed' : 'EDSS progression not assessable (fewer than 2 eligible assessments)';
}
