/**
 * Laboratory start limits by drug, grouped in families (one laboratory value, several levels): neutrophils,
 * platelets, transaminases (x ULN), eGFR, IgG. Each limit carries its source. Label wording maps to levels:
 * "do not initiate" / 4.3 contraindication -> contraindicated; "not recommended" -> only if no alternative;
 * "caution" / dose reduction -> caution. Where a label asks for the test but names no number, the limit is
 * the app's and says so ("app threshold"), with the reason for the number.
 */
import type { InputName } from '../../extract/catalogue.ts';
import type { LabelSource, RuleId, Severity } from './types.ts';

/** One drug's limit in a family member, with its source. */
export interface LabLimit {
  limit: number;
  source: string;
}

/** One rule of a family: its level, and the drugs with their limits. */
export interface LabMember {
  id: RuleId;
  severity: Severity;
  threshold: string;
  label: LabelSource;
  rationale: string;
  limits: Readonly<Record<string, LabLimit>>;
}

/** A laboratory value and its rules, strictest first. */
export interface LabFamily {
  facts: InputName[];
  direction: 'below' | 'above';
  unit: string;
  members: LabMember[];
}

const each = (inns: readonly string[], limit: number, source: string): Record<string, LabLimit> =>
  Object.fromEntries(inns.map((inn) => [inn, { limit, source }]));
const JAK = ['tofacitinib', 'baricitinib', 'upadacitinib', 'filgotinib'] as const;
const S1P = ['fingolimod', 'siponimod', 'ozanimod', 'ponesimod', 'etrasimod'] as const;
const SIGNIFICANT =
  'the label names no number for "significant" cytopenia: app threshold (CTCAE v5.0 grade 2 neutropenia < 1.5 x10^9/L; platelets < 100 x10^9/L)';
const DILI =
  'the label asks for liver tests before start but names no start limit: app threshold 3 x ULN (the ALT signal of FDA Guidance for Industry, Drug-Induced Liver Injury: Premarketing Clinical Evaluation, July 2009)';
const ACTEMRA_EU =
  'RoActemra SmPC 4.4 (ANC < 2 and platelets < 100 x10^9/L, ALT/AST > 1.5 x ULN: caution; ANC < 0.5, platelets < 50 x10^9/L, ALT/AST > 5 x ULN: not recommended); revision date to verify';
const ACTEMRA_US = 'Actemra USPI 2 (not recommended to start with ANC < 2000/mm3, platelets < 100,000/mm3, ALT/AST > 1.5 x ULN)';
const KEVZARA =
  'Kevzara SmPC 4.2/4.4 and USPI 2 (initiation not recommended with ANC < 2 x10^9/L, platelets < 150 x10^9/L, ALT/AST > 1.5 x ULN); EU section to verify';

export const LAB_FAMILIES: readonly LabFamily[] = [
  {
    facts: ['neutrophils_10e9_l'],
    direction: 'below',
    unit: '10^9/L',
    members: [
      {
        id: 'neutrophils-do-not-start',
        severity: 'contraindicated',
        threshold: "Neutrophils below the drug's start limit",
        label: {
          eu: 'Xeljanz, Olumiant, Rinvoq, Jyseleca SmPC 4.2 (ANC < 1 x10^9/L: do not initiate); Aubagio, Arava SmPC 4.3 (significant neutropenia); methotrexate SmPC 4.3 (blood dyscrasias)',
          us: 'Xeljanz, Olumiant, Rinvoq USPI 2 (avoid initiation with ANC < 1000/mm3); Aubagio USPI 5 (CBC before start)',
          follows: 'EU',
        },
        rationale: '"Do not initiate" (JAK) and 4.3 contraindications (teriflunomide, leflunomide, methotrexate) are start limits: contraindicated.',
        limits: {
          ...each(JAK, 1.0, 'Xeljanz, Olumiant, Rinvoq, Jyseleca SmPC 4.2: do not initiate with ANC < 1 x10^9/L (Jyseleca section to verify)'),
          teriflunomide: { limit: 1.5, source: `Aubagio SmPC 4.3 (significantly impaired bone marrow function or significant neutropenia); ${SIGNIFICANT}` },
          leflunomide: { limit: 1.5, source: `Arava SmPC 4.3 (significant neutropenia); ${SIGNIFICANT}` },
          methotrexate: { limit: 1.5, source: `Methotrexate SmPC 4.3 (pre-existing blood dyscrasias; product to verify); ${SIGNIFICANT}` },
        },
      },
      {
        id: 'neutrophils-not-recommended',
        severity: 'only-if-no-alternative',
        threshold: 'Neutrophils below the limit under which the label does not recommend starting',
        label: { eu: `${ACTEMRA_EU}; ${KEVZARA}`, us: `${ACTEMRA_US}; ${KEVZARA}`, follows: 'EU' },
        rationale:
          '"Not recommended" -> only if no suitable alternative. Tocilizumab follows the EU (not recommended below 0.5, caution below 2; the US does not recommend below 2).',
        limits: { sarilumab: { limit: 2.0, source: KEVZARA }, tocilizumab: { limit: 0.5, source: ACTEMRA_EU } },
      },
      {
        id: 'neutrophils-caution',
        severity: 'caution',
        threshold: 'Neutrophils below 2 x10^9/L (tocilizumab)',
        label: { eu: ACTEMRA_EU, us: ACTEMRA_US, follows: 'EU' },
        rationale: 'EU: caution when starting with ANC < 2 x10^9/L (US: not recommended).',
        limits: { tocilizumab: { limit: 2.0, source: ACTEMRA_EU } },
      },
    ],
  },
  {
    facts: ['platelets_10e9_l'],
    direction: 'below',
    unit: '10^9/L',
    members: [
      {
        id: 'platelets-do-not-start',
        severity: 'contraindicated',
        threshold: 'Platelets below 100 x10^9/L (significant thrombocytopenia)',
        label: {
          eu: 'Aubagio, Arava SmPC 4.3 (significant thrombocytopenia); methotrexate SmPC 4.3 (thrombocytopenia)',
          us: 'Aubagio USPI 5 (CBC before start); methotrexate USPI (blood dyscrasias; product to verify)',
          follows: 'EU',
        },
        rationale: '4.3 contraindications without a number: the app sets 100 x10^9/L and says so.',
        limits: {
          teriflunomide: { limit: 100, source: `Aubagio SmPC 4.3; ${SIGNIFICANT}` },
          leflunomide: { limit: 100, source: `Arava SmPC 4.3; ${SIGNIFICANT}` },
          methotrexate: { limit: 100, source: `Methotrexate SmPC 4.3 (product to verify); ${SIGNIFICANT}` },
        },
      },
      {
        id: 'platelets-not-recommended',
        severity: 'only-if-no-alternative',
        threshold: 'Platelets below the limit under which the label does not recommend starting',
        label: { eu: `${ACTEMRA_EU}; ${KEVZARA}`, us: `${ACTEMRA_US}; ${KEVZARA}`, follows: 'EU' },
        rationale: '"Not recommended" -> only if no suitable alternative (sarilumab < 150, tocilizumab < 50 x10^9/L).',
        limits: { sarilumab: { limit: 150, source: KEVZARA }, tocilizumab: { limit: 50, source: ACTEMRA_EU } },
      },
      {
        id: 'platelets-caution',
        severity: 'caution',
        threshold: 'Platelets below 100 x10^9/L (tocilizumab)',
        label: { eu: ACTEMRA_EU, us: ACTEMRA_US, follows: 'EU' },
        rationale: 'EU: caution when starting with platelets < 100 x10^9/L (US: not recommended).',
        limits: { tocilizumab: { limit: 100, source: ACTEMRA_EU } },
      },
    ],
  },
  {
    facts: ['alt_x_uln', 'ast_x_uln'],
    direction: 'above',
    unit: 'x ULN',
    members: [
      {
        id: 'liver-do-not-start',
        severity: 'contraindicated',
        threshold: "ALT or AST above the drug's start limit (x ULN)",
        label: {
          eu: 'Methotrexate SmPC 4.3 (hepatic impairment); Arava SmPC 4.3 (impaired liver function); Aubagio SmPC 4.3 (severe hepatic impairment)',
          us: 'Aubagio USPI boxed warning and 5 (do not treat with ALT > 2 x ULN before start); Arava USPI boxed warning (not recommended with ALT > 2 x ULN)',
          follows: 'US',
        },
        rationale:
          'Teriflunomide follows the stricter US text (ALT > 2 x ULN: do not treat); methotrexate and leflunomide: 4.3 hepatic impairment, read as ALT/AST > 3 x ULN (app threshold).',
        limits: {
          teriflunomide: {
            limit: 2,
            source:
              'Aubagio USPI boxed warning / 5.1 (patients with ALT > 2 x ULN before start should not be treated); Aubagio SmPC 4.3 (severe hepatic impairment)',
          },
          methotrexate: { limit: 3, source: `Methotrexate SmPC 4.3 (hepatic impairment; product to verify); ${DILI}` },
          leflunomide: {
            limit: 3,
            source: 'Arava SmPC 4.3 (impaired liver function) / 4.4 (ALT > 3 x ULN: stop); USPI boxed warning (ALT > 2 x ULN: not recommended)',
          },
        },
      },
      {
        id: 'liver-not-recommended',
        severity: 'only-if-no-alternative',
        threshold: 'ALT or AST above the limit under which the label does not recommend starting',
        label: { eu: `${ACTEMRA_EU}; ${KEVZARA}`, us: `${ACTEMRA_US}; ${KEVZARA}`, follows: 'EU' },
        rationale: '"Not recommended" -> only if no suitable alternative (tocilizumab > 5 x ULN, sarilumab > 1.5 x ULN).',
        limits: { tocilizumab: { limit: 5, source: ACTEMRA_EU }, sarilumab: { limit: 1.5, source: KEVZARA } },
      },
      {
        id: 'liver-caution',
        severity: 'caution',
        threshold: "ALT or AST raised: above the drug's caution limit (x ULN)",
        label: {
          eu: 'RoActemra SmPC 4.4 (> 1.5 x ULN); Arava SmPC 4.4 (2-3 x ULN: dose reduction); JAK, S1P modulator, Mavenclad, Skyrizi (Crohn), Omvoh SmPC 4.4 (liver tests before start; interrupt on drug-induced liver injury); sections to verify',
          us: 'Actemra USPI 2; Xeljanz, Olumiant, Rinvoq, S1P, Mavenclad, Skyrizi, Omvoh USPI 5 (liver tests before start)',
          follows: 'EU and US',
        },
        rationale: 'Raised transaminases at baseline call for caution and monitoring; where the label names no number the app uses 3 x ULN (stated).',
        limits: {
          tocilizumab: { limit: 1.5, source: ACTEMRA_EU },
          methotrexate: {
            limit: 2,
            source: `Methotrexate SmPC 4.4 (liver function monitoring; product to verify); app threshold 2 x ULN (the leflunomide dose-reduction band, applied alike)`,
          },
          leflunomide: { limit: 2, source: 'Arava SmPC 4.4 (ALT 2-3 x ULN: dose reduction to 10 mg and weekly monitoring)' },
          ...each(JAK, 3, `Xeljanz, Olumiant, Rinvoq, Jyseleca SmPC 4.4 (liver tests; interrupt if drug-induced liver injury is suspected); ${DILI}`),
          ...each(S1P, 3, `Gilenya, Mayzent, Zeposia, Ponvory, Velsipity SmPC 4.4 (transaminases and bilirubin within 6 months before start); ${DILI}`),
          cladribine: {
            limit: 3,
            source: `Mavenclad SmPC 4.4 (liver injury: liver tests before each course; revision date to verify); Mavenclad USPI 5 (hepatic injury); ${DILI}`,
          },
          ...each(
            ['risankizumab', 'mirikizumab'],
            3,
            `Skyrizi SmPC 4.4 (Crohn's disease: liver enzymes and bilirubin at baseline and during induction); Omvoh SmPC 4.4 (liver enzymes at baseline); ${DILI}`,
          ),
        },
      },
    ],
  },
  {
    facts: ['egfr_ml_min'],
    direction: 'below',
    unit: 'mL/min/1.73m2',
    members: [
      {
        id: 'renal-contraindicated',
        severity: 'contraindicated',
        threshold: "eGFR (or creatinine clearance) below the drug's contraindication limit",
        label: {
          eu: 'Mavenclad SmPC 4.3 (moderate or severe renal impairment, creatinine clearance < 60 mL/min); methotrexate SmPC 4.3 (severe renal impairment, < 30 mL/min; product to verify)',
          us: 'Mavenclad USPI 8.6 (not recommended with creatinine clearance < 60 mL/min); methotrexate USPI 8 (renal impairment)',
          follows: 'EU',
        },
        rationale: 'EU 4.3 contraindications; the US "not recommended" for cladribine would give only-if-no-alternative. Level follows the EU.',
        limits: {
          cladribine: { limit: 60, source: 'Mavenclad SmPC 4.3 (creatinine clearance < 60 mL/min); USPI 8.6' },
          methotrexate: { limit: 30, source: 'Methotrexate SmPC 4.3 (severe renal impairment, creatinine clearance < 30 mL/min; product to verify)' },
        },
      },
      {
        id: 'renal-not-recommended',
        severity: 'only-if-no-alternative',
        threshold: 'eGFR (or creatinine clearance) below the limit under which the label does not recommend use',
        label: {
          eu: 'Olumiant SmPC 4.2 (creatinine clearance < 30 mL/min: not recommended); Jyseleca SmPC 4.2 (end-stage renal disease, < 15 mL/min: not recommended)',
          us: 'Olumiant USPI 2 (eGFR < 30: not recommended); Jyseleca not licensed in the US',
          follows: 'EU and US',
        },
        rationale: '"Not recommended" -> only if no suitable alternative.',
        limits: {
          baricitinib: { limit: 30, source: 'Olumiant SmPC 4.2 (creatinine clearance < 30 mL/min: not recommended); USPI 2' },
          filgotinib: { limit: 15, source: 'Jyseleca SmPC 4.2 (creatinine clearance < 15 mL/min: not recommended; section to verify)' },
        },
      },
      {
        id: 'renal-dose-reduce',
        severity: 'caution',
        threshold: "eGFR (or creatinine clearance) below the drug's dose-adjustment limit: reduced dose or caution",
        label: {
          eu: 'Olumiant SmPC 4.2 (30-60 mL/min: 2 mg); Jyseleca SmPC 4.2 (15-60 mL/min: 100 mg; UC: section to verify); methotrexate SmPC 4.2 (30-59 mL/min: dose reduction; product to verify); Xeljanz, Rinvoq SmPC 4.2 (severe renal impairment < 30: lower dose / caution)',
          us: 'Olumiant, Xeljanz, Rinvoq USPI 2 (renal dose adjustment)',
          follows: 'EU and US',
        },
        rationale: 'A dose adjustment, not a restriction: caution.',
        limits: {
          baricitinib: { limit: 60, source: 'Olumiant SmPC 4.2 (creatinine clearance 30-60 mL/min: 2 mg once daily)' },
          filgotinib: { limit: 60, source: 'Jyseleca SmPC 4.2 (creatinine clearance 15-60 mL/min: 100 mg once daily; section to verify)' },
          methotrexate: { limit: 60, source: 'Methotrexate SmPC 4.2 (creatinine clearance 30-59 mL/min: reduce the dose; product to verify)' },
          tofacitinib: {
            limit: 30,
            source:
              'Xeljanz SmPC 4.2 (severe renal impairment, creatinine clearance < 30 mL/min: reduced dose); USPI 2 (moderate and severe renal impairment: dose adjustment); section to verify',
          },
          upadacitinib: {
            limit: 30,
            source:
              'Rinvoq SmPC 4.2 (severe renal impairment, eGFR 15 to < 30: use with caution / lower dose by indication; end-stage renal disease not studied); USPI 2; section to verify',
          },
        },
      },
    ],
  },
  {
    facts: ['igg_g_l'],
    direction: 'below',
    unit: 'g/L',
    members: [
      {
        id: 'anti-cd20-igg',
        severity: 'caution',
        threshold: 'IgG below the lower reference limit (7 g/L; local range to verify)',
        label: {
          eu: 'Ocrevus, Kesimpta SmPC 4.4 (immunoglobulins before start; hypogammaglobulinaemia and serious infections); MabThera SmPC 4.4 (RA: immunoglobulins before start); Briumvi SmPC 4.4 (section to verify)',
          us: 'Ocrevus, Kesimpta, Briumvi USPI 5 (quantitative serum immunoglobulins before start); Rituxan USPI 5',
          follows: 'EU and US',
        },
        rationale:
          'Hypogammaglobulinaemia raises the infection risk of B-cell depletion: caution and specialist advice; the test is due before start (unknown -> screen).',
        limits: each(
          ['rituximab', 'ocrelizumab', 'ofatumumab', 'ublituximab'],
          7,
          'Ocrevus/Kesimpta/MabThera SmPC 4.4 and USPI 5 (immunoglobulins before start); adult lower reference limit 7 g/L (local range to verify)',
        ),
      },
    ],
  },
];
