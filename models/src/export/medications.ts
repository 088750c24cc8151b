/**
 * Medication records in the three styles (sandbox/fixtures/README.md "Therapy periods"): US Core MedicationRequests
 * with boundsPeriod (one per yearly prescription, superseded ones `completed`, the last `stopped` with a coded
 * statusReason or `active`); German MII Medication resources (BfArM ATC, version = year written) referenced from
 * MedicationStatements; IPS MedicationStatements with WHO ATC. Current infusion courses also get their
 * MedicationAdministrations (the latest doses).
 */
import type { CodeableConcept, Coding, MedicationAdministration, MedicationRequest, MedicationStatement } from 'fhir/r4';
import { drugCodes, STOP, SYS } from './codes.ts';
import { addDays, cc, type Chart, dateTime, PRACT_REF, quantity, TODAY, weekday } from './fhir.ts';
import type { Course } from './history.ts';
import type { CodingStyle } from './style.ts';

/** Clinician's text for each stop reason (English / German). */
const STOP_TEXT: Record<NonNullable<Course['stop']>, [string, string]> = {
  primaryNonResponse: ['primary non-response after induction', 'primäres Nichtansprechen nach Induktion'],
  lossOfResponse: ['secondary loss of response', 'sekundärer Wirkverlust'],
  intolerance: ['stopped for intolerance (side effects)', 'abgesetzt wegen Unverträglichkeit (Nebenwirkungen)'],
  breakthrough: ['breakthrough disease activity (relapse, new MRI lesions)', 'Krankheitsaktivität unter Therapie (Schub, neue MRT-Läsionen)'],
};

const slug = (drug: string): string => drug.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
const year = (date: string): number => Number(date.slice(0, 4));

/** ATC code in force in `yr`: the 2024 revision moved several immunosuppressants (codes.csv "former ATC code" rows). */
function atcFor(inn: string, yr: number): string {
  const c = drugCodes(inn);
  return yr < 2024 && c.atcBefore2024 ? c.atcBefore2024 : c.atc;
}

function stopReason(course: Course, de: boolean): CodeableConcept | undefined {
  if (!course.stop) return undefined;
  const [en, ger] = STOP_TEXT[course.stop];
  return cc(STOP[course.stop] satisfies Coding, de ? ger : en);
}

/** A course as US Core MedicationRequests: one prescription per started year of treatment. */
function usRequests(c: Chart, course: Course, reasonRef: string): void {
  const codes = drugCodes(course.drug);
  const med: CodeableConcept = codes.rxnorm ? cc({ system: SYS.rxnorm, code: codes.rxnorm, display: course.drug }, course.drug) : { text: course.drug };
  const end = course.end ?? TODAY;
  const starts: string[] = [];
  for (let d = course.start; d < end; d = addDays(d, 365)) starts.push(d);
  starts.forEach((start, i) => {
    const last = i === starts.length - 1;
    const periodEnd = last ? course.end : starts[i + 1];
    let status: MedicationRequest['status'] = course.end ? 'stopped' : 'active';
    if (!last) status = 'completed';
    const reason = last ? stopReason(course, false) : undefined;
    c.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: `${c.pid}-mr-${slug(course.drug)}-${start}`,
      meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-medicationrequest'] },
      status,
      ...(reason ? { statusReason: reason } : {}),
      intent: 'order',
      medicationCodeableConcept: med,
      subject: c.subject,
      authoredOn: start,
      requester: PRACT_REF,
      reasonReference: [{ reference: `Condition/${reasonRef}` }],
      dosageInstruction: [{ text: codes.sig, timing: { repeat: { boundsPeriod: periodEnd ? { start, end: periodEnd } : { start } } } }],
    });
  });
}

/** German MII: one Medication per drug and ATC edition, referenced from the statement. */
function deMedication(c: Chart, inn: string, yr: number): string {
  const code = atcFor(inn, yr);
  const id = `${c.pid}-med-${slug(inn)}-${yr}`;
  if (!c.resources.some((r) => r.resourceType === 'Medication' && r.id === id)) {
    c.add({
      resourceType: 'Medication',
      id,
      meta: { profile: ['https://www.medizininformatik-initiative.de/fhir/core/modul-medikation/StructureDefinition/Medication'] },
      code: cc({ system: SYS.atcDe, version: String(yr), code, display: inn }, inn),
      status: 'active',
    });
  }
  return id;
}

function statement(c: Chart, style: CodingStyle, course: Course, reasonRef: string): void {
  const de = style === 'de';
  const reason = stopReason(course, de);
  const med: Pick<MedicationStatement, 'medicationReference' | 'medicationCodeableConcept'> = de
    ? { medicationReference: { reference: `Medication/${deMedication(c, course.drug, year(course.start))}` } }
    : { medicationCodeableConcept: cc({ system: SYS.atc, code: drugCodes(course.drug).atc, display: course.drug }, course.drug) };
  c.add<MedicationStatement>({
    resourceType: 'MedicationStatement',
    id: `${c.pid}-ms-${slug(course.drug)}`,
    ...(de ? { meta: { profile: ['https://www.medizininformatik-initiative.de/fhir/core/modul-medikation/StructureDefinition/MedicationStatement'] } } : {}),
    status: course.end ? 'stopped' : 'active',
    ...(reason ? { statusReason: [reason] } : {}),
    ...med,
    subject: c.subject,
    effectivePeriod: course.end ? { start: course.start, end: course.end } : { start: course.start },
    dateAsserted: course.end ?? course.start,
    informationSource: PRACT_REF,
    reasonReference: [{ reference: `Condition/${reasonRef}` }],
    dosage: [{ text: drugCodes(course.drug).sig }],
  });
}

/** The latest (at most `max`) infusions of a current IV course, as completed MedicationAdministrations. */
function infusions(c: Chart, style: CodingStyle, course: Course, reasonRef: string, max = 8): void {
  const inf = drugCodes(course.drug).infusion;
  if (!inf || course.end) return;
  const dates: string[] = [];
  for (let d = course.start; d <= TODAY; d = addDays(d, inf.everyDays)) dates.push(weekday(d));
  for (const d of dates.slice(-max)) {
    if (d < course.start) continue;
    const med: Pick<MedicationAdministration, 'medicationReference' | 'medicationCodeableConcept'> =
      style === 'de'
        ? { medicationReference: { reference: `Medication/${deMedication(c, course.drug, year(d))}` } }
        : {
            medicationCodeableConcept: cc(
              {
                system: style === 'us' ? SYS.rxnorm : SYS.atc,
                code: style === 'us' ? (drugCodes(course.drug).rxnorm ?? '') : drugCodes(course.drug).atc,
                display: course.drug,
              },
              course.drug,
            ),
          };
    c.add<MedicationAdministration>({
      resourceType: 'MedicationAdministration',
      id: `${c.pid}-ma-${slug(course.drug)}-${d}`,
      status: 'completed',
      ...med,
      subject: c.subject,
      effectivePeriod: { start: dateTime(d, '09:00', c.tz), end: dateTime(d, '10:30', c.tz) },
      performer: [{ actor: PRACT_REF }],
      reasonReference: [{ reference: `Condition/${reasonRef}` }],
      dosage: {
        text: drugCodes(course.drug).sig,
        route: cc({ system: SYS.sct, code: '47625008', display: 'Intravenous route (qualifier value)' }),
        dose: quantity(inf.doseMg, 'mg'),
      },
    });
  }
}

/**
 * Writes one therapy course (advanced or conventional) in the chart's style.
 * @param reasonRef id of the index diagnosis Condition
 */
export function writeCourse(c: Chart, style: CodingStyle, course: Course, reasonRef: string): void {
  if (style === 'us') usRequests(c, course, reasonRef);
  else statement(c, style, course, reasonRef);
  if (style !== 'us' || drugCodes(course.drug).rxnorm) infusions(c, style, course, reasonRef);
}
