/**
 * Scores computed from the extracted record. Records rarely carry a computed DAS28, CDAI, SDAI, HBI
 * or Mayo score but often carry their components; this module computes every score that applies to
 * the record's indication(s), per assessment day, from the components (or takes a recorded total), and
 * offers the result as a model input where the record lacks one: visibly (matchedBy 'derived', the
 * component resources as sources, a note saying how), never silently, and never over a recorded value.
 *
 * Per indication: fromRecord.ra.ts (DAS28-CRP/ESR, CDAI, SDAI: component pairing and unit rules),
 * fromRecord.ibd.ts (HBI, CDAI Crohn's, vedolizumab CDST, partial/full Mayo), fromRecord.ms.ts (ARR,
 * EDSS trend, NEDA-3, modified Rio, MAGNIMS). The formulas, bands and citations are in each score's
 * own file; the staleness and look-back of derived inputs are the catalogue's
 * (src/extract/catalogue.ts: 90 days for activity scores, EULAR 2022 / STRIDE-II).
 */
import type { ModelInputName } from '../extract/catalogue.ts';
import type { ExtractedRecord } from '../extract/extract.ts';
import { INDICATIONS, type Indication } from '../extract/indications.ts';
import type { ScoreId } from './types.ts';
import { cdTracks, ucTracks } from './fromRecord.ibd.ts';
import { msTracks } from './fromRecord.ms.ts';
import { raTracks } from './fromRecord.ra.ts';
import { derivedInput, type RecordScores, type ScorePoint, type ScoreTrack } from './fromRecord.utils.ts';

export type { Assessment, RecordScores, ScorePoint } from './fromRecord.utils.ts';
export { LAB_PAIRING_DAYS } from './fromRecord.utils.ts';

/** The scores that apply to each indication, in display order. */
export const SCORES_BY_INDICATION: Readonly<Record<Indication, readonly ScoreId[]>> = {
  CD: ['hbi', 'cdai-cd', 'vedo-cdst'],
  UC: ['mayo-partial', 'mayo-full'],
  RA: ['das28-crp', 'das28-esr', 'cdai-ra', 'sdai'],
  RMS: ['arr', 'edss', 'neda3', 'modified-rio', 'magnims'],
};

/** The model input (src/extract/catalogue.ts) that a computed score can stand in for. */
export const INPUT_OF_SCORE: Readonly<Partial<Record<ScoreId, ModelInputName>>> = {
  'das28-crp': 'das28_crp',
  'das28-esr': 'das28_esr',
  'cdai-ra': 'cdai_ra',
  sdai: 'sdai',
  hbi: 'hbi',
  'cdai-cd': 'cdai_cd',
  'mayo-partial': 'mayo_partial',
  'mayo-full': 'mayo_full',
};

/**
 * The indications a record's scores are computed for: the primary indication and every active
 * finding (a refuted or entered-in-error diagnosis never becomes a finding; a resolved one is skipped).
 * @param record the extracted record
 * @returns indications in the order CD, UC, RA, RMS
 */
export function recordIndications(record: ExtractedRecord): Indication[] {
  const found = new Set<Indication>();
  if (record.primaryIndication) found.add(record.primaryIndication);
  for (const f of Array.isArray(record.indications) ? record.indications : []) if (f.active) found.add(f.indication);
  return INDICATIONS.filter((i) => found.has(i));
}

/**
 * The score ids that apply to a set of indications, without duplicates, in display order.
 * @param indications e.g. from {@link recordIndications}
 */
export function scoresForIndications(indications: readonly Indication[]): ScoreId[] {
  return [...new Set(indications.flatMap((i) => SCORES_BY_INDICATION[i] ?? []))];
}

function tracksFor(indication: Indication, record: ExtractedRecord, now: Date): ScoreTrack[] {
  switch (indication) {
    case 'RA':
      return raTracks(record.observations ?? {});
    case 'CD':
      return cdTracks(record);
    case 'UC':
      return ucTracks(record);
    case 'RMS':
      return msTracks(record, now);
  }
}

/**
 * Computes every score that applies to the record's indication(s) from what the record holds.
 * Pure and total: an empty or malformed record gives incomplete results and problems, never an exception.
 * @param record the output of extractRecord
 * @param now reference time for windows (ARR, NEDA-3, year one on therapy) and staleness
 * @returns latest results, trend series, derived model inputs and per-score notes
 */
export function scoreRecord(record: ExtractedRecord, now: Date): RecordScores {
  const out: RecordScores = { latest: [], series: {}, derivedInputs: {}, notes: {}, problems: [] };
  const at = now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  if (typeof record !== 'object' || record === null) {
    out.problems.push('no extracted record to score');
    return out;
  }
  for (const indication of recordIndications(record)) {
    let tracks: ScoreTrack[];
    try {
      tracks = tracksFor(indication, record, at);
    } catch (error) {
      // Last line of defence: the score functions return gaps as values; this guards a bug here.
      out.problems.push(`${indication} scores could not be computed: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const track of tracks) {
      if (out.latest.some((r) => r.score === track.score)) continue;
      const last = track.assessments.at(-1);
      out.latest.push(last?.result ?? track.fallback);
      const note = last?.note ?? track.fallbackNote;
      if (note) out.notes[track.score] = note;
      const points: ScorePoint[] =
        track.points ??
        track.assessments.flatMap((a) =>
          a.result.status === 'complete' && a.result.value !== null ? [{ date: a.day, value: a.result.value, band: a.result.band, sources: a.sources }] : [],
        );
      if (points.length > 0) out.series[track.score] = points;
      const name = INPUT_OF_SCORE[track.score];
      if (!name) continue;
      const recorded = record.inputs?.[name];
      if (recorded?.state === 'ok') continue;
      const derived = track.assessments.filter((a) => !a.recorded && a.result.status === 'complete').at(-1);
      if (!derived) continue;
      // A recorded (stale or implausible) value newer than the derivation stays the record's word.
      if (recorded && 'date' in recorded && recorded.date !== undefined && recorded.date.slice(0, 10) >= derived.day) continue;
      const value = derivedInput(name, derived, at);
      if (value) out.derivedInputs[name] = value;
    }
  }
  return out;
}
