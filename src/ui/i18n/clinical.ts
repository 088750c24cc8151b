/**
 * Clinical wordings around the models: the endpoint and horizon of each bundled model (models/<x>/spec.json
 * `outputs.endpoint` / `outputs.horizon`), the names of the activity and reference scores
 * (src/scores, English displays from scores/codes.ts) and their bands, in English, German and French;
 * plus the i18next resources of the whole clinical vocabulary (inputs, levels, drugs, classes, scores, bands).
 *
 * Endpoint sources: CD remission CDAI < 150 (Best WR et al., Gastroenterology 1976;70:439-44); UC remission
 * by modified/full Mayo (Schroeder KW et al., N Engl J Med 1987;317:1625-9); ACR50 (Felson DT et al.,
 * Arthritis Rheum 1995;38:727-35); relapse-free survival in RMS trials (e.g. Polman CH et al., N Engl J Med
 * 2006;354:899-910). German/French wording: DGVS/DGRh/DGN and SNFGE/SFR/SFSEP usage.
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { ScoreId } from '../../scores/types.ts';
import { drugLabel, drugLabels, drugClassLabels } from './drugs.ts';
import { categoryLevelLabels, inputLabels, isCategoryLevel, type ClinicalLanguage } from './inputs.ts';

type Translated = Readonly<{ de: string; fr: string }>;

/**
 * Endpoint and horizon texts of the bundled models, keyed by the English text of spec.json. RA and RMS
 * carry both the texts of their spec.json and the wordings of the project brief, so either resolves.
 */
export const SPEC_TEXTS: Readonly<Record<string, Translated>> = {
  // models/cd/spec.json
  'clinical remission (CDAI < 150)': { de: 'klinische Remission (CDAI < 150)', fr: 'rémission clinique (CDAI < 150)' },
  'end of induction, weeks 4-12': { de: 'Ende der Induktion, Woche 4-12', fr: 'fin de l’induction, semaines 4-12' },
  // models/uc/spec.json
  'clinical remission (modified/full Mayo)': {
    de: 'klinische Remission (modifizierter/vollständiger Mayo-Score)',
    fr: 'rémission clinique (score Mayo modifié/complet)',
  },
  'end of induction, weeks 6-12': { de: 'Ende der Induktion, Woche 6-12', fr: 'fin de l’induction, semaines 6-12' },
  // models/ra/spec.json
  'ACR50 response': { de: 'ACR50-Ansprechen', fr: 'réponse ACR50' },
  'weeks 12-24': { de: 'Woche 12-24', fr: 'semaines 12-24' },
  ACR50: { de: 'ACR50-Ansprechen', fr: 'réponse ACR50' },
  'week 24': { de: 'Woche 24', fr: 'semaine 24' },
  'ACR50 at week 24': { de: 'ACR50-Ansprechen in Woche 24', fr: 'réponse ACR50 à la semaine 24' },
  // models/rms/spec.json
  'relapse-free': { de: 'schubfrei', fr: 'sans poussée' },
  '2 years': { de: '2 Jahre', fr: '2 ans' },
  'relapse-free at 2 years': { de: 'schubfrei nach 2 Jahren', fr: 'sans poussée à 2 ans' },
};

const normalise = (s: string): string =>
  s
    .trim()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
const SPEC_BY_NORMALISED: ReadonlyMap<string, Translated> = new Map(Object.entries(SPEC_TEXTS).map(([k, v]) => [normalise(k), v]));

/**
 * The endpoint or horizon text of a model spec in a language. Matching ignores case, spacing and the kind
 * of dash; an unknown text (a site's own model) comes back unchanged, so nothing is ever blank.
 */
export function translateSpecText(text: string, lang: ClinicalLanguage): string {
  if (lang === 'en') return text;
  return SPEC_BY_NORMALISED.get(normalise(text))?.[lang] ?? text;
}

/** Score names by language (English: SCORE_CODES displays of src/scores/codes.ts). */
export const scoreLabels: Readonly<Record<ClinicalLanguage, Readonly<Record<ScoreId, string>>>> = {
  en: {
    hbi: 'Harvey-Bradshaw Index',
    'cdai-cd': 'Crohn’s Disease Activity Index (CDAI)',
    'mayo-full': 'Mayo score (full)',
    'mayo-partial': 'Partial Mayo score',
    'das28-crp': 'DAS28-CRP',
    'das28-esr': 'DAS28-ESR',
    'cdai-ra': 'Clinical Disease Activity Index (RA)',
    sdai: 'Simplified Disease Activity Index',
    edss: 'Expanded Disability Status Scale',
    arr: 'Annualised relapse rate',
    neda3: 'No evidence of disease activity (NEDA-3)',
    'vedo-cdst': 'Vedolizumab clinical decision support tool (Crohn’s disease)',
    'modified-rio': 'Modified Rio score',
    magnims: 'MAGNIMS score',
  },
  de: {
    hbi: 'Harvey-Bradshaw-Index',
    'cdai-cd': 'Crohn’s Disease Activity Index (CDAI)',
    'mayo-full': 'Mayo-Score (vollständig)',
    'mayo-partial': 'Partieller Mayo-Score',
    'das28-crp': 'DAS28-CRP',
    'das28-esr': 'DAS28-BSG',
    'cdai-ra': 'Clinical Disease Activity Index (RA)',
    sdai: 'Simplified Disease Activity Index',
    edss: 'Expanded Disability Status Scale (EDSS)',
    arr: 'Jährliche Schubrate',
    neda3: 'Keine Evidenz für Krankheitsaktivität (NEDA-3)',
    'vedo-cdst': 'Vedolizumab-Entscheidungshilfe (CDST, Morbus Crohn)',
    'modified-rio': 'Modifizierter Rio-Score',
    magnims: 'MAGNIMS-Score',
  },
  fr: {
    hbi: 'Indice de Harvey-Bradshaw',
    'cdai-cd': 'Indice d’activité de la maladie de Crohn (CDAI)',
    'mayo-full': 'Score Mayo (complet)',
    'mayo-partial': 'Score Mayo partiel',
    'das28-crp': 'DAS28-CRP',
    'das28-esr': 'DAS28-VS',
    'cdai-ra': 'Clinical Disease Activity Index (PR)',
    sdai: 'Simplified Disease Activity Index',
    edss: 'Échelle EDSS (Expanded Disability Status Scale)',
    arr: 'Taux annualisé de poussées',
    neda3: 'Absence de signe d’activité de la maladie (NEDA-3)',
    'vedo-cdst': 'Outil d’aide à la décision védolizumab (CDST, maladie de Crohn)',
    'modified-rio': 'Score de Rio modifié',
    magnims: 'Score MAGNIMS',
  },
};

/**
 * The fixed band strings the score functions return (hbi.ts, cdaiCrohn.ts, mayo.ts, das28.ts, cdaiRa.ts,
 * vedoCdst.ts, modifiedRio.ts, magnims.ts, edss.ts, neda3.ts). Two bands carry data and are handled by
 * {@link translateBand}: `confirmed disability progression (<n>-week)` and `evidence of disease activity: <items>`.
 */
export const SCORE_BANDS = [
  'remission',
  'mild',
  'moderate',
  'severe',
  'low',
  'intermediate',
  'high',
  'low risk',
  'intermediate risk',
  'high risk',
  'low probability of response',
  'intermediate probability of response',
  'high probability of response',
  'no confirmed progression',
  'progression not yet confirmed',
  'NEDA-3',
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** Band labels by language; French adjectives agree with « activité » (feminine), as in « activité modérée ». */
export const bandLabels: Readonly<Record<ClinicalLanguage, Readonly<Record<ScoreBand, string>>>> = {
  en: {
    remission: 'remission',
    mild: 'mild',
    moderate: 'moderate',
    severe: 'severe',
    low: 'low',
    intermediate: 'intermediate',
    high: 'high',
    'low risk': 'low risk',
    'intermediate risk': 'intermediate risk',
    'high risk': 'high risk',
    'low probability of response': 'low probability of response',
    'intermediate probability of response': 'intermediate probability of response',
    'high probability of response': 'high probability of response',
    'no confirmed progression': 'no confirmed progression',
    'progression not yet confirmed': 'progression not yet confirmed',
    'NEDA-3': 'NEDA-3',
  },
  de: {
    remission: 'Remission',
    mild: 'leicht',
    moderate: 'mittelschwer',
    severe: 'schwer',
    low: 'niedrig',
    intermediate: 'mittel',
    high: 'hoch',
    'low risk': 'niedriges Risiko',
    'intermediate risk': 'mittleres Risiko',
    'high risk': 'hohes Risiko',
    'low probability of response': 'geringe Ansprechwahrscheinlichkeit',
    'intermediate probability of response': 'mittlere Ansprechwahrscheinlichkeit',
    'high probability of response': 'hohe Ansprechwahrscheinlichkeit',
    'no confirmed progression': 'keine bestätigte Progression',
    'progression not yet confirmed': 'Progression noch nicht bestätigt',
    'NEDA-3': 'NEDA-3',
  },
  fr: {
    remission: 'rémission',
    mild: 'légère',
    moderate: 'modérée',
    severe: 'sévère',
    low: 'faible',
    intermediate: 'intermédiaire',
    high: 'élevée',
    'low risk': 'risque faible',
    'intermediate risk': 'risque intermédiaire',
    'high risk': 'risque élevé',
    'low probability of response': 'probabilité de réponse faible',
    'intermediate probability of response': 'probabilité de réponse intermédiaire',
    'high probability of response': 'probabilité de réponse élevée',
    'no confirmed progression': 'pas de progression confirmée',
    'progression not yet confirmed': 'progression pas encore confirmée',
    'NEDA-3': 'NEDA-3',
  },
};

/** The activity items that the NEDA-3 band lists (neda3.ts). */
const NEDA_ITEMS: Readonly<Record<string, Translated>> = {
  relapse: { de: 'Schub', fr: 'poussée' },
  'confirmed disability progression': { de: 'bestätigte Behinderungsprogression', fr: 'progression confirmée du handicap' },
  'new or enlarging T2 lesion': { de: 'neue oder vergrößerte T2-Läsion', fr: 'lésion T2 nouvelle ou élargie' },
  'Gd-enhancing lesion': { de: 'Gadolinium-anreichernde Läsion', fr: 'lésion rehaussée par le gadolinium' },
};

const CDP = /^confirmed disability progression \((\d+)-week\)$/;
const EDA = /^evidence of disease activity: (.+)$/;

/** A score band in a language, including the two bands that carry data; an unknown band comes back unchanged. */
export function translateBand(band: string, lang: ClinicalLanguage): string {
  const fixed: Readonly<Record<string, string>> = bandLabels[lang];
  const direct = fixed[band];
  if (direct !== undefined) return direct;
  if (lang === 'en') return band;
  const cdp = CDP.exec(band);
  if (cdp) return lang === 'de' ? `bestätigte Behinderungsprogression (${cdp[1]} Wochen)` : `progression confirmée du handicap (${cdp[1]} semaines)`;
  const eda = EDA.exec(band);
  if (eda?.[1] !== undefined) {
    const items = eda[1]
      .split(', ')
      .map((i) => NEDA_ITEMS[i]?.[lang] ?? i)
      .join(', ');
    return lang === 'de' ? `Evidenz für Krankheitsaktivität: ${items}` : `signes d’activité de la maladie : ${items}`;
  }
  return band;
}

/**
 * An input's category value for display: a drug (current_advanced_therapy) by its name in the language,
 * a Montreal/serology level by its label; anything else unchanged.
 */
export function categoryValueLabel(name: InputName, value: string, lang: ClinicalLanguage): string {
  if (name === 'current_advanced_therapy' && value !== 'none') return drugLabel(value, lang);
  return isCategoryLevel(value) ? categoryLevelLabels[lang][value] : value;
}

/** i18next resources of the clinical vocabulary, to merge into the `translation` namespace. */
export interface ClinicalResources {
  input: Readonly<Record<string, string>>;
  inputLevel: Readonly<Record<string, string>>;
  drug: Readonly<Record<string, string>>;
  drugClass: Readonly<Record<string, string>>;
  score: Readonly<Record<string, string>>;
  scoreBand: Readonly<Record<string, string>>;
}

const resourcesFor = (lang: ClinicalLanguage): ClinicalResources => ({
  input: inputLabels[lang],
  inputLevel: categoryLevelLabels[lang],
  drug: drugLabels[lang],
  drugClass: drugClassLabels[lang],
  score: scoreLabels[lang],
  scoreBand: bandLabels[lang],
});

/**
 * `input.<name>` (what useInputLabel reads), `inputLevel.<level>`, `drug.<INN>`, `drugClass.<class>`,
 * `score.<ScoreId>`, `scoreBand.<band>`. Keys contain no `.` or `:` (i18next's separators).
 */
export const clinicalResources: Readonly<Record<ClinicalLanguage, ClinicalResources>> = {
  en: resourcesFor('en'),
  de: resourcesFor('de'),
  fr: resourcesFor('fr'),
};
