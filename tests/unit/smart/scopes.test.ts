// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { withWriteScopes } from '@src/smart/launch.ts';
import { scopeAllowsCreate } from '@src/smart/session.ts';

describe('scopeAllowsCreate (SMART App Launch 2.x scopes, v1 and v2)', () => {
  it.each([
    ['patient/Observation.c', true],
    ['patient/Observation.cruds', true],
    ['patient/Observation.crs', true],
    ['user/Observation.c', true],
    ['patient/*.c', true],
    ['patient/Observation.write', true],
    ['patient/*.*', true],
    ['patient/Observation.rs', false],
    ['patient/Observation.read', false],
    ['patient/Condition.c', false],
    ['launch/patient openid fhirUser', false],
    ['', false],
  ])('%s -> %s', (granted, expected) => {
    expect(scopeAllowsCreate(`launch openid ${granted}`, 'Observation')).toBe(expected);
  });
});

describe('withWriteScopes', () => {
  it('asks for nothing more unless write-back is enabled', () => {
    expect(withWriteScopes('patient/Observation.rs', false)).toBe('patient/Observation.rs');
  });
  it('adds the create scopes (entered items, decision document and structured record) in the syntax the rest of the request uses', () => {
    expect(withWriteScopes('launch patient/Observation.rs', true)).toBe(
      'launch patient/Observation.rs patient/Observation.c patient/DocumentReference.c patient/GuidanceResponse.c patient/RiskAssessment.c patient/DetectedIssue.c patient/Provenance.c',
    );
    expect(withWriteScopes('launch patient/Observation.read', true)).toBe(
      'launch patient/Observation.read patient/Observation.write patient/DocumentReference.write patient/GuidanceResponse.write patient/RiskAssessment.write patient/DetectedIssue.write patient/Provenance.write',
    );
  });
});
