/**
 * Simulated patient -> FHIR R4 transaction Bundle for the sandbox EHR, in one of the three coding styles the data
 * layer accepts, following the sandbox conventions (sandbox/fixtures/README.md). Deterministic: the same demo
 * patient (and seed) gives the same Bundle, byte for byte once serialised.
 *
 * What the simulator does not model (haemoglobin outside UC, lymphocytes, BMI in RMS, height, the safety facts,
 * names) is filled in deterministically from the patient's seed or the demo scenario, and said so in
 * sandbox/fixtures/README.md.
 */
import type { Bundle, Patient as FhirPatient, Procedure } from 'fhir/r4';
import { createRng } from '../../../contract/prng.ts';
import type { Indication, Patient } from '../simulate/types.ts';
import { LOINC, SCORE, SNOMED } from './codes.ts';
import { jointCounts, labSeries, mri, relapses, safety, type Scenario, scoreSeries, smoking, vitals } from './clinical.ts';
import { addDays, cc, Chart, condition, observation, PRACTITIONER, TODAY, weekday } from './fhir.ts';
import { type Course, onsetDate } from './history.ts';
import { writeCourse } from './medications.ts';
import { type CodingStyle, diagnosisCode, STYLES } from './style.ts';

/** A simulated patient chosen for the demo, with everything needed to write its record. */
export interface DemoPatient {
  /** Patient id and prefix of every resource id, e.g. `sim-cd-01`. */
  key: string;
  indication: Indication;
  style: CodingStyle;
  /** The complete simulated patient (every model input of the indication known). */
  sim: Patient;
  /** Advanced-therapy courses, oldest first; the last may be ongoing. */
  courses: Course[];
  scenario: Scenario;
  name: { given: string; family: string };
  /** Seed of the patient's own stream for the values the simulator does not give. */
  seed: number;
}

const num = (p: Patient, k: string): number => {
  const v = p[k];
  if (typeof v !== 'number') throw new Error(`simulated input ${k} is not a number`);
  return v;
};
const PROFILE = {
  us: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient',
  de: 'https://www.medizininformatik-initiative.de/fhir/core/modul-person/StructureDefinition/Patient',
  ips: 'http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips',
} as const;
const COUNTRY = { us: 'US', de: 'DE', ips: 'NL' } as const;

/** Birth date giving whole-year age floor(age) at today, the fraction of a year placed before the birthday. */
export function birthDateFor(ageYears: number): string {
  const whole = Math.floor(ageYears);
  const anniversary = `${Number(TODAY.slice(0, 4)) - whole}${TODAY.slice(4)}`;
  return addDays(anniversary, -Math.min(364, Math.round((ageYears - whole) * 365)));
}

function patientResource(d: DemoPatient): FhirPatient {
  const female = d.sim.sex_female === true;
  return {
    resourceType: 'Patient',
    id: d.key,
    meta: { profile: [PROFILE[d.style]] },
    identifier: [{ use: 'usual', system: 'https://therapy-navigator.example.org/fhir/sid/simulated-patient', value: d.key }],
    active: true,
    name: [{ use: 'official', family: d.name.family, given: [d.name.given] }],
    gender: female ? 'female' : 'male',
    birthDate: birthDateFor(num(d.sim, 'age_years')),
    address: [{ country: COUNTRY[d.style] }],
  };
}

/** Montreal classes as observations with the local codes (the data layer prefers them to the diagnosis code). */
function phenotype(c: Chart, d: DemoPatient, dxId: string, onset: string): void {
  const p = d.sim;
  const date = weekday(addDays(TODAY, -20));
  const write = (code: typeof SCORE.cdLocation, slugName: string, value: string): void => {
    observation(c, { id: `${c.pid}-${slugName}-${date}`, code, category: 'exam', date, answer: { text: value } });
  };
  if (d.indication === 'cd') {
    write(SCORE.cdLocation, 'montreal-location', String(p.cd_location));
    write(SCORE.cdBehaviour, 'montreal-behaviour', String(p.cd_behaviour));
    if (p.cd_perianal === true)
      condition(c, { id: `${c.pid}-dx-perianal`, code: cc(SNOMED.cdPerianal, "Perianal Crohn's disease"), onset: addDays(onset, 200) });
    if (p.prior_bowel_resection === true) {
      const performed = addDays(onset, Math.round((Date.parse(TODAY) - Date.parse(onset)) / 86_400_000 / 2));
      c.add<Procedure>({
        resourceType: 'Procedure',
        id: `${c.pid}-proc-resection`,
        status: 'completed',
        code: cc(SNOMED.ileocolectomy, 'Ileocolic resection'),
        subject: c.subject,
        performedDateTime: performed,
        performer: [{ actor: { reference: 'Practitioner/pract-demo', display: 'Dr. Dana Demo' } }],
        reasonReference: [{ reference: `Condition/${dxId}` }],
      });
    }
  }
  if (d.indication === 'uc') write(SCORE.ucExtent, 'montreal-extent', String(p.uc_extent));
  if ((d.indication === 'uc' || d.indication === 'cd') && p.eim_present === true) {
    condition(c, { id: `${c.pid}-dx-eim`, code: cc(SNOMED.erythemaNodosum, 'Erythema nodosum'), onset: addDays(TODAY, -120) });
  }
}

/** Conventional co-medication the simulator records: a current steroid course and immunomodulator / csDMARD background. */
function conventional(c: Chart, d: DemoPatient, dxId: string, onset: string): void {
  if (d.sim.steroids_current === true) {
    writeCourse(c, d.style, { drug: d.style === 'us' ? 'prednisone' : 'prednisolone', start: addDays(TODAY, -45) }, dxId);
  }
  if (d.sim.immunomodulator_current === true && d.indication !== 'rms') {
    const start = addDays(onset, 60) < addDays(TODAY, -120) ? addDays(onset, 60) : addDays(TODAY, -120);
    writeCourse(c, d.style, { drug: d.indication === 'ra' ? 'methotrexate' : 'azathioprine', start }, dxId);
  }
}

function labs(c: Chart, d: DemoPatient): void {
  const s = STYLES[d.style];
  const p = d.sim;
  const rng = createRng(d.seed);
  const female = p.sex_female === true;
  // Values the simulator does not give: adult means (Tietz 7th ed. reference intervals), assumptions for display.
  const hb = typeof p.haemoglobin_g_dl === 'number' ? p.haemoglobin_g_dl : Math.round(((female ? 13.3 : 14.7) + 0.7 * rng.normal()) * 10) / 10;
  const lymph = Math.round((1.9 + 0.4 * rng.normal()) * 100) / 100;
  if (d.indication !== 'rms') labSeries(c, s, 'crp', 'crp', num(p, 'crp_mg_l'), rng);
  if (d.indication === 'cd' || d.indication === 'uc') {
    labSeries(c, s, 'albumin', 'albumin', num(p, 'albumin_g_l'), rng);
    labSeries(c, s, 'fcal', 'calprotectin', num(p, 'fcal_ug_g'), rng, LAB_DAYS_FCAL);
  }
  if (d.indication === 'ra') labSeries(c, s, 'esr', 'esr', num(p, 'esr_mm_h'), rng);
  labSeries(c, s, 'hgb', 'hb', hb, rng);
  labSeries(c, s, 'lymph', 'lymphocytes', lymph, rng);
  // Safety monitoring labs (not model inputs): adult mid-range values (Tietz 7th ed.), display assumptions.
  labSeries(c, s, 'wbc', 'leukocytes', Math.round((6.8 + 1.2 * rng.normal()) * 10) / 10, rng);
  labSeries(c, s, 'platelets', 'platelets', Math.round(260 + 40 * rng.normal()), rng);
  labSeries(c, s, 'alt', 'alt', Math.round(24 + 5 * rng.normal()), rng);
  labSeries(c, s, 'creatinine', 'creatinine', Math.round(((female ? 0.75 : 0.95) + 0.08 * rng.normal()) * 100) / 100, rng);
}
const LAB_DAYS_FCAL = [-370, -190, -100, -9];

function scores(c: Chart, d: DemoPatient, rng: ReturnType<typeof createRng>): void {
  const p = d.sim;
  const jitter = (v: number, sd: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v + sd * rng.normal()));
  switch (d.indication) {
    case 'cd': {
      const cdai = num(p, 'cdai_cd');
      const hbi = num(p, 'hbi');
      scoreSeries(c, SCORE.cdaiCd, 'cdai', [jitter(cdai - 60, 30, 0, 600), jitter(cdai - 30, 30, 0, 600), cdai], [-190, -100, -9]);
      scoreSeries(c, SCORE.hbi, 'hbi', [jitter(hbi - 2, 1, 0, 30), jitter(hbi - 1, 1, 0, 30), hbi], [-190, -100, -9]);
      break;
    }
    case 'uc': {
      const partial = num(p, 'mayo_partial');
      scoreSeries(c, SCORE.mayoPartial, 'mayo-partial', [jitter(partial - 2, 1, 0, 9), jitter(partial - 1, 1, 0, 9), partial], [-190, -100, -9]);
      scoreSeries(c, SCORE.mayoFull, 'mayo-full', [num(p, 'mayo_full')], [-20]);
      break;
    }
    case 'ra':
      jointCounts(c, num(p, 'das28_crp'), num(p, 'cdai_ra'), num(p, 'crp_mg_l'));
      break;
    case 'rms': {
      const edss = num(p, 'edss');
      scoreSeries(c, SCORE.edss, 'edss', [Math.max(0, edss - 0.5), edss, edss], [-400, -190, -30], 1);
      relapses(c, d.style, num(p, 'relapses_12m'), num(p, 'relapses_24m'));
      mri(c, num(p, 'new_t2_lesions_12m'), num(p, 'gd_lesions_12m'), rng);
      break;
    }
  }
}

/**
 * Writes the Bundle of one demo patient.
 * @param d the simulated patient with its therapy courses, scenario, name and seed
 * @returns a transaction Bundle of PUT entries (80-250 entries for the demo set)
 */
export function toFhirBundle(d: DemoPatient): Bundle {
  const c = new Chart(d.key, STYLES[d.style].tz);
  const p = d.sim;
  c.add(patientResource(d));
  c.add(structuredClone(PRACTITIONER));
  const onset = onsetDate(p);
  const dxId = `${d.key}-dx`;
  const sero = p.rf_positive === true || p.anti_ccp_positive === true;
  condition(c, {
    id: dxId,
    onset,
    recorded: addDays(onset, 14),
    code: diagnosisCode(d.style, d.indication, { cdLocation: String(p.cd_location), ucExtent: String(p.uc_extent), raSeropositive: sero }),
  });
  phenotype(c, d, dxId, onset);
  for (const course of d.courses) writeCourse(c, d.style, course, dxId);
  conventional(c, d, dxId, onset);
  labs(c, d);
  if (d.indication === 'ra') serology(c, d, onset);
  const rng = createRng(d.seed ^ 0x5bd1e995);
  scores(c, d, rng);
  vitals(c, typeof p.bmi === 'number' ? p.bmi : Math.round((24 + 3 * rng.normal()) * 10) / 10, p.sex_female === true, rng);
  smoking(c, p.smoking_current === true, p.smoking_ever === true || p.smoking_current === true);
  safety(c, STYLES[d.style], d.scenario, onset);
  return c.bundle();
}

/** RA serology at diagnosis: RF (upper limit 14 IU/mL) and anti-CCP (upper limit 17 U/mL), manufacturer cut-offs as in ra-ips-001. */
function serology(c: Chart, d: DemoPatient, onset: string): void {
  const date = weekday(addDays(onset, 7));
  const rf = d.sim.rf_positive === true ? 96 : 8;
  const ccp = d.sim.anti_ccp_positive === true ? 180 : 3;
  observation(c, { id: `${c.pid}-rf-${date}`, code: LOINC.rf, date, value: { value: rf, unit: 'IU/mL', ucum: '[IU]/mL' }, high: 14 });
  observation(c, { id: `${c.pid}-anti-ccp-${date}`, code: LOINC.ccp, date, value: { value: ccp, unit: 'U/mL' }, high: 17 });
}
