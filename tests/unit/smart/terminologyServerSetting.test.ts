/**
 * config.json `terminologyServer`: off by default; a valid base URL is normalised; an invalid one stops the
 * launch with a message naming the setting; when set, exactly its origin is added to connect-src and nothing
 * else in the Content-Security-Policy changes.
 */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@src/smart/contentSecurityPolicy.ts';
import { LaunchError } from '@src/smart/errors.ts';
import { parseSettings } from '@src/smart/settings.ts';

const valid = { allowedFhirServers: ['https://ehr.example.org/fhir'] };
const directive = (csp: string, name: string): string[] => (csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '').split(' ').slice(1);
/** Every directive but connect-src. */
const others = (csp: string): string[] => csp.split('; ').filter((d) => !d.startsWith('connect-src '));

describe('terminologyServer setting', () => {
  it('is off (null) by default and then the policy has only the app and the FHIR origin', () => {
    const s = parseSettings(valid);
    expect(s.terminologyServer).toBeNull();
    expect(directive(contentSecurityPolicy(s), 'connect-src')).toEqual(["'self'", 'https://ehr.example.org']);
  });

  it('a base URL is kept without its trailing slash; null is accepted explicitly', () => {
    expect(parseSettings({ ...valid, terminologyServer: 'https://tx.example.org/r4/' }).terminologyServer).toBe('https://tx.example.org/r4');
    expect(parseSettings({ ...valid, terminologyServer: null }).terminologyServer).toBeNull();
  });

  it.each([
    ['http://tx.example.org/r4', /must use https/],
    ['https://tx.example.org/r4?x=1', /no query or fragment/],
    ['https://*.example.org', /wildcards/],
    ['tx.example.org', /not an absolute http\(s\) URL/],
  ])('refuses %s', (url, message) => {
    let error: unknown;
    try {
      parseSettings({ ...valid, terminologyServer: url });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LaunchError);
    expect((error as LaunchError).detail).toMatch(/"terminologyServer"/);
    expect((error as LaunchError).detail).toMatch(message);
  });

  it('refuses a value that is neither a string nor null', () => {
    expect(() => parseSettings({ ...valid, terminologyServer: true })).toThrow(/"terminologyServer" must be a terminology server base URL or null/);
  });

  it('adds exactly the terminology server origin to connect-src and changes no other directive', () => {
    const off = contentSecurityPolicy(parseSettings(valid));
    const on = contentSecurityPolicy(parseSettings({ ...valid, terminologyServer: 'https://tx.example.org/r4' }));
    expect(directive(on, 'connect-src')).toEqual(["'self'", 'https://ehr.example.org', 'https://tx.example.org']);
    expect(others(on)).toEqual(others(off));
    // On the FHIR server's own origin: listed once.
    const same = contentSecurityPolicy(parseSettings({ ...valid, terminologyServer: 'https://ehr.example.org/terminology' }));
    expect(directive(same, 'connect-src')).toEqual(["'self'", 'https://ehr.example.org']);
  });
});
