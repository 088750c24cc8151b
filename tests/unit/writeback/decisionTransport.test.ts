// The decision record in the form the EHR accepts (issue 14, item 6): transaction, else batch, else single
// conditional creates; a partial batch reported entry by entry; a lost answer resent without a duplicate;
// without a CapabilityStatement, a refusal "not supported" moves on to the next form.
import type { DocumentReference, Provenance } from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unavailableCapabilities } from '@src/smart/capabilities.ts';
import { DECISION_RESOURCE_TYPES, planDecisionWrite, type DecisionPlan } from '@src/writeback/decisionRecord.ts';
import { draftDecision, sendDecision, type PendingDecision } from '@src/writeback/sendDecision.ts';
import { NOW, demoRanking } from '../../support/decisionFixtures.ts';
import { capsOf, fakeEhr, type FakeEhr } from '../../support/fakeEhr.ts';

const { record, ranking } = demoRanking('cd-us-001.json');
const flags = ranking.options.flatMap((o) => o.flags).length;

const caps = capsOf;
const ALL = [...DECISION_RESOURCE_TYPES];
const everything = () => true;

function pending(plan: DecisionPlan, encounterRef?: string): PendingDecision {
  return draftDecision(
    {
      ranking,
      record,
      chosenDrug: ranking.options[0]?.drug ?? '',
      user: 'Practitioner/pract-demo',
      patientRef: 'Patient/cd-us-001',
      now: NOW,
      readPlan: 'metadata read; MedicationStatement not offered, MedicationRequest used',
      ...(encounterRef ? { encounterRef } : {}),
    },
    plan,
    (id) => ({ text: `Zusammenfassung ${id}: Übelkeit`, language: 'de', title: 'Therapy Navigator: Entscheidung' }),
  );
}

const ofType = (ehr: FakeEhr, type: string) => [...ehr.stored.values()].filter((r) => r.resourceType === type);
const structuredCount = 1 + ranking.options.length + flags;

describe('planDecisionWrite: what the CapabilityStatement and the scopes allow', () => {
  it('a full server: everything, in one transaction', () => {
    const plan = planDecisionWrite(caps(ALL, ['transaction', 'batch']), everything);
    expect(plan).toMatchObject({ types: ALL, omitted: [], transports: ['transaction'], source: 'metadata' });
  });
  it('a statement without transaction: batch', () => {
    expect(planDecisionWrite(caps(ALL, ['batch']), everything).transports).toEqual(['batch']);
  });
  it('a statement with neither: single creates', () => {
    expect(planDecisionWrite(caps(ALL, []), everything).transports).toEqual(['single']);
  });
  it('a statement without GuidanceResponse, RiskAssessment, DetectedIssue (Oracle-like): the document and the Provenance', () => {
    const plan = planDecisionWrite(caps(['DocumentReference', 'Provenance'], ['batch']), everything);
    expect(plan.types).toEqual(['DocumentReference', 'Provenance']);
    expect(plan.omitted).toEqual([
      { type: 'GuidanceResponse', why: 'not-offered' },
      { type: 'RiskAssessment', why: 'not-offered' },
      { type: 'DetectedIssue', why: 'not-offered' },
    ]);
  });
  it('no statement at all: every type, and all three forms in order', () => {
    const plan = planDecisionWrite(unavailableCapabilities('HTTP 404'), everything);
    expect(plan).toMatchObject({ types: ALL, transports: ['transaction', 'batch', 'single'], source: 'unavailable' });
  });
  it('a type the scopes do not allow is not written, and said so', () => {
    const plan = planDecisionWrite(caps(ALL, ['transaction']), (t) => t !== 'RiskAssessment');
    expect(plan.types).not.toContain('RiskAssessment');
    expect(plan.omitted).toEqual([{ type: 'RiskAssessment', why: 'not-allowed' }]);
  });
});

describe('sending the record', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('transaction: one request, every resource confirmed, the document stored, references resolved', async () => {
    const ehr = fakeEhr();
    const p = pending(planDecisionWrite(caps(ALL, ['transaction', 'batch']), everything));
    const outcome = await sendDecision(ehr, p, () => undefined);
    expect(outcome).toMatchObject({ kind: 'saved', form: 'transaction', refused: [] });
    expect(ehr.calls).toEqual(['transaction']);
    expect(outcome.kind === 'saved' && outcome.items).toHaveLength(structuredCount + 2);
    expect(ofType(ehr, 'DocumentReference')).toHaveLength(1);
    const [prov] = ofType(ehr, 'Provenance') as Provenance[];
    expect(prov?.target.every((t) => /^[A-Z][A-Za-z]+\/[\w-]+$/.test(t.reference ?? ''))).toBe(true);
  });

  it('batch: the targets first with identifier links, then the Provenance over their real ids', async () => {
    const ehr = fakeEhr({ transaction: false });
    const p = pending(planDecisionWrite(caps(ALL, ['batch']), everything));
    const outcome = await sendDecision(ehr, p, () => undefined);
    expect(outcome).toMatchObject({ kind: 'saved', form: 'batch' });
    expect(ehr.calls).toEqual(['batch', 'batch']);
    const [prov] = ofType(ehr, 'Provenance') as Provenance[];
    const targets = (prov?.target ?? []).map((t) => t.reference);
    // Every resource written, by the id the server gave it, and the patient.
    expect(targets.filter((t) => t !== 'Patient/cd-us-001')).toEqual(
      expect.arrayContaining([...ehr.stored.keys()].filter((k) => !k.startsWith('Provenance/'))),
    );
    expect(targets).toHaveLength(ehr.stored.size);
    expect(prov?.extension?.[0]?.valueString).toMatch(/MedicationStatement not offered/);
  });

  it('batch with a partial failure: reported entry by entry, never "saved", no Provenance; a retry completes it without duplicates', async () => {
    const ehr = fakeEhr({ transaction: false, refuseTypes: ['DetectedIssue'] });
    const p = pending(planDecisionWrite(caps(ALL, ['batch']), everything));
    const first = await sendDecision(ehr, p, () => undefined);
    expect(first.kind).toBe('partial');
    const states = (first.entries ?? []).map((e) => [e.resourceType, e.state]);
    expect(states.filter(([, s]) => s === 'failed')).toHaveLength(flags);
    expect(states.filter(([t]) => t === 'DetectedIssue').every(([, s]) => s === 'failed')).toBe(true);
    expect(states.filter(([t]) => t !== 'DetectedIssue').every(([, s]) => s === 'created')).toBe(true);
    expect(ofType(ehr, 'Provenance')).toHaveLength(0);
    expect(ehr.calls).toEqual(['batch']);

    ehr.options.refuseTypes = [];
    const second = await sendDecision(ehr, p, () => undefined);
    expect(second.kind).toBe('saved');
    const created = (second.entries ?? []).filter((e) => e.state === 'created').map((e) => e.resourceType);
    expect(created.sort()).toEqual([...Array<string>(flags).fill('DetectedIssue'), 'Provenance'].sort());
    expect(ehr.stored.size).toBe(structuredCount + 2);
  });

  it('batch: a lost answer to the Provenance is resent by itself; the refused entries name the OperationOutcome code', async () => {
    const ehr = fakeEhr({ transaction: false });
    const p = pending(planDecisionWrite(caps(ALL, ['batch']), everything));
    let batches = 0;
    ehr.loseAnswer((label) => label === 'batch' && ++batches === 2);
    const result = sendDecision(ehr, p, () => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toMatchObject({ kind: 'saved', form: 'batch' });
    expect(ehr.calls).toEqual(['batch', 'batch', 'batch', 'batch']);
    expect(ofType(ehr, 'Provenance')).toHaveLength(1);

    const refusing = fakeEhr({ transaction: false, refuseTypes: ['DocumentReference'] });
    const partial = await sendDecision(refusing, pending(planDecisionWrite(caps(ALL, ['batch']), everything)), () => undefined);
    expect(partial.entries?.find((e) => e.resourceType === 'DocumentReference')).toMatchObject({
      state: 'failed',
      detail: 'HTTP 400; OperationOutcome: not-supported',
    });
  });

  it('single creates: a lost answer is resent and nothing is duplicated', async () => {
    const ehr = fakeEhr({ transaction: false, batch: false });
    const p = pending(planDecisionWrite(caps(ALL, []), everything));
    ehr.loseAnswer((label) => label === 'create DocumentReference');
    const attempts: number[] = [];
    const result = sendDecision(ehr, p, (n) => attempts.push(n));
    await vi.advanceTimersByTimeAsync(1000);
    const outcome = await result;
    expect(outcome).toMatchObject({ kind: 'saved', form: 'single' });
    expect(attempts).toEqual([1, 2]);
    expect(ehr.stored.size).toBe(structuredCount + 2);
    expect(ofType(ehr, 'DocumentReference')).toHaveLength(1);
    // The second send found every target saved by the first (200), then wrote the Provenance.
    const states = (outcome.entries ?? []).map((e) => e.state);
    expect(states.filter((s) => s === 'existing')).toHaveLength(structuredCount + 1);
    expect(outcome.entries?.at(-1)).toMatchObject({ resourceType: 'Provenance', state: 'created' });
  });

  it('single creates: a resend after the answer to the whole record was lost cannot duplicate', async () => {
    const ehr = fakeEhr({ transaction: false, batch: false });
    const p = pending(planDecisionWrite(caps(ALL, []), everything));
    await sendDecision(ehr, p, () => undefined);
    const size = ehr.stored.size;
    const again = await sendDecision(ehr, p, () => undefined);
    expect(again.kind).toBe('saved');
    expect(ehr.stored.size).toBe(size);
    expect((again.entries ?? []).every((e) => e.state === 'existing')).toBe(true);
  });

  it('no CapabilityStatement: a transaction refused as not supported falls back to batch, and says so', async () => {
    const ehr = fakeEhr({ transaction: false, unsupportedStatus: 400 });
    const p = pending(planDecisionWrite(unavailableCapabilities('HTTP 404'), everything));
    const outcome = await sendDecision(ehr, p, () => undefined);
    expect(outcome).toMatchObject({ kind: 'saved', form: 'batch', refused: ['transaction'] });
    expect(ehr.calls).toEqual(['transaction', 'batch', 'batch']);
    // The form is kept for the resends.
    await sendDecision(ehr, p, () => undefined);
    expect(ehr.calls.slice(3)).toEqual(['batch', 'batch']);
  });

  it('no CapabilityStatement: transaction and batch refused (405), single creates used', async () => {
    const ehr = fakeEhr({ transaction: false, batch: false, unsupportedStatus: 405 });
    const p = pending(planDecisionWrite(unavailableCapabilities('HTTP 404'), everything));
    const outcome = await sendDecision(ehr, p, () => undefined);
    expect(outcome).toMatchObject({ kind: 'saved', form: 'single', refused: ['transaction', 'batch'] });
    expect(ehr.stored.size).toBe(structuredCount + 2);
  });

  it('a refusal that is not "not supported" does not switch forms: nothing saved, said so', async () => {
    const ehr = fakeEhr({ refuseTypes: ['RiskAssessment'], refusalCode: 'invalid' });
    const p = pending(planDecisionWrite(unavailableCapabilities('HTTP 404'), everything));
    const outcome = await sendDecision(ehr, p, () => undefined);
    expect(outcome).toMatchObject({ kind: 'not-saved', status: 400, form: 'transaction', refused: [] });
    expect(ehr.calls).toEqual(['transaction']);
    expect(ehr.stored.size).toBe(0);
  });

  it('without a statement, a type refused as "not supported" inside a transaction reads like an unsupported transaction: the batch then names the entry', async () => {
    const ehr = fakeEhr({ refuseTypes: ['RiskAssessment'] });
    const p = pending(planDecisionWrite(unavailableCapabilities('HTTP 404'), everything));
    const outcome = await sendDecision(ehr, p, () => undefined);
    expect(outcome).toMatchObject({ kind: 'partial', form: 'batch', refused: ['transaction'] });
    expect((outcome.entries ?? []).filter((e) => e.state === 'failed').map((e) => e.resourceType)).toEqual(ranking.options.map(() => 'RiskAssessment'));
  });

  it('Oracle-like: only the document and the Provenance, in a batch; the encounter carried', async () => {
    const ehr = fakeEhr({ transaction: false });
    const p = pending(planDecisionWrite(caps(['DocumentReference', 'Provenance'], ['batch']), everything), 'Encounter/enc-7');
    const outcome = await sendDecision(ehr, p, () => undefined);
    expect(outcome).toMatchObject({ kind: 'saved', form: 'batch' });
    expect([...ehr.stored.values()].map((r) => r.resourceType).sort()).toEqual(['DocumentReference', 'Provenance']);
    const [doc] = ofType(ehr, 'DocumentReference') as DocumentReference[];
    expect(doc?.context?.encounter).toEqual([{ reference: 'Encounter/enc-7' }]);
  });
});
