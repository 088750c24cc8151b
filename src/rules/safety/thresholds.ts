/**
 * Drug groups and per-drug numbers the safety rules use: which classes are immunosuppressive or need
 * screening, washout periods before conception, and laboratory start thresholds. Classes come from the
 * drug catalogue (src/extract/terminology/drugs.ts); nothing here re-declares a drug's class.
 * Section numbers are EU SmPC sections (4.2 posology, 4.3 contraindications, 4.4 warnings, 4.6 pregnancy);
 * "section to verify" marks a number recalled but not re-read against the current label text.
 */
import type { DrugClass } from '../../extract/terminology/drugs.ts';

/**
 * Advanced therapies that suppress immunity: every advanced class except interferon beta and glatiramer
 * acetate (immunomodulators whose labels carry no active-infection contraindication).
 */
export const IMMUNOSUPPRESSIVE: readonly DrugClass[] = [
  'anti-TNF',
  'anti-integrin',
  'anti-IL-12/23',
  'anti-IL-23',
  'JAK inhibitor',
  'S1P modulator',
  'anti-CD20',
  'anti-IL-6R',
  'CTLA4-Ig',
  'fumarate',
  'teriflunomide',
  'cladribine',
  'anti-integrin alpha4',
  'anti-CD52',
];

/**
 * Classes whose label requires TB screening before the first dose: anti-TNF, vedolizumab, ustekinumab,
 * IL-23 antibodies, tocilizumab/sarilumab, abatacept, JAK inhibitors (SmPC 4.4 each), cladribine
 * (Mavenclad SmPC 4.4: screening for latent infections incl. TB), alemtuzumab (Lemtrada SmPC 4.4).
 */
export const TB_SCREEN: readonly DrugClass[] = [
  'anti-TNF',
  'anti-integrin',
  'anti-IL-12/23',
  'anti-IL-23',
  'anti-IL-6R',
  'CTLA4-Ig',
  'JAK inhibitor',
  'cladribine',
  'anti-CD52',
  // Aubagio USPI 5 (screen for latent TB before start; EU SmPC 4.4 section to verify).
  'teriflunomide',
];

/**
 * Classes (other than anti-CD20, which has its own stricter rule) that need hepatitis B serology before
 * start: ECCO guideline on opportunistic infections 2021 (Kucharzik T et al., J Crohns Colitis
 * 2021;15:879-913) screens every IBD patient before immunosuppression; JAK inhibitor, abatacept,
 * tocilizumab, anti-TNF SmPC 4.4 (viral hepatitis screening / HBV reactivation); Mavenclad and Lemtrada
 * SmPC 4.4 (screening for hepatitis B before start).
 */
export const HBV_SCREEN: readonly DrugClass[] = [
  'anti-TNF',
  'anti-integrin',
  'anti-IL-12/23',
  'anti-IL-23',
  'anti-IL-6R',
  'CTLA4-Ig',
  'JAK inhibitor',
  'cladribine',
  'anti-CD52',
  // ECCO 2021 screens every IBD patient before immunosuppression, thiopurines included.
  'thiopurine',
];

/** Common adult lower reference limit of the absolute lymphocyte count, 10^9/L (lab-specific: local range to verify). */
export const LYMPHOCYTE_LLN = 1.0;

/** Drugs contraindicated in pregnancy (SmPC 4.3) and the washout before conception (SmPC 4.6 unless stated). */
export const PREGNANCY_WASHOUT: Readonly<Record<string, { washout: string; source: string }>> = {
  methotrexate: {
    washout: 'stop at least 3 months before conception',
    source:
      'Methotrexate SmPC 4.3/4.6 (contraindicated in pregnancy; contraception period per product, to verify); ACR 2020 reproductive health guideline (Sammaritano LR et al., Arthritis Rheumatol 2020;72:529-56): stop 1-3 months before conception',
  },
  leflunomide: {
    washout:
      'accelerated elimination (cholestyramine 8 g three times daily for 11 days) until teriflunomide < 0.02 mg/L; without it elimination takes up to 2 years',
    source: 'Arava (leflunomide) SmPC 4.3/4.4/4.6',
  },
  teriflunomide: {
    washout:
      'accelerated elimination (cholestyramine 8 g three times daily, or activated charcoal 50 g twice daily, for 11 days) until plasma level < 0.02 mg/L; without it elimination takes 8 months on average, up to 2 years',
    source: 'Aubagio SmPC 4.3 (pregnancy; women of childbearing potential without reliable contraception), 4.4/4.6 accelerated elimination procedure',
  },
  cladribine: {
    washout: 'contraception during treatment and for at least 6 months after the last dose (women and men)',
    source: 'Mavenclad SmPC 4.3 (pregnancy) / 4.6 (contraception 6 months after the last dose)',
  },
  fingolimod: {
    washout: 'stop 2 months before conception',
    source: 'Gilenya SmPC 4.3 (pregnancy; women of childbearing potential without effective contraception) / 4.6 (2 months)',
  },
  siponimod: { washout: 'contraception for at least 10 days after the last dose', source: 'Mayzent SmPC 4.3/4.6 (10 days; section to verify)' },
  ozanimod: { washout: 'contraception for 3 months after the last dose', source: 'Zeposia SmPC 4.3/4.6 (3 months)' },
  ponesimod: { washout: 'contraception for 1 week after the last dose', source: 'Ponvory SmPC 4.3/4.6 (1 week; section to verify)' },
  etrasimod: { washout: 'contraception for 14 days after the last dose', source: 'Velsipity SmPC 4.3/4.6 (14 days; section to verify)' },
  tofacitinib: { washout: 'contraception for at least 4 weeks after the last dose', source: 'Xeljanz SmPC 4.3 (pregnancy and breast-feeding) / 4.6 (4 weeks)' },
  baricitinib: { washout: 'contraception for at least 1 week after the last dose', source: 'Olumiant SmPC 4.3 (pregnancy) / 4.6 (1 week)' },
  upadacitinib: { washout: 'contraception for 4 weeks after the last dose', source: 'Rinvoq SmPC 4.3 (pregnancy) / 4.6 (4 weeks)' },
  filgotinib: { washout: 'contraception for at least 1 week after the last dose', source: 'Jyseleca SmPC 4.3 (pregnancy) / 4.6 (1 week; section to verify)' },
  mycophenolate: {
    washout: 'highly effective contraception during treatment and for 6 weeks after stopping (male patients: 90 days)',
    source:
      'CellCept SmPC 4.3 (pregnancy; women of childbearing potential not using highly effective contraception) / 4.6 (6 weeks; men 90 days); CellCept USPI boxed warning (embryofetal toxicity); revision dates to verify',
  },
};

/** A laboratory start threshold: do not start below `min`. */
export interface StartThreshold {
  min: number;
  basis: string;
  source: string;
}

const S1P_LYMPH: StartThreshold = {
  min: 0.2,
  basis: 'label threshold for interrupting treatment; a count below it does not support starting',
  source:
    'Gilenya, Zeposia, Ponvory, Velsipity SmPC 4.4 (interrupt if confirmed < 0.2 x10^9/L; recent blood count within 6 months before start); Mayzent SmPC 4.2/4.4 (reduce to 1 mg if < 0.2); section to verify per product',
};

/** Absolute lymphocyte count (10^9/L) below which the drug should not be started. */
export const LYMPHOCYTE_START_MIN: Readonly<Record<string, StartThreshold>> = {
  tofacitinib: { min: 0.75, basis: 'do not initiate if lymphocytes < 0.75', source: 'Xeljanz SmPC 4.2/4.4 (ALC < 750 cells/mm3: do not initiate)' },
  baricitinib: { min: 0.5, basis: 'do not initiate if lymphocytes < 0.5', source: 'Olumiant SmPC 4.2 (ALC < 0.5 x10^9/L: do not initiate)' },
  upadacitinib: { min: 0.5, basis: 'do not initiate if lymphocytes < 0.5', source: 'Rinvoq SmPC 4.2 (ALC < 0.5 x10^9/L: do not initiate)' },
  filgotinib: { min: 0.5, basis: 'do not initiate if lymphocytes < 0.5', source: 'Jyseleca SmPC 4.2 (ALC < 0.5 x10^9/L: do not initiate; section to verify)' },
  fingolimod: S1P_LYMPH,
  siponimod: S1P_LYMPH,
  ozanimod: S1P_LYMPH,
  ponesimod: S1P_LYMPH,
  etrasimod: S1P_LYMPH,
  cladribine: {
    min: LYMPHOCYTE_LLN,
    basis: 'year 1: lymphocytes must be within normal limits (year 2: at least 0.8)',
    source: 'Mavenclad SmPC 4.2/4.4: normal lymphocyte count before year 1, >= 800 cells/mm3 before year 2; LLN 1.0 x10^9/L (local reference range to verify)',
  },
};

/** Cladribine year-2 course (patient currently on cladribine): at least 0.8 x10^9/L (Mavenclad SmPC 4.2). */
export const CLADRIBINE_YEAR2_MIN: StartThreshold = {
  min: 0.8,
  basis: 'year 2: lymphocytes at least 0.8',
  source: 'Mavenclad SmPC 4.2/4.4 (>= 800 cells/mm3 before the year-2 course)',
};

/** Haemoglobin (g/dL) below which a JAK inhibitor should not be started. */
export const HAEMOGLOBIN_START_MIN: Readonly<Record<string, StartThreshold>> = {
  tofacitinib: { min: 9, basis: 'do not initiate if haemoglobin < 9 g/dL', source: 'Xeljanz SmPC 4.2/4.4 (Hb < 9 g/dL: do not initiate)' },
  baricitinib: { min: 8, basis: 'do not initiate if haemoglobin < 8 g/dL', source: 'Olumiant SmPC 4.2 (Hb < 8 g/dL: do not initiate)' },
  upadacitinib: { min: 8, basis: 'do not initiate if haemoglobin < 8 g/dL', source: 'Rinvoq SmPC 4.2 (Hb < 8 g/dL: do not initiate)' },
  filgotinib: { min: 8, basis: 'do not initiate if haemoglobin < 8 g/dL', source: 'Jyseleca SmPC 4.2 (Hb < 8 g/dL: do not initiate; section to verify)' },
};
