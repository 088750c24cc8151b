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
    expect(parseSettings({ ...valid, requestTimeoutSeconds: 90, frameAncestors: ['https://ehr.example.org/'] })).toMatchObject({
      requestTimeoutSeconds: 90,
      frameAncestors: ['https://ehr.example.org'],
    });
    for (const type of [
      'Patient',
      'Condition',
      'Observation',
      'MedicationRequest',
      'MedicationStatement',
      'MedicationAdministration',
      'Medication',
      'Procedure',
      'AllergyIntolerance',
      'Immunization',
    ]) {
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

describe('parseSettings: exact https origins (issue 12)', () => {
  it.each([
    ['a wildcard host', { allowedFhirServers: ['http://*'] }, /allowedFhirServers.*"http:\/\/\*"/],
    ['a wildcard subdomain', { ...valid, authorizationServers: ['https://*.x.example'] }, /authorizationServers.*wildcard/],
    ['a wildcard frame ancestor', { ...valid, frameAncestors: ['https://*'] }, /frameAncestors.*wildcard/],
    ['plain http to a remote FHIR server', { allowedFhirServers: ['http://ehr.example.org/fhir'] }, /allowedFhirServers.*https/],
    ['plain http frame ancestor off loopback', { ...valid, frameAncestors: ['http://ehr.example.org'] }, /frameAncestors.*https/],
    ['a ; inside an origin (CSP injection)', { ...valid, frameAncestors: ["https://ehr.example.org; script-src 'unsafe-inline'"] }, /frameAncestors/],
    ['a ; inside a FHIR URL', { allowedFhirServers: ['https://ehr.example.org/fhir;x'] }, /allowedFhirServers/],
    ['a space inside an origin', { ...valid, authorizationServers: ['https://a.example https://b.example'] }, /authorizationServers/],
    ['a FHIR URL with a query', { allowedFhirServers: ['https://ehr.example.org/fhir?x=1'] }, /allowedFhirServers.*query/],
    ['a FHIR URL with credentials', { allowedFhirServers: ['https://u:p@ehr.example.org/fhir'] }, /allowedFhirServers/],
    ['a javascript: URL', { allowedFhirServers: ['javascript:alert(1)'] }, /allowedFhirServers/],
    ['an origin with a path', { ...valid, authorizationServers: ['https://auth.example/oauth'] }, /authorizationServers/],
    ['a quote in an origin', { ...valid, frameAncestors: ["'self'"] }, /frameAncestors/],
  ])('refuses %s', (_name, json, message) => {
    expect(() => parseSettings(json)).toThrow(message);
  });

  it('accepts http only on loopback', () => {
    const s = parseSettings({
      allowedFhirServers: ['http://127.0.0.1:4010/fhir', 'http://localhost:4010/fhir', 'http://[::1]:8080/fhir'],
      frameAncestors: ['http://127.0.0.1:4010'],
    });
    expect(s.allowedFhirServers).toHaveLength(3);
    expect(s.frameAncestors).toEqual(['http://127.0.0.1:4010']);
  });

  it('reports every problem at once', () => {
    const error = (() => {
      try {
        parseSettings({
          allowedFhirServers: ['http://*'],
          frameAncestors: ['https://*'],
          pkceMode: 'off',
          writeBack: 'yes',
          clientID: 'x',
          requestTimeoutSeconds: 0,
        });
      } catch (e) {
        return e as LaunchError;
      }
      return null;
    })();
    expect(error?.code).toBe('settings-invalid');
    for (const key of ['allowedFhirServers', 'frameAncestors', 'pkceMode', 'writeBack', 'clientID', 'requestTimeoutSeconds'])
      expect(error?.detail).toContain(key);
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
