/**
 * Clinician-entered score items: which items each indication asks for, the live score computation
 * (src/scores), the FHIR R4 Observations that record them, and sending them. No React: the form's
 * state stays in ui/record/EnteredItemsSection.tsx.
 */
import { buildEnteredTransaction } from './enteredTransaction.ts';
import { classifyTransactionAnswer, sendWrite, type WriteOutcome } from './writeOutcome.ts';
import type { Coding, Observation, ObservationComponent, Reference } from 'fhir/r4';
import { SYSTEMS } from '../../contract/systems.ts';
import type { FhirSession } from '../smart/session.ts';
import type { ExtractedRecord, Indication } from '../extract/index.ts';
import {
  EDSS_CITATION,
  HBI_COMPLICATIONS,
  LOINC_EQUIVALENTS,
  SCORES_CODE_SYSTEM,
  cdaiRa,
  das28Crp,
  das28Esr,
  harveyBradshaw,
  isEdssStep,
  mayoPartial,
  scoreDisplay,
  sdai,
  type ScoreCode,
  type ScoreItemCode,
  type ScoreResult,
} from '../scores/index.ts';

export type EnteredItemCode = Exclude<ScoreItemCode, 'endoscopy-subscore' | 'mri-new-t2-lesions' | 'mri-gd-lesions'> | 'edss';

export interface ItemSpec {
  code: EnteredItemCode;
  min: number;
  max: number;
  step: number;
  /** `select`: a short ordinal scale; `number`: a count or a VAS; `checklist`: the HBI complications. */
  kind: 'select' | 'number' | 'checklist';
  /** UCUM unit of a measured value (VAS); counts and ordinal subscores have none. */
  unit?: 'mm' | 'cm';
  /** FHIR observation-category: `survey` for what the patient reports, `exam` for what the clinician finds. */
  category: 'survey' | 'exam';
}

/**
 * Items per indication and their ranges, as each score file states them: HBI (hbi.ts, Harvey &
 * Bradshaw 1980; stools capped at 40/day there), partial Mayo (mayo.ts, Lewis 2008: subscores 0-3),
 * TJC28/SJC28 0-28 and patient global 0-100 mm (das28.ts, Prevoo 1995), physician global 0-10 cm
 * (cdaiRa.ts, Aletaha 2005), EDSS 0-10 in 0.5 steps (edss.ts, Kurtzke 1983).
 */
export const ENTERED_ITEMS: Readonly<Record<Indication, readonly ItemSpec[]>> = {
  CD: [
    { code: 'general-wellbeing', min: 0, max: 4, step: 1, kind: 'select', category: 'survey' },
    { code: 'abdominal-pain', min: 0, max: 3, step: 1, kind: 'select', category: 'survey' },
    { code: 'liquid-stools', min: 0, max: 40, step: 1, kind: 'number', category: 'survey' },
    { code: 'abdominal-mass', min: 0, max: 3, step: 1, kind: 'select', category: 'exam' },
    { code: 'complications', min: 0, max: HBI_COMPLICATIONS.length, step: 1, kind: 'checklist', category: 'exam' },
  ],
  UC: [
    { code: 'stool-frequency', min: 0, max: 3, step: 1, kind: 'select', category: 'survey' },
    { code: 'rectal-bleeding', min: 0, max: 3, step: 1, kind: 'select', category: 'survey' },
    { code: 'physician-global-uc', min: 0, max: 3, step: 1, kind: 'select', category: 'exam' },
  ],
  RA: [
    { code: 'tjc28', min: 0, max: 28, step: 1, kind: 'number', category: 'exam' },
    { code: 'sjc28', min: 0, max: 28, step: 1, kind: 'number', category: 'exam' },
    { code: 'ptga', min: 0, max: 100, step: 1, kind: 'number', unit: 'mm', category: 'survey' },
    { code: 'phga', min: 0, max: 10, step: 0.1, kind: 'number', unit: 'cm', category: 'exam' },
  ],
  RMS: [{ code: 'edss', min: 0, max: 10, step: 0.5, kind: 'select', category: 'exam' }],
};

export type EnteredValues = Partial<Record<EnteredItemCode, number>>;

/** A recorded laboratory value a score needs, with its source. */
export interface RecordedLab {
  value: number;
  date: string;
  sourceRef?: string;
}

/** The latest CRP (mg/L) or ESR (mm/h) of the record, only when current (state ok: within the catalogue's staleAfterDays). */
export function recordedLab(record: ExtractedRecord, input: 'crp_mg_l' | 'esr_mm_h'): RecordedLab | undefined {
  const v = record.inputs[input];
  if (v.state !== 'ok' || typeof v.value !== 'number') return undefined;
  return { value: v.value, date: v.date ?? '', ...(v.sources[0] ? { sourceRef: v.sources[0] } : {}) };
}

/** EDSS entered directly is the score itself: valid on Kurtzke's steps only (edss.ts isEdssStep). */
function edssResult(value: number | undefined): ScoreResult {
  const base = { score: 'edss' as const, band: null, citation: EDSS_CITATION, computedFrom: [{ item: 'edss', value: value ?? null }] };
  if (value === undefined) return { ...base, value: null, status: 'incomplete', missing: ['edss'] };
  if (!isEdssStep(value)) return { ...base, value: null, status: 'invalid', missing: [], reason: `edss = ${value}: must be 0 or 1.0-10.0 in steps of 0.5` };
  return { ...base, value, status: 'complete', missing: [] };
}

/**
 * The scores computable from the entered items (and, for RA, the record's current CRP/ESR).
 * RA: one patient global VAS serves both DAS28 (0-100 mm, das28.ts) and CDAI/SDAI (0-10 cm,
 * cdaiRa.ts): 10 mm = 1 cm. SDAI takes CRP in mg/dL: mg/L / 10 (cdaiRa.ts, codes.csv lab.crp 1988-5).
 */
export function computeEnteredScores(indication: Indication, v: EnteredValues, labs: { crp?: RecordedLab; esr?: RecordedLab }): ScoreResult[] {
  const crp = labs.crp ? { value: labs.crp.value, date: labs.crp.date, ...(labs.crp.sourceRef ? { sourceRef: labs.crp.sourceRef } : {}) } : null;
  const esr = labs.esr ? { value: labs.esr.value, date: labs.esr.date, ...(labs.esr.sourceRef ? { sourceRef: labs.esr.sourceRef } : {}) } : null;
  const joints = { tjc28: v.tjc28, sjc28: v.sjc28 };
  const core = { ...joints, patientGlobalCm: v.ptga === undefined ? undefined : v.ptga / 10, physicianGlobalCm: v.phga };
  const byIndication: Record<Indication, () => ScoreResult[]> = {
    CD: () => [
      harveyBradshaw({
        generalWellbeing: v['general-wellbeing'],
        abdominalPain: v['abdominal-pain'],
        liquidStoolsPerDay: v['liquid-stools'],
        abdominalMass: v['abdominal-mass'],
        complications: v.complications,
      }),
    ],
    UC: () => [mayoPartial({ stoolFrequency: v['stool-frequency'], rectalBleeding: v['rectal-bleeding'], physicianGlobal: v['physician-global-uc'] })],
    RA: () => [
      das28Crp({ ...joints, patientGlobalMm: v.ptga, crpMgL: crp }),
      das28Esr({ ...joints, patientGlobalMm: v.ptga, esrMmH: esr }),
      cdaiRa(core),
      sdai({ ...core, crpMgDl: crp ? { ...crp, value: crp.value / 10 } : null }),
    ],
    RMS: () => [edssResult(v.edss)],
  };
  return byIndication[indication]();
}

/** HL7 observation-category code system (FHIR R4). */
const CATEGORY_SYSTEM = SYSTEMS.observationCategory;
const UCUM = SYSTEMS.ucum;

/**
 * Marks an Observation as entered by the clinician in Therapy Navigator (meta.tag and method).
 * Local code system of this app, beside the scores system of src/scores/codes.ts.
 */
export const CLINICIAN_ENTERED_TAG: Coding = {
  system: 'https://therapy-navigator.example.org/fhir/CodeSystem/data-entry',
  code: 'clinician-entered',
  display: 'Entered by the clinician in Therapy Navigator',
};

/**
 * LOINC codes of the CDAI panel members for items recorded on the same scale (codes.csv rows
 * score.cdai_ra: 88981-6 tender joint count, 88980-8 swollen joint count, 75846-6 evaluator global
 * assessment, 0-10 cm). The patient global is entered in mm for DAS28, so it keeps the local code only.
 */
const ITEM_LOINC: Partial<Record<ScoreCode, string>> = { tjc28: '88981-6', sjc28: '88980-8', phga: '75846-6' };

function localCode(code: ScoreCode): Observation['code'] {
  const coding: Coding[] = [{ system: SCORES_CODE_SYSTEM, code, display: scoreDisplay(code) }];
  const itemLoinc = ITEM_LOINC[code];
  if (itemLoinc) coding.push({ system: SYSTEMS.loinc, code: itemLoinc });
  const loinc = LOINC_EQUIVALENTS[code];
  if (loinc) coding.push({ ...loinc });
  return { coding, text: coding[0]?.display ?? code };
}

function category(code: 'survey' | 'exam'): Observation['category'] {
  return [{ coding: [{ system: CATEGORY_SYSTEM, code, display: code === 'survey' ? 'Survey' : 'Exam' }] }];
}

function itemValue(spec: ItemSpec, value: number): Pick<Observation, 'valueInteger' | 'valueQuantity'> {
  if (spec.unit) return { valueQuantity: { value, unit: spec.unit, system: UCUM, code: spec.unit } };
  return Number.isInteger(value) ? { valueInteger: value } : { valueQuantity: { value, unit: '{score}', system: UCUM, code: '{score}' } };
}

export interface BuildEnteredInput {
  indication: Indication;
  values: EnteredValues;
  /** The results of {@link computeEnteredScores} for the same values; only complete ones are recorded. */
  results: readonly ScoreResult[];
  /** `Patient/123` */
  patientRef: string;
  now: Date;
  /** The signed-in clinician (`Practitioner/…`), when the launch gives one. */
  performer?: Reference;
  /** `Encounter/<id>` of the launch context (SMART `launch/encounter`), when the EHR gave one. */
  encounterRef?: string;
}

/**
 * FHIR R4 Observations for the entered items and the complete scores computed from them: status
 * final, observation-category survey/exam, the local scores code (plus LOINC for CDAI/SDAI), subject,
 * effectiveDateTime now, encounter when the launch gives one, meta.tag + method marking clinician entry. A score lists its items as
 * components and the recorded Observations it used (CRP, ESR) in derivedFrom.
 */
export function buildEnteredObservations(input: BuildEnteredInput): Observation[] {
  const when = input.now.toISOString();
  const common = {
    resourceType: 'Observation' as const,
    meta: { tag: [{ ...CLINICIAN_ENTERED_TAG }] },
    status: 'final' as const,
    subject: { reference: input.patientRef },
    effectiveDateTime: when,
    issued: when,
    method: { coding: [{ ...CLINICIAN_ENTERED_TAG }], text: CLINICIAN_ENTERED_TAG.display ?? '' },
    ...(input.performer ? { performer: [input.performer] } : {}),
    // The visit the values were entered in (FHIR R4 Observation.encounter), as every write of the app.
    ...(input.encounterRef ? { encounter: { reference: input.encounterRef } } : {}),
  };
  const specs = ENTERED_ITEMS[input.indication];
  const out: Observation[] = [];
  const components: ObservationComponent[] = [];
  for (const spec of specs) {
    const value = input.values[spec.code];
    if (value === undefined || spec.code === 'edss') continue; // EDSS is recorded once, as the score
    out.push({ ...common, category: category(spec.category), code: localCode(spec.code), ...itemValue(spec, value) });
    components.push({ code: localCode(spec.code), ...itemValue(spec, value) });
  }
  for (const r of input.results) {
    if (r.status !== 'complete' || r.value === null) continue;
    const derivedFrom = [...new Set(r.computedFrom.map((c) => c.sourceRef).filter((s): s is string => s !== undefined))].map((reference) => ({ reference }));
    const isExam = r.score !== 'mayo-partial' && r.score !== 'hbi';
    out.push({
      ...common,
      category: category(isExam ? 'exam' : 'survey'),
      code: localCode(r.score),
      ...(Number.isInteger(r.value) && (r.score === 'hbi' || r.score === 'mayo-partial')
        ? { valueInteger: r.value }
        : { valueQuantity: { value: r.value, unit: '{score}', system: UCUM, code: '{score}' } }),
      ...(r.band ? { interpretation: [{ text: r.band }] } : {}),
      ...(r.score !== 'edss' && components.length > 0
        ? { component: components.filter((c) => r.computedFrom.some((f) => f.item === c.code.coding?.[0]?.code)) }
        : {}),
      ...(derivedFrom.length > 0 ? { derivedFrom } : {}),
      note: [{ text: r.citation }],
    });
  }
  return out;
}

/**
 * Creates the entered Observations one after the other, in the order built (items before the scores
 * computed from them). The first failure stops the loop and is thrown: the caller says what was not saved.
 */
export async function sendEnteredObservations(
  session: Pick<FhirSession, 'transaction'>,
  observations: readonly Observation[],
  saveId: string,
): Promise<WriteOutcome> {
  return classifyTransactionAnswer(observations.length, await sendWrite(() => session.transaction(buildEnteredTransaction(observations, saveId))));
}
