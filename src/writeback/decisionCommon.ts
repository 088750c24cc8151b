/**
 * What every resource of a decision record shares: the identifier systems, the decision's input and its
 * checks, stable entry ids, and the references the resources make to each other.
 *
 * A decision is written in one of three forms (src/writeback/decisionTransport.ts): a transaction, where
 * entries refer to each other by their `urn:uuid:` fullUrl and the server resolves them (FHIR R4
 * http.html §3.1.0.11.2); or a batch or single creates, where entries SHALL NOT depend on each other
 * (R4 http.html §3.1.0.11.1), so a link between two resources of the record is a logical reference by
 * the target's identifier instead (R4 references.html §2.3.0.3 "Logical references"; `Reference.identifier`
 * needs no resolution by the server and stays valid whatever id the server gives the target).
 */
import type { DetectedIssue, FhirResource, Range, Reference } from 'fhir/r4';
import type { Explanation, PreparedRecord, Ranking } from '../pipeline/index.ts';
import type { InputValue } from '../extract/values.ts';
import type { Severity } from '../rules/safety/types.ts';

export const BASE = 'https://therapy-navigator.example.org/fhir';
/** Identifier system of every resource of a decision record. */
export const DECISION_ID_SYSTEM = `${BASE}/sid/decision`;
/** Local code system of the safety rule ids (src/rules/safety/types.ts `RuleId`). */
export const SAFETY_RULE_SYSTEM = `${BASE}/CodeSystem/safety-rule`;
export const EXT = {
  riskAssessment: `${BASE}/StructureDefinition/decision-risk-assessment`,
  modelInput: `${BASE}/StructureDefinition/model-input`,
  modelSha256: `${BASE}/StructureDefinition/model-sha256`,
  modelVersion: `${BASE}/StructureDefinition/model-version`,
  chosenOption: `${BASE}/StructureDefinition/chosen-option`,
} as const;

/** A decision that cannot be recorded as given (the UI prevents each case before calling). */
export class DecisionRecordError extends Error {
  readonly code: 'reason-required' | 'unknown-option' | 'hypothetical' | 'no-options';
  constructor(code: DecisionRecordError['code'], message: string) {
    super(message);
    this.name = 'DecisionRecordError';
    this.code = code;
  }
}

/** The decision summary as text, built by the UI in the clinician's language (src/ui/ranking/summaryText.ts). */
export interface DecisionSummaryText {
  /** Plain text, UTF-8 (the print summary's content). */
  text: string;
  /** BCP 47 language of the text (`en`, `de`, `fr`). */
  language: string;
  /** The document's title in that language. */
  title: string;
}

export interface DecisionInput {
  ranking: Ranking;
  explanation?: Explanation;
  record: PreparedRecord;
  /** INN of the option chosen (one of `ranking.options`). */
  chosenDrug: string;
  /** Required (non-blank) when the choice is not the first-ranked option. */
  reason?: string;
  /** `Practitioner/123` from the id_token's fhirUser, or null when the EHR sent none. */
  user: string | null;
  /** The user's name read from that resource ("Dr. Anna Weber"; src/pipeline/signedInUser.ts), null when it could not be read. */
  userName?: string | null;
  /** `Patient/<id>` of the launch. */
  patientRef: string;
  /** `Encounter/<id>` of the launch context, when the EHR gave one (SMART `launch/encounter`). */
  encounterRef?: string;
  /** The human-readable record: the DocumentReference's attachment. */
  summary: DecisionSummaryText;
  /** One line saying which read plan the app used (what it could and could not read); into the Provenance. */
  readPlan?: string;
  app: { name: string; version: string };
  now: Date;
  /** Generated once per decision (crypto.randomUUID in the UI); a retry reuses it. */
  decisionId: string;
}

/** FHIR R4 DetectedIssue.severity from the flag severity (src/rules/safety/types.ts `Severity`). */
export function issueSeverity(s: Severity): NonNullable<DetectedIssue['severity']> {
  switch (s) {
    case 'contraindicated':
    case 'only-if-no-alternative':
      return 'high';
    case 'treat-before-start':
    case 'caution':
      return 'moderate';
    case 'screen-before-start':
      return 'low';
  }
}

/** FNV-1a 32-bit (public domain), seeded: four of them make a deterministic 128-bit id. */
function fnv(text: string, seed: number): string {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A stable `urn:uuid:` for one entry (RFC 9562 version 8, "custom": derived, not random). */
export function entryUuid(decisionId: string, key: string): string {
  const hex = [1, 2, 3, 4].map((s) => fnv(`${decisionId}|${key}`, s)).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const qty = (value: number, code: 'wk' | 'a') => ({ value, unit: code === 'wk' ? 'weeks' : 'years', system: 'http://unitsofmeasure.org', code });

/** `end of induction, weeks 4-12` -> 4-12 wk; `2 years` -> up to 2 a (UCUM units); the spec's outputs.horizon text. */
export function horizonRange(horizon: string): Range | undefined {
  const weeks = /weeks?\s*(\d+)\s*[-–]\s*(\d+)/i.exec(horizon);
  if (weeks) return { low: qty(Number(weeks[1]), 'wk'), high: qty(Number(weeks[2]), 'wk') };
  const years = /(\d+)\s*years?/i.exec(horizon);
  if (years) return { high: qty(Number(years[1]), 'a') };
  return undefined;
}

const RELATIVE_REF = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;
/** Relative references of the resources an input came from. */
export function sourcesOf(v: InputValue | undefined): string[] {
  return v ? v.sources.filter((s) => RELATIVE_REF.test(s)) : [];
}
/** Only relative references (`Type/id`) of a list of sources. */
export const relativeRefs = (xs: readonly string[]): string[] => xs.filter((s) => RELATIVE_REF.test(s));
export const unique = (xs: readonly string[]): string[] => [...new Set(xs)];
export const refs = (xs: readonly string[]): Reference[] => xs.map((reference) => ({ reference }));
export const pct = (p: number): string => `${(p * 100).toFixed(1)} %`;

/**
 * How one resource of the record names another: by the entry's fullUrl inside a transaction, by its
 * identifier in a batch or single creates (see the file comment).
 */
export type LinkStyle = 'fullUrl' | 'identifier';

/** One resource of the decision record, ready for any of the three forms. */
export interface DecisionItem {
  /** The identifier value (decision id + suffix); unique within the decision. */
  key: string;
  resourceType: FhirResource['resourceType'];
  /** Stable `urn:uuid:` (transaction form). */
  fullUrl: string;
  resource: FhirResource;
  /** The conditional-create search (`identifier=system|value`, `_tag=` for Provenance). */
  ifNoneExist: string;
}

/** The checked decision and the values every resource builder shares. */
export interface DecisionContext {
  input: DecisionInput;
  top: Ranking['options'][number];
  chosen: Ranking['options'][number];
  reason: string;
  when: string;
  subject: Reference;
  encounter?: Reference;
  modelName: string;
  userRef: Reference | null;
  appRef: Reference;
  /** Relative references of the records the model inputs came from. */
  inputSources: string[];
  /** A reference to another resource of this record, by key, in the chosen link style. */
  link: (key: string, resourceType: string) => Reference;
}

/**
 * Checks the decision and gathers the shared values.
 * @throws DecisionRecordError when the ranking is hypothetical, the option unknown, or a reason is
 *   missing for a choice other than the first-ranked option
 */
export function decisionContext(input: DecisionInput, style: LinkStyle): DecisionContext {
  const { ranking, record, user, patientRef, app, now, decisionId } = input;
  const top = ranking.options[0];
  if (!top) throw new DecisionRecordError('no-options', 'the ranking has no options');
  if (ranking.overridden.length > 0)
    throw new DecisionRecordError('hypothetical', `the ranking uses what-if values (${ranking.overridden.join(', ')}), not the record`);
  const chosen = ranking.options.find((o) => o.drug === input.chosenDrug);
  if (!chosen) throw new DecisionRecordError('unknown-option', `${input.chosenDrug} is not an option of this ranking`);
  const reason = input.reason?.trim() ?? '';
  if (chosen !== top && reason === '')
    throw new DecisionRecordError('reason-required', `a reason is required when choosing ${input.chosenDrug} over the first-ranked ${top.drug}`);
  const { spec } = ranking;
  const userName = input.userName?.trim() || null;
  const modelName = `${spec.title}, model ${spec.modelVersion}`;
  const usedInputs = spec.inputs.map((i) => i.name).filter((n) => ranking.modelValues[n] !== null && ranking.modelValues[n] !== undefined);
  return {
    input,
    top,
    chosen,
    reason,
    when: now.toISOString(),
    subject: { reference: patientRef },
    ...(input.encounterRef ? { encounter: { reference: input.encounterRef } } : {}),
    modelName,
    // Reference.display carries the name as read at the decision, so the record names the author even
    // where the reader may not resolve the Practitioner (FHIR R4 Reference.display).
    userRef: user ? { reference: user, ...(userName ? { display: userName } : {}) } : null,
    appRef: {
      identifier: { system: `${BASE}/sid/software`, value: `${app.name}@${app.version}` },
      display: `${app.name} ${app.version} (${modelName})`,
    },
    inputSources: unique(usedInputs.flatMap((n) => sourcesOf(record.inputs[n as keyof PreparedRecord['inputs']] as InputValue | undefined))),
    link: (key, resourceType) =>
      style === 'fullUrl' ? { reference: entryUuid(decisionId, key) } : { type: resourceType, identifier: { system: DECISION_ID_SYSTEM, value: key } },
  };
}

/**
 * A conditional create keyed on the decision identifier. R4 Provenance has no `identifier` element,
 * so its key travels as a `meta.tag` and the condition searches `_tag` (R4 search.html §3.1.1.1,
 * common to all resources).
 */
export function decisionItem(decisionId: string, key: string, resource: FhirResource): DecisionItem {
  const param = resource.resourceType === 'Provenance' ? '_tag' : 'identifier';
  return { key, resourceType: resource.resourceType, fullUrl: entryUuid(decisionId, key), resource, ifNoneExist: `${param}=${DECISION_ID_SYSTEM}|${key}` };
}
