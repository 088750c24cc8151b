import type { Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { buildEnteredTransaction, ENTERED_ID_SYSTEM } from '@src/writeback/enteredTransaction.ts';

describe('buildEnteredTransaction', () => {
  const obs: Observation[] = [
    { resourceType: 'Observation', status: 'final', code: { text: 'a' }, subject: { reference: 'Patient/p1' } },
    { resourceType: 'Observation', status: 'final', code: { text: 'b' }, subject: { reference: 'Patient/p1' } },
  ];
  const id = '0d9e7a52-3c1b-4f7e-9a45-1f2e3d4c5b6a';
  it('makes conditional creates keyed on one save id, the same for a resend', () => {
    const b = buildEnteredTransaction(obs, id);
    expect(b.type).toBe('transaction');
    expect(b.entry?.map((e) => e.request?.ifNoneExist)).toEqual([
      `subject=Patient/p1&identifier=${ENTERED_ID_SYSTEM}|${id}-1`,
      `subject=Patient/p1&identifier=${ENTERED_ID_SYSTEM}|${id}-2`,
    ]);
    expect(b.entry?.every((e) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(e.fullUrl ?? ''))).toBe(true);
    expect(buildEnteredTransaction(obs, id)).toEqual(b);
    expect(obs[0]?.identifier).toBeUndefined();
  });
});
