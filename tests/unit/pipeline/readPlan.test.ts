/**
 * readPatientRecord with the plan adapted to the server (issue 14, item 1), against the in-memory scenario
 * server answering from the demo patients' records: types not offered are named gaps, not failures; a gap
 * that leaves data unread makes its inputs missing; a failed search keeps its "record incomplete" meaning.
 */
import { readFileSync } from 'node:fs';
import type { CapabilityStatement, Patient, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { resourcesFromBundle } from '@src/extract/bundle.ts';
import { buildQueryPlan } from '@src/extract/queries.ts';
import { describeReadPlan, prepare, readOutcomes, readPatientRecord } from '@src/pipeline/index.ts';
import { parseCapabilityStatement, type ServerCapabilities } from '@src/smart/capabilities.ts';
import type { FhirSession } from '@src/smart/session.ts';
import { memorySession, type MemorySession } from '../../scenarios/server.ts';
import { FULL_STATEMENT, ORACLE_LIKE_STATEMENT } from '../../support/capabilityStatements.ts';
import { NOW } from '../../support/fhir.ts';

function demo(file: string): Resource[] {
  return resourcesFromBundle(JSON.parse(readFileSync(`sandbox/fixtures/${file}`, 'utf8'))).resources;
}

function serve(file: string, statement: CapabilityStatement, failing: readonly string[] = []): MemorySession {
  const session = memorySession(demo(file), { failing });
  return { ...session, capabilities: () => Promise.resolve(parseCapabilityStatement(statement)) };
}

const withoutType = (statement: CapabilityStatement, type: string): CapabilityStatement => {
  const copy = structuredClone(statement);
  const rest = copy.rest?.[0];
  if (rest) rest.resource = rest.resource?.filter((r) => r.type !== type);
  return copy;
};

describe('readPatientRecord on a full server', () => {
  it('runs the fixed plan: no gaps, no failures, the plan reported as read from the metadata', async () => {
    const session = serve('cd-us-001.json', FULL_STATEMENT);
    const record = await readPatientRecord(session, { now: NOW });
    expect(record.gaps).toEqual([]);
    expect(record.failures).toEqual([]);
    expect(record.plan).toMatchObject({ capabilities: 'metadata', skipped: [], droppedParams: [], includeReplaced: [] });
    expect(session.searches.length).toBe(buildQueryPlan('p', NOW).length);
  });
});

describe('readPatientRecord on an Oracle-like server', () => {
  it('names MedicationStatement and Medication as gaps, is not incomplete, and never asks for what is not offered', async () => {
    const session = serve('rms-fr-001.json', ORACLE_LIKE_STATEMENT);
    const record = await readPatientRecord(session, { now: NOW });
    expect(record.failures).toEqual([]);
    expect(record.gaps.map((g) => [g.resourceType, g.consequence])).toEqual([
      ['MedicationStatement', 'history-from'],
      ['Medication', 'codes-on-request'],
    ]);
    expect(session.searches.filter((s) => /^Medication(Statement)?\?/.test(s))).toEqual([]);
    expect(session.searches.some((s) => s.includes('_include'))).toBe(false);
    // The administrations are the history now: the record holds them.
    expect(record.resources.filter((r) => r.resourceType === 'MedicationAdministration').length).toBeGreaterThan(0);
    expect(describeReadPlan(record)).toMatch(/not searched: MedicationStatement \(type not offered\), Medication \(type not offered\)/);
  });

  it('a therapy history held only in medication statements: "none" is not shown as certain, it names the gap', async () => {
    const full = await readPatientRecord(serve('ra-ips-001.json', FULL_STATEMENT), { now: NOW });
    const oracle = await readPatientRecord(serve('ra-ips-001.json', ORACLE_LIKE_STATEMENT), { now: NOW });
    const before = prepare(full.resources, NOW, undefined, readOutcomes(full));
    const after = prepare(oracle.resources, NOW, undefined, readOutcomes(oracle));
    expect(before.inputs.prior_advanced_count).toMatchObject({ state: 'ok' });
    expect(before.inputs.prior_advanced_count.state === 'ok' && before.inputs.prior_advanced_count.value).toBeGreaterThan(0);
    // Without the statements the record shows no prior therapy; the value says where it comes from.
    expect(after.inputs.prior_advanced_count).toMatchObject({
      state: 'ok',
      value: 0,
      note: expect.stringMatching(/this EHR does not share medication list \(MedicationStatement\) data: the record may hold more/) as unknown,
      noteWhy: [{ key: 'may-hold-more', params: { cause: [{ key: 'type-not-shared', params: { type: { status: 'MedicationStatement' } } }] } }],
    });
    expect(after.failedSearches).toEqual([]);
  });

  it('medication entries that name their drug only by a Medication reference: the therapy history is unknown, shown as missing', async () => {
    const record = await readPatientRecord(serve('uc-de-001.json', ORACLE_LIKE_STATEMENT), { now: NOW });
    const gap = record.gaps.find((g) => g.resourceType === 'Medication');
    expect(gap).toMatchObject({ consequence: 'references-unresolved', leavesUnknown: true });
    expect(gap?.unresolved).toBeGreaterThan(0);
    const prepared = prepare(record.resources, NOW, undefined, readOutcomes(record));
    expect(prepared.inputs.prior_anti_tnf).toMatchObject({
      state: 'missing',
      reason: expect.stringMatching(/this EHR does not share medication details \(Medication\) data/) as unknown,
    });
    // A gap is not a failed search: no "search failed" problem, no failed search handed on.
    expect(prepared.failedSearches).toEqual([]);
    expect(prepared.problems.map((p) => p.message).join('\n')).not.toMatch(/search .* failed/);
  });

  it('a gap and a failure side by side: the failure stays a failure (record incomplete), the gap stays a gap', async () => {
    const record = await readPatientRecord(serve('cd-us-001.json', ORACLE_LIKE_STATEMENT, ['Procedure']), { now: NOW });
    expect(record.failures.map((f) => f.resourceType)).toEqual(['Procedure']);
    expect(record.gaps.map((g) => g.resourceType)).toEqual(['MedicationStatement', 'Medication']);
    const prepared = prepare(record.resources, NOW, undefined, readOutcomes(record));
    expect(prepared.failedSearches.map((f) => f.resourceType)).toEqual(['Procedure']);
    expect(prepared.inputs.prior_bowel_resection.state).not.toBe('ok');
  });
});

describe('a type not offered leaves its inputs missing, named as not shared (not as a failed search)', () => {
  it.each([
    ['Observation', 'crp_mg_l', /this EHR does not share laboratory\/observation \(Observation\) data/],
    ['Procedure', 'prior_bowel_resection', /this EHR does not share procedure \(Procedure\) data/],
  ] as const)('%s not offered -> %s missing', async (type, input, reason) => {
    const full = prepare(...(await readAndOutcomes(serve('cd-us-001.json', FULL_STATEMENT))));
    const record = await readPatientRecord(serve('cd-us-001.json', withoutType(FULL_STATEMENT, type)), { now: NOW });
    expect(record.failures).toEqual([]);
    expect(record.gaps).toEqual([expect.objectContaining({ resourceType: type, consequence: 'inputs-unknown', leavesUnknown: true })]);
    const prepared = prepare(record.resources, NOW, undefined, readOutcomes(record));
    expect(full.inputs[input].state).not.toBe('missing');
    expect(prepared.inputs[input]).toMatchObject({ state: 'missing', reason: expect.stringMatching(reason) as unknown });
  });
});

async function readAndOutcomes(session: FhirSession): Promise<Parameters<typeof prepare>> {
  const record = await readPatientRecord(session, { now: NOW });
  return [record.resources, NOW, undefined, readOutcomes(record)];
}

describe('the metadata and the Patient are read together, before the first search', () => {
  it('starts the Patient read before the capabilities answer, and no search before they do', async () => {
    const events: string[] = [];
    const base = memorySession(demo('cd-us-001.json'));
    const pending: Array<(caps: ServerCapabilities) => void> = [];
    const session: FhirSession = {
      ...base,
      capabilities: () => {
        events.push('metadata asked');
        return new Promise((resolve) => {
          pending.push(resolve);
        });
      },
      readPatient: () => {
        events.push('patient asked');
        return Promise.resolve(base.readPatient()).then((p: Patient) => p);
      },
      search: (type, params, wave) => {
        events.push('search');
        return base.search(type, params, wave);
      },
    };
    const reading = readPatientRecord(session, { now: NOW });
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['metadata asked', 'patient asked']);
    expect(pending).toHaveLength(1);
    pending[0]?.(parseCapabilityStatement(FULL_STATEMENT));
    const record = await reading;
    expect(events.slice(2).every((e) => e === 'search')).toBe(true);
    expect(record.gaps).toEqual([]);
  });
});

describe('a server whose /metadata does not answer', () => {
  it('does not hold the record read: after the wait, the fixed plan runs and the plan says why', async () => {
    const base = memorySession(demo('cd-us-001.json'));
    const session: MemorySession = { ...base, capabilities: () => new Promise<ServerCapabilities>(() => undefined) };
    const record = await readPatientRecord(session, { now: NOW, capabilitiesWaitMs: 50 });
    expect(record.plan).toMatchObject({ capabilities: 'unavailable', reason: 'the CapabilityStatement did not answer within 0.05 s' });
    expect(record.gaps).toEqual([]);
    expect(base.searches.length).toBe(buildQueryPlan('p', NOW).length);
  });
});
