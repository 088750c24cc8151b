/**
 * Small typed FHIR R4 builders for the exporter, following the sandbox conventions (sandbox/fixtures/README.md):
 * PUT entries with fixed ids prefixed by the patient key, `Type/id` references, the shared Practitioner/pract-demo,
 * dates written against the fixed today 2026-11-15. Deterministic: no clock, no Math.random.
 */
import type { Bundle, CodeableConcept, Coding, Condition, FhirResource, Observation, Practitioner, Quantity, Reference } from 'fhir/r4';
import { SYS } from './codes.ts';

/** The fixed "today" every demo chart is written against (sandbox/fixtures/gen/lib.mjs TODAY). */
export const TODAY = '2026-11-15';

/** Identical to sandbox/fixtures/gen/lib.mjs PRACTITIONER (the fixtures test compares them). */
export const PRACTITIONER: Practitioner = {
  resourceType: 'Practitioner',
  id: 'pract-demo',
  identifier: [{ system: 'https://therapy-navigator.example.org/fhir/sid/practitioner', value: 'pract-demo' }],
  active: true,
  name: [{ use: 'official', family: 'Demo', given: ['Dana'], prefix: ['Dr.'] }],
};
export const PRACT_REF: Reference = { reference: 'Practitioner/pract-demo', display: 'Dr. Dana Demo' };

const DAY = 86_400_000;
const toDate = (s: string): Date => new Date(`${s}T00:00:00Z`);
const fmt = (d: Date): string => d.toISOString().slice(0, 10);

/** `date` plus `n` days (YYYY-MM-DD). */
export function addDays(date: string, n: number): string {
  return fmt(new Date(toDate(date).getTime() + Math.round(n) * DAY));
}
/** Moves a weekend date to the Friday before (clinics work on weekdays; never moves past today). */
export function weekday(date: string): string {
  const dow = toDate(date).getUTCDay();
  if (dow === 6) return addDays(date, -1);
  return dow === 0 ? addDays(date, -2) : date;
}

export type TimeZone = 'us' | 'eu';

function lastSunday(y: number, m: number): number {
  const last = new Date(Date.UTC(y, m + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}
function nthSunday(y: number, m: number, n: number): number {
  const first = new Date(Date.UTC(y, m, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}
/** UTC offset with daylight saving time: EU (CET/CEST, last Sundays of March/October) or US Eastern (2nd Sunday March, 1st Sunday November). */
export function offset(date: string, tz: TimeZone): string {
  const y = toDate(date).getUTCFullYear();
  const [s, e] =
    tz === 'eu'
      ? [fmt(new Date(Date.UTC(y, 2, lastSunday(y, 2)))), fmt(new Date(Date.UTC(y, 9, lastSunday(y, 9))))]
      : [fmt(new Date(Date.UTC(y, 2, nthSunday(y, 2, 2)))), fmt(new Date(Date.UTC(y, 10, nthSunday(y, 10, 1))))];
  if (tz === 'eu') return date >= s && date < e ? '+02:00' : '+01:00';
  return date >= s && date < e ? '-04:00' : '-05:00';
}
/** Local date-time with its UTC offset. */
export function dateTime(date: string, time: string, tz: TimeZone): string {
  return `${date}T${time}:00${offset(date, tz)}`;
}

/** A CodeableConcept from one or more codings and an optional text. */
export function cc(coding: Coding | Coding[], text?: string): CodeableConcept {
  const list = Array.isArray(coding) ? coding : [coding];
  return text ? { coding: list, text } : { coding: list };
}
/** A UCUM quantity. */
export function quantity(value: number, unit: string, ucum: string = unit): Quantity {
  return { value, unit, system: SYS.ucum, code: ucum };
}

/** Collects one patient's resources and refuses duplicate ids. */
export class Chart {
  readonly resources: FhirResource[] = [];
  private readonly ids = new Set<string>();
  readonly subject: Reference;

  constructor(
    readonly pid: string,
    readonly tz: TimeZone,
  ) {
    this.subject = { reference: `Patient/${pid}` };
  }

  add<T extends FhirResource>(r: T): T {
    const key = `${r.resourceType}/${r.id ?? ''}`;
    if (this.ids.has(key)) throw new Error(`duplicate id ${key}`);
    this.ids.add(key);
    this.resources.push(r);
    return r;
  }

  /** The transaction Bundle: one PUT per resource, url `Type/id`. */
  bundle(): Bundle {
    return {
      resourceType: 'Bundle',
      id: `${this.pid}-seed`,
      type: 'transaction',
      entry: this.resources.map((resource) => ({ resource, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id ?? ''}` } })),
    };
  }
}

const CATEGORY_DISPLAY = {
  laboratory: 'Laboratory',
  'vital-signs': 'Vital Signs',
  'social-history': 'Social History',
  exam: 'Exam',
  imaging: 'Imaging',
  survey: 'Survey',
} as const;
export type ObsCategory = keyof typeof CATEGORY_DISPLAY;

export interface ObsInput {
  id: string;
  code: Coding;
  text?: string;
  date: string;
  time?: string;
  category?: ObsCategory;
  /** Numeric value with unit (UCUM). */
  value?: { value: number; unit: string; ucum?: string };
  integer?: number;
  answer?: CodeableConcept;
  /** Reference range upper limit in the value's unit: adds interpretation H/N. */
  high?: number;
  note?: string;
}

/** An Observation (status final) in the chart; laboratory results get `issued`, others a performer. */
export function observation(c: Chart, o: ObsInput): Observation {
  const category = o.category ?? 'laboratory';
  const res: Observation = {
    resourceType: 'Observation',
    id: o.id,
    status: 'final',
    category: [cc({ system: SYS.obsCat, code: category, display: CATEGORY_DISPLAY[category] })],
    code: cc(o.code, o.text ?? o.code.display),
    subject: c.subject,
    effectiveDateTime: dateTime(o.date, o.time ?? '08:30', c.tz),
  };
  if (category === 'laboratory') res.issued = dateTime(o.date, '16:45', c.tz);
  else res.performer = [PRACT_REF];
  if (o.answer) res.valueCodeableConcept = o.answer;
  else if (o.integer !== undefined) res.valueInteger = o.integer;
  else if (o.value) {
    const q = quantity(o.value.value, o.value.unit, o.value.ucum ?? o.value.unit);
    res.valueQuantity = q;
    if (o.high !== undefined) {
      const h = o.value.value > o.high;
      res.interpretation = [cc({ system: SYS.interp, code: h ? 'H' : 'N', display: h ? 'High' : 'Normal' })];
      res.referenceRange = [{ high: quantity(o.high, o.value.unit, o.value.ucum ?? o.value.unit) }];
    }
  }
  if (o.note) res.note = [{ text: o.note }];
  return c.add(res);
}

export interface CondInput {
  id: string;
  code: CodeableConcept;
  onset: string;
  recorded?: string;
  abatement?: string;
  clinical?: 'active' | 'resolved';
  category?: 'problem-list-item' | 'encounter-diagnosis';
  extension?: Condition['extension'];
  note?: string;
}

/** A confirmed Condition in the chart. */
export function condition(c: Chart, o: CondInput): Condition {
  const cat = o.category ?? 'problem-list-item';
  const res: Condition = {
    resourceType: 'Condition',
    id: o.id,
    ...(o.extension ? { extension: o.extension } : {}),
    clinicalStatus: cc({ system: SYS.condClinical, code: o.clinical ?? 'active' }),
    verificationStatus: cc({ system: SYS.condVer, code: 'confirmed' }),
    category: [cc({ system: SYS.condCat, code: cat, display: cat === 'encounter-diagnosis' ? 'Encounter Diagnosis' : 'Problem List Item' })],
    code: o.code,
    subject: c.subject,
    onsetDateTime: o.onset,
    ...(o.abatement ? { abatementDateTime: o.abatement } : {}),
    recordedDate: o.recorded ?? o.onset,
    recorder: PRACT_REF,
    ...(o.note ? { note: [{ text: o.note }] } : {}),
  };
  return c.add(res);
}
