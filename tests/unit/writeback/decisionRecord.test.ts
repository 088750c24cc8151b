import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, DetectedIssue, GuidanceResponse, Provenance, Resource, RiskAssessment } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '@contract/spec.ts';
import { prepare, type Ranking } from '@src/pipeline/index.ts';
import { buildDecisionTransaction, DECISION_ID_SYSTEM, entryUuid, horizonRange, issueSeverity, type DecisionInput } from '@src/writeback/decisionRecord.ts';
import { rankOptions } from '@src/rules/ranking.ts';
import { checkAll } from '@src/rules/safety/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const NOW = new Date('2026-11-15T10:00:00Z');
const DECISION = '3f0c9b1e-2a4d-4c8e-9f1a-0b2c3d4e5f60';

/** The CD demo patient through the real data layer and safety rules; fixed probabilities stand in for ONNX. */
function fixture(): Pick<DecisionInput, 'ranking' | 'record'> {
  const bundle = JSON.parse(readFileSync(join(root, 'sandbox/fixtures/cd-us-001.json'), 'utf8')) as Bundle;
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const record = prepare(resources, NOW);
  const spec = JSON.parse(readFileSync(join(root, 'models/cd/spec.json'), 'utf8')) as ModelSpec;
  const modelValues = Object.fromEntries(
    spec.inputs.map((i) => {
      const v = record.inputs[i.name as keyof typeof record.inputs];
      return [i.name, v?.state === 'ok' ? v.value : null];
    }),
  );
  const flags = checkAll(spec.outputs.drugs, record.inputs, { now: NOW });
  const options = rankOptions(
    spec.outputs.drugs.map((drug, k) => ({ drug, probability: 0.6 - k * 0.05, lower: 0.5 - k * 0.05, upper: 0.7 - k * 0.05 })),
    flags,
    null,
  );
  const ranking: Ranking = {
    indication: 'CD',
    spec,
    modelValues,
    encoded: { x: new Float32Array(0), missing: [] },
    excluded: [],
    overridden: [],
    options,
    currentMedicationFlags: {},
    referenceScores: [],
    timings: { encodeMs: 0, predictMs: 0, predictWorkerMs: 0, safetyMs: 0, totalMs: 0 },
  };
  return { ranking, record };
}

const base = fixture();
const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  ...base,
  chosenDrug: base.ranking.options[0]?.drug ?? '',
  user: 'Practitioner/pract-demo',
  patientRef: 'Patient/cd-us-001',
  app: { name: 'Therapy Navigator', version: '0.1.0' },
  now: NOW,
  decisionId: DECISION,
  summary: { text: 'Therapy Navigator: summary\nDecision: …', language: 'en', title: 'Therapy Navigator: decision' },
  ...over,
});
const of = <T extends Resource>(b: Bundle, type: T['resourceType']): T[] =>
  (b.entry ?? []).flatMap((e) => (e.resource?.resourceType === type ? [e.resource as T] : []));

/** Every `reference` string anywhere in a value. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

describe('buildDecisionTransaction', () => {
  const bundle = buildDecisionTransaction(input());
  const flags = base.ranking.options.flatMap((o) => o.flags);

  it('the fixture exercises safety flags (else the DetectedIssue checks would be vacuous)', () => {
    expect(flags.length).toBeGreaterThan(0);
  });

  it('is a transaction of conditional creates, one per resource, with one urn:uuid fullUrl each', () => {
    expect(bundle.type).toBe('transaction');
    const entries = bundle.entry ?? [];
    // GuidanceResponse, one RiskAssessment per option, one DetectedIssue per flag, the DocumentReference, the Provenance.
    expect(entries).toHaveLength(1 + base.ranking.options.length + flags.length + 1 + 1);
    for (const e of entries) {
      expect(e.request?.method).toBe('POST');
      expect(e.request?.url).toBe(e.resource?.resourceType);
      expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(entries.map((e) => e.fullUrl)).size).toBe(entries.length);
  });

  it('keys each entry on the identifier derived from the decision id', () => {
    const expected = [
      DECISION,
      ...base.ranking.options.map((o) => `${DECISION}-risk-${o.drug}`),
      ...flags.map((f) => `${DECISION}-issue-${f.drug}-${f.ruleId}`),
      `${DECISION}-document`,
      `${DECISION}-provenance`,
    ];
    const keys = (bundle.entry ?? []).map((e) => {
      const r = e.resource as Resource & { identifier?: Array<{ system?: string; value?: string }> };
      const key = r.resourceType === 'Provenance' ? r.meta?.tag?.[0] : { system: r.identifier?.[0]?.system, code: r.identifier?.[0]?.value };
      expect(key?.system).toBe(DECISION_ID_SYSTEM);
      const param = r.resourceType === 'Provenance' ? '_tag' : 'identifier';
      expect(e.request?.ifNoneExist).toBe(`${param}=${DECISION_ID_SYSTEM}|${key?.code}`);
      return key?.code;
    });
    expect(keys).toEqual(expected);
  });

  it('resolves every reference inside the bundle, to the record, the patient or the user', () => {
    const inBundle = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
    const inRecord = new Set(Object.values(base.record.inputs).flatMap((v) => v.sources));
    for (const i of base.record.indications) inRecord.add(i.conditionRef);
    const refs = references(bundle);
    expect(refs.length).toBeGreaterThan(20);
    const unresolved = refs.filter((r) => !(inBundle.has(r) || inRecord.has(r) || r === 'Patient/cd-us-001' || r === 'Practitioner/pract-demo'));
    expect(unresolved).toEqual([]);
  });

  it('writes the GuidanceResponse with the chosen option, the model and its inputs', () => {
    const [g] = of<GuidanceResponse>(bundle, 'GuidanceResponse');
    expect(g?.status).toBe('success');
    expect(g?.performer?.reference).toBe('Practitioner/pract-demo');
    expect(g?.occurrenceDateTime).toBe(NOW.toISOString());
    expect(g?.moduleUri).toContain(base.ranking.spec.modelVersion);
    const notes = (g?.note ?? []).map((n) => n.text).join(' ');
    expect(notes).toContain(`Chosen: ${base.ranking.options[0]?.drug}, the first-ranked option.`);
    expect(notes).toContain(base.ranking.spec.onnx.sha256);
    expect(notes).toMatch(/simulated data/);
    const inputs = (g?.extension ?? []).filter((x) => x.url.endsWith('/model-input'));
    expect(inputs).toHaveLength(base.ranking.spec.inputs.length);
    const risks = (g?.extension ?? []).filter((x) => x.url.endsWith('/decision-risk-assessment')).map((x) => x.valueReference?.reference);
    expect(risks).toHaveLength(base.ranking.options.length);
  });

  it('writes one RiskAssessment per option with probability, interval and horizon', () => {
    const risks = of<RiskAssessment>(bundle, 'RiskAssessment');
    expect(risks.map((r) => r.identifier?.[0]?.value)).toEqual(base.ranking.options.map((o) => `${DECISION}-risk-${o.drug}`));
    risks.forEach((r, k) => {
      const o = base.ranking.options[k];
      expect(r.status).toBe('final');
      expect(r.prediction?.[0]?.probabilityDecimal).toBe(o?.probability);
      expect(r.prediction?.[0]?.rationale).toContain('90% interval');
      expect(r.prediction?.[0]?.whenRange).toEqual(horizonRange(base.ranking.spec.outputs.horizon));
      expect((r.basis ?? []).length).toBeGreaterThan(0);
    });
  });

  it('writes one DetectedIssue per flag, severity mapped, mitigation empty', () => {
    const issues = of<DetectedIssue>(bundle, 'DetectedIssue');
    expect(issues).toHaveLength(flags.length);
    issues.forEach((d, k) => {
      const f = flags[k];
      expect(d.code?.coding?.[0]?.code).toBe(f?.ruleId);
      expect(d.severity).toBe(f ? issueSeverity(f.severity) : undefined);
      expect(d.detail).toContain(f?.text ?? '?');
      expect(d.mitigation).toEqual([]);
      expect(d.patient?.reference).toBe('Patient/cd-us-001');
    });
  });

  it('writes a Provenance over every resource, authored by the user, assembled by the app', () => {
    const [p] = of<Provenance>(bundle, 'Provenance');
    const others = (bundle.entry ?? []).filter((e) => e.resource?.resourceType !== 'Provenance').map((e) => e.fullUrl);
    expect(p?.target.map((t) => t.reference)).toEqual([...others, 'Patient/cd-us-001']);
    expect(p?.recorded).toBe(NOW.toISOString());
    expect(p?.agent.map((a) => a.type?.coding?.[0]?.code)).toEqual(['author', 'assembler']);
    expect(p?.agent[1]?.who?.identifier?.value).toBe('Therapy Navigator@0.1.0');
    expect((p?.entity ?? []).every((e) => e.role === 'source')).toBe(true);
  });

  it('names the author: the user name read from fhirUser goes into Reference.display of author and performers', () => {
    const named = buildDecisionTransaction(input({ userName: 'Dr. Dana Demo' }));
    const [p] = of<Provenance>(named, 'Provenance');
    expect(p?.agent[0]?.who).toEqual({ reference: 'Practitioner/pract-demo', display: 'Dr. Dana Demo' });
    expect(of<GuidanceResponse>(named, 'GuidanceResponse')[0]?.performer).toEqual({ reference: 'Practitioner/pract-demo', display: 'Dr. Dana Demo' });
    expect(of<RiskAssessment>(named, 'RiskAssessment').every((r) => r.performer?.display === 'Dr. Dana Demo')).toBe(true);
    // Without a readable name the reference stands alone; without fhirUser the author says so.
    expect(of<Provenance>(bundle, 'Provenance')[0]?.agent[0]?.who).toEqual({ reference: 'Practitioner/pract-demo' });
    const anonymous = buildDecisionTransaction(input({ user: null, userName: 'ignored without a reference' }));
    expect(of<Provenance>(anonymous, 'Provenance')[0]?.agent[0]?.who).toEqual({ display: 'user not named by the EHR (no fhirUser claim)' });
  });

  it('is deterministic for the same decision id and differs for another', () => {
    expect(buildDecisionTransaction(input())).toEqual(bundle);
    const other = buildDecisionTransaction(input({ decisionId: 'other' }));
    expect(other.entry?.[0]?.fullUrl).not.toBe(bundle.entry?.[0]?.fullUrl);
    expect(entryUuid(DECISION, 'x')).toBe(entryUuid(DECISION, 'x'));
  });
});

describe('the reason rule and refusals', () => {
  const second = base.ranking.options[1]?.drug ?? '';
  it.each([
    { name: 'another option without a reason', over: { chosenDrug: second }, code: 'reason-required' },
    { name: 'another option with a blank reason', over: { chosenDrug: second, reason: '   ' }, code: 'reason-required' },
    { name: 'an option not in the ranking', over: { chosenDrug: 'aspirin' }, code: 'unknown-option' },
    { name: 'a hypothetical (what-if) ranking', over: { ranking: { ...base.ranking, overridden: ['age_years'] } }, code: 'hypothetical' },
    { name: 'an empty ranking', over: { ranking: { ...base.ranking, options: [] } }, code: 'no-options' },
  ])('refuses $name', ({ over, code }) => {
    expect(() => buildDecisionTransaction(input(over))).toThrow(expect.objectContaining({ name: 'DecisionRecordError', code }));
  });

  it('records the reason when another option is chosen', () => {
    const b = buildDecisionTransaction(input({ chosenDrug: second, reason: 'patient prefers oral therapy' }));
    const [g] = of<GuidanceResponse>(b, 'GuidanceResponse');
    expect(g?.note?.[0]?.text).toBe(
      `Chosen: ${second} (rank 2) instead of the first-ranked ${base.ranking.options[0]?.drug}. Reason: patient prefers oral therapy`,
    );
  });

  it('names the performer in words when the EHR sent no fhirUser', () => {
    const b = buildDecisionTransaction(input({ user: null }));
    const [p] = of<Provenance>(b, 'Provenance');
    expect(p?.agent[0]?.who?.reference).toBeUndefined();
    expect(p?.agent[0]?.who?.display).toMatch(/fhirUser/);
  });
});

describe('horizonRange and issueSeverity', () => {
  it.each([
    ['end of induction, weeks 4-12', { low: 4, high: 12, code: 'wk' }],
    ['weeks 12-24', { low: 12, high: 24, code: 'wk' }],
    ['2 years', { low: undefined, high: 2, code: 'a' }],
  ])('parses "%s"', (text, want) => {
    const r = horizonRange(text);
    expect(r?.low?.value).toBe(want.low);
    expect(r?.high?.value).toBe(want.high);
    expect(r?.high?.code).toBe(want.code);
  });
  it('returns nothing for an unparseable horizon', () => expect(horizonRange('at some point')).toBeUndefined());
  it.each([
    ['contraindicated', 'high'],
    ['only-if-no-alternative', 'high'],
    ['treat-before-start', 'moderate'],
    ['caution', 'moderate'],
    ['screen-before-start', 'low'],
  ] as const)('maps %s to %s', (s, want) => expect(issueSeverity(s)).toBe(want));
});
