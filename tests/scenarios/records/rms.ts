/** Relapsing MS scenarios (US Core, German MII, IPS/French and Swiss). Label sources: README.md in this folder. */
import { UNKNOWN, type Scenario } from '../expect.ts';
import { ANSWER, INTERPRETATION, LAB, RecordBuilder, atc, daysAgo, icd10, icd10cm, icd10gm, icd10gmWithCertainty, monthsAgo, sct } from '../builders.ts';
import { msWorkup, S1P_MS, each } from './common.ts';

/** Options that must wait 6 weeks after a live vaccine. */
const WAIT_6_WEEKS = ['alemtuzumab', 'cladribine', 'ocrelizumab'];
const ACTIVE_MALIGNANCY_CI = [...S1P_MS, 'cladribine', 'natalizumab', 'ocrelizumab', 'ofatumumab', 'ublituximab'];

/** A woman on natalizumab for 30 months, anti-JCV positive with index 2.1 measured `monthsBack` months ago. */
function natalizumabJcv(id: string, style: 'DE' | 'FR', monthsBack: number): RecordBuilder {
  const d = monthsAgo(monthsBack);
  return msWorkup(new RecordBuilder(id, style, { age: 41, gender: 'female' }).indication('RMS', 8).workup().negativePregnancyTest(), { jcv: false })
    .medication('natalizumab', { status: 'active', start: monthsAgo(30) })
    .coded(LAB.jcvAb, ANSWER.positive, d, { interpretation: INTERPRETATION.POS })
    .quantity(LAB.jcvIndex, 2.1, '{index_val}', d, { interpretation: INTERPRETATION.H });
}

/** Prior immunosuppressant, anti-JCV positive (index given): natalizumab PML stratification. */
function priorImmunosuppressant(id: string, style: 'US' | 'CH', drug: string, index: number, gender: 'male' | 'female'): RecordBuilder {
  const b = msWorkup(new RecordBuilder(id, style, { age: gender === 'female' ? 36 : 45, gender }).indication('RMS', 10).workup(), { jcv: false })
    .medication(drug, { status: 'completed', start: '2018-03-01', end: '2019-09-01' })
    .coded(LAB.jcvAb, ANSWER.positive, daysAgo(25), { interpretation: INTERPRETATION.POS })
    .quantity(LAB.jcvIndex, index, '{index_val}', daysAgo(25));
  return gender === 'female' ? b.negativePregnancyTest() : b;
}

export const RMS_SCENARIOS: Scenario[] = [
  {
    id: 'rms-us-neg',
    title: 'Negative control: woman 34, MS work-up complete, JCV negative',
    indication: 'RMS',
    style: 'US',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['MS DMT labels: screening only'],
    record: () => msWorkup(new RecordBuilder('rms-us-neg', 'US', { age: 34, gender: 'female' }).indication('RMS', 3).workup().negativePregnancyTest()).build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'jcv_antibody_status', is: 'negative' },
        { name: 'vzv_immune', is: 'immune' },
        { name: 'igg_g_l', is: { min: 9.5, max: 10.5 } },
      ],
    },
  },
  {
    id: 'rms-de-neg',
    title: 'Negative control: man 29, MS work-up complete',
    indication: 'RMS',
    style: 'DE',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['MS DMT labels: screening only; Mavenclad SmPC 4.6 (male partner contraception: a pre-start item)'],
    record: () => msWorkup(new RecordBuilder('rms-de-neg', 'DE', { age: 29, gender: 'male' }).indication('RMS', 2).workup()).build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'childbearing_potential', is: false },
        { name: 'lymphocytes_10e9_l', is: { min: 1.8, max: 2.0 } },
      ],
    },
  },
  {
    id: 'rms-fr-neg',
    title: 'Negative control: woman 40, MS work-up complete',
    indication: 'RMS',
    style: 'FR',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['MS DMT labels: screening only'],
    record: () => msWorkup(new RecordBuilder('rms-fr-neg', 'FR', { age: 40, gender: 'female' }).indication('RMS', 6).workup().negativePregnancyTest(3)).build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'qtc_ms', is: { min: 400, max: 440 } },
        { name: 'conduction_block', is: false },
      ],
    },
  },
  {
    id: 'rms-fr-live-vaccine-atc',
    title: 'Live varicella vaccine (ATC J07BK01) 30 days ago',
    indication: 'RMS',
    style: 'FR',
    covers: ['live vaccine coded WHO ATC 30 days ago'],
    sources: [
      'Lemtrada SmPC 4.4 (live vaccines at least 6 weeks before); Mavenclad SmPC 4.4 (not within 4-6 weeks after a live vaccine); Ocrevus SmPC 4.4 (at least 6 weeks before initiation)',
    ],
    record: () =>
      msWorkup(new RecordBuilder('rms-fr-live-vaccine-atc', 'FR', { age: 31, gender: 'female' }).indication('RMS', 2).workup().negativePregnancyTest())
        .immunization([atc('J07BK01', 'Varicelle, virus vivant atténué')], daysAgo(30), 'Varilrix (varicelle)')
        .build(),
    expect: {
      drugs: each(WAIT_6_WEEKS, ['treat-before-start', 'contraindicated'], ['live_vaccine_recent']),
      facts: [{ name: 'live_vaccine_recent', is: true, matchedBy: 'code' }],
    },
  },
  {
    id: 'rms-ch-live-vaccine-sct',
    title: 'MMR vaccine (SNOMED product 871831003) 30 days ago',
    indication: 'RMS',
    style: 'CH',
    covers: ['live vaccine coded SNOMED 30 days ago'],
    sources: ['as rms-fr-live-vaccine-atc'],
    record: () =>
      msWorkup(new RecordBuilder('rms-ch-live-vaccine-sct', 'CH', { age: 27, gender: 'male' }).indication('RMS', 1).workup())
        .immunization([sct('871831003', 'Vaccin contre la rougeole, les oreillons et la rubéole')], daysAgo(30), 'ROR (Priorix)')
        .build(),
    expect: {
      drugs: each(WAIT_6_WEEKS, ['treat-before-start', 'contraindicated'], ['live_vaccine_recent']),
      facts: [{ name: 'live_vaccine_recent', is: true, matchedBy: 'code' }],
    },
  },
  {
    id: 'rms-us-igg-low',
    title: 'IgG 450 mg/dL before ocrelizumab',
    indication: 'RMS',
    style: 'US',
    covers: ['IgG low before ocrelizumab'],
    sources: [
      'Ocrevus SmPC 4.4 (immunoglobulins before start; hypogammaglobulinaemia and serious infections: section to verify); Ocrevus USPI 5.4 (2024: hypogammaglobulinaemia)',
    ],
    record: () =>
      msWorkup(new RecordBuilder('rms-us-igg-low', 'US', { age: 38, gender: 'female' }).indication('RMS', 5).workup().negativePregnancyTest(), { igg: false })
        .quantity(LAB.igg, 450, 'mg/dL', daysAgo(21), { low: 700, high: 1600, interpretation: INTERPRETATION.L })
        .build(),
    expect: {
      drugs: [{ drug: 'ocrelizumab', worst: ['caution', 'only-if-no-alternative'], because: ['igg_g_l'] }],
      facts: [{ name: 'igg_g_l', is: { min: 4.4, max: 4.6 } }],
    },
  },
  {
    id: 'rms-de-jcv-old',
    title: 'On natalizumab 30 months, JCV index 2.1 recorded 8 months ago',
    indication: 'RMS',
    style: 'DE',
    covers: ['JCV index 2.1 recorded 8 months ago: high risk with a repeat prompt'],
    sources: ['Tysabri SmPC 4.4 (PML risk: anti-JCV positive, index > 1.5, > 2 years; retest every 6 months)'],
    record: () => natalizumabJcv('rms-de-jcv-old', 'DE', 8).build(),
    expect: {
      current: 'natalizumab',
      drugs: [{ drug: 'natalizumab', worst: 'only-if-no-alternative', because: ['jcv_index'] }],
      flags: [{ drug: 'natalizumab', facts: ['jcv_index'], level: 'only-if-no-alternative', evidence: { name: 'jcv_index', state: 'stale' } }],
      facts: [{ name: 'jcv_index', is: { min: 2.0, max: 2.2 }, state: 'stale' }],
    },
  },
  {
    id: 'rms-fr-jcv-fresh',
    title: 'On natalizumab 30 months, JCV index 2.1 one month ago (pair of rms-de-jcv-old)',
    indication: 'RMS',
    style: 'FR',
    covers: ['JCV index: the fresh twin of the old-value scenario'],
    sources: ['Tysabri SmPC 4.4'],
    record: () => natalizumabJcv('rms-fr-jcv-fresh', 'FR', 1).build(),
    expect: {
      current: 'natalizumab',
      drugs: [{ drug: 'natalizumab', worst: 'only-if-no-alternative', because: ['jcv_index'] }],
      facts: [{ name: 'jcv_index', is: { min: 2.0, max: 2.2 }, state: 'ok' }],
    },
  },
  {
    id: 'rms-us-prior-azathioprine',
    title: 'Azathioprine 2018-2019, anti-JCV positive (index 1.2) before natalizumab',
    indication: 'RMS',
    style: 'US',
    covers: ['prior azathioprine before natalizumab'],
    sources: ['Tysabri SmPC 4.4 (prior immunosuppressant therapy is a PML risk factor)'],
    record: () => priorImmunosuppressant('rms-us-prior-azathioprine', 'US', 'azathioprine', 1.2, 'female').build(),
    expect: {
      flags: [{ drug: 'natalizumab', facts: ['prior_immunosuppressant'], level: ['caution', 'only-if-no-alternative'] }],
      facts: [{ name: 'prior_immunosuppressant', is: true }],
    },
  },
  {
    id: 'rms-ch-prior-mitoxantrone',
    title: 'Mitoxantrone 2018-2019 (ATC L01DB07), anti-JCV positive (index 0.6) before natalizumab',
    indication: 'RMS',
    style: 'CH',
    covers: ['prior mitoxantrone before natalizumab'],
    sources: ['Tysabri SmPC 4.4 (prior immunosuppressants, e.g. mitoxantrone)'],
    record: () => priorImmunosuppressant('rms-ch-prior-mitoxantrone', 'CH', 'mitoxantrone', 0.6, 'male').build(),
    expect: {
      flags: [{ drug: 'natalizumab', facts: ['prior_immunosuppressant'], level: ['caution', 'only-if-no-alternative'] }],
      facts: [{ name: 'prior_immunosuppressant', is: true }],
    },
  },
  {
    id: 'rms-fr-s1p-mi',
    title: 'Myocardial infarction 3 months ago: S1P and alemtuzumab',
    indication: 'RMS',
    style: 'FR',
    covers: ['S1P with recent MI', 'alemtuzumab vascular contraindication'],
    sources: ['Gilenya/Zeposia/Ponvory SmPC 4.3 (MI in the last 6 months); Lemtrada SmPC 4.3 (history of angina or MI)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-fr-s1p-mi', 'FR', { age: 52, gender: 'male' }).indication('RMS', 12).workup())
        .condition([sct('22298006', 'Infarctus du myocarde'), icd10('I21.9', 'Infarctus aigu du myocarde, sans précision')], { onset: monthsAgo(3) })
        .build(),
    expect: {
      drugs: [
        ...each(S1P_MS, 'contraindicated', ['cardiac_event_6m']),
        { drug: 'alemtuzumab', worst: 'contraindicated', because: [['vascular_history', 'cardiac_event_6m']] },
      ],
      facts: [
        { name: 'cardiac_event_6m', is: true },
        { name: 'vascular_history', is: true },
      ],
    },
  },
  {
    id: 'rms-us-mobitz-ii',
    title: 'Second-degree AV block Mobitz II, no pacemaker',
    indication: 'RMS',
    style: 'US',
    covers: ['S1P with Mobitz II'],
    sources: ['Gilenya/Zeposia/Ponvory SmPC 4.3 (Mobitz type II, third-degree AV block, sick sinus syndrome without pacemaker)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-us-mobitz-ii', 'US', { age: 48, gender: 'female' }).indication('RMS', 9).workup().negativePregnancyTest())
        .condition([sct('28189009', 'Mobitz type II atrioventricular block'), icd10cm('I44.1', 'Atrioventricular block, second degree')], {
          onset: monthsAgo(5),
        })
        .build(),
    expect: { drugs: each(S1P_MS, 'contraindicated', ['conduction_block']), facts: [{ name: 'conduction_block', is: true }] },
  },
  {
    id: 'rms-de-qtc-510',
    title: 'QTc 510 ms',
    indication: 'RMS',
    style: 'DE',
    covers: ['S1P with QTc 510'],
    sources: ['Gilenya SmPC 4.3 (baseline QTc >= 500 ms); Zeposia/Ponvory SmPC 4.4 (significant QT prolongation: cardiology advice; section to verify)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-de-qtc-510', 'DE', { age: 44, gender: 'female' }).indication('RMS', 4).workup().negativePregnancyTest(), { qtc: false })
        .quantity(LAB.qtc, 510, 'ms', daysAgo(14))
        .build(),
    expect: {
      drugs: [{ drug: 'fingolimod', worst: 'contraindicated', because: ['qtc_ms'] }],
      flags: ['ozanimod', 'ponesimod'].map((drug) => ({ drug, facts: ['qtc_ms'], level: ['contraindicated', 'only-if-no-alternative', 'caution'] as const })),
      facts: [{ name: 'qtc_ms', is: { min: 505, max: 515 } }],
    },
  },
  {
    id: 'rms-ch-active-malignancy',
    title: 'Breast cancer diagnosed 4 months ago, active',
    indication: 'RMS',
    style: 'CH',
    covers: ['active malignancy on MS drugs'],
    sources: [
      'Gilenya/Zeposia/Ponvory SmPC 4.3 (active malignancies); Mavenclad 4.3; Tysabri 4.3; Ocrevus 4.3; Kesimpta 4.3; Briumvi 4.3 (known active malignancy); Lemtrada 4.4 (caution)',
    ],
    record: () =>
      msWorkup(new RecordBuilder('rms-ch-active-malignancy', 'CH', { age: 46, gender: 'female' }).indication('RMS', 11).workup().negativePregnancyTest())
        .condition([sct('254837009', 'Cancer du sein'), icd10('C50.9', 'Tumeur maligne du sein, sans précision')], { onset: monthsAgo(4) })
        .build(),
    expect: {
      drugs: each(ACTIVE_MALIGNANCY_CI, 'contraindicated', ['malignancy_active']),
      flags: [{ drug: 'alemtuzumab', facts: [['malignancy_active', 'malignancy_history']], level: ['contraindicated', 'only-if-no-alternative', 'caution'] }],
      facts: [{ name: 'malignancy_active', is: true }],
    },
  },
  {
    id: 'rms-us-man-cladribine',
    title: 'Man 38 considering cladribine: partner contraception',
    indication: 'RMS',
    style: 'US',
    covers: ['man on cladribine'],
    sources: ['Mavenclad SmPC 4.6 (male patients: contraception during treatment and 6 months after the last dose)'],
    record: () => msWorkup(new RecordBuilder('rms-us-man-cladribine', 'US', { age: 38, gender: 'male' }).indication('RMS', 4).workup()).build(),
    expect: {
      flags: [{ drug: 'cladribine', facts: [['sex_female', 'childbearing_potential']], level: ['screen-before-start', 'caution'] }],
      maxLevel: [{ drugs: ['cladribine'], level: 'caution' }],
    },
  },
  {
    id: 'rms-de-egfr-25-cladribine',
    title: 'eGFR 25 before cladribine',
    indication: 'RMS',
    style: 'DE',
    covers: ['eGFR 25 on cladribine'],
    sources: ['Mavenclad SmPC 4.3 (moderate or severe renal impairment, CrCl < 60 mL/min)'],
    record: () =>
      msWorkup(
        new RecordBuilder('rms-de-egfr-25-cladribine', 'DE', { age: 50, gender: 'female' })
          .indication('RMS', 14)
          .workup({ skip: ['egfr'] })
          .negativePregnancyTest(),
      )
        .quantity(LAB.egfr, 25, 'mL/min/1.73m2', daysAgo(12), { ucum: 'mL/min/{1.73_m2}', low: 60, interpretation: INTERPRETATION.L })
        .build(),
    expect: { drugs: [{ drug: 'cladribine', worst: 'contraindicated', because: ['egfr_ml_min'] }], facts: [{ name: 'egfr_ml_min', is: { min: 24, max: 26 } }] },
  },
  {
    id: 'rms-fr-alt-teriflunomide',
    title: 'ALT 4x ULN before teriflunomide',
    indication: 'RMS',
    style: 'FR',
    covers: ['ALT 4x ULN on teriflunomide'],
    sources: [
      'Aubagio SmPC 4.4 (liver enzymes before start; stop if ALT > 3x ULN confirmed); Aubagio USPI 5.1 (ALT > 2x ULN before start: should not be treated)',
    ],
    record: () =>
      msWorkup(new RecordBuilder('rms-fr-alt-teriflunomide', 'FR', { age: 39, gender: 'male' }).indication('RMS', 3).workup({ skip: ['alt'] }))
        .quantity(LAB.alt, 160, 'U/L', daysAgo(9), { high: 40, interpretation: INTERPRETATION.H })
        .build(),
    expect: {
      drugs: [{ drug: 'teriflunomide', worst: ['contraindicated', 'only-if-no-alternative'], because: ['alt_x_uln'] }],
      facts: [{ name: 'alt_x_uln', is: { min: 3.9, max: 4.1 } }],
    },
  },
  {
    id: 'rms-us-thin',
    title: 'Thin problem list: only MS recorded',
    indication: 'RMS',
    style: 'US',
    thin: true,
    covers: ['thin problem list: unknown, not clear'],
    sources: ['Gilenya/Zeposia/Ponvory SmPC 4.3 (cardiac events, conduction block, active malignancy)'],
    record: () => new RecordBuilder('rms-us-thin', 'US', { age: 33, gender: 'male' }).indication('RMS', 2).build(),
    expect: {
      facts: ['malignancy_active', 'cardiac_event_6m', 'conduction_block'].map((name) => ({ name, is: UNKNOWN })),
      flags: [
        {
          drug: 'fingolimod',
          facts: ['cardiac_event_6m'],
          level: ['contraindicated', 'only-if-no-alternative', 'treat-before-start', 'caution', 'screen-before-start'],
          state: 'unknown',
        },
        {
          drug: 'fingolimod',
          facts: ['malignancy_active'],
          level: ['contraindicated', 'only-if-no-alternative', 'treat-before-start', 'caution', 'screen-before-start'],
          state: 'unknown',
        },
      ],
    },
  },
  {
    id: 'rms-de-autoimmune-thyroiditis',
    title: 'Autoimmune thyroiditis (E06.3) before alemtuzumab',
    indication: 'RMS',
    style: 'DE',
    covers: ['alemtuzumab autoimmune contraindication'],
    sources: ['Lemtrada SmPC 4.3 (autoimmune diseases other than MS)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-de-autoimmune-thyroiditis', 'DE', { age: 33, gender: 'female' }).indication('RMS', 3).workup().negativePregnancyTest())
        .condition([icd10gm('E06.3', 'Autoimmunthyreoiditis')], { onset: monthsAgo(50) })
        .build(),
    expect: { drugs: [{ drug: 'alemtuzumab', worst: 'contraindicated', because: ['autoimmune_other'] }], facts: [{ name: 'autoimmune_other', is: true }] },
  },
  {
    id: 'rms-us-vzv-negative',
    title: 'VZV IgG negative before an S1P modulator or cladribine',
    indication: 'RMS',
    style: 'US',
    covers: ['VZV status before S1P'],
    sources: [
      'Gilenya/Zeposia/Ponvory SmPC 4.4 (VZV antibody-negative: vaccinate, start 1 month later); Mavenclad SmPC 4.4 (vaccinate antibody-negative patients, postpone 4-6 weeks)',
    ],
    record: () =>
      new RecordBuilder('rms-us-vzv-negative', 'US', { age: 30, gender: 'male' })
        .indication('RMS', 1)
        .workup()
        .coded(LAB.jcvAb, ANSWER.negative, daysAgo(30), { interpretation: INTERPRETATION.NEG })
        .coded(LAB.vzvIgg, ANSWER.negative, daysAgo(30), { interpretation: INTERPRETATION.NEG })
        .quantity(LAB.qtc, 410, 'ms', daysAgo(30))
        .build(),
    expect: { drugs: each([...S1P_MS, 'cladribine'], 'treat-before-start', ['vzv_immune']), facts: [{ name: 'vzv_immune', is: 'non-immune' }] },
  },
  {
    id: 'rms-fr-hiv',
    title: 'HIV infection (B24) before cladribine and alemtuzumab',
    indication: 'RMS',
    style: 'FR',
    covers: ['HIV'],
    sources: ['Mavenclad SmPC 4.3 (HIV infection); Lemtrada SmPC 4.3 (HIV infection)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-fr-hiv', 'FR', { age: 43, gender: 'male' }).indication('RMS', 7).workup())
        .condition([sct('86406008', 'Infection par le VIH'), icd10('B24', 'Immunodéficience humaine virale, sans précision')], { onset: '2012-04-01' })
        .build(),
    expect: { drugs: each(['cladribine', 'alemtuzumab'], 'contraindicated', ['hiv_positive']), facts: [{ name: 'hiv_positive', is: true }] },
  },
  {
    id: 'rms-us-hcv-chronic',
    title: 'Chronic hepatitis C (B18.2), untreated: S1P and cladribine',
    indication: 'RMS',
    style: 'US',
    covers: ['S1P with an active chronic infection (hepatitis)'],
    sources: ['Gilenya/Zeposia/Ponvory SmPC 4.3 (active chronic infections: hepatitis, tuberculosis); Mavenclad SmPC 4.3 (active chronic infections)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-us-hcv-chronic', 'US', { age: 47, gender: 'male' }).indication('RMS', 9).workup())
        .condition([sct('128302006', 'Chronic hepatitis C'), icd10cm('B18.2', 'Chronic viral hepatitis C')], { onset: '2021-09-01' })
        .build(),
    expect: { drugs: each([...S1P_MS, 'cladribine'], 'contraindicated', ['hcv_active']), facts: [{ name: 'hcv_active', is: true }] },
  },
  {
    id: 'rms-ch-lymphopenia',
    title: 'Lymphocytes 0.4 x10^9/L (grade 3) before cladribine and S1P',
    indication: 'RMS',
    style: 'CH',
    covers: ['S1P start at grade-3 lymphopenia'],
    sources: [
      'Mavenclad SmPC 4.2/4.4 (lymphocytes must be normal before year 1); Gilenya/Zeposia/Ponvory SmPC 4.4 (blood count before start; section to verify for a start threshold)',
    ],
    record: () =>
      msWorkup(new RecordBuilder('rms-ch-lymphopenia', 'CH', { age: 38, gender: 'male' }).indication('RMS', 4).workup({ skip: ['cbc'] }))
        .quantity(LAB.hb, 14.2, 'g/dL', daysAgo(15), { low: 13, high: 17 })
        .quantity(LAB.neutrophils, 3.9, '10*9/L', daysAgo(15), { low: 1.8, high: 7.5 })
        .quantity(LAB.lymphocytes, 0.4, '10*9/L', daysAgo(15), { low: 1.0, high: 4.0, interpretation: INTERPRETATION.L })
        .quantity(LAB.platelets, 240, '10*9/L', daysAgo(15), { low: 150, high: 400 })
        .build(),
    expect: {
      drugs: [{ drug: 'cladribine', worst: 'contraindicated', because: ['lymphocytes_10e9_l'] }],
      flags: S1P_MS.map((drug) => ({
        drug,
        facts: ['lymphocytes_10e9_l'],
        level: ['contraindicated', 'only-if-no-alternative', 'treat-before-start', 'caution'] as const,
      })),
    },
  },
  {
    id: 'rms-de-mi-old',
    title: 'Old myocardial infarction (I25.2, 3 years ago): alemtuzumab yes, S1P 6-month window no',
    indication: 'RMS',
    style: 'DE',
    covers: ['event dates: "in the last 6 months" reads the event date', 'alemtuzumab vascular contraindication'],
    sources: [
      'Lemtrada SmPC 4.3 (history of angina pectoris or myocardial infarction); Gilenya/Zeposia/Ponvory SmPC 4.3 (MI in the last 6 months); Gilenya SmPC 4.4 (history of MI: not recommended, cardiology advice)',
    ],
    record: () =>
      msWorkup(new RecordBuilder('rms-de-mi-old', 'DE', { age: 54, gender: 'male' }).indication('RMS', 15).workup())
        .condition([icd10gm('I25.2', 'Alter Myokardinfarkt')], { onset: monthsAgo(36), recorded: monthsAgo(35) })
        .build(),
    expect: {
      drugs: [{ drug: 'alemtuzumab', worst: 'contraindicated', because: ['vascular_history'] }],
      maxLevel: [{ drugs: S1P_MS, level: 'only-if-no-alternative' }],
      facts: [
        { name: 'cardiac_event_6m', is: false },
        { name: 'vascular_history', is: true },
      ],
    },
  },
  {
    id: 'rms-fr-jcv-newer-negative',
    title: 'JCV index 2.1 twenty months ago, anti-JCV negative one month ago',
    indication: 'RMS',
    style: 'FR',
    covers: ['old values count until a newer result (JCV)'],
    sources: ['Tysabri SmPC 4.4 (anti-JCV negative: lower PML risk; retest every 6 months)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-fr-jcv-newer-negative', 'FR', { age: 37, gender: 'male' }).indication('RMS', 5).workup(), { jcv: false })
        .coded(LAB.jcvAb, ANSWER.positive, monthsAgo(20), { interpretation: INTERPRETATION.POS })
        .quantity(LAB.jcvIndex, 2.1, '{index_val}', monthsAgo(20))
        .coded(LAB.jcvAb, ANSWER.negative, daysAgo(30), { interpretation: INTERPRETATION.NEG })
        .build(),
    expect: { drugs: [{ drug: 'natalizumab', worst: ['screen-before-start', 'none'] }], facts: [{ name: 'jcv_antibody_status', is: 'negative' }] },
  },
  {
    id: 'rms-de-breast-cancer-status-post',
    title: 'Breast cancer C50.9 with Diagnosesicherheit "Z" (status post), clinicalStatus left active',
    indication: 'RMS',
    style: 'DE',
    covers: ['German diagnosis certainty: status post is history, not active'],
    sources: ['MII Diagnose profile / KBV Diagnosesicherheit (Z = Zustand nach); S1P/cladribine/natalizumab/anti-CD20 SmPC 4.3 (active malignancy only)'],
    record: () =>
      msWorkup(new RecordBuilder('rms-de-breast-cancer-status-post', 'DE', { age: 52, gender: 'female' }).indication('RMS', 12).workup())
        .condition([icd10gmWithCertainty('C50.9', 'Bösartige Neubildung: Brustdrüse, nicht näher bezeichnet', 'Z')], {
          onset: '2016-02-01',
          text: 'Z.n. Mammakarzinom 2016',
        })
        .build(),
    expect: {
      maxLevel: [{ drugs: [...S1P_MS, 'natalizumab', 'ocrelizumab', 'ofatumumab', 'ublituximab'], level: 'caution' }],
      facts: [
        { name: 'malignancy_active', is: false },
        { name: 'malignancy_history', is: true },
      ],
    },
  },
  {
    id: 'rms-us-history-of-mi',
    title: 'SNOMED "History of myocardial infarction" recorded 2 months ago (event date unknown)',
    indication: 'RMS',
    style: 'US',
    covers: ['event dates: a history-of finding recorded recently is not a recent event'],
    sources: [
      'Gilenya/Zeposia/Ponvory SmPC 4.3 (MI in the last 6 months); Gilenya SmPC 4.4 (history of MI: not recommended); Lemtrada SmPC 4.3 (history of MI)',
    ],
    record: () =>
      msWorkup(new RecordBuilder('rms-us-history-of-mi', 'US', { age: 55, gender: 'male' }).indication('RMS', 16).workup())
        .condition([sct('399211009', 'History of myocardial infarction')], { recorded: monthsAgo(2) })
        .build(),
    expect: {
      drugs: [{ drug: 'alemtuzumab', worst: 'contraindicated', because: ['vascular_history'] }],
      maxLevel: [{ drugs: S1P_MS, level: 'only-if-no-alternative' }],
      facts: [{ name: 'vascular_history', is: true }],
    },
  },
];
