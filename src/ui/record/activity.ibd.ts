/**
 * Crohn's disease and ulcerative colitis activity for the record view: the clinical score (CD: HBI and
 * CDAI; UC: partial and full Mayo), recorded or calculated from its items (src/scores/fromRecord.ibd.ts),
 * with faecal calprotectin and CRP on one time axis, and the therapy periods of the extracted record
 * (drug exposures) to shade behind them, so that a response to a drug start can be seen. Pure.
 *
 * Bands drawn as reference areas (the cut-offs of src/scores; integer scores, so areas end half-way):
 *  - HBI: remission < 5, mild 5-7, moderate 8-16, severe > 16 (Best WR, Inflamm Bowel Dis 2006;12:304; hbi.ts);
 *  - CDAI (CD): remission < 150, mild 150-219, moderate 220-450, severe > 450 (Best 1976; cdaiCrohn.ts);
 *  - partial Mayo: remission < 2, mild 2-4, moderate 5-7, severe > 7 (Lewis 2008 as tabulated by IG-IBD; mayo.ts);
 *  - full Mayo: remission <= 2 (and no subscore > 1), mild 3-5, moderate 6-10, severe 11-12 (Rutgeerts 2005;
 *    mayo.ts): the remission area assumes the subscore rule, which a total alone cannot show;
 *  - calprotectin: above 250 ug/g is active inflammation (STRIDE-II, Turner D et al., Gastroenterology
 *    2021;160:1570-1583: normalisation to 100-250 ug/g as target; src/rules/currentTherapy.ts FCAL_ACTIVE_UG_G).
 * CRP has no band: its upper reference limit is the laboratory's.
 */
import { CATALOGUE_BY_NAME, type ExtractedRecord, type Indication, type InputName, type TherapyEpisode } from '../../extract/index.ts';
import { cdTracks, ucTracks } from '../../scores/fromRecord.ibd.ts';
import type { ScoreId } from '../../scores/index.ts';
import { FCAL_ACTIVE_UG_G } from '../../rules/currentTherapy.ts';
import { observationSeries, scoreSeriesPoints, staleOf, type ActivitySeries, type ActivitySeriesKey, type BandSet } from './activity.utils.ts';

const SCORES: Readonly<Record<'CD' | 'UC', ReadonlyArray<{ score: ScoreId; key: ActivitySeriesKey; input: InputName; bands: BandSet }>>> = {
  CD: [
    {
      score: 'hbi',
      key: 'hbi',
      input: 'hbi',
      bands: {
        areas: [
          { band: 'remission', from: 0, to: 4.5, range: '< 5' },
          { band: 'mild', from: 4.5, to: 7.5, range: '5–7' },
          { band: 'moderate', from: 7.5, to: 16.5, range: '8–16' },
          { band: 'severe', from: 16.5, to: 60, range: '> 16' },
        ],
        source: 'Harvey & Bradshaw 1980; Best 2006',
      },
    },
    {
      score: 'cdai-cd',
      key: 'cdaiCd',
      input: 'cdai_cd',
      bands: {
        areas: [
          { band: 'remission', from: 0, to: 150, range: '< 150' },
          { band: 'mild', from: 150, to: 220, range: '150–219' },
          { band: 'moderate', from: 220, to: 450, range: '220–450' },
          { band: 'severe', from: 450, to: 1100, range: '> 450' },
        ],
        source: 'Best 1976',
      },
    },
  ],
  UC: [
    {
      score: 'mayo-partial',
      key: 'mayoPartial',
      input: 'mayo_partial',
      bands: {
        areas: [
          { band: 'remission', from: 0, to: 1.5, range: '< 2' },
          { band: 'mild', from: 1.5, to: 4.5, range: '2–4' },
          { band: 'moderate', from: 4.5, to: 7.5, range: '5–7' },
          { band: 'severe', from: 7.5, to: 9, range: '> 7' },
        ],
        source: 'Lewis 2008',
      },
    },
    {
      score: 'mayo-full',
      key: 'mayoFull',
      input: 'mayo_full',
      bands: {
        areas: [
          { band: 'remission', from: 0, to: 2.5, range: '≤ 2' },
          { band: 'mild', from: 2.5, to: 5.5, range: '3–5' },
          { band: 'moderate', from: 5.5, to: 10.5, range: '6–10' },
          { band: 'severe', from: 10.5, to: 12, range: '11–12' },
        ],
        source: 'Schroeder 1987; Rutgeerts 2005',
      },
    },
  ],
};

const FCAL_BANDS: BandSet = {
  areas: [{ band: 'fcal-active', from: FCAL_ACTIVE_UG_G, to: 1_000_000 }],
  source: 'STRIDE-II, Turner 2021',
};

/** A therapy period to shade: one drug exposure of the extracted record. */
export interface TherapyPeriod {
  inn: string;
  drugClass: string;
  advanced: boolean;
  from: number;
  /** End of the exposure, or `now` when ongoing. */
  to: number;
  ongoing: boolean;
  sources: string[];
}

export interface IbdActivity {
  indication: 'CD' | 'UC';
  /** The clinical scores with at least one point. */
  scores: ActivitySeries[];
  /** The scores that apply but have no value in the record (shown as missing). */
  missingScores: ActivitySeriesKey[];
  markers: ActivitySeries[];
  /** Advanced therapies and corticosteroid courses with a start date (others are in the timeline). */
  periods: TherapyPeriod[];
}

/** The exposures shaded: advanced therapies and corticosteroid courses, which decide the reading of a response. */
export function therapyPeriods(episodes: readonly TherapyEpisode[], now: Date): TherapyPeriod[] {
  return episodes
    .filter((e) => (e.advanced || e.drugClass === 'corticosteroid') && e.start !== undefined)
    .map((e) => ({
      inn: e.inn,
      drugClass: e.drugClass,
      advanced: e.advanced,
      from: e.start?.start.getTime() ?? 0,
      to: e.ongoing ? now.getTime() : (e.end?.end.getTime() ?? e.start?.end.getTime() ?? 0),
      ongoing: e.ongoing,
      sources: [...e.sources],
    }))
    .sort((a, b) => a.from - b.from);
}

/**
 * The IBD activity of a record for CD or UC.
 * @param record the extracted record
 * @param indication CD or UC (the scores differ)
 * @param now reference time for staleness and the end of ongoing therapies
 */
export function ibdActivity(record: ExtractedRecord, indication: Extract<Indication, 'CD' | 'UC'>, now: Date): IbdActivity {
  const tracks = indication === 'CD' ? cdTracks(record) : ucTracks(record);
  const scores: ActivitySeries[] = [];
  const missingScores: ActivitySeriesKey[] = [];
  for (const s of SCORES[indication]) {
    const points = scoreSeriesPoints(tracks.find((t) => t.score === s.score)?.assessments ?? [], CATALOGUE_BY_NAME[s.input].range);
    if (points.length === 0) {
      missingScores.push(s.key);
      continue;
    }
    const stale = staleOf(points, s.input, now);
    scores.push({ key: s.key, unit: null, points, bands: s.bands, ...(stale ? { stale } : {}) });
  }
  const markers = [
    observationSeries('fcal', record.observations?.['lab.fecal_calprotectin'], 'fcal_ug_g', now, FCAL_BANDS),
    observationSeries('crp', record.observations?.['lab.crp'], 'crp_mg_l', now),
  ].filter((s): s is ActivitySeries => s !== undefined);
  return { indication, scores, missingScores, markers, periods: therapyPeriods(record.episodes ?? [], now) };
}
