/**
 * Crohn's disease and ulcerative colitis scores from the extracted record.
 *
 * Recorded totals (local codes hbi, cdai-cd, mayo-partial, mayo-full; src/extract/terminology/local.ts)
 * are used as recorded. From components, only what the record itself holds, recorded on the same day:
 *  - HBI from the five items of the previous day (Harvey & Bradshaw 1980, hbi.ts);
 *  - partial Mayo from stool frequency, rectal bleeding and physician global; full Mayo adds the
 *    endoscopic subscore (Lewis 2008; Schroeder 1987, mayo.ts).
 * Component series are read under `score.<item code>` (local item codes of codes.ts, `-` written `_`,
 * the pattern the extractor uses for score.tjc28/score.ptga); see the report: the extractor does not
 * map these item codes yet, so today only recorded totals reach here.
 * The CDAI (Crohn's) needs a 7-day diary (Best 1976, cdaiCrohn.ts) that an EHR rarely holds and whose
 * item codes are shared with the daily HBI items: it is taken from a recorded total only; otherwise it
 * is reported incomplete, with the weight and standard weight filled from the record where present.
 * Vedolizumab CDST: from the extracted inputs (vedoCdstFromRecord.ts, Dulai 2018).
 */
import type { ExtractedRecord } from '../extract/extract.ts';
import type { ObservationPoint } from '../extract/observations.ts';
import { vedoCdstFromRecord } from './vedoCdstFromRecord.ts';
import { CDAI_CD_CITATION, cdaiCrohn, cdaiCrohnBand, standardWeightFromHeight } from './cdaiCrohn.ts';
import { HBI_CITATION, harveyBradshaw, hbiBand } from './hbi.ts';
import { MAYO_FULL_CITATION, MAYO_PARTIAL_CITATION, mayoFull, mayoFullBand, mayoPartial, mayoPartialBand } from './mayo.ts';
import type { ScoreResult } from './types.ts';
import { groupByDay, mergeAssessments, recordedAssessments, sourced, sourcesOf, usablePoints, type Assessment, type ScoreTrack } from './fromRecord.utils.ts';

type Series = Record<string, ObservationPoint[] | undefined>;
type Item = { point: ObservationPoint; value: number } | undefined;

const HBI_ITEMS = {
  wellbeing: 'score.general_wellbeing',
  pain: 'score.abdominal_pain',
  stools: 'score.liquid_stools',
  mass: 'score.abdominal_mass',
  complications: 'score.complications',
} as const;

const MAYO_ITEMS = {
  stool: 'score.stool_frequency',
  bleeding: 'score.rectal_bleeding',
  pga: 'score.physician_global_uc',
  endoscopy: 'score.endoscopy_subscore',
} as const;

const sv = (i: Item) => sourced(i?.point, i?.value);

function computedAssessment(day: string, result: ScoreResult, label: string, items: Item[]): Assessment {
  const note =
    result.status === 'complete'
      ? `${label} computed from ${result.computedFrom.map((c) => c.item).join(', ')} recorded on ${day}`
      : `${label} for ${day} is ${result.status}${result.missing.length > 0 ? `; missing ${result.missing.join(', ')}` : ''}${result.reason ? `; ${result.reason}` : ''}`;
  return { day, result, sources: sourcesOf(items.map((i) => i?.point)), note, recorded: false };
}

/** Band of a recorded full Mayo total: remission needs the subscores (all <= 1), unknown from a total <= 2. */
function recordedMayoFullBand(total: number): string | null {
  return total <= 2 ? null : mayoFullBand(total, 0);
}

/** The Crohn's disease tracks: HBI, CDAI, vedolizumab CDST. */
export function cdTracks(record: ExtractedRecord): ScoreTrack[] {
  const series: Series = record.observations ?? {};
  const hbi = groupByDay(series, HBI_ITEMS).map(({ day, items }) => {
    const { wellbeing, pain, stools, mass, complications } = items;
    const r = harveyBradshaw({
      generalWellbeing: sv(wellbeing),
      abdominalPain: sv(pain),
      liquidStoolsPerDay: sv(stools),
      abdominalMass: sv(mass),
      complications: sv(complications),
    });
    return computedAssessment(day, r, 'HBI', [wellbeing, pain, stools, mass, complications]);
  });
  const weight = usablePoints(series, 'vital.body_weight').at(-1);
  const height = usablePoints(series, 'vital.body_height').at(-1);
  const gender = record.patient?.gender;
  const sex = gender === 'male' || gender === 'female' ? gender : null;
  const standard = standardWeightFromHeight(height?.value, sex);
  const cdaiFallback = cdaiCrohn({
    liquidStools7d: null,
    abdominalPain7d: null,
    generalWellbeing7d: null,
    complications: null,
    antidiarrhoeal: null,
    abdominalMass: null,
    haematocritPercent: null,
    sex,
    weightKg: sourced(weight?.point, weight?.value),
    standardWeightKg:
      standard === null
        ? null
        : { value: standard, ...(height ? { date: height.point.date.raw } : {}), ...(height?.point.sources[0] ? { sourceRef: height.point.sources[0] } : {}) },
  });
  const vedo = vedoCdstFromRecord(record);
  const usedInputs = vedo.computedFrom.filter((c) => c.value !== null).map((c) => `${c.item}${c.date ? ` (${c.date.slice(0, 10)})` : ''}`);
  return [
    {
      score: 'hbi',
      assessments: mergeAssessments(hbi, recordedAssessments(series, 'score.harvey_bradshaw', 'hbi', HBI_CITATION, hbiBand)),
      fallback: harveyBradshaw({ generalWellbeing: null, abdominalPain: null, liquidStoolsPerDay: null, abdominalMass: null, complications: null }),
      fallbackNote: 'no Harvey-Bradshaw Index and none of its items recorded',
    },
    {
      score: 'cdai-cd',
      assessments: recordedAssessments(series, 'score.cdai_cd', 'cdai-cd', CDAI_CD_CITATION, cdaiCrohnBand),
      fallback: cdaiFallback,
      fallbackNote: 'no CDAI recorded; it needs a 7-day symptom diary and a haematocrit, which are not computed from single-day records',
    },
    {
      score: 'vedo-cdst',
      assessments: [],
      fallback: vedo,
      fallbackNote: `from the extracted inputs${usedInputs.length > 0 ? `: ${usedInputs.join(', ')}` : ''}; baseline values for a patient starting vedolizumab`,
    },
  ];
}

/** The ulcerative colitis tracks: partial and full Mayo. */
export function ucTracks(record: ExtractedRecord): ScoreTrack[] {
  const series: Series = record.observations ?? {};
  const { endoscopy: _endoscopy, ...partialItems } = MAYO_ITEMS;
  const partial = groupByDay(series, partialItems).map(({ day, items }) => {
    const { stool, bleeding, pga } = items;
    return computedAssessment(day, mayoPartial({ stoolFrequency: sv(stool), rectalBleeding: sv(bleeding), physicianGlobal: sv(pga) }), 'partial Mayo', [
      stool,
      bleeding,
      pga,
    ]);
  });
  const full = groupByDay(series, MAYO_ITEMS).map(({ day, items }) => {
    const { stool, bleeding, pga, endoscopy } = items;
    return computedAssessment(
      day,
      mayoFull({ stoolFrequency: sv(stool), rectalBleeding: sv(bleeding), physicianGlobal: sv(pga), endoscopy: sv(endoscopy) }),
      'full Mayo',
      [stool, bleeding, pga, endoscopy],
    );
  });
  return [
    {
      score: 'mayo-partial',
      assessments: mergeAssessments(partial, recordedAssessments(series, 'score.mayo_partial', 'mayo-partial', MAYO_PARTIAL_CITATION, mayoPartialBand)),
      fallback: mayoPartial({ stoolFrequency: null, rectalBleeding: null, physicianGlobal: null }),
      fallbackNote: 'no partial Mayo score and none of its subscores recorded',
    },
    {
      score: 'mayo-full',
      assessments: mergeAssessments(full, recordedAssessments(series, 'score.mayo_full', 'mayo-full', MAYO_FULL_CITATION, recordedMayoFullBand)),
      fallback: mayoFull({ stoolFrequency: null, rectalBleeding: null, physicianGlobal: null, endoscopy: null }),
      fallbackNote: 'no full Mayo score and none of its subscores recorded',
    },
  ];
}
