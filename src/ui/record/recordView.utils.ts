/**
 * Pure helpers shared by the record view's panels: source lookup, unit display, value formatting and
 * which catalogue inputs concern this patient. No React here, so every rule is unit-testable.
 */
import type { Resource } from 'fhir/r4';
import { CATALOGUE, type ExtractedRecord, type Indication, type InputDefinition, type InputName, type InputScalar } from '../../extract/index.ts';
import { numberFormat } from '../intl.ts';

/** `Type/id` -> resource, for opening the raw FHIR resource behind any displayed value. */
export function resourceIndex(resources: readonly Resource[]): ReadonlyMap<string, Resource> {
  const map = new Map<string, Resource>();
  for (const r of resources) if (r.id) map.set(`${r.resourceType}/${r.id}`, r);
  return map;
}

/**
 * Canonical UCUM units (as the extractor returns them, src/extract/units.ts) shown the way clinicians
 * write them. `a` and `mo` are translated by the caller.
 */
const UNIT_DISPLAY: Record<string, string> = {
  'ug/g': 'µg/g',
  '10*9/L': '×10⁹/L',
  '10*3/uL': '×10³/µL',
  'kg/m2': 'kg/m²',
  '[IU]/mL': 'IU/mL',
  'umol/L': 'µmol/L',
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
};

/** A canonical unit for display; null/empty stays empty (scores, counts). */
export function displayUnit(unit: string | null | undefined, translate?: (unit: 'a' | 'mo') => string): string {
  if (!unit) return '';
  if ((unit === 'a' || unit === 'mo') && translate) return translate(unit);
  // Own keys only: a unit named like an Object.prototype property is shown as written.
  return (Object.hasOwn(UNIT_DISPLAY, unit) ? UNIT_DISPLAY[unit] : undefined) ?? unit;
}

/** A number in the UI language with at most `digits` decimals (3 significant decimals is enough for labs). */
export function formatNumber(value: number, locale: string, digits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Any input scalar for display: booleans as yes/no in the UI language, numbers localised. */
export function formatScalar(value: InputScalar, locale: string, yesNo: { yes: string; no: string }): string {
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'number') return formatNumber(value, locale);
  return value;
}

/** The indications this patient's record supports (all findings, primary first), without duplicates. */
export function patientIndications(record: ExtractedRecord): Indication[] {
  const list: Indication[] = [];
  if (record.primaryIndication) list.push(record.primaryIndication);
  for (const f of record.indications) if (!list.includes(f.indication)) list.push(f.indication);
  return list;
}

/**
 * The catalogue inputs that concern this patient, in the order a clinician should look at them:
 * model inputs of the patient's indication(s) first, then safety facts (src/extract/catalogue.ts: `use`).
 * Without any indication every input is listed, so nothing is hidden.
 */
export function inputsForPatient(record: ExtractedRecord): InputDefinition[] {
  const indications = patientIndications(record);
  const applies = (d: InputDefinition) => indications.length === 0 || d.indications.some((i) => indications.includes(i));
  return [...CATALOGUE.filter((d) => d.use === 'model' && applies(d)), ...CATALOGUE.filter((d) => d.use === 'safety' && applies(d))];
}

/** How much a gap or an input matters for this patient: 0 model input of the indication, 1 safety fact, 2 other. */
export type Priority = 'model' | 'safety' | 'other';

/** The priority of an input (null = a record-level problem, not tied to an input). */
export function priorityOf(input: InputName | null, record: ExtractedRecord): Priority {
  if (!input) return 'other';
  const def = CATALOGUE.find((d) => d.name === input);
  if (!def) return 'other';
  const indications = patientIndications(record);
  if (def.use === 'safety') return 'safety';
  return indications.some((i) => def.indications.includes(i)) ? 'model' : 'other';
}

const REF = /\b([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})\b/g;

/** FHIR references (`Observation/abc`) mentioned in a free-text problem message. */
export function refsInText(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(REF)) if (m[1] && m[2] && m[2] !== '(no') found.add(`${m[1]}/${m[2]}`);
  return [...found];
}
