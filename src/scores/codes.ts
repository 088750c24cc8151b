/**
 * The local code system used when the app records a score or a score item as a FHIR Observation.
 * Why local: no LOINC code was found for DAS28, Harvey-Bradshaw Index, Mayo score or EDSS
 * (terminology/codes.csv rows score.das28, score.harvey_bradshaw, score.mayo_uc,
 * score.edss, all "unverified: no LOINC code found"). CDAI (RA) and SDAI do have LOINC codes
 * (codes.csv rows score.cdai_ra 75847-4 and score.sdai_ra 75845-8): an Observation should carry
 * those as additional codings, see {@link LOINC_EQUIVALENTS}.
 * The same list, as a FHIR CodeSystem resource, is ./codesystem.json (kept equal by a unit test).
 */
import type { CodeSystem } from 'fhir/r4';
import type { ScoreId } from './types.ts';

/** Canonical URI of the local scores code system. */
export const SCORES_CODE_SYSTEM = 'https://therapy-navigator.example.org/fhir/CodeSystem/scores';

/** Codes of the score items (components) that may be recorded on their own. */
export type ScoreItemCode =
  | 'tjc28'
  | 'sjc28'
  | 'ptga'
  | 'phga'
  | 'stool-frequency'
  | 'rectal-bleeding'
  | 'endoscopy-subscore'
  | 'physician-global-uc'
  | 'general-wellbeing'
  | 'abdominal-pain'
  | 'liquid-stools'
  | 'abdominal-mass'
  | 'complications'
  | 'mri-new-t2-lesions'
  | 'mri-gd-lesions';

/** Every code of the local system. */
export type ScoreCode = ScoreId | ScoreItemCode;

/** One concept of the code system with its English display and definition. */
export interface ScoreConcept {
  code: ScoreCode;
  display: string;
  definition: string;
}

/** All concepts, in the order of ./codesystem.json. Displays are English; the UI translates. */
export const SCORE_CODES: readonly ScoreConcept[] = [
  { code: 'hbi', display: 'Harvey-Bradshaw Index', definition: 'Crohn disease activity, Harvey & Bradshaw, Lancet 1980.' },
  { code: 'cdai-cd', display: "Crohn's Disease Activity Index (CDAI)", definition: 'Best et al., Gastroenterology 1976; 7-day diary, 8 weighted items.' },
  { code: 'mayo-full', display: 'Mayo score (full)', definition: 'Ulcerative colitis activity 0-12, Schroeder et al., NEJM 1987.' },
  { code: 'mayo-partial', display: 'Partial Mayo score', definition: 'Non-invasive Mayo score 0-9 without endoscopy, Lewis et al., Inflamm Bowel Dis 2008.' },
  { code: 'das28-crp', display: 'DAS28-CRP', definition: 'Disease Activity Score 28 joints with CRP in mg/L (DAS website formula).' },
  { code: 'das28-esr', display: 'DAS28-ESR', definition: 'Disease Activity Score 28 joints with ESR in mm/h, Prevoo et al., Arthritis Rheum 1995.' },
  { code: 'cdai-ra', display: 'Clinical Disease Activity Index (RA)', definition: 'TJC28 + SJC28 + PtGA + PhGA (0-10 cm), Aletaha et al. 2005.' },
  { code: 'sdai', display: 'Simplified Disease Activity Index', definition: 'CDAI (RA) + CRP in mg/dL, Smolen et al., Rheumatology 2003.' },
  {
    code: 'edss',
    display: 'Expanded Disability Status Scale',
    definition: 'Kurtzke EDSS 0-10; with confirmed disability progression when derived from a series.',
  },
  { code: 'arr', display: 'Annualised relapse rate', definition: 'Relapses per patient-year over a stated window.' },
  {
    code: 'neda3',
    display: 'No evidence of disease activity (NEDA-3)',
    definition: 'No relapse, no confirmed disability progression, no new/enlarging T2 or Gd+ lesion; Havrdova et al., Lancet Neurol 2009.',
  },
  {
    code: 'vedo-cdst',
    display: "Vedolizumab clinical decision support tool (Crohn's disease)",
    definition: 'Dulai et al., Gastroenterology 2018;155:687-695.',
  },
  { code: 'modified-rio', display: 'Modified Rio score', definition: 'Interferon-beta response score 0-3, Sormani et al., Mult Scler 2013.' },
  { code: 'magnims', display: 'MAGNIMS score', definition: 'Interferon-beta response score 0-2, Sormani et al., Neurology 2016.' },
  { code: 'tjc28', display: 'Tender joint count (28 joints)', definition: 'Number of tender joints of the 28-joint count, 0-28.' },
  { code: 'sjc28', display: 'Swollen joint count (28 joints)', definition: 'Number of swollen joints of the 28-joint count, 0-28.' },
  { code: 'ptga', display: 'Patient global assessment of disease activity', definition: 'Visual analogue scale; 0-10 cm for CDAI/SDAI, 0-100 mm for DAS28.' },
  { code: 'phga', display: 'Physician global assessment of disease activity', definition: 'Visual analogue scale 0-10 cm.' },
  { code: 'stool-frequency', display: 'Mayo stool frequency subscore', definition: '0-3 relative to the patient normal.' },
  { code: 'rectal-bleeding', display: 'Mayo rectal bleeding subscore', definition: '0-3.' },
  { code: 'endoscopy-subscore', display: 'Mayo endoscopic subscore', definition: '0-3.' },
  { code: 'physician-global-uc', display: 'Mayo physician global assessment', definition: '0-3.' },
  { code: 'general-wellbeing', display: 'General well-being', definition: '0 very well to 4 terrible (HBI daily; CDAI summed over 7 days).' },
  { code: 'abdominal-pain', display: 'Abdominal pain', definition: '0 none to 3 severe (HBI daily; CDAI summed over 7 days).' },
  { code: 'liquid-stools', display: 'Liquid or very soft stools', definition: 'Count per day (HBI) or over 7 days (CDAI).' },
  { code: 'abdominal-mass', display: 'Abdominal mass', definition: 'HBI 0-3 (none, dubious, definite, definite and tender); CDAI 0/2/5.' },
  { code: 'complications', display: 'Complications (Crohn disease)', definition: 'Count of listed complications (HBI 8 items; CDAI 6 categories).' },
  { code: 'mri-new-t2-lesions', display: 'New or enlarging T2 lesions on MRI', definition: 'Count versus the reference MRI.' },
  { code: 'mri-gd-lesions', display: 'Gadolinium-enhancing lesions on MRI', definition: 'Count of Gd+ T1 lesions.' },
];

/**
 * LOINC codes to add as extra codings (codes.csv rows score.cdai_ra and score.sdai_ra, verified on
 * loinc.org). The others have no LOINC code (codes.csv rows marked unverified).
 */
export const LOINC_EQUIVALENTS: Partial<Record<ScoreCode, { system: 'http://loinc.org'; code: string }>> = {
  'cdai-ra': { system: 'http://loinc.org', code: '75847-4' },
  sdai: { system: 'http://loinc.org', code: '75845-8' },
};

/** The English display of a code of the local system. */
export function scoreDisplay(code: ScoreCode): string {
  return SCORE_CODES.find((c) => c.code === code)?.display ?? code;
}

/**
 * The code system as a FHIR R4 CodeSystem resource; ./codesystem.json is this object serialised
 * (a unit test keeps them equal), for publishing next to the app.
 */
export function scoresCodeSystem(): CodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: 'therapy-navigator-scores',
    url: SCORES_CODE_SYSTEM,
    version: '0.1.0',
    name: 'TherapyNavigatorScores',
    title: 'Therapy Navigator clinical activity and reference scores',
    status: 'draft',
    experimental: true,
    publisher: 'Therapy Navigator (open source)',
    description:
      'Local codes for the clinical activity scores, published reference scores and score items that Therapy Navigator computes or records as Observations. Used because no LOINC code exists for DAS28, HBI, Mayo score or EDSS; CDAI (RA) and SDAI Observations also carry their LOINC codes (75847-4, 75845-8). Source of truth: src/scores/codes.ts.',
    caseSensitive: true,
    content: 'complete',
    count: SCORE_CODES.length,
    concept: SCORE_CODES.map(({ code, display, definition }) => ({ code, display, definition })),
  };
}
