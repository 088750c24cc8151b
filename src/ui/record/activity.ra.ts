/**
 * Rheumatoid arthritis activity for the record view: DAS28-CRP, DAS28-ESR, CDAI and SDAI as recorded
 * AND as calculated at every joint-assessment day whose components the record holds (src/scores/
 * fromRecord.ra.ts: joint counts and globals of the same day, CRP/ESR within ±14 days), plus the
 * tender and swollen joint counts (TJC28, SJC28) as their own series. Pure.
 *
 * Bands drawn as reference areas (the same cut-offs as src/scores/das28.ts and cdaiRa.ts):
 *  - DAS28 (CRP and ESR): remission < 2.6 (Fransen J et al., Rheumatology 2004;43:1252-1255; formula
 *    Prevoo MLL et al., Arthritis Rheum 1995;38:44-48), low <= 3.2, moderate <= 5.1, high > 5.1
 *    (van Gestel AM et al., Arthritis Rheum 1998;41:1845-1850). DAS28 runs 0 to about 9.4; 10 tops the area.
 *  - CDAI: remission <= 2.8, low <= 10, moderate <= 22, high > 22, range 0-76;
 *  - SDAI: remission <= 3.3, low <= 11, moderate <= 26, high > 26, range 0-86
 *    (both Aletaha D, Smolen JS, Clin Exp Rheumatol 2005;23(5 Suppl 39):S100-S108).
 */
import { CATALOGUE_BY_NAME, type ExtractedRecord, type InputName } from '../../extract/index.ts';
import { raTracks } from '../../scores/fromRecord.ra.ts';
import type { ScoreId } from '../../scores/index.ts';
import { observationSeries, scoreSeriesPoints, staleOf, type ActivitySeries, type ActivitySeriesKey, type BandSet } from './activity.utils.ts';

const DAS28_BANDS: BandSet = {
  areas: [
    { band: 'remission', from: 0, to: 2.6, range: '< 2.6' },
    { band: 'low', from: 2.6, to: 3.2, range: '2.6–3.2' },
    { band: 'moderate', from: 3.2, to: 5.1, range: '3.2–5.1' },
    { band: 'high', from: 5.1, to: 10, range: '> 5.1' },
  ],
  source: 'Prevoo 1995; Fransen 2004; van Gestel 1998',
};

const CDAI_BANDS: BandSet = {
  areas: [
    { band: 'remission', from: 0, to: 2.8, range: '≤ 2.8' },
    { band: 'low', from: 2.8, to: 10, range: '2.8–10' },
    { band: 'moderate', from: 10, to: 22, range: '10–22' },
    { band: 'high', from: 22, to: 76, range: '> 22' },
  ],
  source: 'Aletaha 2005 (Arthritis Res Ther 7:R796); Aletaha & Smolen, Clin Exp Rheumatol 2005',
};

const SDAI_BANDS: BandSet = {
  areas: [
    { band: 'remission', from: 0, to: 3.3, range: '≤ 3.3' },
    { band: 'low', from: 3.3, to: 11, range: '3.3–11' },
    { band: 'moderate', from: 11, to: 26, range: '11–26' },
    { band: 'high', from: 26, to: 86, range: '> 26' },
  ],
  source: 'Smolen 2003 (Rheumatology 42:244); Aletaha & Smolen, Clin Exp Rheumatol 2005',
};

/** The RA scores in display order, with their series key, catalogue input and bands. */
export const RA_SCORES: ReadonlyArray<{ score: ScoreId; key: ActivitySeriesKey; input: InputName; bands: BandSet }> = [
  { score: 'das28-crp', key: 'das28Crp', input: 'das28_crp', bands: DAS28_BANDS },
  { score: 'das28-esr', key: 'das28Esr', input: 'das28_esr', bands: DAS28_BANDS },
  { score: 'cdai-ra', key: 'cdaiRa', input: 'cdai_ra', bands: CDAI_BANDS },
  { score: 'sdai', key: 'sdai', input: 'sdai', bands: SDAI_BANDS },
];

export interface RaActivity {
  /** DAS28-CRP, DAS28-ESR, CDAI, SDAI: only those with at least one point (recorded, calculated or missing). */
  scores: ActivitySeries[];
  /** TJC28 and SJC28 as recorded (absent when the record has none). */
  joints: ActivitySeries[];
}

/**
 * The RA activity series of a record.
 * @param record the extracted record
 * @param now reference time for staleness (the record's extraction time)
 */
export function raActivity(record: ExtractedRecord, now: Date): RaActivity {
  const tracks = raTracks(record.observations ?? {});
  const scores: ActivitySeries[] = [];
  for (const s of RA_SCORES) {
    const track = tracks.find((t) => t.score === s.score);
    const points = scoreSeriesPoints(track?.assessments ?? [], CATALOGUE_BY_NAME[s.input].range);
    if (points.length === 0) continue;
    const stale = staleOf(points, s.input, now);
    scores.push({ key: s.key, unit: null, points, bands: s.bands, ...(stale ? { stale } : {}) });
  }
  // Joint counts are stale when the DAS28 built on them would be (catalogue das28_crp: 90 days).
  const joints = [
    observationSeries('tjc28', record.observations?.['score.tjc28'], 'das28_crp', now),
    observationSeries('sjc28', record.observations?.['score.sjc28'], 'das28_crp', now),
  ].filter((s): s is ActivitySeries => s !== undefined);
  return { scores, joints };
}
