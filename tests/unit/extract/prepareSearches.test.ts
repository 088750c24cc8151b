/** The read's failed searches reach the extraction through prepare(), as the patient page passes them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resourcesFromBundle } from '@src/extract/bundle.ts';
import { prepare } from '@src/pipeline/index.ts';
import { NOW } from '../../support/fhir.ts';
import { failed } from './safetyHelpers.ts';

const bundle: unknown = JSON.parse(readFileSync('tests/fixtures/fhir-examples/synthea-ra/Asa_Hermiston_4384bf23-1dc3-48ca-8c84-89fbaff201ae.json', 'utf8'));
const resources = resourcesFromBundle(bundle).resources;

describe('prepare() with failed searches', () => {
  it('without failures the Synthea RA patient has a known treatment history', () => {
    const r = prepare(resources, NOW);
    expect(r.failedSearches).toEqual([]);
    expect(r.inputs.prior_immunosuppressant).toMatchObject({ state: 'ok', value: true });
    expect(r.inputs.prior_anti_tnf.state).toBe('ok');
  });

  it('a failed medication search does not make the patient treatment-naive', () => {
    const r = prepare(resources, NOW, undefined, [failed('medicationRequest', 'MedicationRequest', 'timeout: no answer within 20 s')]);
    expect(r.failedSearches).toHaveLength(1);
    expect(r.inputs.prior_anti_tnf).toMatchObject({
      state: 'missing',
      reason: expect.stringMatching(/prescription \(MedicationRequest\) search failed \(timeout/) as unknown,
    });
    expect(r.inputs.current_advanced_therapy.state).toBe('missing');
    // What the record did show (methotrexate) is kept, with a note that more may exist.
    expect(r.inputs.prior_immunosuppressant).toMatchObject({ state: 'ok', value: true, note: expect.stringMatching(/record may hold more/) as unknown });
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/search medicationRequest \(MedicationRequest\) failed/);
  });
});
