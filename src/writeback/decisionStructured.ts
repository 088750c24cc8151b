/**
 * The structured part of a decision record, written where the server offers these types: one
 * RiskAssessment per option, one DetectedIssue per safety flag (triggered and unknown) and the
 * GuidanceResponse (the decision). Where R4 has no element for a link (GuidanceResponse cannot reference
 * a RiskAssessment or list its inputs), a local extension carries it, so the resources stay valid R4.
 * Pure and deterministic.
 */
import type { DetectedIssue, Extension, GuidanceResponse, RiskAssessment } from 'fhir/r4';
import type { PreparedRecord, Ranking } from '../pipeline/index.ts';
import type { InputValue } from '../extract/values.ts';
import type { SafetyFlag } from '../rules/safety/types.ts';
import {
  BASE,
  DECISION_ID_SYSTEM,
  decisionItem,
  EXT,
  horizonRange,
  issueSeverity,
  pct,
  refs,
  relativeRefs,
  SAFETY_RULE_SYSTEM,
  sourcesOf,
  unique,
  type DecisionContext,
  type DecisionItem,
} from './decisionCommon.ts';

/** The identifier value of an option's RiskAssessment. */
export const riskKey = (decisionId: string, drug: string): string => `${decisionId}-risk-${drug}`;

function method(ctx: DecisionContext) {
  const { spec } = ctx.input.ranking;
  return {
    coding: [{ system: `${BASE}/CodeSystem/model`, code: `${spec.indication.toLowerCase()}-${spec.modelVersion}`, display: ctx.modelName }],
    text: ctx.modelName,
  };
}

/** One RiskAssessment per option: probability, interval, horizon, largest contributions. */
export function riskAssessments(ctx: DecisionContext): DecisionItem[] {
  const { ranking, explanation, decisionId } = ctx.input;
  const { spec } = ranking;
  const horizon = horizonRange(spec.outputs.horizon);
  return ranking.options.map((o) => {
    const id = riskKey(decisionId, o.drug);
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
      subject: ctx.subject,
      ...(ctx.encounter ? { encounter: ctx.encounter } : {}),
      occurrenceDateTime: ctx.when,
      method: method(ctx),
      ...(ctx.userRef ? { performer: ctx.userRef } : {}),
      basis: refs(ctx.inputSources),
      prediction: [
        {
          outcome: { text: `${spec.outputs.endpoint} with ${o.drug} (${spec.outputs.horizon})` },
          probabilityDecimal: o.probability,
          ...(horizon ? { whenRange: horizon } : {}),
          // The interval definition is the spec's (outputs.interval, calibrated in the model card).
          rationale: `${spec.outputs.interval.nominal * 100}% interval ${pct(o.lower)} to ${pct(o.upper)} (${spec.outputs.interval.definition}); rank ${o.rank} of ${ranking.options.length}${o.indistinguishableFromTop && o !== ctx.top ? ', not distinguishable from the first option' : ''}${o.current ? '; current therapy' : ''}`,
        },
      ],
      note: [
        { text: `Model trained on simulated data, not validated on patients. ${spec.warning}` },
        ...(drivers.length > 0 ? [{ text: `Largest contributions (Shapley, ${ex?.method}): ${drivers.join('; ')}` }] : []),
      ],
    };
    return decisionItem(decisionId, id, risk);
  });
}

/**
 * One DetectedIssue per safety flag. `withRisks`: the RiskAssessments are written too, so a flag
 * implicates its option's RiskAssessment; otherwise the patient.
 */
export function detectedIssues(ctx: DecisionContext, withRisks: boolean): DecisionItem[] {
  const { ranking, decisionId, patientRef } = ctx.input;
  const flags: SafetyFlag[] = ranking.options.flatMap((o) => o.flags);
  return flags.map((f) => {
    const id = `${decisionId}-issue-${f.drug}-${f.ruleId}`;
    const factSources = unique(f.facts.flatMap((x) => relativeRefs(x.sources)));
    // R4 DetectedIssue has no encounter element: the encounter is on the GuidanceResponse and the document.
    const issue: DetectedIssue = {
      resourceType: 'DetectedIssue',
      identifier: [{ system: DECISION_ID_SYSTEM, value: id }],
      status: 'final',
      code: {
        coding: [{ system: SAFETY_RULE_SYSTEM, code: f.ruleId }],
        text: `${f.ruleId} (${f.severity}, ${f.state === 'triggered' ? 'found in the record' : 'information missing'})`,
      },
      severity: issueSeverity(f.severity),
      patient: ctx.subject,
      identifiedDateTime: ctx.when,
      author: ctx.appRef,
      implicated: [withRisks ? ctx.link(riskKey(decisionId, f.drug), 'RiskAssessment') : { reference: patientRef }, ...refs(factSources)],
      evidence: f.facts.map((x) => ({
        code: [
          { text: `${x.name}: ${x.state}${x.value !== undefined ? ` = ${String(x.value)}${x.unit ? ` ${x.unit}` : ''}` : ''}${x.date ? ` (${x.date})` : ''}` },
        ],
        ...(x.sources.length > 0 ? { detail: refs(x.sources.filter((s) => factSources.includes(s))) } : {}),
      })),
      detail: `${f.drug}: ${f.text} Source: ${f.source}`,
      mitigation: [],
    };
    return decisionItem(decisionId, id, issue);
  });
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

/** The GuidanceResponse: the choice, the reason, the model, the inputs; links to the RiskAssessments when written. */
export function guidanceResponse(ctx: DecisionContext, withRisks: boolean): DecisionItem {
  const { ranking, record, decisionId } = ctx.input;
  const { spec } = ranking;
  const { chosen, top, reason } = ctx;
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
    subject: ctx.subject,
    ...(ctx.encounter ? { encounter: ctx.encounter } : {}),
    occurrenceDateTime: ctx.when,
    ...(ctx.userRef ? { performer: ctx.userRef } : {}),
    ...(indicationRef ? { reasonReference: [{ reference: indicationRef }] } : {}),
    reasonCode: [{ text: `Next advanced therapy: ${spec.title}` }],
    note: [
      { text: choiceText },
      ...(chosen === top && reason ? [{ text: `Comment: ${reason}` }] : []),
      { text: `Model: ${ctx.modelName}, ONNX SHA-256 ${spec.onnx.sha256}. Trained on simulated data, not validated on patients, not for clinical decisions.` },
    ],
    extension: [
      { url: EXT.chosenOption, valueString: chosen.drug },
      { url: EXT.modelVersion, valueString: `${spec.title} ${spec.modelVersion}` },
      { url: EXT.modelSha256, valueString: spec.onnx.sha256 },
      ...(withRisks ? ranking.options.map((o) => ({ url: EXT.riskAssessment, valueReference: ctx.link(riskKey(decisionId, o.drug), 'RiskAssessment') })) : []),
      ...inputExtensions(ranking, record),
    ],
  };
  return decisionItem(decisionId, decisionId, guidance);
}
