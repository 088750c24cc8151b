import { describe, expect, it } from 'vitest';
import { parseScope, parseScopes, scopesAllowCreate, scopesAllowCreateAll } from '@src/smart/scopes.ts';

const CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';
const survey = { system: CAT, code: 'survey' };
const exam = { system: CAT, code: 'exam' };
const vital = { system: CAT, code: 'vital-signs' };

describe('parseScope', () => {
  it.each([
    ['patient/Observation.write', 'patient', 'Observation', 'v1', 'cdu'],
    ['patient/Observation.read', 'patient', 'Observation', 'v1', 'rs'],
    ['user/*.*', 'user', '*', 'v1', 'cdrsu'],
    ['patient/Observation.c', 'patient', 'Observation', 'v2', 'c'],
    ['user/DocumentReference.cu', 'user', 'DocumentReference', 'v2', 'cu'],
    ['patient/*.cruds', 'patient', '*', 'v2', 'cdrsu'],
    ['system/Observation.rs', 'system', 'Observation', 'v2', 'rs'],
  ])('%s', (raw, context, resourceType, syntax, perms) => {
    const s = parseScope(raw);
    expect(s).toMatchObject({ context, resourceType, syntax, query: [] });
    expect([...(s?.permissions ?? [])].sort().join('')).toBe(perms);
  });

  it('reads a granular query, URL-encoded or not', () => {
    expect(parseScope(`patient/Observation.c?category=${CAT}|survey`)?.query).toEqual([['category', `${CAT}|survey`]]);
    expect(parseScope(`patient/Observation.rs?category=${encodeURIComponent(`${CAT}|laboratory`)}`)?.query).toEqual([['category', `${CAT}|laboratory`]]);
  });

  it.each([
    'openid',
    'fhirUser',
    'launch/patient',
    'patient/Observation.rc',
    'patient/Observation.x',
    'patient/Observation.write?category=exam',
    'Observation.c',
    'group/Observation.c',
  ])('is not a clinical scope: %s', (raw) => {
    expect(parseScope(raw)).toBeUndefined();
  });

  it('parseScopes keeps the clinical scopes of a token', () => {
    expect(parseScopes('launch openid fhirUser patient/Observation.rs  patient/Condition.rs').map((s) => s.resourceType)).toEqual(['Observation', 'Condition']);
  });
});

describe('scopesAllowCreate', () => {
  it.each<[string, string, boolean]>([
    // v1
    ['patient/Observation.write', 'Observation', true],
    ['user/*.*', 'Observation', true],
    ['patient/*.write', 'DocumentReference', true],
    ['patient/Observation.read', 'Observation', false],
    // v2
    ['patient/Observation.c', 'Observation', true],
    ['user/DocumentReference.cu', 'DocumentReference', true],
    ['patient/*.cruds', 'GuidanceResponse', true],
    ['system/Observation.c', 'Observation', true],
    ['patient/Observation.rs', 'Observation', false],
    ['patient/Condition.c', 'Observation', false],
    ['user/DocumentReference.cu', 'Observation', false],
  ])('%s creates %s: %s', (granted, type, expected) => {
    expect(scopesAllowCreate(`launch openid fhirUser ${granted}`, type)).toBe(expected);
  });

  it('a category-restricted scope allows create only for its category', () => {
    const granted = `patient/Observation.rs patient/Observation.c?category=${CAT}|survey`;
    expect(scopesAllowCreate(granted, 'Observation', [survey])).toBe(true);
    expect(scopesAllowCreate(granted, 'Observation', [exam])).toBe(false);
    // Without knowing the resource's category, a restricted scope does not count.
    expect(scopesAllowCreate(granted, 'Observation')).toBe(false);
    // A resource with several categories matches when one of them does.
    expect(scopesAllowCreate(granted, 'Observation', [vital, survey])).toBe(true);
  });

  it('reads the token forms of the category value: code only, system only, alternatives, encoded', () => {
    expect(scopesAllowCreate('patient/Observation.c?category=survey', 'Observation', [survey])).toBe(true);
    expect(scopesAllowCreate(`patient/Observation.c?category=${CAT}|`, 'Observation', [exam])).toBe(true);
    expect(scopesAllowCreate(`patient/Observation.c?category=${CAT}|exam,${CAT}|survey`, 'Observation', [survey])).toBe(true);
    expect(scopesAllowCreate(`patient/Observation.c?category=${encodeURIComponent(`${CAT}|exam`)}`, 'Observation', [exam])).toBe(true);
    expect(scopesAllowCreate(`patient/Observation.c?category=http://other.example/cs|survey`, 'Observation', [survey])).toBe(false);
  });

  it('a scope restricted by another parameter is not counted for create (the app cannot check it)', () => {
    expect(scopesAllowCreate('patient/Observation.c?code=http://loinc.org|1234-5', 'Observation', [survey])).toBe(false);
    expect(scopesAllowCreate('patient/Observation.c?category=survey&code=x', 'Observation', [survey])).toBe(false);
  });

  it('scopesAllowCreateAll needs every category (entered items are survey and exam Observations)', () => {
    expect(scopesAllowCreateAll(`patient/Observation.c?category=${CAT}|survey`, 'Observation', [survey, exam])).toBe(false);
    expect(scopesAllowCreateAll(`patient/Observation.c?category=${CAT}|survey patient/Observation.c?category=${CAT}|exam`, 'Observation', [survey, exam])).toBe(
      true,
    );
    expect(scopesAllowCreateAll('patient/Observation.c', 'Observation', [survey, exam])).toBe(true);
    expect(scopesAllowCreateAll('patient/Observation.write', 'Observation', [])).toBe(true);
  });
});
