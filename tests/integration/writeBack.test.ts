// @vitest-environment jsdom
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Provenance } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '@contract/spec.ts';
import { prepare, type Ranking } from '@src/pipeline/index.ts';
import { buildDecisionTransaction, DECISION_ID_SYSTEM, DECISION_RESOURCE_TYPES, planDecisionWrite, type DecisionInput } from '@src/writeback/decisionRecord.ts';
import { sendDecision, type PendingDecision } from '@src/writeback/sendDecision.ts';
import { rankOptions } from '@src/rules/ranking.ts';
import { checkAll } from '@src/rules/safety/index.ts';
import { DECISION_TYPES, withWriteScopes } from '@src/smart/launch.ts';
import { createFhirSession } from '@src/smart/session.ts';
import { classifyTransactionAnswer, sendWrite } from '@src/writeback/writeOutcome.ts';
import { buildEnteredObservations, computeEnteredScores } from '@src/writeback/entered.ts';
import { buildEnteredTransaction, ENTERED_ID_SYSTEM } from '@src/writeback/enteredTransaction.ts';
import { authorizedClient, fhirFetch, mintToken } from '../support/sandboxClient';
import { capsOf } from '../support/fakeEhr.ts';

// The decision record against the real sandbox: a token with the write scopes the app requests,
// the app's own session code, and the resources counted on the server by their identifiers.

const PATIENT = 'cd-us-001';
const NOW = new Date('2026-11-15T10:00:00Z');
const root = join(import.meta.dirname, '..', '..');
const SCOPE = withWriteScopes('launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs', true);
const SEARCH_SCOPE = 'patient/*.rs';

/** The CD demo patient through the data layer and safety rules; fixed probabilities stand in for ONNX. */
function decisionInput(decisionId: string): DecisionInput {
  const fixture = JSON.parse(readFileSync(join(root, 'sandbox/fixtures/cd-us-001.json'), 'utf8')) as Bundle;
  const record = prepare(
    (fixture.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])),
    NOW,
  );
  const spec = JSON.parse(readFileSync(join(root, 'models/cd/spec.json'), 'utf8')) as ModelSpec;
  const flags = checkAll(spec.outputs.drugs, record.inputs, { now: NOW });
  const ranking: Ranking = {
    indication: 'CD',
    spec,
    modelValues: Object.fromEntries(spec.inputs.map((i) => [i.name, null])),
    encoded: { x: new Float32Array(0), missing: [] },
    excluded: [],
    overridden: [],
    options: rankOptions(
      spec.outputs.drugs.map((drug, k) => ({ drug, probability: 0.6 - k * 0.05, lower: 0.5 - k * 0.05, upper: 0.7 - k * 0.05 })),
      flags,
      null,
    ),
    currentMedicationFlags: {},
    referenceScores: [],
    timings: { encodeMs: 0, predictMs: 0, predictWorkerMs: 0, safetyMs: 0, totalMs: 0 },
  };
  const top = ranking.options[0]?.drug ?? '';
  return {
    ranking,
    record,
    chosenDrug: top,
    user: 'Practitioner/pract-demo',
    patientRef: `Patient/${PATIENT}`,
    encounterRef: 'Encounter/enc-cd-us-001',
    summary: { text: `Therapy Navigator: decision ${decisionId}\nÜbelkeit – “ok”`, language: 'de', title: 'Therapy Navigator: Entscheidung' },
    app: { name: 'Therapy Navigator', version: 'test' },
    now: NOW,
    decisionId,
  };
}

const decision = (decisionId: string): Bundle => buildDecisionTransaction(decisionInput(decisionId));

/** How many resources of each type of a decision are on the server (searched like the app would, pinned to the patient). */
async function countSaved(bundle: Bundle): Promise<number[]> {
  const { access_token } = await mintToken(PATIENT, SEARCH_SCOPE);
  const counts: number[] = [];
  for (const e of bundle.entry ?? []) {
    const type = e.resource?.resourceType ?? '';
    const link = type === 'Provenance' ? 'patient' : type === 'DetectedIssue' ? 'patient' : 'subject';
    const cond = e.request?.ifNoneExist ?? '';
    const res = await fhirFetch<Bundle>(
      `${type}?${cond.replace(/=(.*)$/, (_m, v: string) => `=${encodeURIComponent(v)}`)}&${link}=Patient/${PATIENT}&_summary=count`,
      { token: access_token },
    );
    expect(res.status).toBe(200);
    counts.push(res.body.total ?? -1);
  }
  return counts;
}

describe('decision write-back against the sandbox', () => {
  it('requests .c scopes for the decision types (v2) and .write (v1)', () => {
    for (const t of ['DocumentReference', 'GuidanceResponse', 'RiskAssessment', 'DetectedIssue', 'Provenance']) {
      expect(SCOPE.split(' ')).toContain(`patient/${t}.c`);
      expect(withWriteScopes('patient/Patient.read', true).split(' ')).toContain(`patient/${t}.write`);
    }
    expect(withWriteScopes('patient/Patient.rs', false)).toBe('patient/Patient.rs');
    expect([...DECISION_TYPES]).toEqual([...DECISION_RESOURCE_TYPES]);
  });

  it('saves one set of resources, and the same transaction posted twice still one set', async () => {
    const client = await authorizedClient(PATIENT, SCOPE);
    const session = createFhirSession(client);
    for (const t of DECISION_RESOURCE_TYPES) expect(session.canCreate(t)).toBe(true);
    const bundle = decision(randomUUID());
    const n = bundle.entry?.length ?? 0;
    expect(n).toBeGreaterThan(9);

    const firstRaw = await session.transaction(bundle);
    const first = JSON.parse(firstRaw.text) as Bundle;
    expect(classifyTransactionAnswer(n, await sendWrite(async () => firstRaw))).toMatchObject({
      kind: 'saved',
      items: Array.from({ length: n }, () => ({ created: true })),
    });
    expect(first.type).toBe('transaction-response');
    expect(first.entry?.map((e) => e.response?.status)).toEqual(Array.from({ length: n }, () => '201'));
    const secondRaw = await session.transaction(bundle);
    const second = JSON.parse(secondRaw.text) as Bundle;
    expect(classifyTransactionAnswer(n, await sendWrite(async () => secondRaw))).toMatchObject({
      kind: 'saved',
      items: Array.from({ length: n }, () => ({ created: false })),
    });
    // conditional create: the existing resource is returned (200), nothing new is created
    expect(second.entry?.map((e) => e.response?.status)).toEqual(Array.from({ length: n }, () => '200'));
    expect(second.entry?.map((e) => e.response?.location)).toEqual(first.entry?.map((e) => e.response?.location));
    expect(await countSaved(bundle)).toEqual(Array.from({ length: n }, () => 1));
  });

  it('rewrites the urn:uuid cross-references to the saved resources', async () => {
    const session = createFhirSession(await authorizedClient(PATIENT, SCOPE));
    const bundle = decision(randomUUID());
    const answer = JSON.parse((await session.transaction(bundle)).text) as Bundle;
    const entries = answer.entry ?? [];
    // the write-only token may not read back what it wrote: the bodies are dropped, the locations stay
    expect(entries.every((e) => e.resource === undefined && /^[A-Za-z]+\/[^/]+/.test(e.response?.location ?? ''))).toBe(true);
    const location = entries.at(-1)?.response?.location ?? '';
    const { access_token } = await mintToken(PATIENT, SEARCH_SCOPE);
    const provenance = await fhirFetch<Provenance>(location.replace(/\/_history\/.*$/, ''), { token: access_token });
    expect(provenance.status).toBe(200);
    const targets = provenance.body.target.map((t) => t.reference);
    const locations = entries.slice(0, -1).map((e) => e.response?.location?.replace(/\/_history\/.*$/, ''));
    expect(targets).toEqual([...locations, `Patient/${PATIENT}`]);
  });

  it('refuses a decision for another patient as a whole (403) and saves nothing', async () => {
    const session = createFhirSession(await authorizedClient(PATIENT, SCOPE), { retryPolicy: { maxRetries: 0 } });
    const bundle = decision(randomUUID());
    const last = bundle.entry?.at(-2)?.resource;
    if (last && 'subject' in last) last.subject = { reference: 'Patient/ra-de-002' };
    else if (last && 'patient' in last) last.patient = { reference: 'Patient/ra-de-002' };
    await expect(session.transaction(bundle)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    expect(classifyTransactionAnswer(bundle.entry?.length ?? 0, await sendWrite(() => session.transaction(bundle)))).toMatchObject({
      kind: 'not-saved',
      status: 403,
    });
    expect(await countSaved(bundle)).toEqual(Array.from({ length: bundle.entry?.length ?? 0 }, () => 0));
    expect(bundle.entry?.[0]?.request?.ifNoneExist).toContain(DECISION_ID_SYSTEM);
  });

  it('as a batch (a server without transaction): targets, then the Provenance over their ids; a resend creates nothing new', async () => {
    const session = createFhirSession(await authorizedClient(PATIENT, SCOPE), { retryPolicy: { maxRetries: 0, timeoutMs: 30_000 } });
    const plan = planDecisionWrite(capsOf(DECISION_RESOURCE_TYPES, ['batch']), (t) => session.canCreate(t));
    const input = decisionInput(randomUUID());
    const pending: PendingDecision = { decisionId: input.decisionId, input, plan, transport: { refused: [] }, unanswered: false };
    const first = await sendDecision(session, pending, () => undefined);
    expect(first).toMatchObject({ kind: 'saved', form: 'batch' });
    const entries = first.entries ?? [];
    expect(entries.every((e) => e.state === 'created' && e.location?.startsWith(`${e.resourceType}/`))).toBe(true);
    const again = await sendDecision(session, pending, () => undefined);
    expect(again.kind).toBe('saved');
    expect((again.entries ?? []).every((e) => e.state === 'existing')).toBe(true);
    expect((again.entries ?? []).map((e) => e.location)).toEqual(entries.map((e) => e.location));
    expect(await countSaved(decision(input.decisionId))).toEqual(Array.from({ length: entries.length }, () => 1));
    const { access_token } = await mintToken(PATIENT, SEARCH_SCOPE);
    const prov = await fhirFetch<Provenance>(entries.at(-1)?.location ?? '', { token: access_token });
    expect(prov.body.target.map((t) => t.reference)).toEqual([...entries.slice(0, -1).map((e) => e.location), `Patient/${PATIENT}`]);
    const doc = await fhirFetch<{ content: Array<{ attachment: { data: string } }>; context?: { encounter?: Array<{ reference?: string }> } }>(
      entries.find((e) => e.resourceType === 'DocumentReference')?.location ?? '',
      { token: access_token },
    );
    expect(Buffer.from(doc.body.content[0]?.attachment.data ?? '', 'base64').toString('utf8')).toBe(input.summary.text);
    expect(doc.body.context?.encounter?.[0]?.reference).toBe('Encounter/enc-cd-us-001');
  }, 90_000);

  it('clinician-entered Observations: one transaction of conditional creates, confirmed from the answer, a resend creates nothing new', async () => {
    const session = createFhirSession(await authorizedClient(PATIENT, SCOPE), { retryPolicy: { maxRetries: 0, timeoutMs: 30_000 } });
    expect(session.canCreate('Observation')).toBe(true);
    const values = { 'general-wellbeing': 1, 'abdominal-pain': 1, 'liquid-stools': 3, 'abdominal-mass': 0, complications: 0 } as const;
    const results = computeEnteredScores('CD', values, {});
    const observations = buildEnteredObservations({ indication: 'CD', values, results, patientRef: `Patient/${PATIENT}`, now: NOW });
    const saveId = randomUUID();
    const bundle = buildEnteredTransaction(observations, saveId);
    const send = () => sendWrite(() => session.transaction(bundle));
    const first = classifyTransactionAnswer(observations.length, await send());
    expect(first.kind).toBe('saved');
    expect(first.kind === 'saved' && first.items.every((i) => i.created && i.location.startsWith('Observation/'))).toBe(true);
    const again = classifyTransactionAnswer(observations.length, await send());
    expect(again.kind === 'saved' && again.items.every((i) => !i.created)).toBe(true);
    const { access_token } = await mintToken(PATIENT, SEARCH_SCOPE);
    const found = await fhirFetch<Bundle>(
      `Observation?patient=Patient/${PATIENT}&identifier=${encodeURIComponent(`${ENTERED_ID_SYSTEM}|${saveId}-1`)}&_summary=count`,
      { token: access_token },
    );
    expect(found.body.total).toBe(1);
  }, 90_000);
});
