// @vitest-environment jsdom
// The token response's fhirContext (SMART App Launch 2.0 / 2.1+ shapes) and appContext, read defensively.
import type Client from 'fhirclient/lib/Client';
import { describe, expect, it } from 'vitest';
import { readAppContext, readFhirContext, readLaunchContext } from '@src/smart/launchContext.ts';
import { createFhirSession } from '@src/smart/session.ts';

describe('fhirContext', () => {
  it('2.0: objects with a relative reference; the types the app opens on become targets', () => {
    const r = readFhirContext([{ reference: 'MedicationRequest/mr-1' }, { reference: 'Condition/c-1' }]);
    expect(r.targets).toEqual([
      { kind: 'resource', resourceType: 'MedicationRequest', reference: 'MedicationRequest/mr-1', from: 'fhirContext' },
      { kind: 'resource', resourceType: 'Condition', reference: 'Condition/c-1', from: 'fhirContext' },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('a versioned reference is read as the resource itself', () => {
    expect(readFhirContext([{ reference: 'MedicationStatement/ms-1/_history/3' }]).targets[0]).toMatchObject({ reference: 'MedicationStatement/ms-1' });
  });

  it('2.1+: an identifier with a type is a target; with role "launch" too; a canonical or another role is not for the app', () => {
    const r = readFhirContext([
      { type: 'MedicationRequest', identifier: { system: 'urn:oid:1.2.3', value: ' RX-77 ' }, role: 'launch' },
      { type: 'Questionnaire', canonical: 'https://example.org/Questionnaire/q|1' },
      { reference: 'List/l-1', role: 'https://example.org/med-list-at-home' },
      { reference: 'MedicationRequest/mr-2', role: 'https://example.org/other' },
      { reference: 'Appointment/a-1' },
      { identifier: { value: 'X' } },
    ]);
    expect(r.targets).toEqual([
      { kind: 'resource', resourceType: 'MedicationRequest', identifier: { system: 'urn:oid:1.2.3', value: 'RX-77' }, from: 'fhirContext' },
    ]);
    expect(r.unused).toBe(5);
    expect(r.problems).toEqual([]);
  });

  it('pre-2.0 drafts: a plain string is read as a reference', () => {
    expect(readFhirContext(['Condition/c-9']).targets).toEqual([
      { kind: 'resource', resourceType: 'Condition', reference: 'Condition/c-9', from: 'fhirContext' },
    ]);
  });

  it.each([
    ['not an array', { reference: 'Condition/1' }, /not an array/],
    ['an item that is not an object', [42], /not an object/],
    ['none of reference, canonical, identifier', [{ type: 'Condition' }], /none of reference/],
    ['an empty role', [{ reference: 'Condition/1', role: '' }], /role is empty/],
    ['an absolute reference', [{ reference: 'https://other.example/fhir/Condition/1' }], /not a relative reference/],
    ['a reference with a query', [{ reference: 'Condition?patient=1' }], /not a relative reference/],
    ['a type that contradicts the reference', [{ reference: 'Condition/1', type: 'MedicationRequest' }], /contradicts/],
    ['an identifier without a value', [{ type: 'Condition', identifier: { system: 'urn:x' } }], /identifier without a value/],
    ['a canonical that is not a string', [{ canonical: 5 }], /canonical is not a string/],
  ])('malformed: %s', (_what, value, detail) => {
    const r = readFhirContext(value);
    expect(r.targets).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'fhir-context-malformed', detail: expect.stringMatching(detail) });
  });

  it('a malformed item does not hide the good ones', () => {
    const r = readFhirContext([{ reference: 'bad ref' }, { reference: 'MedicationRequest/ok' }]);
    expect(r.targets.map((t) => t.kind === 'resource' && t.reference)).toEqual(['MedicationRequest/ok']);
    expect(r.problems).toHaveLength(1);
  });

  it('absent or null is nothing, not a problem', () => {
    expect(readFhirContext(undefined)).toEqual({ targets: [], problems: [], unused: 0 });
    expect(readFhirContext(null)).toEqual({ targets: [], problems: [], unused: 0 });
  });
});

describe('appContext', () => {
  it('a JSON string with indication and drug', () => {
    expect(readAppContext('{"indication":"RA","drug":"upadacitinib","note":"ignored"}').targets).toEqual([
      { kind: 'indication', value: 'RA', from: 'appContext' },
      { kind: 'drug', value: 'upadacitinib', from: 'appContext' },
    ]);
  });

  it('an object sent unquoted is read the same way', () => {
    expect(readAppContext({ drug: ' vedolizumab ' }).targets).toEqual([{ kind: 'drug', value: 'vedolizumab', from: 'appContext' }]);
  });

  it('empty is nothing', () => {
    expect(readAppContext('')).toEqual({ targets: [], problems: [], unused: 0 });
    expect(readAppContext(undefined)).toEqual({ targets: [], problems: [], unused: 0 });
  });

  it.each([
    ['not JSON', 'drug=upadacitinib', /not JSON/],
    ['a JSON array', '["RA"]', /not a JSON object/],
    ['a JSON string', '"RA"', /not a JSON object/],
    ['a number', 42, /not a JSON object/],
    ['neither key', '{"patient":"p1"}', /neither an indication nor a drug/],
    ['a drug that is not a string', '{"drug":["a","b"]}', /appContext.drug/],
    ['an empty indication', '{"indication":"  "}', /appContext.indication/],
    ['a value too long', JSON.stringify({ drug: 'x'.repeat(101) }), /appContext.drug/],
    ['a string too long', JSON.stringify({ drug: 'upadacitinib', pad: 'x'.repeat(5000) }), /longer than/],
  ])('malformed: %s', (_what, value, detail) => {
    const r = readAppContext(value);
    expect(r.targets).toEqual([]);
    expect(r.problems).toEqual([{ code: 'app-context-malformed', detail: expect.stringMatching(detail) }]);
  });
});

function client(tokenResponse: Record<string, unknown>): Client {
  const state = { serverUrl: 'https://fhir.example.org/r4', tokenResponse: { access_token: 'at', scope: 'patient/*.rs', ...tokenResponse } };
  return { patient: { id: 'p1' }, user: { fhirUser: 'Practitioner/1' }, state, getAuthorizationHeader: () => 'Bearer at' } as unknown as Client;
}

describe('readLaunchContext and the session', () => {
  it('fhirContext targets come before appContext targets', () => {
    const r = readLaunchContext({ appContext: '{"drug":"upadacitinib"}', fhirContext: [{ reference: 'Condition/c1' }] });
    expect(r?.targets.map((t) => t.from)).toEqual(['fhirContext', 'appContext']);
  });

  it('a launch without either (or with only context the app does not use) has no launch context', () => {
    expect(readLaunchContext({ access_token: 'x', patient: 'p1' })).toBeUndefined();
    expect(readLaunchContext({ fhirContext: [{ reference: 'Appointment/1' }] })).toBeUndefined();
    expect(readLaunchContext('not an object')).toBeUndefined();
  });

  it('reaches the session; malformed parts are kept as problems', () => {
    const session = createFhirSession(client({ appContext: '{oops', fhirContext: [{ reference: 'MedicationRequest/mr-1' }] }));
    expect(session.launchContext?.targets).toHaveLength(1);
    expect(session.launchContext?.problems.map((p) => p.code)).toEqual(['app-context-malformed']);
    expect(createFhirSession(client({})).launchContext).toBeUndefined();
  });
});
