/**
 * fast-check arbitraries for one patient's FHIR R4 record across the four indications. Every code is
 * a real one the data layer is meant to read (row numbers of terminology/codes.csv, or
 * src/extract/terminology/local.ts), mixed with what real exports get wrong: partial, absurd, future
 * and unreadable dates; non-canonical, unknown and missing units; implausible and missing values;
 * entered-in-error and refuted records; duplicates; Medication references, contained medications.
 *
 * Each generated record also lists the observations it made unusable on purpose (`rejected`), so a
 * property can check that every one of them is visible to the clinician.
 */
import * as fc from 'fast-check';
import type {
  CodeableConcept,
  Coding,
  Condition,
  Medication,
  MedicationAdministration,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Resource,
} from 'fhir/r4';
import type { Indication } from '@src/extract/indications.ts';
import { SYSTEMS } from '@src/extract/terminology/index.ts';
import { NOW } from './harness.ts';
import { DISEASE_CODES, COMORBIDITY_CODES, DRUGS, LABS, SCORES, SMOKING, type LabDef } from './codes.ts';

const DAY = 86_400_000;

/** Why an observation was built unusable; the extractor must say so somewhere the UI shows. */
export interface Rejected {
  ref: string;
  why: 'implausible' | 'unknown-unit' | 'no-value' | 'entered-in-error' | 'bad-date' | 'refuted';
}

export interface GeneratedRecord {
  indication: Indication;
  resources: Resource[];
  rejected: Rejected[];
}

// ---------------------------------------------------------------- dates

type DateKind = 'recent' | 'old' | 'year' | 'month' | 'ancient' | 'future' | 'absurd' | 'garbage' | 'none';
const dateKind: fc.Arbitrary<DateKind> = fc.oneof(
  { arbitrary: fc.constant<DateKind>('recent'), weight: 12 },
  { arbitrary: fc.constantFrom<DateKind>('old', 'year', 'month'), weight: 3 },
  { arbitrary: fc.constantFrom<DateKind>('ancient', 'future', 'absurd', 'garbage', 'none'), weight: 1 },
);

/** A dated value: how the date is written, and how many days before NOW (for recent/old/partial). */
const dateSpec = fc.record({ kind: dateKind, daysAgo: fc.integer({ min: 0, max: 700 }) });
type DateSpec = { kind: DateKind; daysAgo: number };

function iso(daysAgo: number): string {
  return new Date(NOW.getTime() - daysAgo * DAY).toISOString();
}

/** The FHIR string for a date spec (undefined = not recorded). */
export function dateString(d: DateSpec): string | undefined {
  switch (d.kind) {
    case 'recent':
      return iso(d.daysAgo);
    case 'old':
      return iso(d.daysAgo + 3 * 365).slice(0, 10);
    case 'year':
      return iso(d.daysAgo + 365).slice(0, 4);
    case 'month':
      return iso(d.daysAgo + 31).slice(0, 7);
    // Accepted by the date parser (>= 1900) but more than a lifetime ago: a typing error, not a history.
    case 'ancient':
      return `190${d.daysAgo % 10}-06-01`;
    case 'future':
      return `${2027 + (d.daysAgo % 50)}-03-01`;
    case 'absurd':
      return `18${String(d.daysAgo % 100).padStart(2, '0')}-01-01`;
    case 'garbage':
      return ['unknown', '2023-13-01', '12/03/2024', '', 'T10:00'][d.daysAgo % 5];
    case 'none':
      return undefined;
  }
}

/** Dates parseFhirDate rejects (src/extract/dates.ts: future > now + 1 day, before 1900, unreadable, absent). */
function dateRejected(d: DateSpec): boolean {
  return d.kind === 'future' || d.kind === 'absurd' || d.kind === 'garbage' || d.kind === 'none';
}

// ---------------------------------------------------------------- observations

type ValueKind = 'ok' | 'implausible-low' | 'implausible-high' | 'unknown-unit' | 'no-unit' | 'no-value';
const valueKind: fc.Arbitrary<ValueKind> = fc.oneof(
  { arbitrary: fc.constant<ValueKind>('ok'), weight: 10 },
  { arbitrary: fc.constantFrom<ValueKind>('implausible-low', 'implausible-high', 'unknown-unit', 'no-unit', 'no-value'), weight: 2 },
);
const obsStatus = fc.oneof(
  { arbitrary: fc.constantFrom('final', 'amended', 'preliminary'), weight: 10 },
  { arbitrary: fc.constantFrom('entered-in-error', 'cancelled'), weight: 1 },
);

const labSpec = fc.record({
  lab: fc.integer({ min: 0, max: LABS.length - 1 }),
  unit: fc.nat(),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  value: valueKind,
  date: dateSpec,
  status: obsStatus,
  coding: fc.constantFrom('loinc', 'loinc-second', 'text'),
  duplicates: fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 }),
});
type LabSpec = typeof labSpec extends fc.Arbitrary<infer T> ? T : never;

function labCode(def: LabDef, style: string): CodeableConcept {
  const loinc: Coding = { system: SYSTEMS.loinc, code: def.code, display: def.display };
  if (style === 'text' && def.text) return { text: def.text };
  // A site-local coding listed first: the reader must look at every coding, not coding[0].
  if (style === 'loinc-second') return { coding: [{ system: 'urn:oid:1.2.276.0.76.5.1', code: `L-${def.code}` }, loinc], text: def.display };
  return { coding: [loinc] };
}

/** Unit strings no conversion can reach (not UCUM, or of another dimension). */
const BAD_UNITS = ['foo', '%', 'kg', 'mL', 'xyz/L'];

function labObservation(s: LabSpec, id: string, patientRef: string): { resources: Observation[]; rejected: Rejected['why'] | null } {
  const def = LABS[s.lab % LABS.length] as LabDef;
  const [unit, factor] = def.units[s.unit % def.units.length] ?? [def.canonical, 1];
  const [lo, hi] = def.typical;
  const canonical = lo + s.fraction * (hi - lo);
  let value: number | undefined = Number((canonical / factor).toPrecision(4));
  let code: string | undefined = unit;
  let rejected: Rejected['why'] | null = null;
  switch (s.value) {
    case 'implausible-low':
      value = -1 - s.fraction * 100;
      rejected = 'implausible';
      break;
    case 'implausible-high':
      value = def.implausibleHigh / factor;
      rejected = 'implausible';
      break;
    case 'unknown-unit':
      code = def.canonical === '' ? 'mg/L' : BAD_UNITS[s.unit % BAD_UNITS.length];
      rejected = 'unknown-unit';
      break;
    case 'no-unit':
      code = undefined;
      rejected = def.canonical === '' ? null : 'unknown-unit';
      break;
    case 'no-value':
      value = undefined;
      rejected = 'no-value';
      break;
    case 'ok':
      break;
  }
  const date = dateString(s.date);
  if (s.status === 'entered-in-error' || s.status === 'cancelled') rejected = 'entered-in-error';
  else if (dateRejected(s.date)) rejected = 'bad-date';
  const base: Observation = {
    resourceType: 'Observation',
    id,
    status: s.status,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: def.category }] }],
    code: labCode(def, s.coding),
    subject: { reference: patientRef },
    ...(date !== undefined ? { effectiveDateTime: date } : {}),
    valueQuantity: { ...(value !== undefined ? { value } : {}), ...(code !== undefined ? { unit: code, system: 'http://unitsofmeasure.org', code } : {}) },
    ...(s.value === 'no-value' ? { dataAbsentReason: { text: 'sample haemolysed' } } : {}),
  };
  const resources = [base];
  for (let k = 1; k <= s.duplicates; k++) resources.push({ ...structuredClone(base), id: `${id}-dup${k}` });
  return { resources, rejected };
}

const scoreSpec = fc.record({
  score: fc.integer({ min: 0, max: SCORES.length - 1 }),
  fraction: fc.double({ min: -0.1, max: 1.2, noNaN: true }),
  date: dateSpec,
});
type ScoreSpec = typeof scoreSpec extends fc.Arbitrary<infer T> ? T : never;

function scoreObservation(s: ScoreSpec, id: string, patientRef: string): Observation {
  const def = SCORES[s.score % SCORES.length] ?? SCORES[0];
  const date = dateString(s.date);
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: def?.system ?? SYSTEMS.local, code: def?.code ?? 'hbi' }] },
    subject: { reference: patientRef },
    ...(date !== undefined ? { effectiveDateTime: date } : {}),
    valueQuantity: { value: Math.round((def?.max ?? 10) * s.fraction * 10) / 10 },
  };
}

// ---------------------------------------------------------------- conditions

const clinical = fc.constantFrom('active', 'active', 'active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved', undefined);
const verification = fc.oneof(
  { arbitrary: fc.constantFrom('confirmed', undefined), weight: 8 },
  { arbitrary: fc.constantFrom('refuted', 'entered-in-error', 'provisional', 'unconfirmed'), weight: 2 },
);
const conditionSpec = fc.record({ pick: fc.nat(), clinical, verification, onset: dateSpec, textOnly: fc.boolean() });
type ConditionSpec = typeof conditionSpec extends fc.Arbitrary<infer T> ? T : never;

function condition(list: ReadonlyArray<readonly [string, string, string]>, s: ConditionSpec, id: string, patientRef: string): Condition {
  const [system, code, display] = list[s.pick % list.length] ?? ['', '', ''];
  const onset = dateString(s.onset);
  return {
    resourceType: 'Condition',
    id,
    ...(s.clinical ? { clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: s.clinical }] } } : {}),
    ...(s.verification
      ? { verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: s.verification }] } }
      : {}),
    code: s.textOnly && s.pick % 4 === 0 ? { text: display } : { coding: [{ system, code, display }], text: display },
    subject: { reference: patientRef },
    ...(onset !== undefined ? { onsetDateTime: onset } : {}),
  };
}

// ---------------------------------------------------------------- medications

const medStatus = fc.oneof(
  { arbitrary: fc.constantFrom('active', 'completed', 'stopped'), weight: 8 },
  { arbitrary: fc.constantFrom('cancelled', 'entered-in-error', 'draft', 'on-hold', 'unknown', 'intended', 'not-taken'), weight: 2 },
);
const medSpec = fc.record({
  drug: fc.nat(),
  form: fc.constantFrom('request', 'statement', 'administration'),
  ref: fc.constantFrom('concept', 'concept', 'reference', 'contained'),
  coding: fc.constantFrom('atc', 'rxnorm', 'both', 'text'),
  status: medStatus,
  start: dateSpec,
  ongoing: fc.boolean(),
  lengthDays: fc.integer({ min: 1, max: 900 }),
  stopText: fc.constantFrom(undefined, 'loss of response', 'primary non-response', 'intolerance (rash)', 'Wirkverlust', 'patient preference'),
});
type MedSpec = typeof medSpec extends fc.Arbitrary<infer T> ? T : never;

function medication(drugs: ReadonlyArray<(typeof DRUGS)[number]>, s: MedSpec, id: string, patientRef: string): Resource[] {
  const drug = drugs[s.drug % drugs.length] ?? DRUGS[0];
  if (!drug) return [];
  const codings: Coding[] = [];
  if ((s.coding === 'atc' || s.coding === 'both') && drug.atc) codings.push({ system: SYSTEMS.atc, code: drug.atc, display: drug.inn });
  if ((s.coding === 'rxnorm' || s.coding === 'both' || !drug.atc) && drug.rxnorm)
    codings.push({ system: SYSTEMS.rxnorm, code: drug.rxnorm, display: drug.inn });
  const concept: CodeableConcept = s.coding === 'text' || codings.length === 0 ? { text: drug.inn } : { coding: codings, text: drug.inn };
  const med: Medication = { resourceType: 'Medication', id: `${id}-med`, code: concept };
  const start = dateString(s.start);
  const endDate =
    s.start.kind === 'recent' && !s.ongoing
      ? new Date(Math.min(NOW.getTime(), new Date(NOW.getTime() - s.start.daysAgo * DAY).getTime() + s.lengthDays * DAY)).toISOString().slice(0, 10)
      : undefined;
  const period = { ...(start !== undefined ? { start } : {}), ...(endDate ? { end: endDate } : {}) };
  const drugRef =
    s.ref === 'reference'
      ? { medicationReference: { reference: `Medication/${id}-med` } }
      : s.ref === 'contained'
        ? { medicationReference: { reference: `#${id}-med` } }
        : { medicationCodeableConcept: concept };
  const contained = s.ref === 'contained' ? { contained: [med] } : {};
  const reason = s.stopText && !s.ongoing ? { statusReason: [{ text: s.stopText }] } : {};
  const extra: Resource[] = s.ref === 'reference' ? [med] : [];
  if (s.form === 'request') {
    const r: MedicationRequest = {
      resourceType: 'MedicationRequest',
      id,
      ...contained,
      status: s.status as MedicationRequest['status'],
      intent: 'order',
      ...drugRef,
      subject: { reference: patientRef },
      ...(start !== undefined ? { authoredOn: start } : {}),
      dosageInstruction: [{ timing: { repeat: { boundsPeriod: period } } }],
      ...(s.stopText && !s.ongoing ? { statusReason: { text: s.stopText } } : {}),
    };
    return [r, ...extra];
  }
  if (s.form === 'statement') {
    const r: MedicationStatement = {
      resourceType: 'MedicationStatement',
      id,
      ...contained,
      status: s.status as MedicationStatement['status'],
      ...drugRef,
      subject: { reference: patientRef },
      effectivePeriod: period,
      ...reason,
    };
    return [r, ...extra];
  }
  const r: MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    id,
    ...contained,
    status: s.status as MedicationAdministration['status'],
    ...drugRef,
    subject: { reference: patientRef },
    effectiveDateTime: start ?? '',
  };
  return [r, ...extra];
}

// ---------------------------------------------------------------- patient

const birthDate = fc.oneof(
  { arbitrary: fc.integer({ min: 18, max: 90 }).chain((age) => fc.constantFrom(`${2026 - age}-04-17`, `${2026 - age}`, `${2026 - age}-09`)), weight: 12 },
  { arbitrary: fc.constantFrom('1850-01-01', '1901-02-03', '1903', '2031-01-01', '2026-11-20', 'unknown', '17/04/1970', ''), weight: 2 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);
const patientSpec = fc.record({ birthDate, gender: fc.constantFrom('female', 'male', 'female', 'male', 'other', 'unknown', undefined) });

// ---------------------------------------------------------------- the record

const INDICATIONS: readonly Indication[] = ['CD', 'UC', 'RA', 'RMS'];

/**
 * One patient's record. `indication` picks the disease codes, drugs and scores; a record may carry a
 * second indication's diagnosis (as real problem lists do) and no diagnosis at all.
 */
export function recordArb(indications: readonly Indication[] = INDICATIONS): fc.Arbitrary<GeneratedRecord> {
  return fc
    .record({
      indication: fc.constantFrom(...indications),
      other: fc.option(fc.constantFrom(...INDICATIONS), { freq: 6 }),
      patient: fc.option(patientSpec, { freq: 20 }),
      diagnoses: fc.array(conditionSpec, { minLength: 0, maxLength: 3 }),
      comorbidities: fc.array(conditionSpec, { maxLength: 4 }),
      labs: fc.array(labSpec, { maxLength: 14 }),
      scores: fc.array(scoreSpec, { maxLength: 5 }),
      smoking: fc.option(fc.record({ pick: fc.nat(), date: dateSpec }), { freq: 2 }),
      meds: fc.array(medSpec, { maxLength: 6 }),
      shuffle: fc.nat(),
    })
    .map((s) => {
      const resources: Resource[] = [];
      const rejected: Rejected[] = [];
      const pid = 'gen-1';
      const patientRef = `Patient/${pid}`;
      if (s.patient) {
        const p: Patient = {
          resourceType: 'Patient',
          id: pid,
          ...(s.patient.birthDate !== undefined ? { birthDate: s.patient.birthDate } : {}),
          ...(s.patient.gender ? { gender: s.patient.gender } : {}),
        };
        resources.push(p);
      }
      const refuted = (c: ConditionSpec, id: string): void => {
        if (c.verification === 'entered-in-error' || c.verification === 'refuted')
          rejected.push({ ref: `Condition/${id}`, why: c.verification === 'refuted' ? 'refuted' : 'entered-in-error' });
      };
      s.diagnoses.forEach((c, i) => {
        resources.push(condition(DISEASE_CODES[s.indication], c, `dx-${i}`, patientRef));
        refuted(c, `dx-${i}`);
      });
      if (s.other !== null)
        resources.push(
          condition(
            DISEASE_CODES[s.other],
            { pick: s.shuffle, clinical: 'active', verification: 'confirmed', onset: { kind: 'old', daysAgo: 100 }, textOnly: false },
            'dx-other',
            patientRef,
          ),
        );
      s.comorbidities.forEach((c, i) => {
        resources.push(condition(COMORBIDITY_CODES, c, `co-${i}`, patientRef));
        refuted(c, `co-${i}`);
      });
      s.labs.forEach((l, i) => {
        const { resources: obs, rejected: why } = labObservation(l, `lab-${i}`, patientRef);
        resources.push(...obs);
        if (why) for (const o of obs) rejected.push({ ref: `Observation/${o.id ?? ''}`, why });
      });
      const scores = SCORES.map((sc, i) => [sc, i] as const)
        .filter(([sc]) => sc.indications.includes(s.indication))
        .map(([, i]) => i);
      s.scores.forEach((sc, i) => resources.push(scoreObservation({ ...sc, score: scores[sc.score % scores.length] ?? 0 }, `score-${i}`, patientRef)));
      if (s.smoking) {
        const [code, display] = SMOKING[s.smoking.pick % SMOKING.length] ?? ['266919005', 'Never smoked tobacco'];
        const date = dateString(s.smoking.date);
        // local.ts social.smoking_status: LOINC 72166-2 with a SNOMED CT answer
        const smoking: Observation = {
          resourceType: 'Observation',
          id: 'smoking',
          status: 'final',
          code: { coding: [{ system: SYSTEMS.loinc, code: '72166-2' }] },
          subject: { reference: patientRef },
          ...(date !== undefined ? { effectiveDateTime: date } : {}),
          valueCodeableConcept: { coding: [{ system: SYSTEMS.snomed, code, display }] },
        };
        resources.push(smoking);
      }
      const drugs = DRUGS.filter((d) => d.indications.includes(s.indication));
      s.meds.forEach((m, i) => {
        const med = medication(drugs, m, `med-${i}`, patientRef);
        resources.push(...med);
        if (m.status === 'entered-in-error' && med[0]) rejected.push({ ref: `${med[0].resourceType}/med-${i}`, why: 'entered-in-error' });
      });
      // Servers return resources in any order: rotate by a generated amount.
      const k = resources.length > 0 ? s.shuffle % resources.length : 0;
      return { indication: s.indication, resources: [...resources.slice(k), ...resources.slice(0, k)], rejected };
    });
}
