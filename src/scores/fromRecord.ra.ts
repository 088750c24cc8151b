/**
 * Rheumatoid arthritis scores from the extracted record: DAS28-CRP, DAS28-ESR, CDAI and SDAI per
 * joint-assessment day, from the components the record carries (codes.csv score.cdai_ra rows:
 * 88981-6 TJC28, 88980-8 SJC28, 75894-6 patient global, 75846-6 evaluator global; lab.crp 1988-5,
 * lab.esr 4537-7), merged with any recorded totals.
 *
 * Pairing rules (our brief): the joint counts and globals must be recorded on the same day; CRP/ESR
 * may be taken from up to 14 days before or after the joint assessment, the closest one, and the note
 * says so.
 * Global assessment scales: CDAI/SDAI take both globals on 0-10 cm (Aletaha 2005, cdaiRa.ts); DAS28
 * takes the patient's global on 0-100 mm (Prevoo 1995, das28.ts). A global recorded in `mm` or `cm` is
 * converted (1 cm = 10 mm). A global without a length unit (`{score}`, as LOINC 75894-6/75846-6, the
 * CDAI components, are recorded) is read on the CDAI's 0-10 scale when <= 10 and as a 0-100 mm VAS
 * when above 10 (a 0-10 score cannot exceed 10); the note states which reading was used.
 * DAS28 defines GH as the patient's global assessment of general health; records usually carry the
 * patient's global assessment of disease activity (75894-6), which is used for GH and the note says so
 * (the DAS website accepts either VAS: das-score.nl, "DAS28" calculator notes).
 * SDAI takes CRP in mg/dL: the canonical series is mg/L and is divided by 10 (1 mg/dL = 10 mg/L).
 */
import type { ObservationPoint } from '../extract/observations.ts';
import { because, joinReasons, type Reason } from '../extract/reasons.ts';
import { CDAI_RA_CITATION, SDAI_CITATION, cdaiRa, cdaiRaBand, sdai, sdaiBand } from './cdaiRa.ts';
import { DAS28_CRP_CITATION, DAS28_ESR_CITATION, das28Band, das28Crp, das28Esr } from './das28.ts';
import { roundHalfUp } from './items.ts';
import type { ScoreResult } from './types.ts';
import {
  groupByDay,
  labPhrase,
  labPhraseWhy,
  mergeAssessments,
  pairLab,
  recordedAssessments,
  sourced,
  sourcesOf,
  type Assessment,
  type PairedLab,
  type ScoreTrack,
} from './fromRecord.utils.ts';

type Series = Record<string, ObservationPoint[] | undefined>;

/** Extracted series of the RA components (src/extract/observations.ts SPLIT_CODES). */
/** Display names of the RA activity scores in the notes. */
const RA_SCORE_NAMES: Partial<Record<ScoreResult['score'], string>> = { 'das28-crp': 'DAS28-CRP', 'das28-esr': 'DAS28-ESR', 'cdai-ra': 'CDAI' };

const JOINT_ITEMS = { tjc: 'score.tjc28', sjc: 'score.sjc28', ptga: 'score.ptga', phga: 'score.phga' } as const;

/** A global assessment on both scales, with how each was read (for the note of each score). */
interface GlobalReading {
  cm: number;
  mm: number;
  asMm: string;
  asCm: string;
  /** `asMm` and `asCm` as typed reasons. */
  asMmWhy: Reason;
  asCmWhy: Reason;
}

/**
 * Reads a global assessment on both VAS scales (see file header for the rule).
 * @param label PtGA or PhGA, for the note
 */
export function readGlobal(point: ObservationPoint, value: number, label: string): GlobalReading {
  const unit = (point.original.unit ?? '').trim().toLowerCase();
  const cmOf = roundHalfUp(value / 10, 2);
  const mmOf = roundHalfUp(value * 10, 1);
  const p = { label, value, cm: cmOf, mm: mmOf };
  if (unit === 'mm')
    return {
      mm: value,
      cm: cmOf,
      asMm: `${label} ${value} mm`,
      asCm: `${label} ${value} mm = ${cmOf} cm`,
      asMmWhy: because('vas-mm', p),
      asCmWhy: because('vas-mm-cm', p),
    };
  if (unit === 'cm')
    return {
      cm: value,
      mm: mmOf,
      asMm: `${label} ${value} cm = ${mmOf} mm`,
      asCm: `${label} ${value} cm`,
      asMmWhy: because('vas-cm-mm', p),
      asCmWhy: because('vas-cm', p),
    };
  if (value > 10) {
    const how = `${label} ${value} (above 10) read as a 0-100 mm VAS`;
    return { mm: value, cm: cmOf, asMm: how, asCm: `${how} = ${cmOf} cm`, asMmWhy: because('vas-above-10', p), asCmWhy: because('vas-above-10-cm', p) };
  }
  return {
    cm: value,
    mm: mmOf,
    asMm: `${label} ${value} on the 0-10 scale = ${mmOf} mm`,
    asCm: `${label} ${value} on the 0-10 scale`,
    asMmWhy: because('vas-010-mm', p),
    asCmWhy: because('vas-010', p),
  };
}

/** The labels of the items present, for a note: "TJC28, SJC28, PtGA". */
function present(pairs: Array<[string, unknown]>): string {
  return pairs
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .join(', ');
}

/** Builds the four tracks for one record. */
export function raTracks(series: Series): ScoreTrack[] {
  const computed: Record<'das28-crp' | 'das28-esr' | 'cdai-ra' | 'sdai', Assessment[]> = { 'das28-crp': [], 'das28-esr': [], 'cdai-ra': [], sdai: [] };
  for (const { day, items } of groupByDay(series, JOINT_ITEMS)) {
    const { tjc, sjc, ptga, phga } = items;
    const pt = ptga ? readGlobal(ptga.point, ptga.value, 'PtGA') : undefined;
    const ph = phga ? readGlobal(phga.point, phga.value, 'PhGA') : undefined;
    const crp = pairLab(series, 'lab.crp', day, 'CRP');
    const esr = pairLab(series, 'lab.esr', day, 'ESR');
    const crpLab = typeof crp === 'string' ? undefined : crp;
    const esrLab = typeof esr === 'string' ? undefined : esr;
    const joints = { tjc28: sourced(tjc?.point, tjc?.value), sjc28: sourced(sjc?.point, sjc?.value) };
    const jointNames = present([
      ['TJC28', tjc],
      ['SJC28', sjc],
      ['PtGA', ptga],
      ['PhGA', phga],
    ]);
    const cmNotes = [pt?.asCm, ph?.asCm].filter((x): x is string => x !== undefined);
    const cmWhys = [pt?.asCmWhy, ph?.asCmWhy].filter((x): x is Reason => x !== undefined);
    const make = (
      result: ScoreResult,
      parts: { used: string; lab?: [string, PairedLab | string]; extra: string[]; extraWhy: Reason[]; points: Array<ObservationPoint | undefined> },
    ): Assessment => {
      const labText = parts.lab === undefined || typeof parts.lab[1] === 'string' ? '' : ` and ${labPhrase(parts.lab[0], parts.lab[1])}`;
      const name = RA_SCORE_NAMES[result.score] ?? 'SDAI';
      const labGap = parts.lab !== undefined && typeof parts.lab[1] === 'string' ? parts.lab[1] : undefined;
      const withReason = result.status === 'incomplete' && labGap !== undefined ? { ...result, reason: labGap } : result;
      const note =
        result.status === 'complete'
          ? [`${name} computed from ${parts.used} (${day})${labText}`, ...parts.extra].join('; ')
          : [
              `${name} for the assessment of ${day} is ${result.status}`,
              result.missing.length > 0 ? `missing ${result.missing.join(', ')}` : '',
              withReason.reason ?? '',
            ]
              .filter(Boolean)
              .join('; ');
      const paired = parts.lab !== undefined && typeof parts.lab[1] !== 'string' ? labPhraseWhy(parts.lab[0], parts.lab[1]) : undefined;
      // Typed only where the note is what it says (a computed score): the incomplete ones keep the English note.
      const noteWhy =
        result.status === 'complete'
          ? joinReasons(because('score-computed', { score: name, items: parts.used, date: day }), paired, ...parts.extraWhy)
          : undefined;
      return { day, result: withReason, sources: sourcesOf(parts.points), note, ...(noteWhy ? { noteWhy } : {}), recorded: false };
    };
    const das28Used = present([
      ['TJC28', tjc],
      ['SJC28', sjc],
      ['PtGA', ptga],
    ]);
    const ghNote = pt ? [pt.asMm, 'patient global assessment of disease activity used as the DAS28 general-health VAS'] : [];
    const ghWhy = pt ? [pt.asMmWhy, because('gh-from-ptga')] : [];
    computed['das28-crp'].push(
      make(das28Crp({ ...joints, patientGlobalMm: sourced(ptga?.point, pt?.mm), crpMgL: sourced(crpLab?.point, crpLab?.value) }), {
        used: das28Used,
        lab: ['CRP', crp],
        extra: ghNote,
        extraWhy: ghWhy,
        points: [tjc?.point, sjc?.point, ptga?.point, crpLab?.point],
      }),
    );
    computed['das28-esr'].push(
      make(das28Esr({ ...joints, patientGlobalMm: sourced(ptga?.point, pt?.mm), esrMmH: sourced(esrLab?.point, esrLab?.value) }), {
        used: das28Used,
        lab: ['ESR', esr],
        extra: ghNote,
        extraWhy: ghWhy,
        points: [tjc?.point, sjc?.point, ptga?.point, esrLab?.point],
      }),
    );
    const cdaiInput = { ...joints, patientGlobalCm: sourced(ptga?.point, pt?.cm), physicianGlobalCm: sourced(phga?.point, ph?.cm) };
    computed['cdai-ra'].push(
      make(cdaiRa(cdaiInput), { used: jointNames, extra: cmNotes, extraWhy: cmWhys, points: [tjc?.point, sjc?.point, ptga?.point, phga?.point] }),
    );
    const crpMgDl = crpLab ? roundHalfUp(crpLab.value / 10, 3) : undefined;
    computed.sdai.push(
      make(sdai({ ...cdaiInput, crpMgDl: sourced(crpLab?.point, crpMgDl) }), {
        used: jointNames,
        lab: ['CRP', crp],
        extra: [...cmNotes, ...(crpLab ? [`CRP ${crpLab.value} mg/L = ${crpMgDl} mg/dL (SDAI takes mg/dL)`] : [])],
        extraWhy: [...cmWhys, ...(crpLab ? [because('sdai-crp', { mgl: crpLab.value, mgdl: crpMgDl ?? '' })] : [])],
        points: [tjc?.point, sjc?.point, ptga?.point, phga?.point, crpLab?.point],
      }),
    );
  }
  const none = { tjc28: null, sjc28: null };
  return [
    {
      score: 'das28-crp',
      assessments: mergeAssessments(computed['das28-crp'], recordedAssessments(series, 'score.das28_crp', 'das28-crp', DAS28_CRP_CITATION, das28Band)),
      fallback: das28Crp({ ...none, patientGlobalMm: null, crpMgL: null }),
      fallbackNote: 'no joint assessment (TJC28, SJC28, patient global) recorded',
    },
    {
      score: 'das28-esr',
      assessments: mergeAssessments(computed['das28-esr'], recordedAssessments(series, 'score.das28_esr', 'das28-esr', DAS28_ESR_CITATION, das28Band)),
      fallback: das28Esr({ ...none, patientGlobalMm: null, esrMmH: null }),
      fallbackNote: 'no joint assessment (TJC28, SJC28, patient global) recorded',
    },
    {
      score: 'cdai-ra',
      assessments: mergeAssessments(computed['cdai-ra'], recordedAssessments(series, 'score.cdai_ra', 'cdai-ra', CDAI_RA_CITATION, cdaiRaBand)),
      fallback: cdaiRa({ ...none, patientGlobalCm: null, physicianGlobalCm: null }),
      fallbackNote: 'no joint assessment (TJC28, SJC28, patient and physician global) recorded',
    },
    {
      score: 'sdai',
      assessments: mergeAssessments(computed.sdai, recordedAssessments(series, 'score.sdai_ra', 'sdai', SDAI_CITATION, sdaiBand)),
      fallback: sdai({ ...none, patientGlobalCm: null, physicianGlobalCm: null, crpMgDl: null }),
      fallbackNote: 'no joint assessment (TJC28, SJC28, patient and physician global) recorded',
    },
  ];
}
