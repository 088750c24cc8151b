/**
 * "Record this decision": the ranking the clinician saw, the option chosen and why, as one FHIR R4
 * transaction Bundle the app POSTs to the EHR (opt-in, `writeBack`).
 *
 * Every entry is a conditional create (FHIR R4 http.html §3.1.0.8.1, `ifNoneExist`) keyed on an
 * identifier derived from one `decisionId`: posting the same Bundle again (a retry after a lost
 * answer) creates nothing new, and the transaction (R4 http.html §3.1.0.11.2) is all-or-nothing.
 * Pure and deterministic: `now` and `decisionId` come from the caller.
 *
 * Where R4 has no element for a link (GuidanceResponse cannot reference a RiskAssessment or list its
 * inputs), a local extension carries it, so the resources stay valid R4.
 */
import type { Bundle, BundleEntry, DetectedIssue, Extension, FhirResource, GuidanceResponse, Provenance, Range, Reference, RiskAssessment } from 'fhir/r4';
import type { Explanation, PreparedRecord, Ranking } from '../pipeline/index.ts';
import type { InputValue } from '../extract/values.ts';
import type { SafetyFlag, Severity } from '../rules/safety/types.ts';

const BASE = 'https://therapy-navigator.example.org/fhir';
/** The resource types of a decision record; the launch asks to create them (src/smart/launch.ts DECISION_TYPES). */
export const DECISION_RESOURCE_TYPES = ['GuidanceResponse', 'RiskAssessment', 'DetectedIssue', 'Provenance'] as const;
/** Identifier system of every resource of a decision record. */
export const DECISION_ID_SYSTEM = `${BASE}/sid/decision`;
/** Local code system of the safety rule ids (src/rules/safety/types.ts `RuleId`). */
export const SAFETY_RULE_SYSTEM = `${BASE}/CodeSystem/safety-rule`;
const EXT = {
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

/** Relative references of the resources an input came from. */
function sourcesOf(v: InputValue | undefined): string[] {
  return v ? v.sources.filter((s) => /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(s)) : [];
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];
const refs = (xs: readonly string[]): Reference[] => xs.map((reference) => ({ reference }));
const pct = (p: number): string => `${(p * 100).toFixed(1)} %`;

/**
 * A conditional create keyed on the decision identifier. R4 Provenance has no `identifier` element,
 * so its key travels as a `meta.tag` and the condition searches `_tag` (R4 search.html §3.1.1.1,
 * common to all resources).
 */
function entry(fullUrl: string, resource: FhirResource, value: string): BundleEntry {
  const param = resource.resourceType === 'Provenance' ? '_tag' : 'identifier';
  return { fullUrl, resource, request: { method: 'POST', url: resource.resourceType, ifNoneExist: `${param}=${DECISION_ID_SYSTEM}|${value}` } };
}

/** One extension per model input used: name, value given to the model, state, date, sources. */
function inputExtensions(ranking: Ranking, record: PreparedRecord): Extension[] {
  return ranking.spec.inputs.map((inp) => {
    const v = record.inputs[inp.name as keyof PreparedRecord['inputs']] as InputValue | undefined;
    const used = ranking.modelValues[inp.name];
    const parts: Extension[] = [{ url: 'name', valueString: inp.name }];
    if (typeof used === 'number') parts.push({ url: 'value', valueDecimal: used });
    else if (typeof used === 'boolean') parts.push({ url: 'value', valueBoolean: used });
    else if (typeof used === 'string') parts.push({ url: 'value', valueString: used });
    parts.push({ url: 'state', valueCode: used === null || used === undefined ? 'missing' : (v?.state ?? 'ok') });
    if (inp.unit !== '1' && used !== null && used !== undefined) parts.push({ url: 'unit', valueString: inp.unit });
    if (v && 'date' in v && v.date) parts.push({ url: 'date', valueString: v.date });
    for (const s of sourcesOf(v)) parts.push({ url: 'source', valueReference: { reference: s } });
    return { url: EXT.modelInput, extension: parts };
  });
}

/**
 * Builds the decision record: a GuidanceResponse (the decision), one RiskAssessment per option,
 * one DetectedIssue per safety flag (triggered and unknown) and a Provenance over all of them.
 * @throws DecisionRecordError when the ranking is hypothetical, the option unknown, or a reason is
 *   missing for a choice other than the first-ranked option
 */
export function buildDecisionTransaction(input: DecisionInput): Bundle {
  const { ranking, explanation, record, chosenDrug, user, patientRef, app, now, decisionId } = input;
  const userName = input.userName?.trim() || null;
  const top = ranking.options[0];
  if (!top) throw new DecisionRecordError('no-options', 'the ranking has no options');
  if (ranking.overridden.length > 0)
    throw new DecisionRecordError('hypothetical', `the ranking uses what-if values (${ranking.overridden.join(', ')}), not the record`);
  const chosen = ranking.options.find((o) => o.drug === chosenDrug);
  if (!chosen) throw new DecisionRecordError('unknown-option', `${chosenDrug} is not an option of this ranking`);
  const reason = input.reason?.trim() ?? '';
  if (chosen !== top && reason === '')
    throw new DecisionRecordError('reason-required', `a reason is required when choosing ${chosenDrug} over the first-ranked ${top.drug}`);

  const { spec } = ranking;
  const when = now.toISOString();
  const subject = { reference: patientRef };
  const modelName = `${spec.title}, model ${spec.modelVersion}`;
  const method = {
    coding: [{ system: `${BASE}/CodeSystem/model`, code: `${spec.indication.toLowerCase()}-${spec.modelVersion}`, display: modelName }],
    text: modelName,
  };
  const usedInputs = spec.inputs.map((i) => i.name).filter((n) => ranking.modelValues[n] !== null && ranking.modelValues[n] !== undefined);
  const inputSources = unique(usedInputs.flatMap((n) => sourcesOf(record.inputs[n as keyof PreparedRecord['inputs']] as InputValue | undefined)));
  // Reference.display carries the name as read at the decision, so the record names the author even
  // where the reader may not resolve the Practitioner (FHIR R4 Reference.display).
  const userRef: Reference | null = user ? { reference: user, ...(userName ? { display: userName } : {}) } : null;
  const author: Reference = userRef ?? { display: 'user not named by the EHR (no fhirUser claim)' };
  const appRef: Reference = {
    identifier: { system: `${BASE}/sid/software`, value: `${app.name}@${app.version}` },
    display: `${app.name} ${app.version} (${modelName})`,
  };
  const horizon = horizonRange(spec.outputs.horizon);
  const entries: BundleEntry[] = [];
  const riskUrls: Record<string, string> = {};

  for (const o of ranking.options) {
    const id = `${decisionId}-risk-${o.drug}`;
    const url = entryUuid(decisionId, id);
    riskUrls[o.drug] = url;
    const ex = explanation?.explanations[o.drug];
    const drivers = ex
      ? [...ex.contributions]
          .sort((a, b) => Math.abs(b.phi) - Math.abs(a.phi))
          .slice(0, 3)
          .map((c) => `${c.input} ${c.phi >= 0 ? '+' : ''}${(c.phi * 100).toFixed(1)} points`)
      : [];
    const risk: RiskAssessment = {
      resourceType: 'RiskAssessment',
      identifier: [{ system: DECISION_ID_SYSTEM, value: id }],
      status: 'final',
      subject,
      occurrenceDateTime: when,
      method,
      ...(userRef ? { performer: userRef } : {}),
      basis: refs(inputSources),
      prediction: [
        {
          outcome: { text: `${spec.outputs.endpoint} with ${o.drug} (${spec.outputs.horizon})` },
          probabilityDecimal: o.probability,
          ...(horizon ? { whenRange: horizon } : {}),
          // The interval definition is the spec's (outputs.interval, calibrated in the model card).
          rationale: `${spec.outputs.interval.nominal * 100}% interval ${pct(o.lower)} to ${pct(o.upper)} (${spec.outputs.interval.definition}); rank ${o.rank} of ${ranking.options.length}${o.indistinguishableFromTop && o !== top ? ', not distinguishable from the first option' : ''}${o.current ? '; current therapy' : ''}`,
        },
      ],
      note: [
        { text: `Model trained on simulated data, not validated on patients. ${spec.warning}` },
        ...(drivers.length > 0 ? [{ text: `Largest contributions (Shapley, ${ex?.method}): ${drivers.join('; ')}` }] : []),
      ],
    };
    entries.push(entry(url, risk, id));
  }

  const flags: SafetyFlag[] = ranking.options.flatMap((o) => o.flags);
  for (const f of flags) {
    const id = `${decisionId}-issue-${f.drug}-${f.ruleId}`;
    const factSources = unique(f.facts.flatMap((x) => x.sources.filter((s) => /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(s))));
    const issue: DetectedIssue = {
      resourceType: 'DetectedIssue',
      identifier: [{ system: DECISION_ID_SYSTEM, value: id }],
      status: 'final',
      code: {
        coding: [{ system: SAFETY_RULE_SYSTEM, code: f.ruleId }],
        text: `${f.ruleId} (${f.severity}, ${f.state === 'triggered' ? 'found in the record' : 'information missing'})`,
      },
      severity: issueSeverity(f.severity),
      patient: subject,
      identifiedDateTime: when,
      author: appRef,
      implicated: [{ reference: riskUrls[f.drug] ?? patientRef }, ...refs(factSources)],
      evidence: f.facts.map((x) => ({
        code: [
          { text: `${x.name}: ${x.state}${x.value !== undefined ? ` = ${String(x.value)}${x.unit ? ` ${x.unit}` : ''}` : ''}${x.date ? ` (${x.date})` : ''}` },
        ],
        ...(x.sources.length > 0 ? { detail: refs(x.sources.filter((s) => factSources.includes(s))) } : {}),
      })),
      detail: `${f.drug}: ${f.text} Source: ${f.source}`,
      mitigation: [],
    };
    entries.push(entry(entryUuid(decisionId, id), issue, id));
  }

  const indicationRef = record.indications.find((i) => i.indication === ranking.indication && i.active)?.conditionRef;
  const choiceText =
    chosen === top
      ? `Chosen: ${chosen.drug}, the first-ranked option.`
      : `Chosen: ${chosen.drug} (rank ${chosen.rank}) instead of the first-ranked ${top.drug}. Reason: ${reason}`;
  const guidance: GuidanceResponse = {
    resourceType: 'GuidanceResponse',
    identifier: [{ system: DECISION_ID_SYSTEM, value: decisionId }],
    requestIdentifier: { system: DECISION_ID_SYSTEM, value: decisionId },
    moduleUri: `${BASE}/models/${spec.indication.toLowerCase()}/${spec.modelVersion}`,
    status: 'success',
    subject,
    occurrenceDateTime: when,
    ...(userRef ? { performer: userRef } : {}),
    ...(indicationRef ? { reasonReference: [{ reference: indicationRef }] } : {}),
    reasonCode: [{ text: `Next advanced therapy: ${spec.title}` }],
    note: [
      { text: choiceText },
      ...(chosen === top && reason ? [{ text: `Comment: ${reason}` }] : []),
      { text: `Model: ${modelName}, ONNX SHA-256 ${spec.onnx.sha256}. Trained on simulated data, not validated on patients, not for clinical decisions.` },
    ],
    extension: [
      { url: EXT.chosenOption, valueString: chosen.drug },
      { url: EXT.modelVersion, valueString: `${spec.title} ${spec.modelVersion}` },
      { url: EXT.modelSha256, valueString: spec.onnx.sha256 },
      ...ranking.options.map((o) => ({ url: EXT.riskAssessment, valueReference: { reference: riskUrls[o.drug] ?? '' } })),
      ...inputExtensions(ranking, record),
    ],
  };
  const guidanceUrl = entryUuid(decisionId, decisionId);
  entries.unshift(entry(guidanceUrl, guidance, decisionId));

  const provId = `${decisionId}-provenance`;
  const provenance: Provenance = {
    resourceType: 'Provenance',
    meta: { tag: [{ system: DECISION_ID_SYSTEM, code: provId }] },
    // The Patient is a target as well: FHIR R4 CompartmentDefinition/patient places a Provenance
    // in a patient's compartment through `Provenance.target.where(resolve() is Patient)`.
    target: [...entries.map((e) => ({ reference: e.fullUrl ?? '' })), subject],
    recorded: when,
    activity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'CREATE' }] },
    agent: [
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] }, who: author },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'assembler' }] }, who: appRef },
    ],
    entity: inputSources.map((s) => ({ role: 'source', what: { reference: s } })),
  };
  entries.push(entry(entryUuid(decisionId, provId), provenance, provId));
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}
