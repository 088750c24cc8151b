// The launch context checked against the record (demo records cd-us-001 and ra-de-002): the record
// decides, the context only opens what the record supports, and everything else is a note.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Condition, MedicationRequest, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { detectIndicationsDetailed } from '@src/extract/indications.ts';
import { drugByName, readContextResources, resolveLaunchFocus } from '@src/pipeline/launchFocus.ts';
import { readLaunchContext, type LaunchContextRequest } from '@src/smart/launchContext.ts';

const NOW = new Date('2026-11-15T12:00:00Z');

function load(file: string): Resource[] {
  const bundle = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'sandbox', 'fixtures', file), 'utf8')) as Bundle;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

function request(token: Record<string, unknown>): LaunchContextRequest {
  const r = readLaunchContext(token);
  if (!r) throw new Error('no launch context');
  return r;
}

function focus(resources: Resource[], token: Record<string, unknown>, options: { foreign?: string[]; confirmed?: string[] } = {}) {
  return resolveLaunchFocus(request(token), {
    resources,
    foreignRefs: new Set(options.foreign ?? []),
    findings: detectIndicationsDetailed(resources, NOW, options.confirmed ?? []).findings,
  });
}

const codes = (f: { notes: Array<{ code: string }> }) => f.notes.map((n) => n.code);
const cd = load('cd-us-001.json');

/**
 * cd-us-001 with its Crohn's diagnosis changed by `edit`, without the anaemia Condition ("Iron deficiency
 * anemia secondary to Crohn disease", which the text fallback reads as a second, active Crohn's finding).
 */
function withCrohn(edit: (c: Condition) => Condition): Resource[] {
  return cd
    .filter((r) => r.id !== 'cd-us-001-dx-ida')
    .map((r) => (r.resourceType === 'Condition' && r.id === 'cd-us-001-dx-crohn' ? edit(structuredClone(r) as Condition) : r));
}

describe('appContext', () => {
  it('an indication the record holds opens on it; a drug by INN or catalogue key opens its row', () => {
    expect(focus(cd, { appContext: '{"indication":"cd","drug":"Adalimumab"}' })).toEqual({ indication: 'CD', drug: 'adalimumab', notes: [] });
    expect(drugByName('certolizumab_pegol')).toBe('certolizumab pegol');
    expect(drugByName('CERTOLIZUMAB PEGOL')).toBe('certolizumab pegol');
    expect(drugByName('rinvoq')).toBeUndefined();
  });

  it('an indication the record does not hold (UC is recorded as refuted here) never picks a model', () => {
    const f = focus(cd, { appContext: '{"indication":"UC"}' });
    expect(f.indication).toBeUndefined();
    expect(f.notes).toEqual([{ code: 'indication-not-in-record', indication: 'UC' }]);
  });

  it('an indication the app does not rank and an unknown drug are named and ignored', () => {
    const f = focus(cd, { appContext: '{"indication":"psoriasis","drug":"aspirin-xyz"}' });
    expect(f).toEqual({
      notes: [
        { code: 'unknown-indication', raw: 'psoriasis' },
        { code: 'unknown-drug', raw: 'aspirin-xyz' },
      ],
    });
  });

  it('malformed JSON is a note, nothing else', () => {
    expect(focus(cd, { appContext: '{"drug": upadacitinib}' })).toEqual({ notes: [{ code: 'app-context-malformed' }] });
  });

  it('a suspected diagnosis needs the clinician’s confirmation first (certainty.ts)', () => {
    const suspected = withCrohn((c) => ({
      ...c,
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'provisional' }] },
    }));
    const before = focus(suspected, { appContext: '{"indication":"CD"}' });
    expect(before.indication).toBeUndefined();
    expect(before.notes).toEqual([{ code: 'indication-suspected', indication: 'CD' }]);
    expect(focus(suspected, { appContext: '{"indication":"CD"}' }, { confirmed: ['Condition/cd-us-001-dx-crohn'] })).toEqual({ indication: 'CD', notes: [] });
  });

  it('a diagnosis recorded as resolved does not open', () => {
    const resolved = withCrohn((c) => ({
      ...c,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
    }));
    expect(codes(focus(resolved, { appContext: '{"indication":"CD"}' }))).toEqual(['indication-inactive']);
  });
});

describe('fhirContext', () => {
  it('the Crohn’s Condition opens on CD; the refuted UC Condition and a heart failure Condition are named, not followed', () => {
    expect(focus(cd, { fhirContext: [{ reference: 'Condition/cd-us-001-dx-crohn' }] })).toEqual({ indication: 'CD', notes: [] });
    expect(focus(cd, { fhirContext: [{ reference: 'Condition/cd-us-001-dx-uc-refuted' }] }).notes).toEqual([
      { code: 'condition-excluded', ref: 'Condition/cd-us-001-dx-uc-refuted' },
    ]);
    expect(focus(load('ra-de-002.json'), { fhirContext: [{ reference: 'Condition/ra-de-002-dx-herzinsuffizienz' }] })).toEqual({
      notes: [{ code: 'condition-not-indication', ref: 'Condition/ra-de-002-dx-herzinsuffizienz' }],
    });
  });

  it('a MedicationRequest opens its drug (product text: Humira auto-injector -> adalimumab)', () => {
    expect(focus(cd, { fhirContext: [{ reference: 'MedicationRequest/cd-us-001-mr-ada-2019-05' }] })).toEqual({ drug: 'adalimumab', notes: [] });
  });

  it('a MedicationStatement with a referenced Medication (ra-de-002, German record) opens its drug', () => {
    expect(focus(load('ra-de-002.json'), { fhirContext: [{ reference: 'MedicationStatement/ra-de-002-ms-etanercept' }] }).drug).toBe('etanercept');
  });

  it('by identifier (SMART 2.1+): found among the resources of that type', () => {
    const withId = cd.map((r) =>
      r.id === 'cd-us-001-mr-ust-2026-03' ? ({ ...r, identifier: [{ system: 'urn:oid:1.2.276.0.1', value: 'RX-9' }] } as MedicationRequest) : r,
    );
    const token = { fhirContext: [{ type: 'MedicationRequest', identifier: { system: 'urn:oid:1.2.276.0.1', value: 'RX-9' } }] };
    expect(focus(withId, token).drug).toBe('ustekinumab');
    expect(focus(cd, token).notes).toEqual([{ code: 'not-in-record', ref: 'MedicationRequest urn:oid:1.2.276.0.1|RX-9' }]);
  });

  it('another patient’s resource and one not in the record are named and ignored', () => {
    const f = focus(
      cd,
      { fhirContext: [{ reference: 'MedicationRequest/other-1' }, { reference: 'MedicationRequest/missing' }] },
      { foreign: ['MedicationRequest/other-1'] },
    );
    expect(f).toEqual({
      notes: [
        { code: 'other-patient', ref: 'MedicationRequest/other-1' },
        { code: 'not-in-record', ref: 'MedicationRequest/missing' },
      ],
    });
  });

  it('the record’s context comes first: a second, different drug or indication is a conflict', () => {
    const f = focus(cd, {
      fhirContext: [{ reference: 'MedicationRequest/cd-us-001-mr-ada-2019-05' }, { reference: 'Condition/cd-us-001-dx-crohn' }],
      appContext: '{"drug":"upadacitinib","indication":"CD"}',
    });
    expect(f).toEqual({ indication: 'CD', drug: 'adalimumab', notes: [{ code: 'conflict', raw: 'upadacitinib' }] });
  });
});

describe('readContextResources', () => {
  const own: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: 'draft-1',
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/cd-us-001' },
    medicationCodeableConcept: { text: 'Rinvoq 45 mg' },
  };
  const other: MedicationRequest = { ...own, id: 'other-1', subject: { reference: 'Patient/someone-else' } };
  const answers: Record<string, Resource> = { 'MedicationRequest/draft-1': own, 'MedicationRequest/other-1': other, 'MedicationRequest/swapped': own };
  const reads: string[] = [];
  const session = {
    patientId: 'cd-us-001',
    read: <T extends Resource>(ref: string): Promise<T> => {
      reads.push(ref);
      const r = answers[ref];
      return r ? Promise.resolve(r as T) : Promise.reject(new Error('404'));
    },
  };

  it('reads only what the record lacks; keeps the patient’s own, names another patient’s, ignores failures and wrong answers', async () => {
    const req = request({
      fhirContext: [
        { reference: 'MedicationRequest/draft-1' },
        { reference: 'MedicationRequest/other-1' },
        { reference: 'MedicationRequest/gone' },
        { reference: 'MedicationRequest/swapped' },
        { reference: 'MedicationRequest/cd-us-001-mr-ada-2019-05' },
      ],
    });
    const extra = await readContextResources(session, req, { resources: cd, foreignRefs: new Set() });
    expect(reads.sort()).toEqual(['MedicationRequest/draft-1', 'MedicationRequest/gone', 'MedicationRequest/other-1', 'MedicationRequest/swapped']);
    expect(extra.kept.map((r) => r.id)).toEqual(['draft-1']);
    expect(extra.foreignRefs).toEqual(['MedicationRequest/other-1']);
    // The draft order (not returned by the record's searches) opens its drug; the other patient's is named.
    const f = resolveLaunchFocus(req, {
      resources: [...cd, ...extra.kept],
      foreignRefs: new Set(extra.foreignRefs),
      findings: detectIndicationsDetailed(cd, NOW).findings,
    });
    expect(f.drug).toBe('upadacitinib');
    expect(codes(f)).toEqual(['other-patient', 'not-in-record', 'not-in-record', 'conflict']);
  });
});
