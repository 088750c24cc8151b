/** Rheumatoid arthritis scenarios (US Core, German MII, IPS/Luxembourg, Swiss and French). Label sources: README.md in this folder. */
import { UNKNOWN, type Scenario } from '../expect.ts';
import { ANSWER, INTERPRETATION, LAB, RecordBuilder, daysAgo, icd10, icd10cm, icd10gm, loinc, monthsAgo, rxnorm, sct } from '../builders.ts';
import { ANTI_TNF_HF, JAK_RA, NOT_NOW, OPTIONS, each } from './common.ts';

const RA = OPTIONS.RA;
const HBV_REACTIVATION = ['adalimumab', 'etanercept', 'infliximab', 'certolizumab pegol', 'golimumab', 'abatacept', 'tocilizumab', 'sarilumab', ...JAK_RA];

export const RA_SCENARIOS: Scenario[] = [
  {
    id: 'ra-us-hbsag-non-reactive',
    title: 'Negative control: HBsAg "Non-Reactive" (text) with interpretation N, on methotrexate',
    indication: 'RA',
    style: 'US',
    negativeControl: true,
    covers: ['HBsAg non-reactive text (false alarm)', 'negative control'],
    sources: ['MabThera SmPC 4.4 (HBV screening); EASL HBV 2017'],
    record: () =>
      new RecordBuilder('ra-us-hbsag-non-reactive', 'US', { age: 52, gender: 'female' })
        .indication('RA', 8)
        .workup({ skip: ['hbv'] })
        .negativePregnancyTest()
        .text(LAB.hbsag, 'Non-Reactive', daysAgo(30), { interpretation: INTERPRETATION.N })
        .text(LAB.antiHbc, 'Non-Reactive', daysAgo(30), { interpretation: INTERPRETATION.N })
        .medication('methotrexate', { kind: 'request', status: 'active', start: monthsAgo(30) })
        .build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'hbv_hbsag', is: 'negative' },
        { name: 'hbv_anti_hbc', is: 'negative' },
      ],
    },
  },
  {
    id: 'ra-de-neg',
    title: 'Negative control: man 48 on methotrexate, full work-up',
    indication: 'RA',
    style: 'DE',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['RA option labels: screening only'],
    record: () =>
      new RecordBuilder('ra-de-neg', 'DE', { age: 48, gender: 'male' })
        .indication('RA', 5)
        .workup()
        .medication('methotrexate', { status: 'active', start: monthsAgo(20) })
        .build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'alt_x_uln', is: { min: 0.5, max: 0.7 } },
        { name: 'egfr_ml_min', is: { min: 90, max: 100 } },
      ],
    },
  },
  {
    id: 'ra-lu-neg',
    title: 'Negative control: woman 44, negative pregnancy test, full work-up',
    indication: 'RA',
    style: 'LU',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['RA option labels: screening only'],
    record: () => new RecordBuilder('ra-lu-neg', 'LU', { age: 44, gender: 'female' }).indication('RA', 3).workup().negativePregnancyTest(6).build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'neutrophils_10e9_l', is: { min: 4, max: 4.2 } },
        { name: 'platelets_10e9_l', is: { min: 250, max: 270 } },
      ],
    },
  },
  {
    id: 'ra-us-nyha-snomed',
    title: 'Heart failure with NYHA class III as a SNOMED finding on the problem list',
    indication: 'RA',
    style: 'US',
    covers: ['NYHA as SNOMED finding'],
    sources: ['Humira/Remicade/Cimzia/Simponi SmPC 4.3 (NYHA III/IV); Enbrel SmPC 4.4 (caution)'],
    record: () =>
      new RecordBuilder('ra-us-nyha-snomed', 'US', { age: 63, gender: 'male' })
        .indication('RA', 10)
        .workup()
        .condition([sct('84114007', 'Heart failure'), icd10cm('I50.9', 'Heart failure, unspecified')], { onset: monthsAgo(30) })
        .condition([sct('420913000', 'New York Heart Association Classification - Class III')], { onset: monthsAgo(2) })
        .build(),
    expect: {
      drugs: [...each(ANTI_TNF_HF, 'contraindicated', ['heart_failure_nyha']), { drug: 'etanercept', worst: 'caution', because: ['heart_failure_nyha'] }],
      facts: [{ name: 'heart_failure_nyha', is: 3 }],
    },
  },
  {
    id: 'ra-de-nyha-old',
    title: 'NYHA III (LOINC 88020-3, SNOMED answer) recorded 20 months ago, heart failure still active',
    indication: 'RA',
    style: 'DE',
    covers: ['NYHA III recorded 20 months ago still contraindicates anti-TNF'],
    sources: ['Humira/Remicade/Cimzia/Simponi SmPC 4.3 (NYHA III/IV)'],
    record: () =>
      new RecordBuilder('ra-de-nyha-old', 'DE', { age: 61, gender: 'male' })
        .indication('RA', 9)
        .workup()
        .condition([icd10gm('I50.9', 'Herzinsuffizienz, nicht näher bezeichnet')], { onset: monthsAgo(26) })
        .coded(LAB.nyha, ANSWER.nyhaIII, monthsAgo(20), { category: 'exam' })
        .build(),
    expect: {
      drugs: each(ANTI_TNF_HF, 'contraindicated', ['heart_failure_nyha']),
      flags: [{ drug: 'adalimumab', facts: ['heart_failure_nyha'], level: 'contraindicated', evidence: { name: 'heart_failure_nyha', state: 'stale' } }],
      facts: [{ name: 'heart_failure_nyha', is: 3 }],
    },
  },
  {
    id: 'ra-ch-nyha-iv',
    title: 'NYHA class IV (LOINC 88020-3) one month ago: rituximab and anti-TNF',
    indication: 'RA',
    style: 'CH',
    covers: ['rituximab in NYHA IV'],
    sources: ['MabThera SmPC 4.3 (RA: severe heart failure NYHA IV); anti-TNF SmPC 4.3; Enbrel SmPC 4.4'],
    record: () =>
      new RecordBuilder('ra-ch-nyha-iv', 'CH', { age: 58, gender: 'female' })
        .indication('RA', 15)
        .workup()
        .condition([icd10('I50.9', 'Insuffisance cardiaque, sans précision')], { onset: monthsAgo(40) })
        .coded(LAB.nyha, ANSWER.nyhaIV, daysAgo(30), { category: 'exam' })
        .build(),
    expect: {
      drugs: [
        { drug: 'rituximab', worst: 'contraindicated', because: ['heart_failure_nyha'] },
        ...each(ANTI_TNF_HF, 'contraindicated', ['heart_failure_nyha']),
        { drug: 'etanercept', worst: ['caution', 'only-if-no-alternative'], because: ['heart_failure_nyha'] },
      ],
      facts: [{ name: 'heart_failure_nyha', is: 4 }],
    },
  },
  {
    id: 'ra-lu-hbv-chronic-dx',
    title: 'Chronic hepatitis B known only as a diagnosis (B18.1), no HBsAg result',
    indication: 'RA',
    style: 'LU',
    covers: ['chronic HBV only as diagnosis'],
    sources: [
      'MabThera SmPC 4.4 (active hepatitis B must not be treated); anti-TNF/JAK/IL-6R/abatacept SmPC 4.4 (HBV reactivation); EASL HBV 2017 (prophylaxis before immunosuppression)',
    ],
    record: () =>
      new RecordBuilder('ra-lu-hbv-chronic-dx', 'LU', { age: 47, gender: 'male' })
        .indication('RA', 6)
        .workup({ skip: ['hbv'] })
        .condition([sct('61977001', 'Hépatite B chronique'), icd10('B18.1', 'Hépatite virale chronique B sans agent delta')], { onset: '2015-05-01' })
        .build(),
    expect: {
      drugs: [
        { drug: 'rituximab', worst: 'contraindicated', because: [['hbv_chronic', 'hbv_hbsag']] },
        ...each(HBV_REACTIVATION, ['contraindicated', 'only-if-no-alternative', 'treat-before-start'], [['hbv_chronic', 'hbv_hbsag']]),
      ],
      facts: [{ name: 'hbv_chronic', is: true }],
    },
  },
  {
    id: 'ra-de-diverticulitis',
    title: 'Diverticulitis 2 years ago (K57.32): IL-6R and JAK caution',
    indication: 'RA',
    style: 'DE',
    covers: ['diverticulitis on tocilizumab/JAK'],
    sources: [
      'RoActemra SmPC 4.4 and Kevzara SmPC 4.4 (history of diverticulitis: caution, GI perforation); Xeljanz/Olumiant/Rinvoq/Jyseleca SmPC 4.4 (diverticular disease: caution)',
    ],
    record: () =>
      new RecordBuilder('ra-de-diverticulitis', 'DE', { age: 56, gender: 'male' })
        .indication('RA', 7)
        .workup()
        .condition([icd10gm('K57.32', 'Divertikulitis des Dickdarmes ohne Perforation, Abszess oder Angabe einer Blutung')], {
          onset: monthsAgo(24),
          abatement: monthsAgo(23),
          status: 'resolved',
        })
        .build(),
    expect: {
      drugs: each(['tocilizumab', 'sarilumab', ...JAK_RA], 'caution', ['diverticulitis_history']),
      facts: [{ name: 'diverticulitis_history', is: true }],
    },
  },
  {
    id: 'ra-us-alt-methotrexate',
    title: 'ALT 4x ULN on methotrexate',
    indication: 'RA',
    style: 'US',
    covers: ['ALT 4x ULN on methotrexate'],
    sources: [
      'Methotrexate SmPC 4.3 (significant liver impairment) / 4.4 (stop with persistent ALT > 3x ULN); ACR 2021 RA guideline; RoActemra SmPC 4.4 (ALT > 1.5x ULN caution); Kevzara SmPC 4.2 (ALT > 1.5x ULN: initiation not recommended)',
    ],
    record: () =>
      new RecordBuilder('ra-us-alt-methotrexate', 'US', { age: 54, gender: 'male' })
        .indication('RA', 4)
        .workup({ skip: ['alt'] })
        .quantity(LAB.alt, 160, 'U/L', daysAgo(10), { high: 40, interpretation: INTERPRETATION.H })
        .quantity(LAB.ast, 96, 'U/L', daysAgo(10), { high: 40, interpretation: INTERPRETATION.H })
        .medication('methotrexate', {
          kind: 'request',
          status: 'active',
          start: monthsAgo(24),
          product: { coding: [rxnorm('105585', 'Methotrexate 2.5 MG Oral Tablet')], text: 'Methotrexate 2.5 MG Oral Tablet' },
        })
        .build(),
    expect: {
      background: [{ drug: 'methotrexate', worst: ['contraindicated', 'only-if-no-alternative'], because: ['alt_x_uln'] }],
      drugs: [
        { drug: 'tocilizumab', worst: 'caution', because: [['alt_x_uln', 'ast_x_uln']] },
        { drug: 'sarilumab', worst: ['contraindicated', 'only-if-no-alternative'], because: [['alt_x_uln', 'ast_x_uln']] },
      ],
      facts: [{ name: 'alt_x_uln', is: { min: 3.9, max: 4.1 } }],
    },
  },
  {
    id: 'ra-de-alt-leflunomide',
    title: 'ALT 4x ULN on leflunomide',
    indication: 'RA',
    style: 'DE',
    covers: ['ALT 4x ULN on leflunomide'],
    sources: ['Arava SmPC 4.3 (impaired liver function) / 4.4 (ALT > 3x ULN: discontinue)'],
    record: () =>
      new RecordBuilder('ra-de-alt-leflunomide', 'DE', { age: 50, gender: 'male' })
        .indication('RA', 6)
        .workup({ skip: ['alt'] })
        .quantity(LAB.alt, 140, 'U/L', daysAgo(8), { high: 35, interpretation: INTERPRETATION.H })
        .medication('leflunomide', { status: 'active', start: monthsAgo(15) })
        .build(),
    expect: {
      background: [{ drug: 'leflunomide', worst: ['contraindicated', 'only-if-no-alternative'], because: ['alt_x_uln'] }],
      facts: [{ name: 'alt_x_uln', is: { min: 3.9, max: 4.1 } }],
    },
  },
  {
    id: 'ra-us-egfr-25',
    title: 'eGFR 25: baricitinib not recommended, other JAK dose-adjusted',
    indication: 'RA',
    style: 'US',
    covers: ['eGFR 25 on baricitinib'],
    sources: [
      'Olumiant SmPC 4.2 (CrCl < 30: not recommended); Jyseleca SmPC 4.2 (CrCl 15-60: 100 mg); Xeljanz SmPC 4.2 (severe renal impairment: 5 mg once daily); Rinvoq SmPC 4.2 (severe renal impairment: caution)',
    ],
    record: () =>
      new RecordBuilder('ra-us-egfr-25', 'US', { age: 60, gender: 'female' })
        .indication('RA', 11)
        .workup({ skip: ['egfr'] })
        .quantity(LAB.egfr2021, 25, 'mL/min/1.73m2', daysAgo(14), { ucum: 'mL/min/{1.73_m2}', low: 60, interpretation: INTERPRETATION.L })
        .build(),
    expect: {
      drugs: [
        { drug: 'baricitinib', worst: ['contraindicated', 'only-if-no-alternative'], because: ['egfr_ml_min'] },
        ...each(['filgotinib', 'tofacitinib', 'upadacitinib'], 'caution', ['egfr_ml_min']),
      ],
      facts: [{ name: 'egfr_ml_min', is: { min: 24, max: 26 } }],
    },
  },
  {
    id: 'ra-lu-ild-methotrexate',
    title: 'Interstitial lung disease on methotrexate',
    indication: 'RA',
    style: 'LU',
    covers: ['ILD before methotrexate'],
    sources: ['Methotrexate SmPC 4.4 (pulmonary toxicity; pre-existing lung disease); ACR 2023 ILD guideline (section to verify)'],
    record: () =>
      new RecordBuilder('ra-lu-ild-methotrexate', 'LU', { age: 57, gender: 'male' })
        .indication('RA', 9)
        .workup()
        .condition([sct('233703007', 'Pneumopathie interstitielle'), icd10('J84.1', 'Autres affections pulmonaires interstitielles avec fibrose')], {
          onset: monthsAgo(14),
        })
        .medication('methotrexate', { status: 'active', start: monthsAgo(40) })
        .build(),
    expect: {
      background: [{ drug: 'methotrexate', worst: ['caution', 'only-if-no-alternative'], because: ['interstitial_lung_disease'] }],
      facts: [{ name: 'interstitial_lung_disease', is: true }],
    },
  },
  {
    id: 'ra-us-jak-cv-risk',
    title: 'Hypertension and type 2 diabetes: every JAK after the unrestricted options',
    indication: 'RA',
    style: 'US',
    covers: ['JAK "only if no suitable alternative" (CV risk): tier order'],
    sources: ['EMA JAK Art. 20 referral 2022; Xeljanz/Olumiant/Rinvoq/Jyseleca SmPC 4.4'],
    record: () =>
      new RecordBuilder('ra-us-jak-cv-risk', 'US', { age: 58, gender: 'male' })
        .indication('RA', 12)
        .workup()
        .condition([sct('38341003', 'Hypertensive disorder'), icd10cm('I10', 'Essential (primary) hypertension')], { onset: '2018-02-01' })
        .condition([sct('44054006', 'Diabetes mellitus type 2'), icd10cm('E11.9', 'Type 2 diabetes mellitus without complications')], { onset: '2020-06-01' })
        .build(),
    expect: { drugs: each(JAK_RA, 'only-if-no-alternative', ['cv_risk']), afterUnrestricted: JAK_RA, facts: [{ name: 'cv_risk', is: 'present' }] },
  },
  {
    id: 'ra-us-stop-reason-en',
    title: 'Etanercept stopped for "injection-site reactions and recurrent infections" (free text)',
    indication: 'RA',
    style: 'US',
    covers: ['stop reasons in free text (EN)'],
    sources: ['issue 10: stop reasons in free text'],
    record: () =>
      new RecordBuilder('ra-us-stop-reason-en', 'US', { age: 49, gender: 'female' })
        .indication('RA', 8)
        .workup()
        .negativePregnancyTest()
        .medication('etanercept', {
          status: 'stopped',
          start: monthsAgo(30),
          end: monthsAgo(12),
          reasonText: 'injection-site reactions and recurrent infections',
        })
        .build(),
    expect: { stopReasons: [{ inn: 'etanercept', reason: ['intolerance', 'adverse-event'] }], facts: [{ name: 'prior_intolerance', is: true }] },
  },
  {
    id: 'ra-ch-pyelonephritis',
    title: 'Acute pyelonephritis, active',
    indication: 'RA',
    style: 'CH',
    covers: ['serious infection: pyelonephritis'],
    sources: ['anti-TNF, Orencia, RoActemra, Kevzara, MabThera, JAK SmPC 4.3 (active severe infections)'],
    record: () =>
      new RecordBuilder('ra-ch-pyelonephritis', 'CH', { age: 45, gender: 'female' })
        .indication('RA', 5)
        .workup()
        .negativePregnancyTest()
        .condition([sct('45816000', 'Pyélonéphrite'), icd10('N10', 'Néphrite tubulo-interstitielle aiguë')], { onset: daysAgo(6) })
        .build(),
    expect: { drugs: each(RA, NOT_NOW, ['serious_infection_active']), facts: [{ name: 'serious_infection_active', is: true }] },
  },
  {
    id: 'ra-fr-thin',
    title: 'Thin problem list: only RA recorded',
    indication: 'RA',
    style: 'FR',
    thin: true,
    covers: ['thin problem list: unknown, not clear'],
    sources: ['EMA JAK Art. 20 referral 2022'],
    record: () => new RecordBuilder('ra-fr-thin', 'FR', { age: 50, gender: 'male' }).indication('RA').smoking(ANSWER.neverSmoker).build(),
    expect: {
      facts: ['cv_risk', 'malignancy_history', 'vte_history'].map((name) => ({ name, is: UNKNOWN })),
      flags: JAK_RA.flatMap((drug) => [
        { drug, facts: ['cv_risk'], level: ['only-if-no-alternative', 'caution', 'screen-before-start'] as const, state: 'unknown' as const },
        { drug, facts: ['malignancy_history'], level: ['only-if-no-alternative', 'caution', 'screen-before-start'] as const, state: 'unknown' as const },
      ]),
    },
  },
  {
    id: 'ra-de-thrombocytopenia',
    title: 'Platelets 80 x10^9/L before IL-6R blockade',
    indication: 'RA',
    style: 'DE',
    covers: ['platelet start thresholds (IL-6R)'],
    sources: [
      'RoActemra SmPC 4.4 (platelets < 100 x10^9/L: caution when starting; < 50 not recommended) vs Actemra USPI 2 (< 100,000/mm3: not recommended to start); Kevzara SmPC 4.2 / USPI 2 (platelets < 150 x10^9/L: initiation not recommended)',
    ],
    record: () =>
      new RecordBuilder('ra-de-thrombocytopenia', 'DE', { age: 59, gender: 'male' })
        .indication('RA', 10)
        .workup({ skip: ['cbc'] })
        .quantity(LAB.hb, 13.9, 'g/dL', daysAgo(10), { low: 13, high: 17 })
        .quantity(LAB.neutrophils, 4.4, '10*9/L', daysAgo(10), { low: 1.8, high: 7.5 })
        .quantity(LAB.lymphocytes, 1.6, '10*9/L', daysAgo(10), { low: 1.0, high: 4.0 })
        .quantity(LAB.platelets, 80, '10*9/L', daysAgo(10), { low: 150, high: 400, interpretation: INTERPRETATION.L })
        .build(),
    expect: {
      drugs: [
        { drug: 'tocilizumab', worst: ['caution', 'only-if-no-alternative'], because: ['platelets_10e9_l'] },
        { drug: 'sarilumab', worst: ['contraindicated', 'only-if-no-alternative'], because: ['platelets_10e9_l'] },
      ],
      facts: [{ name: 'platelets_10e9_l', is: { min: 79, max: 81 } }],
    },
  },
  {
    id: 'ra-lu-vte-history',
    title: 'Deep vein thrombosis 2022: JAK with caution',
    indication: 'RA',
    style: 'LU',
    covers: ['VTE history on JAK'],
    sources: ['EMA JAK Art. 20 referral 2022 (VTE risk factors: use with caution); Xeljanz/Olumiant/Rinvoq/Jyseleca SmPC 4.4'],
    record: () =>
      new RecordBuilder('ra-lu-vte-history', 'LU', { age: 51, gender: 'male' })
        .indication('RA', 6)
        .workup()
        .condition(
          [sct('128053003', 'Thrombose veineuse profonde'), icd10('I80.2', "Phlébite et thrombophlébite d'autres vaisseaux profonds des membres inférieurs")],
          { onset: '2022-02-01', abatement: '2022-08-01', status: 'resolved' },
        )
        .build(),
    expect: { drugs: each(JAK_RA, ['caution', 'only-if-no-alternative'], ['vte_history']), facts: [{ name: 'vte_history', is: true }] },
  },
  {
    id: 'ra-us-conditions-failed',
    title: 'The Condition search fails (403): comorbidities unknown, not absent',
    indication: 'RA',
    style: 'US',
    covers: ['failed search (Condition): unknown, not clear'],
    sources: ['issue 10: a failed search is not an empty record; EMA JAK Art. 20 referral 2022'],
    failSearches: ['Condition'],
    record: () =>
      new RecordBuilder('ra-us-conditions-failed', 'US', { age: 57, gender: 'male' })
        .indication('RA', 8)
        .workup()
        .condition([sct('38341003', 'Hypertensive disorder'), icd10cm('I10', 'Essential (primary) hypertension')], { onset: '2017-01-01' })
        .build(),
    expect: {
      facts: ['cv_risk', 'malignancy_history', 'heart_failure_nyha', 'serious_infection_active', 'vte_history'].map((name) => ({
        name,
        is: UNKNOWN,
        reasonIncludes: 'search failed',
      })),
      flags: JAK_RA.map((drug) => ({
        drug,
        facts: ['cv_risk'],
        level: ['only-if-no-alternative', 'caution', 'screen-before-start'] as const,
        state: 'unknown' as const,
      })),
    },
  },
  {
    id: 'ra-de-hbsag-positive-la',
    title: 'HBsAg positive as a LOINC answer (LA6576-8)',
    indication: 'RA',
    style: 'DE',
    covers: ['qualitative results read coded-first (LOINC answer codes)'],
    sources: ['MabThera SmPC 4.4 (active hepatitis B must not be treated); anti-TNF/JAK/IL-6R/abatacept SmPC 4.4; EASL HBV 2017'],
    record: () =>
      new RecordBuilder('ra-de-hbsag-positive-la', 'DE', { age: 53, gender: 'male' })
        .indication('RA', 7)
        .workup({ skip: ['hbv'] })
        .coded(LAB.hbsag, loinc('LA6576-8', 'Positive'), daysAgo(20), { text: 'positiv' })
        .coded(LAB.antiHbc, loinc('LA6576-8', 'Positive'), daysAgo(20), { text: 'positiv' })
        .build(),
    expect: {
      drugs: [
        { drug: 'rituximab', worst: 'contraindicated', because: ['hbv_hbsag'] },
        ...each(HBV_REACTIVATION, ['contraindicated', 'only-if-no-alternative', 'treat-before-start'], ['hbv_hbsag']),
      ],
      facts: [{ name: 'hbv_hbsag', is: 'positive' }],
    },
  },
  {
    id: 'ra-us-anti-hbc-reactive',
    title: 'HBsAg "Non-Reactive" but anti-HBc "Reactive" (text, interpretation A)',
    indication: 'RA',
    style: 'US',
    covers: ['qualitative text: positive words still read as positive after the negation rules'],
    sources: [
      'MabThera SmPC 4.4 (HBsAg or anti-HBc positive: liver specialist before start); EASL HBV 2017 (anti-CD20 with anti-HBc: antiviral prophylaxis); ECCO 2021 / anti-TNF SmPC 4.4 (monitor HBV DNA)',
    ],
    record: () =>
      new RecordBuilder('ra-us-anti-hbc-reactive', 'US', { age: 61, gender: 'female' })
        .indication('RA', 12)
        .workup({ skip: ['hbv'] })
        .text(LAB.hbsag, 'Non-Reactive', daysAgo(18), { interpretation: INTERPRETATION.N })
        .text(LAB.antiHbc, 'Reactive', daysAgo(18), {
          interpretation: { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'A', display: 'Abnormal' },
        })
        .build(),
    expect: {
      drugs: [
        { drug: 'rituximab', worst: ['treat-before-start', 'caution'], because: ['hbv_anti_hbc'] },
        ...each(['adalimumab', 'infliximab', 'etanercept'], 'caution', ['hbv_anti_hbc']),
      ],
      facts: [
        { name: 'hbv_hbsag', is: 'negative' },
        { name: 'hbv_anti_hbc', is: 'positive' },
      ],
    },
  },
  {
    id: 'ra-us-hbsag-entered-in-error',
    title: 'Negative control: a positive HBsAg entered in error, the corrected result negative',
    indication: 'RA',
    style: 'US',
    negativeControl: true,
    covers: ['entered-in-error results are not findings', 'negative control'],
    sources: ['FHIR R4 Observation.status (entered-in-error); MabThera SmPC 4.4'],
    record: () =>
      new RecordBuilder('ra-us-hbsag-entered-in-error', 'US', { age: 46, gender: 'male' })
        .indication('RA', 4)
        .workup({ skip: ['hbv'] })
        .coded(LAB.hbsag, ANSWER.positive, daysAgo(21), { interpretation: INTERPRETATION.POS, status: 'entered-in-error' })
        .coded(LAB.hbsag, ANSWER.negative, daysAgo(20), { interpretation: INTERPRETATION.NEG })
        .coded(LAB.antiHbc, ANSWER.negative, daysAgo(20), { interpretation: INTERPRETATION.NEG })
        .build(),
    expect: { maxLevel: [{ drugs: 'all', level: 'screen-before-start' }], facts: [{ name: 'hbv_hbsag', is: 'negative' }] },
  },
  {
    id: 'ra-ch-nyha-improved',
    title: 'NYHA III 20 months ago, NYHA I two months ago: the newer class counts',
    indication: 'RA',
    style: 'CH',
    covers: ['old values count until a newer result'],
    sources: ['Humira/Remicade/Cimzia/Simponi SmPC 4.3 (NYHA III/IV) and 4.4 (mild heart failure: caution)'],
    record: () =>
      new RecordBuilder('ra-ch-nyha-improved', 'CH', { age: 62, gender: 'male' })
        .indication('RA', 11)
        .workup()
        .condition([icd10('I50.9', 'Insuffisance cardiaque, sans précision')], { onset: monthsAgo(26) })
        .coded(LAB.nyha, ANSWER.nyhaIII, monthsAgo(20), { category: 'exam' })
        .coded(LAB.nyha, ANSWER.nyhaI, monthsAgo(2), { category: 'exam' })
        .build(),
    expect: { drugs: each(ANTI_TNF_HF, 'caution', ['heart_failure_nyha']), facts: [{ name: 'heart_failure_nyha', is: 1 }] },
  },
  {
    id: 'ra-lu-optic-neuritis-icd',
    title: 'Optic neuritis coded only as ICD-10 H46 (2021, resolved) before anti-TNF',
    indication: 'RA',
    style: 'LU',
    covers: ['demyelinating disease on anti-TNF (ICD-10 only)'],
    sources: [
      'Humira/Remicade/Cimzia/Simponi/Enbrel SmPC 4.4 (demyelinating disorders, including multiple sclerosis and optic neuritis: caution); the app ranks it stricter (Lenercept MS Study Group, Neurology 1999)',
    ],
    record: () =>
      new RecordBuilder('ra-lu-optic-neuritis-icd', 'LU', { age: 39, gender: 'male' })
        .indication('RA', 3)
        .workup()
        .condition([icd10('H46', 'Névrite optique')], { onset: '2021-03-01', abatement: '2021-06-01', status: 'resolved' })
        .build(),
    expect: {
      drugs: each([...ANTI_TNF_HF, 'etanercept'], ['caution', 'only-if-no-alternative'], ['demyelinating_disease']),
      facts: [{ name: 'demyelinating_disease', is: true }],
    },
  },
  {
    id: 'ra-us-anc-cells-per-ul',
    title: 'Neutrophils 800 /uL (US unit) before JAK and IL-6R',
    indication: 'RA',
    style: 'US',
    covers: ['neutropenia before a JAK (unit conversion)', 'neutrophil start thresholds (IL-6R)'],
    sources: [
      'Xeljanz/Olumiant/Rinvoq/Jyseleca SmPC 4.2 (ANC < 1 x10^9/L: do not initiate); RoActemra SmPC 4.4 (ANC < 2: caution) vs Actemra USPI 2 (ANC < 2000/mm3: not recommended); Kevzara SmPC 4.2 / USPI 2 (ANC < 2 x10^9/L: not recommended)',
    ],
    record: () =>
      new RecordBuilder('ra-us-anc-cells-per-ul', 'US', { age: 49, gender: 'male' })
        .indication('RA', 5)
        .workup({ skip: ['cbc'] })
        .quantity(LAB.hb, 14.1, 'g/dL', daysAgo(9), { low: 13, high: 17 })
        .quantity(LAB.neutrophils, 800, '/uL', daysAgo(9), { low: 1800, high: 7500, interpretation: INTERPRETATION.L })
        .quantity(LAB.lymphocytes, 1700, '/uL', daysAgo(9), { low: 1000, high: 4000 })
        .quantity(LAB.platelets, 240, '10*3/uL', daysAgo(9), { low: 150, high: 400 })
        .build(),
    expect: {
      drugs: [
        ...each(JAK_RA, 'contraindicated', ['neutrophils_10e9_l']),
        { drug: 'tocilizumab', worst: ['caution', 'only-if-no-alternative'], because: ['neutrophils_10e9_l'] },
        { drug: 'sarilumab', worst: ['contraindicated', 'only-if-no-alternative'], because: ['neutrophils_10e9_l'] },
      ],
      facts: [
        { name: 'neutrophils_10e9_l', is: { min: 0.79, max: 0.81 } },
        { name: 'lymphocytes_10e9_l', is: { min: 1.69, max: 1.71 } },
      ],
    },
  },
  {
    id: 'ra-de-isoniazid-not-taken',
    title: 'Latent TB; isoniazid recorded as not taken',
    indication: 'RA',
    style: 'DE',
    covers: ['latent TB without prophylaxis: a not-taken course is no prophylaxis'],
    sources: ['anti-TNF/JAK/IL-6R/abatacept SmPC 4.4 (latent TB: prophylaxis before the first dose); FHIR R4 MedicationStatement.status not-taken'],
    record: () =>
      new RecordBuilder('ra-de-isoniazid-not-taken', 'DE', { age: 44, gender: 'male' })
        .indication('RA', 4)
        .workup({ skip: ['tb'] })
        .coded(LAB.igra, ANSWER.positive, daysAgo(40), { interpretation: INTERPRETATION.POS, text: 'positiv' })
        .condition([icd10gm('Z22.7', 'Latente Tuberkulose')], { onset: daysAgo(35) })
        .medication('isoniazid', { status: 'not-taken', start: daysAgo(30) })
        .build(),
    expect: {
      drugs: each(['adalimumab', 'etanercept', 'infliximab', 'certolizumab pegol', 'golimumab', ...JAK_RA], 'treat-before-start', [
        ['tb_latent', 'tb_screen_result'],
      ]),
      facts: [{ name: 'tb_prophylaxis', is: false }],
    },
  },
];
