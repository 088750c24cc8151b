/**
 * Names of the model inputs and safety facts (src/extract/catalogue.ts) and of their category levels, in
 * English, German and French: the words a gastroenterologist, rheumatologist or neurologist in Germany,
 * France, Luxembourg or Switzerland reads on screen. Typed against the catalogue, so a new input without
 * a label in every language fails the type check.
 *
 * Sources of the wording: Montreal classification (Silverberg MS et al., Can J Gastroenterol 2005;19
 * Suppl A:5A-36A) and its use in the DGVS S3 guidelines (Morbus Crohn 2021, Colitis ulcerosa 2023) and
 * the SNFGE/GETAID French terminology; EULAR/DGRh/SFR usage for RA scores (DAS28-BSG/-VS); MAGNIMS and
 * KKNMS/SFSEP usage for MRI and EDSS; units are left as the catalogue's UCUM codes and shown elsewhere.
 */
import type { InputName } from '../../extract/catalogue.ts';

/** The UI languages of the clinical vocabulary; the same set as `LANGUAGES` in ./index.ts (kept apart to avoid an import cycle). */
export type ClinicalLanguage = 'en' | 'de' | 'fr';
export const CLINICAL_LANGUAGES: readonly ClinicalLanguage[] = ['en', 'de', 'fr'];

/** A language tag (`de`, `de-CH`, `fr-LU` ...) as one of ours; anything else reads as English. */
export function toClinicalLanguage(tag: string | undefined | null): ClinicalLanguage {
  const l = (tag ?? '').slice(0, 2).toLowerCase();
  return l === 'de' || l === 'fr' ? l : 'en';
}

const en: Record<InputName, string> = {
  age_years: 'Age (years)',
  sex_female: 'Female sex',
  bmi: 'Body mass index (BMI)',
  smoking_current: 'Current smoker',
  smoking_ever: 'Ever smoked',
  disease_duration_years: 'Disease duration (years)',
  prior_advanced_count: 'Number of prior advanced therapies',
  prior_anti_tnf: 'Prior anti-TNF exposure',
  prior_anti_integrin: 'Prior anti-integrin exposure',
  prior_anti_il12_23: 'Prior anti-IL-12/23 or anti-IL-23 exposure',
  prior_jak: 'Prior JAK inhibitor exposure',
  prior_s1p: 'Prior S1P modulator exposure',
  prior_other_advanced: 'Prior other advanced therapy',
  prior_anti_tnf_primary_nonresponse: 'Primary non-response to anti-TNF',
  prior_anti_tnf_loss_of_response: 'Secondary loss of response to anti-TNF',
  prior_intolerance: 'Advanced therapy stopped for intolerance',
  current_advanced_therapy: 'Current advanced therapy',
  current_therapy_duration_months: 'Time on current therapy (months)',
  steroids_current: 'Current corticosteroids',
  immunomodulator_current: 'Current immunomodulator (thiopurine, methotrexate)',
  crp_mg_l: 'C-reactive protein (CRP)',
  fcal_ug_g: 'Faecal calprotectin',
  esr_mm_h: 'Erythrocyte sedimentation rate (ESR)',
  albumin_g_l: 'Serum albumin',
  haemoglobin_g_dl: 'Haemoglobin',
  lymphocytes_10e9_l: 'Absolute lymphocyte count',
  cd_location: 'Montreal location (Crohn’s)',
  cd_behaviour: 'Montreal behaviour (Crohn’s)',
  cd_perianal: 'Perianal disease (Crohn’s)',
  prior_bowel_resection: 'Prior bowel resection',
  hbi: 'Harvey-Bradshaw Index (HBI)',
  cdai_cd: 'Crohn’s Disease Activity Index (CDAI)',
  uc_extent: 'Montreal extent (ulcerative colitis)',
  mayo_partial: 'Partial Mayo score',
  mayo_full: 'Full Mayo score',
  eim_present: 'Extra-intestinal manifestation',
  rf_positive: 'Rheumatoid factor positive',
  anti_ccp_positive: 'Anti-CCP positive',
  das28_crp: 'DAS28-CRP',
  das28_esr: 'DAS28-ESR',
  cdai_ra: 'Clinical Disease Activity Index (CDAI, RA)',
  sdai: 'Simplified Disease Activity Index (SDAI)',
  relapses_12m: 'Relapses in the last 12 months',
  relapses_24m: 'Relapses in the last 24 months',
  edss: 'Expanded Disability Status Scale (EDSS)',
  new_t2_lesions_12m: 'New or enlarging T2 lesions (12 months)',
  gd_lesions_12m: 'Gadolinium-enhancing lesions (12 months)',
  heart_failure_nyha: 'Heart failure (NYHA class)',
  demyelinating_disease: 'Demyelinating disease',
  tb_latent: 'Latent tuberculosis',
  tb_active: 'Active tuberculosis',
  tb_screen_result: 'TB screening (IGRA/TST)',
  hbv_hbsag: 'HBsAg',
  hbv_anti_hbc: 'Anti-HBc',
  jcv_antibody_status: 'JC virus antibody status',
  jcv_index: 'JC virus antibody index',
  pregnancy_current: 'Pregnant',
  pregnancy_planned: 'Pregnancy planned',
  malignancy_history: 'History of malignancy',
  vte_history: 'History of venous thromboembolism',
  cv_risk: 'Cardiovascular risk factors',
  live_vaccine_recent: 'Live vaccine in the last 4 weeks',
  serious_infection_active: 'Active serious infection',
};

const de: Record<InputName, string> = {
  age_years: 'Alter (Jahre)',
  sex_female: 'Weibliches Geschlecht',
  bmi: 'Body-Mass-Index (BMI)',
  smoking_current: 'Aktuell Raucher/in',
  smoking_ever: 'Jemals geraucht',
  disease_duration_years: 'Krankheitsdauer (Jahre)',
  prior_advanced_count: 'Anzahl bisheriger fortgeschrittener Therapien',
  prior_anti_tnf: 'Vorbehandlung mit Anti-TNF',
  prior_anti_integrin: 'Vorbehandlung mit Anti-Integrin',
  prior_anti_il12_23: 'Vorbehandlung mit Anti-IL-12/23 oder Anti-IL-23',
  prior_jak: 'Vorbehandlung mit JAK-Inhibitor',
  prior_s1p: 'Vorbehandlung mit S1P-Rezeptor-Modulator',
  prior_other_advanced: 'Vorbehandlung mit anderer fortgeschrittener Therapie',
  prior_anti_tnf_primary_nonresponse: 'Primäres Nichtansprechen auf Anti-TNF',
  prior_anti_tnf_loss_of_response: 'Sekundärer Wirkverlust unter Anti-TNF',
  prior_intolerance: 'Fortgeschrittene Therapie wegen Unverträglichkeit beendet',
  current_advanced_therapy: 'Aktuelle fortgeschrittene Therapie',
  current_therapy_duration_months: 'Dauer der aktuellen Therapie (Monate)',
  steroids_current: 'Aktuell Kortikosteroide',
  immunomodulator_current: 'Aktuell Immunmodulator (Thiopurin, Methotrexat)',
  crp_mg_l: 'C-reaktives Protein (CRP)',
  fcal_ug_g: 'Calprotectin im Stuhl',
  esr_mm_h: 'Blutsenkungsgeschwindigkeit (BSG)',
  albumin_g_l: 'Albumin im Serum',
  haemoglobin_g_dl: 'Hämoglobin',
  lymphocytes_10e9_l: 'Absolute Lymphozytenzahl',
  cd_location: 'Lokalisation nach Montreal (Morbus Crohn)',
  cd_behaviour: 'Krankheitsverhalten nach Montreal (Morbus Crohn)',
  cd_perianal: 'Perianaler Befall (Morbus Crohn)',
  prior_bowel_resection: 'Frühere Darmresektion',
  hbi: 'Harvey-Bradshaw-Index (HBI)',
  cdai_cd: 'Crohn’s Disease Activity Index (CDAI)',
  uc_extent: 'Ausdehnung nach Montreal (Colitis ulcerosa)',
  mayo_partial: 'Partieller Mayo-Score',
  mayo_full: 'Vollständiger Mayo-Score',
  eim_present: 'Extraintestinale Manifestation',
  rf_positive: 'Rheumafaktor positiv',
  anti_ccp_positive: 'Anti-CCP-Antikörper positiv',
  das28_crp: 'DAS28-CRP',
  das28_esr: 'DAS28-BSG',
  cdai_ra: 'Clinical Disease Activity Index (CDAI, RA)',
  sdai: 'Simplified Disease Activity Index (SDAI)',
  relapses_12m: 'Schübe in den letzten 12 Monaten',
  relapses_24m: 'Schübe in den letzten 24 Monaten',
  edss: 'Expanded Disability Status Scale (EDSS)',
  new_t2_lesions_12m: 'Neue oder vergrößerte T2-Läsionen (12 Monate)',
  gd_lesions_12m: 'Gadolinium-anreichernde Läsionen (12 Monate)',
  heart_failure_nyha: 'Herzinsuffizienz (NYHA-Klasse)',
  demyelinating_disease: 'Demyelinisierende Erkrankung',
  tb_latent: 'Latente Tuberkulose',
  tb_active: 'Aktive Tuberkulose',
  tb_screen_result: 'Tuberkulose-Screening (IGRA/Tuberkulin-Hauttest)',
  hbv_hbsag: 'HBsAg',
  hbv_anti_hbc: 'Anti-HBc',
  jcv_antibody_status: 'JC-Virus-Antikörperstatus',
  jcv_index: 'JC-Virus-Antikörperindex',
  pregnancy_current: 'Schwangerschaft',
  pregnancy_planned: 'Kinderwunsch',
  malignancy_history: 'Maligne Erkrankung in der Vorgeschichte',
  vte_history: 'Venöse Thromboembolie in der Vorgeschichte',
  cv_risk: 'Kardiovaskuläre Risikofaktoren',
  live_vaccine_recent: 'Lebendimpfung in den letzten 4 Wochen',
  serious_infection_active: 'Aktive schwere Infektion',
};

const fr: Record<InputName, string> = {
  age_years: 'Âge (ans)',
  sex_female: 'Sexe féminin',
  bmi: 'Indice de masse corporelle (IMC)',
  smoking_current: 'Tabagisme actif',
  smoking_ever: 'Tabagisme actuel ou ancien',
  disease_duration_years: 'Durée d’évolution de la maladie (ans)',
  prior_advanced_count: 'Nombre de traitements avancés antérieurs',
  prior_anti_tnf: 'Exposition antérieure à un anti-TNF',
  prior_anti_integrin: 'Exposition antérieure à un anti-intégrine',
  prior_anti_il12_23: 'Exposition antérieure à un anti-IL-12/23 ou anti-IL-23',
  prior_jak: 'Exposition antérieure à un inhibiteur de JAK',
  prior_s1p: 'Exposition antérieure à un modulateur des récepteurs S1P',
  prior_other_advanced: 'Autre traitement avancé antérieur',
  prior_anti_tnf_primary_nonresponse: 'Non-réponse primaire à un anti-TNF',
  prior_anti_tnf_loss_of_response: 'Perte de réponse secondaire à un anti-TNF',
  prior_intolerance: 'Traitement avancé arrêté pour intolérance',
  current_advanced_therapy: 'Traitement avancé en cours',
  current_therapy_duration_months: 'Durée du traitement en cours (mois)',
  steroids_current: 'Corticoïdes en cours',
  immunomodulator_current: 'Immunomodulateur en cours (thiopurine, méthotrexate)',
  crp_mg_l: 'Protéine C réactive (CRP)',
  fcal_ug_g: 'Calprotectine fécale',
  esr_mm_h: 'Vitesse de sédimentation (VS)',
  albumin_g_l: 'Albumine sérique',
  haemoglobin_g_dl: 'Hémoglobine',
  lymphocytes_10e9_l: 'Lymphocytes (valeur absolue)',
  cd_location: 'Localisation selon Montréal (maladie de Crohn)',
  cd_behaviour: 'Phénotype selon Montréal (maladie de Crohn)',
  cd_perianal: 'Atteinte périanale (maladie de Crohn)',
  prior_bowel_resection: 'Résection intestinale antérieure',
  hbi: 'Indice de Harvey-Bradshaw (HBI)',
  cdai_cd: 'Indice d’activité de la maladie de Crohn (CDAI)',
  uc_extent: 'Extension selon Montréal (rectocolite hémorragique)',
  mayo_partial: 'Score Mayo partiel',
  mayo_full: 'Score Mayo complet',
  eim_present: 'Manifestation extra-intestinale',
  rf_positive: 'Facteur rhumatoïde positif',
  anti_ccp_positive: 'Anticorps anti-CCP positifs',
  das28_crp: 'DAS28-CRP',
  das28_esr: 'DAS28-VS',
  cdai_ra: 'Clinical Disease Activity Index (CDAI, PR)',
  sdai: 'Simplified Disease Activity Index (SDAI)',
  relapses_12m: 'Poussées au cours des 12 derniers mois',
  relapses_24m: 'Poussées au cours des 24 derniers mois',
  edss: 'Échelle EDSS (Expanded Disability Status Scale)',
  new_t2_lesions_12m: 'Lésions T2 nouvelles ou élargies (12 mois)',
  gd_lesions_12m: 'Lésions rehaussées par le gadolinium (12 mois)',
  heart_failure_nyha: 'Insuffisance cardiaque (classe NYHA)',
  demyelinating_disease: 'Maladie démyélinisante',
  tb_latent: 'Tuberculose latente',
  tb_active: 'Tuberculose active',
  tb_screen_result: 'Dépistage de la tuberculose (IGRA/IDR)',
  hbv_hbsag: 'Ag HBs',
  hbv_anti_hbc: 'Ac anti-HBc',
  jcv_antibody_status: 'Sérologie anti-JCV',
  jcv_index: 'Index des anticorps anti-JCV',
  pregnancy_current: 'Grossesse en cours',
  pregnancy_planned: 'Projet de grossesse',
  malignancy_history: 'Antécédent de cancer',
  vte_history: 'Antécédent de maladie thromboembolique veineuse',
  cv_risk: 'Facteurs de risque cardiovasculaire',
  live_vaccine_recent: 'Vaccin vivant au cours des 4 dernières semaines',
  serious_infection_active: 'Infection grave active',
};

/** Short labels of every model input and safety fact, by language. */
export const inputLabels: Readonly<Record<ClinicalLanguage, Readonly<Record<InputName, string>>>> = { en, de, fr };

/**
 * Category levels of the catalogue's category inputs other than drugs: Montreal L1-L4 / B1-B3 / E1-E3
 * (Silverberg 2005), the qualitative results of TB screening, HBV and JCV serology, and `none`/`present`
 * (cv_risk; `none` also for current_advanced_therapy). A test keeps this in step with the catalogue.
 */
export const CATEGORY_LEVELS = [
  'L1', 'L2', 'L3', 'L4', 'B1', 'B2', 'B3', 'E1', 'E2', 'E3', 'positive', 'negative', 'indeterminate', 'none', 'present',
] as const;
export type CategoryLevel = (typeof CATEGORY_LEVELS)[number];

/** Category level labels by language; the Montreal code stays in front so it matches the report. */
export const categoryLevelLabels: Readonly<Record<ClinicalLanguage, Readonly<Record<CategoryLevel, string>>>> = {
  en: {
    L1: 'L1 ileal', L2: 'L2 colonic', L3: 'L3 ileocolonic', L4: 'L4 isolated upper GI',
    B1: 'B1 non-stricturing, non-penetrating', B2: 'B2 stricturing', B3: 'B3 penetrating',
    E1: 'E1 ulcerative proctitis', E2: 'E2 left-sided colitis', E3: 'E3 extensive colitis (pancolitis)',
    positive: 'positive', negative: 'negative', indeterminate: 'indeterminate', none: 'none', present: 'present',
  },
  de: {
    L1: 'L1 ileal', L2: 'L2 kolisch', L3: 'L3 ileokolisch', L4: 'L4 isolierter Befall des oberen GI-Trakts',
    B1: 'B1 nicht strikturierend, nicht penetrierend', B2: 'B2 strikturierend', B3: 'B3 penetrierend',
    E1: 'E1 Proktitis', E2: 'E2 Linksseitenkolitis', E3: 'E3 ausgedehnte Kolitis (Pankolitis)',
    positive: 'positiv', negative: 'negativ', indeterminate: 'unbestimmt', none: 'keine', present: 'vorhanden',
  },
  fr: {
    L1: 'L1 iléale', L2: 'L2 colique', L3: 'L3 iléocolique', L4: 'L4 atteinte digestive haute isolée',
    B1: 'B1 non sténosant, non pénétrant', B2: 'B2 sténosant', B3: 'B3 pénétrant',
    E1: 'E1 rectite', E2: 'E2 colite gauche', E3: 'E3 colite étendue (pancolite)',
    positive: 'positif', negative: 'négatif', indeterminate: 'indéterminé', none: 'aucun', present: 'présent',
  },
};

/** Is a string one of the known category levels? */
export function isCategoryLevel(x: string): x is CategoryLevel {
  return (CATEGORY_LEVELS as readonly string[]).includes(x);
}

/** The label of an input in a language; an unknown name (a site model's input) is returned unchanged. */
export function inputLabel(name: string, lang: ClinicalLanguage): string {
  const labels: Readonly<Record<string, string>> = inputLabels[lang];
  return labels[name] ?? name;
}
