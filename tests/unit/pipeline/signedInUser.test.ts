import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { personName, readSignedInUser, relativeUserReference } from '@src/pipeline/signedInUser.ts';
import { FhirRequestError } from '@src/smart/errors.ts';

const WEBER = {
  resourceType: 'Practitioner',
  id: 'pract-1',
  name: [
    { use: 'old', family: 'Schmidt', given: ['Anna'] },
    { use: 'official', family: 'Weber', given: ['Anna'], prefix: ['Dr.'] },
  ],
};

/** A session whose `read` answers from a table; a value that is an Error is thrown. */
function session(user: string | null, answers: Record<string, unknown>) {
  const reads: string[] = [];
  return {
    reads,
    user,
    read: <T extends Resource>(ref: string): Promise<T> => {
      reads.push(ref);
      const a = answers[ref];
      if (a instanceof Error) return Promise.reject(a);
      if (a === undefined) return Promise.reject(new FhirRequestError('not-found', 404, ref.split('/')[0] ?? '', 'gone'));
      return Promise.resolve(a as T);
    },
  };
}

describe('personName', () => {
  it.each([
    ['official name with prefix, the old name ignored', WEBER, 'Dr. Anna Weber'],
    ['suffix kept', { name: [{ family: 'Moreau', given: ['Jean', 'Luc'], suffix: ['PhD'] }] }, 'Jean Luc Moreau PhD'],
    ['text only', { name: [{ text: 'Prof. Dr. med. K. Huber' }] }, 'Prof. Dr. med. K. Huber'],
    [
      'usual before a nameless first entry',
      {
        name: [
          { use: 'nickname', text: '' },
          { use: 'usual', family: 'Rossi' },
        ],
      },
      'Rossi',
    ],
    ['a name that ended is used only when nothing else is left', { name: [{ family: 'Alt', period: { end: '2020-01-01' } }, { family: 'Neu' }] }, 'Neu'],
    ['prefix alone is no name', { name: [{ prefix: ['Dr.'] }] }, null],
    ['no name', { resourceType: 'Practitioner' }, null],
    ['wrong types are missing', { name: [{ family: 42, given: 'Anna' }] }, null],
  ])('%s', (_label, resource, expected) => {
    expect(personName(resource)).toBe(expected);
  });
});

describe('relativeUserReference', () => {
  it.each([
    ['Practitioner/pract-demo', 'Practitioner/pract-demo', 'Practitioner'],
    ['https://ehr.example/fhir/PractitionerRole/r1', 'PractitionerRole/r1', 'PractitionerRole'],
    ['https://ehr.example/fhir/Practitioner/p1/_history/3', 'Practitioner/p1', 'Practitioner'],
    ['Device/d1', 'Device/d1', null],
  ])('%s', (claim, reference, type) => {
    expect(relativeUserReference(claim)).toEqual({ reference, type });
  });
  it('something that is no reference', () => {
    expect(relativeUserReference('not a reference')).toBeNull();
  });
});

describe('readSignedInUser', () => {
  it('reads the Practitioner once and returns the name with its prefix', async () => {
    const s = session('Practitioner/pract-1', { 'Practitioner/pract-1': WEBER });
    await expect(readSignedInUser(s)).resolves.toEqual({ kind: 'named', reference: 'Practitioner/pract-1', type: 'Practitioner', name: 'Dr. Anna Weber' });
    expect(s.reads).toEqual(['Practitioner/pract-1']);
  });

  it('no fhirUser claim: nothing is read', async () => {
    const s = session(null, {});
    await expect(readSignedInUser(s)).resolves.toEqual({ kind: 'none' });
    expect(s.reads).toEqual([]);
  });

  it('a refused read (403) keeps the reference with the reason "forbidden"', async () => {
    const s = session('Practitioner/pract-1', { 'Practitioner/pract-1': new FhirRequestError('forbidden', 403, 'Practitioner', 'needs a scope') });
    await expect(readSignedInUser(s)).resolves.toMatchObject({
      kind: 'reference-only',
      reference: 'Practitioner/pract-1',
      type: 'Practitioner',
      problem: 'forbidden',
    });
  });

  it('a timeout is "failed", a nameless resource "no-name", another resource "wrong-resource"', async () => {
    const timeout = session('Practitioner/p', { 'Practitioner/p': new FhirRequestError('timeout', null, 'Practitioner', 'slow') });
    await expect(readSignedInUser(timeout)).resolves.toMatchObject({ problem: 'failed' });
    const nameless = session('Practitioner/p', { 'Practitioner/p': { resourceType: 'Practitioner', id: 'p' } });
    await expect(readSignedInUser(nameless)).resolves.toMatchObject({ problem: 'no-name' });
    const other = session('Practitioner/p', { 'Practitioner/p': { ...WEBER, id: 'someone-else' } });
    await expect(readSignedInUser(other)).resolves.toMatchObject({ problem: 'wrong-resource' });
  });

  it('a PractitionerRole: its practitioner display, else the Practitioner it names is read', async () => {
    const withDisplay = session('PractitionerRole/r', {
      'PractitionerRole/r': { resourceType: 'PractitionerRole', id: 'r', practitioner: { reference: 'Practitioner/pract-1', display: 'Dr. A. Weber' } },
    });
    await expect(readSignedInUser(withDisplay)).resolves.toMatchObject({ kind: 'named', name: 'Dr. A. Weber' });
    expect(withDisplay.reads).toEqual(['PractitionerRole/r']);
    const withRef = session('PractitionerRole/r', {
      'PractitionerRole/r': { resourceType: 'PractitionerRole', id: 'r', practitioner: { reference: 'Practitioner/pract-1' } },
      'Practitioner/pract-1': WEBER,
    });
    await expect(readSignedInUser(withRef)).resolves.toMatchObject({ kind: 'named', type: 'PractitionerRole', name: 'Dr. Anna Weber' });
  });

  it('a fhirUser that is not a person is not read', async () => {
    const s = session('Device/d1', {});
    await expect(readSignedInUser(s)).resolves.toMatchObject({ kind: 'reference-only', problem: 'unsupported-type', type: null });
    expect(s.reads).toEqual([]);
  });
});
