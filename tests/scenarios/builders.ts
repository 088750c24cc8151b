/**
 * Small typed builders for the scenario records: a patient and the few resources a scenario needs, in one
 * of three coding styles (US Core, German MII, IPS / other European). Each builder call makes one FHIR R4
 * resource of the shape a real EHR of that style sends; nothing here knows what the app extracts.
 */
import type {
  CodeableConcept,
  Coding,
  Condition,
  Immunization,
  Medication,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Procedure,
  Resource,
} from 'fhir/r4';
import { ANSWER, INTERPRETATION, LAB, SYS, atc, atcDe, icd10, icd10cm, icd10gm, loinc, pzn, rxnorm, sct } from './codes.ts';

/** US: US Core (SNOMED, ICD-10-CM, LOINC, RxNorm, CVX). DE: German MII (ICD-10-GM, LOINC, ATC BfArM, PZN, German text). FR/LU/CH: IPS style (SNOMED, ICD-10 WHO, ATC WHO, French text). */
export type Style = 'US' | 'DE' | 'FR' | 'LU' | 'CH';
export type Indication = 'CD' | 'UC' | 'RA' | 'RMS';

/** The suite's fixed "today": every date in the records is counted back from it. */
export const NOW = new Date('2026-11-15T12:00:00Z');

/** ISO date `days` before NOW. */
export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}
/** ISO date about `months` before NOW (30.44 days a month). */
export function monthsAgo(months: number): string {
  return daysAgo(Math.round(months * 30.44));
}
/** Birth date of someone who turned `years` old about half a year before NOW. */
export function bornYearsAgo(years: number): string {
  return daysAgo(Math.round(years * 365.25 + 180));
}

/** The indication's diagnosis as each style codes it. */
export function indicationCodes(ind: Indication, style: Style): Coding[] {
  const table: Record<Indication, Record<'US' | 'DE' | 'EU', Coding[]>> = {
    CD: {
      US: [sct('34000006', "Crohn's disease"), icd10cm('K50.90', "Crohn's disease, unspecified, without complications")],
      DE: [icd10gm('K50.0', 'Crohn-Krankheit des Dünndarmes')],
      EU: [sct('34000006', 'Maladie de Crohn'), icd10('K50.9', 'Maladie de Crohn, sans précision')],
    },
    UC: {
      US: [sct('64766004', 'Ulcerative colitis'), icd10cm('K51.90', 'Ulcerative colitis, unspecified, without complications')],
      DE: [icd10gm('K51.9', 'Colitis ulcerosa, nicht näher bezeichnet')],
      EU: [sct('64766004', 'Rectocolite hémorragique'), icd10('K51.9', 'Rectocolite hémorragique, sans précision')],
    },
    RA: {
      US: [sct('69896004', 'Rheumatoid arthritis'), icd10cm('M06.9', 'Rheumatoid arthritis, unspecified')],
      DE: [icd10gm('M05.9', 'Seropositive chronische Polyarthritis, nicht näher bezeichnet')],
      EU: [sct('69896004', 'Polyarthrite rhumatoïde'), icd10('M06.9', 'Polyarthrite rhumatoïde, sans précision')],
    },
    RMS: {
      US: [sct('426373005', 'Relapsing remitting multiple sclerosis'), icd10cm('G35.A', 'Relapsing-remitting multiple sclerosis')],
      DE: [icd10gm('G35.10', 'Multiple Sklerose mit vorherrschend schubförmigem Verlauf: Ohne Angabe einer akuten Exazerbation oder Progression')],
      EU: [sct('426373005', 'Sclérose en plaques récurrente-rémittente'), icd10('G35', 'Sclérose en plaques')],
    },
  };
  return table[ind][style === 'US' || style === 'DE' ? style : 'EU'];
}

/** Drug codes per style: ATC (WHO and BfArM editions share codes), RxNorm ingredient, a German and a French name. */
interface DrugCodes {
  atc: string;
  rxnorm?: string;
  de: string;
  fr: string;
  pzn?: string;
}
/** ATC: WHO ATC/DDD index 2024+ codes; RxNorm ingredient (TTY IN) codes from RxNav (same as the app's codes.csv rows where present). */
export const DRUG_CODES: Record<string, DrugCodes> = {
  adalimumab: { atc: 'L04AB04', rxnorm: '327361', de: 'Adalimumab', fr: 'adalimumab', pzn: '00000011' },
  infliximab: { atc: 'L04AB02', rxnorm: '191831', de: 'Infliximab', fr: 'infliximab', pzn: '00000028' },
  etanercept: { atc: 'L04AB01', rxnorm: '214555', de: 'Etanercept', fr: 'étanercept', pzn: '00000034' },
  vedolizumab: { atc: 'L04AG05', rxnorm: '1538097', de: 'Vedolizumab', fr: 'védolizumab' },
  natalizumab: { atc: 'L04AG03', rxnorm: '354770', de: 'Natalizumab', fr: 'natalizumab', pzn: '00000040' },
  methotrexate: { atc: 'L04AX03', rxnorm: '6851', de: 'Methotrexat', fr: 'méthotrexate', pzn: '00000057' },
  leflunomide: { atc: 'L04AK01', rxnorm: '27169', de: 'Leflunomid', fr: 'léflunomide', pzn: '00000063' },
  azathioprine: { atc: 'L04AX01', rxnorm: '1256', de: 'Azathioprin', fr: 'azathioprine', pzn: '00000086' },
  /** Mitoxantrone: ATC L01DB07 (WHO ATC index); RxNorm ingredient 7005 (recalled, to re-check). */
  mitoxantrone: { atc: 'L01DB07', rxnorm: '7005', de: 'Mitoxantron', fr: 'mitoxantrone' },
  /** Isoniazid: ATC J04AC01; RxNorm ingredient 6038 (recalled, to re-check). */
  isoniazid: { atc: 'J04AC01', rxnorm: '6038', de: 'Isoniazid', fr: 'isoniazide' },
  mesalazine: { atc: 'A07EC02', rxnorm: '52582', de: 'Mesalazin', fr: 'mésalazine' },
  'interferon beta-1a': { atc: 'L03AB07', rxnorm: '72257', de: 'Interferon beta-1a', fr: 'interféron bêta-1a' },
};

/** How a medication is carried: US RxNorm in the resource; DE a referenced Medication (ATC BfArM + PZN); EU ATC WHO with French text. */
function medicationConcept(inn: string, style: Style): CodeableConcept {
  const d = DRUG_CODES[inn];
  if (!d) throw new Error(`scenario drug ${inn} has no codes in DRUG_CODES`);
  if (style === 'US') return d.rxnorm ? { coding: [rxnorm(d.rxnorm, inn)], text: inn } : { text: inn };
  if (style === 'DE') return { coding: [atcDe(d.atc, d.de), ...(d.pzn ? [pzn(d.pzn, d.de)] : [])], text: d.de };
  return { coding: [atc(d.atc, d.fr)], text: d.fr };
}

export type ClinicalStatus = 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';

export interface ConditionOptions {
  onset?: string;
  recorded?: string;
  abatement?: string;
  status?: ClinicalStatus;
  text?: string;
  /** verificationStatus; null = not sent (MII records often carry only the ICD-10-GM Diagnosesicherheit). */
  verification?: 'confirmed' | 'provisional' | 'refuted' | null;
}

/**
 * ICD-10-GM with the German "Diagnosesicherheit" extension on the coding (MII Diagnose profile; KBV code
 * system: A = ausgeschlossen/excluded, G = gesichert/confirmed, V = Verdacht/suspected, Z = Zustand nach/status post).
 */
export function icd10gmWithCertainty(code: string, display: string, certainty: 'A' | 'G' | 'V' | 'Z'): Coding {
  return {
    ...icd10gm(code, display),
    extension: [
      {
        url: 'http://fhir.de/StructureDefinition/icd-10-gm-diagnosesicherheit',
        valueCoding: { system: 'https://fhir.kbv.de/CodeSystem/KBV_CS_SFHIR_ICD_DIAGNOSESICHERHEIT', code: certainty },
      },
    ],
  };
}

export interface QuantityOptions {
  /** Reference range upper limit (same unit). */
  high?: number;
  low?: number;
  interpretation?: Coding;
  /** UCUM code when it differs from the printed unit. */
  ucum?: string;
}

export interface MedicationOptions {
  kind?: 'statement' | 'request';
  /** not-taken: a MedicationStatement saying the drug was not taken (never exposure). */
  status: 'active' | 'completed' | 'stopped' | 'not-taken';
  start: string;
  end?: string;
  /** Stop reason as free text (statusReason.text). */
  reasonText?: string;
  /** Product codings instead of the ingredient (US records carry RxNorm clinical drugs, e.g. SCD 105585). */
  product?: { coding: Coding[]; text: string };
}

/** Builds one patient's record; ids are stable (`<record>-<n>`) so failures point at a resource. */
export class RecordBuilder {
  private readonly out: Resource[] = [];
  private n = 0;
  readonly patientId: string;

  constructor(
    id: string,
    readonly style: Style,
    patient: { age: number; gender: 'male' | 'female' },
  ) {
    this.patientId = id;
    const p: Patient = {
      resourceType: 'Patient',
      id,
      gender: patient.gender,
      birthDate: bornYearsAgo(patient.age),
      name: [{ family: 'Scenario', given: [id] }],
    };
    this.out.push(p);
  }

  private get subject() {
    return { reference: `Patient/${this.patientId}` };
  }
  private id(): string {
    this.n += 1;
    return `${this.patientId}-${this.n}`;
  }

  /** A Condition (problem-list item), active unless said otherwise. */
  condition(codes: Coding[], o: ConditionOptions = {}): this {
    const status = o.status ?? 'active';
    const r: Condition = {
      resourceType: 'Condition',
      id: this.id(),
      subject: this.subject,
      clinicalStatus: { coding: [{ system: SYS.conditionClinical, code: status }] },
      ...(o.verification === null
        ? {}
        : { verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: o.verification ?? 'confirmed' }] } }),
      category: [{ coding: [{ system: SYS.conditionCategory, code: 'problem-list-item' }] }],
      code: { coding: codes, ...(o.text ? { text: o.text } : { text: codes[0]?.display }) },
      ...(o.onset ? { onsetDateTime: o.onset } : {}),
      recordedDate: o.recorded ?? o.onset ?? daysAgo(400),
      ...(o.abatement ? { abatementDateTime: o.abatement } : {}),
    };
    this.out.push(r);
    return this;
  }

  /** The indication itself, diagnosed `years` ago. */
  indication(ind: Indication, years = 6): this {
    return this.condition(indicationCodes(ind, this.style), { onset: daysAgo(Math.round(years * 365)) });
  }

  private obs(code: Coding, date: string, value: Partial<Observation>, category = 'laboratory', status: Observation['status'] = 'final'): this {
    const r: Observation = {
      resourceType: 'Observation',
      id: this.id(),
      status,
      subject: this.subject,
      category: [{ coding: [{ system: SYS.obsCategory, code: category }] }],
      code: { coding: [code], text: code.display },
      effectiveDateTime: date,
      ...value,
    };
    this.out.push(r);
    return this;
  }

  /** A numeric result. */
  quantity(code: Coding, value: number, unit: string, date: string, o: QuantityOptions = {}): this {
    const ucum = o.ucum ?? unit;
    const range =
      o.high !== undefined || o.low !== undefined
        ? {
            referenceRange: [
              {
                ...(o.low !== undefined ? { low: { value: o.low, unit, system: SYS.ucum, code: ucum } } : {}),
                ...(o.high !== undefined ? { high: { value: o.high, unit, system: SYS.ucum, code: ucum } } : {}),
              },
            ],
          }
        : {};
    return this.obs(
      code,
      date,
      {
        valueQuantity: { value, unit, system: SYS.ucum, code: ucum },
        ...range,
        ...(o.interpretation ? { interpretation: [{ coding: [o.interpretation] }] } : {}),
      },
      code === LAB.qtc ? 'procedure' : 'laboratory',
    );
  }

  /** A coded result (qualitative lab, status observation). */
  coded(
    code: Coding,
    answer: Coding,
    date: string,
    o: { text?: string; interpretation?: Coding; category?: string; status?: Observation['status'] } = {},
  ): this {
    return this.obs(
      code,
      date,
      {
        valueCodeableConcept: { coding: [answer], text: o.text ?? answer.display },
        ...(o.interpretation ? { interpretation: [{ coding: [o.interpretation] }] } : {}),
      },
      o.category ?? 'laboratory',
      o.status ?? 'final',
    );
  }

  /** A result reported as text only (valueString), as many lab interfaces send qualitative results. */
  text(code: Coding, value: string, date: string, o: { interpretation?: Coding } = {}): this {
    return this.obs(code, date, { valueString: value, ...(o.interpretation ? { interpretation: [{ coding: [o.interpretation] }] } : {}) });
  }

  /** Smoking status (US Core smoking status profile; MII and IPS use the same LOINC code). */
  smoking(answer: Coding, date = daysAgo(60)): this {
    return this.coded(LAB.smoking, answer, date, { category: 'social-history' });
  }

  /**
   * A medication course. US: MedicationStatement/Request with RxNorm; DE: MedicationStatement
   * referencing a Medication (ATC BfArM + PZN, MII Medikation); EU: ATC WHO in the resource.
   */
  medication(inn: string, o: MedicationOptions): this {
    const concept = o.product ?? medicationConcept(inn, this.style);
    let med: Pick<MedicationStatement, 'medicationCodeableConcept' | 'medicationReference'> = { medicationCodeableConcept: concept };
    if (this.style === 'DE') {
      const m: Medication = { resourceType: 'Medication', id: this.id(), code: concept };
      this.out.push(m);
      med = { medicationReference: { reference: `Medication/${m.id}` } };
    }
    const kind = o.kind ?? 'statement';
    if (kind === 'statement') {
      const r: MedicationStatement = {
        resourceType: 'MedicationStatement',
        id: this.id(),
        status: o.status,
        subject: this.subject,
        ...med,
        effectivePeriod: { start: o.start, ...(o.end ? { end: o.end } : {}) },
        dateAsserted: o.end ?? o.start,
        ...(o.reasonText ? { statusReason: [{ text: o.reasonText }] } : {}),
      };
      this.out.push(r);
    } else {
      const r: MedicationRequest = {
        resourceType: 'MedicationRequest',
        id: this.id(),
        status: o.status === 'not-taken' ? 'cancelled' : o.status,
        intent: 'order',
        subject: this.subject,
        ...med,
        authoredOn: o.start,
        ...(o.reasonText ? { statusReason: { text: o.reasonText } } : {}),
        ...(o.end ? { dispenseRequest: { validityPeriod: { start: o.start, end: o.end } } } : {}),
      };
      this.out.push(r);
    }
    return this;
  }

  /** A completed vaccination. */
  immunization(codes: Coding[], date: string, text?: string): this {
    const r: Immunization = {
      resourceType: 'Immunization',
      id: this.id(),
      status: 'completed',
      patient: this.subject,
      vaccineCode: { coding: codes, text: text ?? codes[0]?.display },
      occurrenceDateTime: date,
    };
    this.out.push(r);
    return this;
  }

  /** A completed procedure. */
  procedure(codes: Coding[], date: string): this {
    const r: Procedure = {
      resourceType: 'Procedure',
      id: this.id(),
      status: 'completed',
      subject: this.subject,
      code: { coding: codes },
      performedDateTime: date,
    };
    this.out.push(r);
    return this;
  }

  /**
   * The routine pre-treatment work-up of a well-screened patient, in this record's style: negative TB
   * (IGRA) and hepatitis B screening, a normal blood count, liver and kidney function, never smoker, and
   * one unrelated problem-list entry so the problem list is not thin. Used by the negative controls and
   * as the clean background of single-finding scenarios.
   */
  workup(o: { days?: number; skip?: ReadonlyArray<'smoking' | 'cbc' | 'alt' | 'egfr' | 'tb' | 'hbv' | 'problem'> } = {}): this {
    const d = daysAgo(o.days ?? 30);
    const skip = new Set(o.skip ?? []);
    const us = this.style === 'US';
    const unitCount = us ? '10*3/uL' : '10*9/L';
    if (!skip.has('problem')) {
      const problem =
        this.style === 'DE'
          ? [icd10gm('J30.4', 'Allergische Rhinopathie, nicht näher bezeichnet')]
          : this.style === 'US'
            ? [sct('61582004', 'Allergic rhinitis'), icd10cm('J30.9', 'Allergic rhinitis, unspecified')]
            : [sct('61582004', 'Rhinite allergique'), icd10('J30.4', 'Rhinite allergique, sans précision')];
      this.condition(problem, { onset: daysAgo(3000) });
    }
    if (!skip.has('smoking')) this.smoking(ANSWER.neverSmoker);
    if (!skip.has('tb')) this.coded(LAB.igra, ANSWER.negative, d, { interpretation: INTERPRETATION.NEG });
    if (!skip.has('hbv')) {
      this.coded(LAB.hbsag, ANSWER.negative, d, { interpretation: INTERPRETATION.NEG });
      this.coded(LAB.antiHbc, ANSWER.negative, d, { interpretation: INTERPRETATION.NEG });
    }
    if (!skip.has('cbc')) {
      this.quantity(LAB.hb, 13.8, 'g/dL', d, { low: 12, high: 16 });
      this.quantity(LAB.neutrophils, 4.1, unitCount, d, { low: 1.8, high: 7.5 });
      this.quantity(LAB.lymphocytes, 1.9, unitCount, d, { low: 1.0, high: 4.0 });
      this.quantity(LAB.platelets, 260, unitCount, d, { low: 150, high: 400 });
    }
    if (!skip.has('alt')) {
      this.quantity(LAB.alt, 24, 'U/L', d, { high: 40 });
      this.quantity(LAB.ast, 22, 'U/L', d, { high: 40 });
    }
    if (!skip.has('egfr')) this.quantity(us ? LAB.egfr2021 : LAB.egfr, 96, 'mL/min/1.73m2', d, { ucum: 'mL/min/{1.73_m2}', low: 60 });
    return this;
  }

  /** A negative pregnancy test `days` ago (urine hCG). */
  negativePregnancyTest(days = 7): this {
    return this.coded(LAB.hcgUrine, ANSWER.negative, daysAgo(days), { interpretation: INTERPRETATION.NEG });
  }

  build(): Resource[] {
    return [...this.out];
  }
}

export { ANSWER, INTERPRETATION, LAB, atc, atcDe, icd10, icd10cm, icd10gm, loinc, rxnorm, sct };
