// @vitest-environment jsdom
/**
 * The read plan against the demo EHR's own CapabilityStatement (issue 14, item 1): the full server offers every
 * type, parameter and include the app reads, so the plan is the fixed plan, read in one wave, with the
 * metadata as one extra request (read together with the Patient; once per server and page).
 */
import { describe, expect, it } from 'vitest';
import { buildQueryPlan } from '@src/extract/queries.ts';
import { readPatientRecord } from '@src/pipeline/index.ts';
import { clearCapabilitiesCache } from '@src/smart/capabilities.ts';
import { createFhirSession } from '@src/smart/session.ts';
import { authorizedClient } from '../../support/sandboxClient';

const NOW = new Date('2026-11-15T12:00:00Z');
const SCOPE = 'launch/patient patient/*.rs';

describe('readPatientRecord on the full demo EHR', () => {
  it('reads /metadata once, with the Patient, and runs the fixed plan in one wave (Medications included)', { timeout: 120_000 }, async () => {
    clearCapabilitiesCache();
    // uc-de-001 names its drugs by Medication references: with the include listed, no follow-up wave.
    const session = createFhirSession(await authorizedClient('uc-de-001', SCOPE));
    const record = await readPatientRecord(session, { now: NOW });
    expect(record.plan).toMatchObject({ capabilities: 'metadata', skipped: [], droppedParams: [], includeReplaced: [] });
    expect(record.gaps).toEqual([]);
    expect(record.failures).toEqual([]);
    expect(record.waves).toBe(1);
    const metadata = record.requests.filter((r) => r.resourceType === 'CapabilityStatement');
    expect(metadata).toHaveLength(1);
    const firstPages = record.requests.filter((r) => r.wave >= 1 && r.resourceType !== 'Patient' && !/[?&]_offset=/.test(r.url));
    expect(firstPages).toHaveLength(buildQueryPlan('uc-de-001', NOW).length);
    expect(record.resources.some((r) => r.resourceType === 'Medication')).toBe(true);

    // A second launch on the same page and server asks for the statement no more.
    const again = createFhirSession(await authorizedClient('cd-us-001', SCOPE));
    const second = await readPatientRecord(again, { now: NOW });
    expect(second.requests.filter((r) => r.resourceType === 'CapabilityStatement')).toEqual([]);
  });
});
