// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import FHIR from 'fhirclient';

describe('toolchain', () => {
  it('resolves the browser entry of fhirclient (G4)', () => {
    expect(typeof FHIR.oauth2.authorize).toBe('function');
  });
});
