/** Crohn's disease scenarios (US Core, German MII, IPS/French). Label sources: README.md in this folder. */
import { UNKNOWN, type Scenario } from '../expect.ts';
import { INTERPRETATION, LAB, RecordBuilder, daysAgo, icd10, icd10cm, icd10gm, monthsAgo, sct } from '../builders.ts';
import { ANSWER } from '../codes.ts';
import { NOT_NOW, OPTIONS, each } from './common.ts';

const CD = OPTIONS.CD;
const ANTI_TNF_CD = ['infliximab', 'adalimumab', 'certolizumab pegol'];

/** The failing-adalimumab record of the failed-search scenarios: current adalimumab ordered, infliximab stopped for loss of response. */
function failingAdalimumab(id: string): RecordBuilder {
  return new RecordBuilder(id, 'US', { age: 41, gender: 'female' })
    .indication('CD', 9)
    .workup()
    .negativePregnancyTest()
    .medication('infliximab', { kind: 'statement', status: 'stopped', start: monthsAgo(60), end: monthsAgo(30), reasonText: 'loss of response' })
    .medication('adalimumab', { kind: 'request', status: 'active', start: monthsAgo(26) })
    .quantity(LAB.crp, 38, 'mg/L', daysAgo(20));
}

export const CD_SCENARIOS: Scenario[] = [
  {
    id: 'cd-us-neg',
    title: 'Negative control: full work-up, on adalimumab',
    indication: 'CD',
    style: 'US',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['anti-TNF/vedolizumab/ustekinumab/risankizumab/upadacitinib SmPC 4.3-4.4: screening only'],
    record: () =>
      new RecordBuilder('cd-us-neg', 'US', { age: 45, gender: 'male' })
        .indication('CD')
        .workup()
        .medication('adalimumab', { kind: 'request', status: 'active', start: monthsAgo(14) })
        .build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      current: 'adalimumab',
      facts: [
        { name: 'hbv_hbsag', is: 'negative' },
        { name: 'heart_failure_nyha', is: 0 },
        { name: 'cv_risk', is: 'none' },
        { name: 'malignancy_history', is: false },
        { name: 'serious_infection_active', is: false },
      ],
    },
  },
  {
    id: 'cd-de-neg',
    title: 'Negative control: woman 30, azathioprine, negative pregnancy test',
    indication: 'CD',
    style: 'DE',
    negativeControl: true,
    covers: ['negative control'],
    sources: ['as cd-us-neg; Rinvoq SmPC 4.3/4.6 (pregnancy test negative)'],
    record: () =>
      new RecordBuilder('cd-de-neg', 'DE', { age: 30, gender: 'female' })
        .indication('CD', 4)
        .workup()
        .negativePregnancyTest(5)
        .medication('azathioprine', { status: 'active', start: monthsAgo(18) })
        .build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'childbearing_potential', is: true },
        { name: 'pregnancy_current', is: false },
        { name: 'tb_screen_result', is: 'negative' },
      ],
    },
  },
  {
    id: 'cd-fr-hbsag-non-reactif',
    title: 'Negative control: HBsAg "non réactif" and anti-HBc "négatif" as text with interpretation N',
    indication: 'CD',
    style: 'FR',
    negativeControl: true,
    covers: ['HBsAg non-reactive text (false alarm)', 'negative control'],
    sources: ['ECCO opportunistic infections 2021 (HBV screening)'],
    record: () =>
      new RecordBuilder('cd-fr-hbsag-non-reactif', 'FR', { age: 40, gender: 'male' })
        .indication('CD')
        .workup({ skip: ['hbv'] })
        .text(LAB.hbsag, 'non réactif', daysAgo(25), { interpretation: INTERPRETATION.N })
        .text(LAB.antiHbc, 'négatif', daysAgo(25), { interpretation: INTERPRETATION.N })
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
    id: 'cd-de-perianal-abscess',
    title: 'Active perianal abscess (ICD-10-GM K61.0)',
    indication: 'CD',
    style: 'DE',
    covers: ['serious infection: perianal abscess'],
    sources: ['Remicade SmPC 4.3 (severe infections such as sepsis, abscesses); Humira 4.3; Entyvio 4.3; Stelara 4.3; Skyrizi 4.3; Rinvoq 4.3'],
    record: () =>
      new RecordBuilder('cd-de-perianal-abscess', 'DE', { age: 27, gender: 'male' })
        .indication('CD', 3)
        .workup()
        .condition([icd10gm('K61.0', 'Analabszess')], { onset: daysAgo(10), text: 'perianaler Abszess' })
        .build(),
    expect: { drugs: each(CD, NOT_NOW, ['serious_infection_active']), facts: [{ name: 'serious_infection_active', is: true }] },
  },
  {
    id: 'cd-us-latent-tb',
    title: 'Latent TB (IGRA positive, Z22.7), no prophylaxis recorded',
    indication: 'CD',
    style: 'US',
    covers: ['latent TB without prophylaxis: treat before start'],
    sources: ['Humira/Remicade/Cimzia SmPC 4.4 (start prophylaxis before the first dose); Entyvio 4.4; Stelara 4.4; Skyrizi 4.4; Rinvoq 4.4'],
    record: () =>
      new RecordBuilder('cd-us-latent-tb', 'US', { age: 36, gender: 'female' })
        .indication('CD')
        .workup({ skip: ['tb'] })
        .negativePregnancyTest()
        .coded(LAB.igra, ANSWER.positive, daysAgo(20), { interpretation: INTERPRETATION.POS })
        .condition([icd10cm('Z22.7', 'Latent tuberculosis')], { onset: daysAgo(15) })
        .build(),
    expect: {
      drugs: each(CD, 'treat-before-start', [['tb_latent', 'tb_screen_result']]),
      facts: [
        { name: 'tb_latent', is: true },
        { name: 'tb_prophylaxis', is: false },
      ],
    },
  },
  {
    id: 'cd-ch-latent-tb-isoniazid',
    title: 'Latent TB with an isoniazid course started 100 days ago',
    indication: 'CD',
    style: 'CH',
    covers: ['latent TB with recorded isoniazid course: resolved'],
    sources: ['Humira SmPC 4.4 (prophylaxis started before the first dose); ECCO opportunistic infections 2021'],
    record: () =>
      new RecordBuilder('cd-ch-latent-tb-isoniazid', 'CH', { age: 50, gender: 'male' })
        .indication('CD')
        .workup({ skip: ['tb'] })
        .coded(LAB.igra, ANSWER.positive, monthsAgo(4), { interpretation: INTERPRETATION.POS })
        .condition([icd10('Z22.7', 'Tuberculose latente')], { onset: monthsAgo(4) })
        .medication('isoniazid', { status: 'active', start: daysAgo(100) })
        .build(),
    expect: {
      maxLevel: [{ drugs: 'all', level: 'screen-before-start' }],
      facts: [
        { name: 'tb_latent', is: true },
        { name: 'tb_prophylaxis', is: true },
      ],
    },
  },
  {
    id: 'cd-us-meds-failed',
    title: 'All medication searches time out (patient on failing adalimumab after infliximab)',
    indication: 'CD',
    style: 'US',
    covers: ['failed medication search: not treatment-naive'],
    sources: ['issue 10: a failed search is not an empty record'],
    failSearches: ['MedicationRequest', 'MedicationStatement', 'MedicationAdministration'],
    record: () => failingAdalimumab('cd-us-meds-failed').build(),
    expect: {
      facts: [
        { name: 'current_advanced_therapy', is: UNKNOWN, reasonIncludes: 'search failed' },
        { name: 'prior_advanced_count', is: UNKNOWN, reasonIncludes: 'search failed' },
        { name: 'prior_anti_tnf', is: UNKNOWN },
        { name: 'prior_anti_tnf_loss_of_response', is: UNKNOWN },
        { name: 'steroids_current', is: UNKNOWN },
      ],
    },
  },
  {
    id: 'cd-us-statements-failed',
    title: 'MedicationStatement search times out; the adalimumab order is read',
    indication: 'CD',
    style: 'US',
    covers: ['failed medication search: current drug keeps its mark'],
    sources: ['issue 10: a failed search is not an empty record'],
    failSearches: ['MedicationStatement'],
    record: () => failingAdalimumab('cd-us-statements-failed').build(),
    expect: {
      current: 'adalimumab',
      facts: [
        { name: 'current_advanced_therapy', is: 'adalimumab' },
        { name: 'prior_anti_tnf', is: true },
        { name: 'prior_advanced_count', is: UNKNOWN, reasonIncludes: 'search failed' },
        { name: 'prior_anti_tnf_loss_of_response', is: UNKNOWN },
      ],
    },
  },
  {
    id: 'cd-de-thin',
    title: 'Thin problem list: only K50.0 recorded',
    indication: 'CD',
    style: 'DE',
    thin: true,
    covers: ['thin problem list: unknown, not clear'],
    sources: ['EMA JAK Art. 20 2022; anti-TNF SmPC 4.3 (NYHA III/IV)'],
    record: () => new RecordBuilder('cd-de-thin', 'DE', { age: 50, gender: 'male' }).indication('CD').quantity(LAB.crp, 12, 'mg/L', daysAgo(14)).build(),
    expect: {
      facts: ['cv_risk', 'malignancy_history', 'vte_history', 'heart_failure_nyha', 'serious_infection_active', 'demyelinating_disease'].map((name) => ({
        name,
        is: UNKNOWN,
      })),
      flags: [
        { drug: 'upadacitinib', facts: ['cv_risk'], level: ['only-if-no-alternative', 'caution', 'screen-before-start'], state: 'unknown' },
        { drug: 'upadacitinib', facts: ['malignancy_history'], level: ['only-if-no-alternative', 'caution', 'screen-before-start'], state: 'unknown' },
        {
          drug: 'infliximab',
          facts: ['heart_failure_nyha'],
          level: ['contraindicated', 'only-if-no-alternative', 'caution', 'screen-before-start'],
          state: 'unknown',
        },
      ],
    },
  },
  {
    id: 'cd-us-zoster',
    title: 'Active herpes zoster',
    indication: 'CD',
    style: 'US',
    covers: ['serious infection: herpes zoster'],
    sources: ['Rinvoq SmPC 4.3/4.4 (interrupt in zoster until resolved); anti-TNF SmPC 4.4 (do not start during active infection)'],
    record: () =>
      new RecordBuilder('cd-us-zoster', 'US', { age: 33, gender: 'male' })
        .indication('CD')
        .workup()
        .condition([sct('4740000', 'Herpes zoster'), icd10cm('B02.9', 'Zoster without complications')], { onset: daysAgo(7) })
        .build(),
    expect: { drugs: each(CD, NOT_NOW, ['serious_infection_active']), facts: [{ name: 'serious_infection_active', is: true }] },
  },
  {
    id: 'cd-fr-cdiff',
    title: 'Clostridioides difficile colitis, active',
    indication: 'CD',
    style: 'FR',
    covers: ['serious infection: C. difficile'],
    sources: ['Entyvio SmPC 4.3 (active severe infections); anti-TNF SmPC 4.3; Rinvoq 4.3'],
    record: () =>
      new RecordBuilder('cd-fr-cdiff', 'FR', { age: 29, gender: 'male' })
        .indication('CD', 2)
        .workup()
        .condition([sct('186431008', 'Infection à Clostridioides difficile'), icd10('A04.7', 'Entérocolite à Clostridium difficile')], { onset: daysAgo(5) })
        .build(),
    expect: { drugs: each(CD, NOT_NOW, ['serious_infection_active']), facts: [{ name: 'serious_infection_active', is: true }] },
  },
  {
    id: 'cd-us-lymphoma-history',
    title: 'Hodgkin lymphoma 2016, resolved',
    indication: 'CD',
    style: 'US',
    covers: ['lymphoma history on anti-TNF'],
    sources: ['Humira/Remicade/Cimzia SmPC 4.4 (caution with a history of malignancy); EMA JAK Art. 20 2022 (malignancy risk factors); Stelara SmPC 4.4'],
    record: () =>
      new RecordBuilder('cd-us-lymphoma-history', 'US', { age: 55, gender: 'male' })
        .indication('CD', 12)
        .workup()
        .condition([sct('118599009', "Hodgkin's disease"), icd10cm('C81.90', 'Hodgkin lymphoma, unspecified, unspecified site')], {
          onset: '2016-03-01',
          abatement: '2017-01-15',
          status: 'resolved',
        })
        .build(),
    expect: {
      drugs: [
        ...each(ANTI_TNF_CD, 'caution', [['lymphoma_history', 'malignancy_history']]),
        { drug: 'upadacitinib', worst: 'only-if-no-alternative', because: [['malignancy_history', 'lymphoma_history']] },
      ],
      afterUnrestricted: ['upadacitinib'],
      facts: [
        { name: 'lymphoma_history', is: true },
        { name: 'malignancy_history', is: true },
        { name: 'malignancy_active', is: false },
      ],
    },
  },
  {
    id: 'cd-de-nyha-i5013',
    title: 'Heart failure NYHA III as ICD-10-GM I50.13',
    indication: 'CD',
    style: 'DE',
    covers: ['NYHA in ICD-10-GM I50.13'],
    sources: ['Humira/Remicade/Cimzia SmPC 4.3 (moderate to severe heart failure NYHA III/IV)'],
    record: () =>
      new RecordBuilder('cd-de-nyha-i5013', 'DE', { age: 60, gender: 'male' })
        .indication('CD', 15)
        .workup()
        .condition([icd10gm('I50.13', 'Linksherzinsuffizienz: Mit Beschwerden bei leichterer Belastung')], { onset: monthsAgo(3) })
        .build(),
    expect: { drugs: each(ANTI_TNF_CD, 'contraindicated', ['heart_failure_nyha']), facts: [{ name: 'heart_failure_nyha', is: 3 }] },
  },
  {
    id: 'cd-ch-optic-neuritis',
    title: 'Optic neuritis 2019 (demyelinating) before anti-TNF',
    indication: 'CD',
    style: 'CH',
    covers: ['demyelinating disease on anti-TNF'],
    sources: [
      'Humira/Remicade/Cimzia SmPC 4.4 (caution in pre-existing demyelinating disorders; the app ranks it stricter, citing Lenercept MS Study Group, Neurology 1999)',
    ],
    record: () =>
      new RecordBuilder('cd-ch-optic-neuritis', 'CH', { age: 35, gender: 'male' })
        .indication('CD', 6)
        .workup()
        .condition([sct('66760008', 'Névrite optique'), icd10('H46', 'Névrite optique')], { onset: '2019-05-01', abatement: '2019-08-01', status: 'resolved' })
        .build(),
    expect: {
      drugs: each(ANTI_TNF_CD, ['caution', 'only-if-no-alternative'], ['demyelinating_disease']),
      facts: [{ name: 'demyelinating_disease', is: true }],
    },
  },
  {
    id: 'cd-de-observations-failed',
    title: 'Every Observation search times out: screening results unknown, not negative',
    indication: 'CD',
    style: 'DE',
    covers: ['failed search (Observation): unknown, not clear'],
    sources: ['issue 10: a failed search is not an empty record'],
    failSearches: ['Observation'],
    record: () => new RecordBuilder('cd-de-observations-failed', 'DE', { age: 44, gender: 'male' }).indication('CD', 5).workup().build(),
    expect: {
      facts: ['hbv_hbsag', 'tb_screen_result', 'neutrophils_10e9_l', 'alt_x_uln', 'smoking_current'].map((name) => ({
        name,
        is: UNKNOWN,
        reasonIncludes: 'search failed',
      })),
      flags: [{ drug: 'infliximab', facts: ['hbv_hbsag'], level: ['screen-before-start', 'caution'], state: 'unknown' }],
    },
  },
  {
    id: 'cd-fr-zoster-resolved',
    title: 'Herpes zoster 2 years ago, resolved: no active infection, VZV immune',
    indication: 'CD',
    style: 'FR',
    covers: ['resolved infection is not an active one'],
    sources: ['anti-TNF/JAK SmPC 4.3 (active infections only); Rinvoq SmPC 4.4 (zoster history: vaccination may be considered)'],
    record: () =>
      new RecordBuilder('cd-fr-zoster-resolved', 'FR', { age: 47, gender: 'male' })
        .indication('CD', 8)
        .workup()
        .condition([sct('4740000', 'Zona'), icd10('B02.9', 'Zona sans complication')], { onset: monthsAgo(25), abatement: monthsAgo(24), status: 'resolved' })
        .build(),
    expect: {
      maxLevel: [
        { drugs: ['infliximab', 'adalimumab', 'certolizumab pegol', 'vedolizumab', 'ustekinumab', 'risankizumab'], level: 'screen-before-start' },
        { drugs: ['upadacitinib'], level: 'caution' },
      ],
      facts: [
        { name: 'serious_infection_active', is: false },
        { name: 'vzv_immune', is: 'immune' },
      ],
    },
  },
  {
    id: 'cd-us-pneumonia-refuted',
    title: 'Negative control: pneumonia recorded and refuted',
    indication: 'CD',
    style: 'US',
    negativeControl: true,
    covers: ['refuted diagnoses are not findings', 'negative control'],
    sources: ['FHIR R4 Condition.verificationStatus (refuted); SmPC 4.3 (active infection only)'],
    record: () =>
      new RecordBuilder('cd-us-pneumonia-refuted', 'US', { age: 37, gender: 'male' })
        .indication('CD', 5)
        .workup()
        .condition([sct('233604007', 'Pneumonia'), icd10cm('J18.9', 'Pneumonia, unspecified organism')], { onset: daysAgo(12), verification: 'refuted' })
        .build(),
    expect: { maxLevel: [{ drugs: 'all', level: 'screen-before-start' }], facts: [{ name: 'serious_infection_active', is: false }] },
  },
];
