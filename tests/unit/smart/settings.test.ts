import { describe, expect, it } from 'vitest';
import { LaunchError } from '@src/smart/errors.ts';
import { DEFAULT_SCOPE, DEFAULT_SCOPE_V1, parseSettings } from '@src/smart/settings.ts';
import { chooseScope, type SmartConfiguration } from '@src/smart/smartConfiguration.ts';

const valid = { allowedFhirServers: ['https://ehr.example.org/fhir/'] };

describe('parseSettings', () => {
  it('fills defaults and normalises server URLs', () => {
    const s = parseSettings(valid);
    expect(s.allowedFhirServers).toEqual(['https://ehr.example.org/fhir']);
    expect(s.clientId).toBe('therapy-navigator');
    expect(s.pkceMode).toBe('required');
    expect(s.writeBack).toBe(false);
    expect(s.requestTimeoutSeconds).toBe(20);
    expect(parseSettings({ ...valid, requestTimeoutSeconds: 90, frameAncestors: ['https://ehr.example.org/'] })).toMatchObject({ requestTimeoutSeconds: 90, frameAncestors: ['https://ehr.example.org'] });
    for (const type of ['Patient', 'Condition', 'Observation', 'MedicationRequest', 'MedicationStatement', 'MedicationAdministration', 'Medication', 'Procedure', 'AllergyIntolerance', 'Immunization']) {
      expect(s.scope.split(' ')).toContain(`patient/${type}.rs`);
      expect(s.scopeV1.split(' ')).toContain(`patient/${type}.read`);
    }
    expect(s.scope).toMatch(/\blaunch\b.*\blaunch\/patient\b.*\bopenid\b.*\bfhirUser\b/);
  });

  it.each([
    ['not an object', [], /not a JSON object/],
    ['no servers', {}, /allowedFhirServers/],
    ['empty servers', { allowedFhirServers: [] }, /allowedFhirServers/],
    ['a server that is not a URL', { allowedFhirServers: ['ehr.example.org'] }, /invalid URL/],
    ['an unknown key (typo)', { ...valid, clientID: 'x' }, /unknown setting "clientID"/],
    ['a bad pkceMode', { ...valid, pkceMode: 'disabled' }, /pkceMode/],
    ['writeBack as a string', { ...valid, writeBack: 'yes' }, /writeBack/],
    ['an empty clientId', { ...valid, clientId: '' }, /clientId/],
    ['a scope without openid fhirUser', { ...valid, scope: 'launch patient/*.rs' }, /openid fhirUser/],
    ['a request timeout below 5 s', { ...valid, requestTimeoutSeconds: 1 }, /requestTimeoutSeconds/],
    ['a request timeout as text', { ...valid, requestTimeoutSeconds: '30' }, /requestTimeoutSeconds/],
    ['a frame ancestor with a path', { ...valid, frameAncestors: ['https://ehr.example.org/app'] }, /frameAncestors/],
  ])('refuses %s with a message naming the problem', (_name, json, message) => {
    expect(() => parseSettings(json)).toThrow(LaunchError);
    expect(() => parseSettings(json)).toThrow(message);
  });
});

describe('chooseScope', () => {
  const base: SmartConfiguration = { authorization_endpoint: 'a', token_endpoint: 't', capabilities: [], code_challenge_methods_supported: ['S256'] };
  it.each([
    ['permission-v2 advertised', { ...base, capabilities: ['permission-v2', 'permission-v1'] }, DEFAULT_SCOPE],
    ['only permission-v1', { ...base, capabilities: ['permission-v1'] }, DEFAULT_SCOPE_V1],
    ['nothing advertised, v2-style scopes listed', { ...base, scopes_supported: ['patient/Observation.rs'] }, DEFAULT_SCOPE],
    ['nothing advertised at all', base, DEFAULT_SCOPE_V1],
  ])('%s', (_n, config, expected) => {
    expect(chooseScope(config, DEFAULT_SCOPE, DEFAULT_SCOPE_V1)).toBe(expected);
  });
});
