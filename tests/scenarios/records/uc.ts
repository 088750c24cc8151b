/** Ulcerative colitis scenarios (US Core, German MII, IPS/Swiss-French). Label sources: README.md in this folder. */
import { UNKNOWN, type Scenario } from '../expect.ts';
import { ANSWER, INTERPRETATION, LAB, RecordBuilder, daysAgo, icd10, icd10gm, icd10gmWithCertainty, monthsAgo, sct } from '../builders.ts';
import { cvx } from '../codes.ts';
import { msWorkup, each } from './common.ts';

const JAK_UC = ['tofacitinib', 'upadacitinib'];
const S1P_UC = ['ozanimod', 'etrasimod'];
const PREGNANCY_CONTRA_UC = [...JAK_UC, ...S1P_UC];
const PREGNANCY_OK_UC = ['infliximab', 'adalimumab', 'golimumab', 'vedolizumab', 'ustekinumab', 'mirikizumab'];

/** S1P pre-start work-up the UC negative controls carry (VZV immune, ECG): the same helper as MS, without JCV/IgG. */
const s1pWorkup = (b: RecordBuilder): RecordBuilder => msWorkup(b, { jcv: false, igg: false });

export const UC_SCENARIOS: Scenario[] = [
  {
    id: 'uc-us-neg',
    title: 'Negative control: man 38 on mesalazine, full work-up',
    indication: 'UC',
    style: 'US',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['UC option labels: screening only'],
    record: () =>
      s1pWorkup(new RecordBuilder('uc-us-neg', 'US', { age: 38, gender: 'male' }).indication('UC').workup())
        .medication('mesalazine', { kind: 'request', status: 'active', start: monthsAgo(30) })
        .build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'vzv_immune', is: 'immune' },
        { name: 'qtc_ms', is: { min: 400, max: 440 } },
      ],
    },
  },
  {
    id: 'uc-ch-neg',
    title: 'Negative control: woman 52, negative pregnancy test, full work-up',
    indication: 'UC',
    style: 'CH',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['UC option labels: screening only'],
    record: () => s1pWorkup(new RecordBuilder('uc-ch-neg', 'CH', { age: 52, gender: 'female' }).indication('UC', 10).workup().negativePregnancyTest(4)).build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'hbv_hbsag', is: 'negative' },
        { name: 'pregnancy_current', is: false },
      ],
    },
  },
  {
    id: 'uc-us-woman-64',
    title: 'Negative control: woman 64, no pregnancy to-dos',
    indication: 'UC',
    style: 'US',
    negativeControl: true,
    covers: ['64-year-old woman: no pregnancy to-dos'],
    sources: ['FSRH Contraception for Women Aged over 40 Years (2017, amended 2019): contraception until 55'],
    record: () => s1pWorkup(new RecordBuilder('uc-us-woman-64', 'US', { age: 64, gender: 'female' }).indication('UC', 20).workup()).build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      noFlagNaming: ['pregnancy_current', 'pregnancy_planned', 'childbearing_potential'],
      facts: [{ name: 'childbearing_potential', is: false }],
    },
  },
  {
    id: 'uc-de-jak-age-68',
    title: 'Man 68: JAK only if no suitable alternative, ranked after unrestricted options',
    indication: 'UC',
    style: 'DE',
    covers: ['JAK "only if no suitable alternative" (age >= 65): tier order'],
    sources: ['EMA JAK Art. 20 referral 2022; Xeljanz/Rinvoq SmPC 4.4'],
    record: () => s1pWorkup(new RecordBuilder('uc-de-jak-age-68', 'DE', { age: 68, gender: 'male' }).indication('UC', 12).workup()).build(),
    expect: { drugs: each(JAK_UC, 'only-if-no-alternative', ['age_years']), afterUnrestricted: JAK_UC },
  },
  {
    id: 'uc-us-smoker',
    title: 'Current smoker 45: JAK only if no suitable alternative',
    indication: 'UC',
    style: 'US',
    covers: ['JAK "only if no suitable alternative" (smoker): tier order'],
    sources: ['EMA JAK Art. 20 referral 2022; Xeljanz/Rinvoq SmPC 4.4'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-us-smoker', 'US', { age: 45, gender: 'male' })
          .indication('UC')
          .workup({ skip: ['smoking'] })
          .smoking(ANSWER.dailySmoker),
      ).build(),
    expect: { drugs: each(JAK_UC, 'only-if-no-alternative', ['smoking_current']), afterUnrestricted: JAK_UC },
  },
  {
    id: 'uc-fr-neutropenia',
    title: 'Neutrophils 0.8 G/L before a JAK',
    indication: 'UC',
    style: 'FR',
    covers: ['neutropenia before a JAK'],
    sources: ['Xeljanz SmPC 4.2 (ANC < 1.0 x10^9/L: do not initiate); Rinvoq SmPC 4.2 (ANC < 1 x10^9/L: do not initiate)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-fr-neutropenia', 'FR', { age: 34, gender: 'male' })
          .indication('UC')
          .workup({ skip: ['cbc'] })
          .quantity(LAB.hb, 13.5, 'g/dL', daysAgo(12), { low: 13, high: 17 })
          .quantity(LAB.neutrophils, 0.8, '10*9/L', daysAgo(12), { low: 1.8, high: 7.5, interpretation: INTERPRETATION.L })
          .quantity(LAB.lymphocytes, 1.5, '10*9/L', daysAgo(12), { low: 1.0, high: 4.0 })
          .quantity(LAB.platelets, 210, '10*9/L', daysAgo(12), { low: 150, high: 400 }),
      ).build(),
    expect: { drugs: each(JAK_UC, 'contraindicated', ['neutrophils_10e9_l']), facts: [{ name: 'neutrophils_10e9_l', is: { min: 0.75, max: 0.85 } }] },
  },
  {
    id: 'uc-de-z316-pregnancy-plan',
    title: 'Plan to conceive as ICD-10-GM Z31.6, no pregnancy test',
    indication: 'UC',
    style: 'DE',
    covers: ['pregnancy intent via Z31.6', 'known pregnancy plan without a test'],
    sources: ['Xeljanz/Rinvoq SmPC 4.3/4.6; Zeposia/Velsipity SmPC 4.3/4.6; anti-TNF SmPC 4.6 (may be used in pregnancy if clearly needed)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-de-z316-pregnancy-plan', 'DE', { age: 29, gender: 'female' })
          .indication('UC', 5)
          .workup()
          .condition([icd10gm('Z31.6', 'Allgemeine Beratung zur Fortpflanzung')], { onset: daysAgo(40), text: 'Kinderwunsch' }),
      ).build(),
    expect: {
      drugs: each(PREGNANCY_CONTRA_UC, ['contraindicated', 'only-if-no-alternative'], ['pregnancy_planned']),
      maxLevel: [{ drugs: PREGNANCY_OK_UC, level: 'caution' }],
      facts: [{ name: 'pregnancy_planned', is: true }],
    },
  },
  {
    id: 'uc-us-pregnancy-intent',
    title: 'Pregnancy intention LOINC 86645-9 "wants to become pregnant", no test',
    indication: 'UC',
    style: 'US',
    covers: ['pregnancy intent via LOINC 86645-9', 'known pregnancy plan without a test'],
    sources: ['Xeljanz/Rinvoq SmPC 4.3/4.6; Zeposia/Velsipity SmPC 4.3/4.6'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-us-pregnancy-intent', 'US', { age: 31, gender: 'female' })
          .indication('UC')
          .workup()
          .coded(LAB.pregnancyIntention, ANSWER.wantsPregnancy, daysAgo(20), { category: 'social-history' }),
      ).build(),
    expect: {
      drugs: each(PREGNANCY_CONTRA_UC, ['contraindicated', 'only-if-no-alternative'], ['pregnancy_planned']),
      maxLevel: [{ drugs: PREGNANCY_OK_UC, level: 'caution' }],
      facts: [{ name: 'pregnancy_planned', is: true }],
    },
  },
  {
    id: 'uc-de-s1p-mi',
    title: 'NSTEMI 3 months ago (I21.4): S1P contraindicated, JAK after unrestricted options',
    indication: 'UC',
    style: 'DE',
    covers: ['S1P with recent MI', 'JAK with CV risk: tier order'],
    sources: ['Zeposia/Velsipity SmPC 4.3 (MI in the last 6 months); EMA JAK Art. 20 referral 2022 (CV risk)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-de-s1p-mi', 'DE', { age: 57, gender: 'male' })
          .indication('UC', 8)
          .workup()
          .condition([icd10gm('I21.4', 'Akuter subendokardialer Myokardinfarkt')], { onset: monthsAgo(3) }),
      ).build(),
    expect: {
      drugs: [...each(S1P_UC, 'contraindicated', ['cardiac_event_6m']), ...each(JAK_UC, 'only-if-no-alternative', ['cv_risk'])],
      afterUnrestricted: JAK_UC,
      facts: [
        { name: 'cardiac_event_6m', is: true },
        { name: 'cv_risk', is: 'present' },
      ],
    },
  },
  {
    id: 'uc-ch-hf-no-class',
    title: 'Heart failure diagnosis (I50.9) without NYHA class',
    indication: 'UC',
    style: 'CH',
    covers: ['HF diagnosis without class'],
    sources: ['Remicade/Humira/Simponi SmPC 4.3 (NYHA III/IV) and 4.4 (caution in mild heart failure)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-ch-hf-no-class', 'CH', { age: 59, gender: 'female' })
          .indication('UC', 14)
          .workup()
          .condition([icd10('I50.9', 'Insuffisance cardiaque, sans précision')], { onset: monthsAgo(20) }),
      ).build(),
    expect: {
      drugs: each(['infliximab', 'adalimumab', 'golimumab'], ['contraindicated', 'only-if-no-alternative', 'caution'], ['heart_failure_nyha']),
      facts: [{ name: 'heart_failure_nyha', is: UNKNOWN }],
    },
  },
  {
    id: 'uc-de-stop-reason-de',
    title: 'Infliximab stopped for "unzureichende Wirksamkeit" (free text)',
    indication: 'UC',
    style: 'DE',
    covers: ['stop reasons in free text (DE)'],
    sources: ['issue 10: stop reasons in free text'],
    record: () =>
      new RecordBuilder('uc-de-stop-reason-de', 'DE', { age: 35, gender: 'male' })
        .indication('UC', 6)
        .workup()
        .medication('infliximab', { status: 'stopped', start: monthsAgo(30), end: monthsAgo(27), reasonText: 'unzureichende Wirksamkeit nach Induktion' })
        .medication('vedolizumab', { status: 'active', start: monthsAgo(26) })
        .build(),
    expect: {
      stopReasons: [{ inn: 'infliximab', reason: 'primary-nonresponse' }],
      current: 'vedolizumab',
      facts: [{ name: 'prior_anti_tnf_primary_nonresponse', is: true }],
    },
  },
  {
    id: 'uc-fr-stop-reason-fr',
    title: 'Adalimumab stopped for "perte de réponse" (free text)',
    indication: 'UC',
    style: 'FR',
    covers: ['stop reasons in free text (FR)'],
    sources: ['issue 10: stop reasons in free text'],
    record: () =>
      new RecordBuilder('uc-fr-stop-reason-fr', 'FR', { age: 42, gender: 'female' })
        .indication('UC', 7)
        .workup()
        .negativePregnancyTest()
        .medication('adalimumab', { status: 'stopped', start: monthsAgo(40), end: monthsAgo(6), reasonText: 'perte de réponse secondaire' })
        .build(),
    expect: { stopReasons: [{ inn: 'adalimumab', reason: 'loss-of-response' }], facts: [{ name: 'prior_anti_tnf_loss_of_response', is: true }] },
  },
  {
    id: 'uc-fr-diabetes-s1p',
    title: 'Type 1 diabetes: macular oedema work-up before S1P, JAK after unrestricted options',
    indication: 'UC',
    style: 'FR',
    covers: ['macular oedema work-up before S1P'],
    sources: ['Zeposia/Velsipity SmPC 4.4 (diabetes or uveitis: ophthalmological evaluation before start); EMA JAK Art. 20 referral 2022 (CV risk)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-fr-diabetes-s1p', 'FR', { age: 36, gender: 'male' })
          .indication('UC', 4)
          .workup()
          .condition([sct('46635009', 'Diabète de type 1'), icd10('E10.9', 'Diabète sucré de type 1, sans complication')], { onset: '2005-01-01' }),
      ).build(),
    expect: {
      flags: S1P_UC.map((drug) => ({ drug, facts: ['macular_oedema_risk'], level: ['screen-before-start', 'treat-before-start', 'caution'] as const })),
      maxLevel: [{ drugs: S1P_UC, level: 'caution' }],
      facts: [{ name: 'macular_oedema_risk', is: true }],
    },
  },
  {
    id: 'uc-us-live-vaccine-50d',
    title: 'Yellow fever vaccine (CVX 37) 50 days ago: outside every label wait',
    indication: 'UC',
    style: 'US',
    covers: ['live-vaccine window (42 days)'],
    sources: ['longest label wait 6 weeks (Lemtrada/Mavenclad/Ocrevus SmPC 4.4); UC labels 4 weeks or less'],
    record: () =>
      s1pWorkup(new RecordBuilder('uc-us-live-vaccine-50d', 'US', { age: 40, gender: 'male' }).indication('UC', 3).workup())
        .immunization([cvx('37', 'yellow fever vaccine')], daysAgo(50))
        .build(),
    expect: { maxLevel: [{ drugs: 'all', level: 'screen-before-start' }] },
  },
  {
    id: 'uc-fr-pregnant',
    title: 'Positive urine hCG 5 days ago',
    indication: 'UC',
    style: 'FR',
    covers: ['pregnancy: contraindicated options'],
    sources: ['Xeljanz/Rinvoq SmPC 4.3 (pregnancy); Zeposia/Velsipity SmPC 4.3 (pregnancy); anti-TNF SmPC 4.6 (use if clearly needed)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-fr-pregnant', 'FR', { age: 28, gender: 'female' })
          .indication('UC', 3)
          .workup()
          .coded(LAB.hcgUrine, ANSWER.positive, daysAgo(5), { interpretation: INTERPRETATION.POS, text: 'positif' }),
      ).build(),
    expect: {
      drugs: each(PREGNANCY_CONTRA_UC, 'contraindicated', ['pregnancy_current']),
      maxLevel: [{ drugs: PREGNANCY_OK_UC, level: 'caution' }],
      afterUnrestricted: PREGNANCY_CONTRA_UC,
      facts: [{ name: 'pregnancy_current', is: true }],
    },
  },
  {
    id: 'uc-de-mi-excluded',
    title: 'I21.4 with ICD-10-GM Diagnosesicherheit "A" (myocardial infarction excluded), no verificationStatus',
    indication: 'UC',
    style: 'DE',
    covers: ['German diagnosis certainty: an excluded diagnosis is not a finding'],
    sources: ['MII Diagnose profile / KBV ICD-10-GM Diagnosesicherheit (A = ausgeschlossen)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-de-mi-excluded', 'DE', { age: 49, gender: 'male' })
          .indication('UC', 6)
          .workup()
          .condition([icd10gmWithCertainty('I21.4', 'Akuter subendokardialer Myokardinfarkt', 'A')], {
            onset: monthsAgo(2),
            verification: null,
            text: 'Myokardinfarkt ausgeschlossen',
          }),
      ).build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'cardiac_event_6m', is: false },
        { name: 'cv_risk', is: 'none' },
      ],
    },
  },
  {
    id: 'uc-de-hb-mmol',
    title: 'Haemoglobin 4.6 mmol/L (7.4 g/dL) before a JAK',
    indication: 'UC',
    style: 'DE',
    covers: ['haemoglobin start thresholds (JAK), German molar unit'],
    sources: ['Xeljanz SmPC 4.2 (Hb < 9 g/dL: do not initiate); Rinvoq SmPC 4.2 (Hb < 8 g/dL: do not initiate)'],
    record: () =>
      s1pWorkup(
        new RecordBuilder('uc-de-hb-mmol', 'DE', { age: 41, gender: 'male' })
          .indication('UC', 2)
          .workup({ skip: ['cbc'] })
          .quantity(LAB.hbMolar, 4.6, 'mmol/L', daysAgo(6), { low: 8.1, high: 10.9, interpretation: INTERPRETATION.L })
          .quantity(LAB.neutrophils, 5.2, '10*9/L', daysAgo(6), { low: 1.8, high: 7.5 })
          .quantity(LAB.lymphocytes, 1.4, '10*9/L', daysAgo(6), { low: 1.0, high: 4.0 })
          .quantity(LAB.platelets, 410, '10*9/L', daysAgo(6), { low: 150, high: 400 }),
      ).build(),
    expect: {
      drugs: each(JAK_UC, 'contraindicated', ['haemoglobin_g_dl']),
      facts: [{ name: 'haemoglobin_g_dl', is: { min: 7.3, max: 7.5 } }],
    },
  },
];
