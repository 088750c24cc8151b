/**
 * Issue 12, parsing traps: years 0000-0099 (Date.UTC maps them to 1900-1999), non-finite numbers
 * (JSON `1e999` is Infinity), and codes named like Object.prototype properties (`constructor`).
 */
import type { Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { parseFhirDate } from '../../../src/extract/dates.ts';
import { extractRecord } from '../../../src/extract/extract.ts';
import { normaliseSystem } from '@contract/systems.ts';
import { cc, LOINC, NOW, patient, quantityObs, SCT } from '../../support/fhir.ts';

describe('dates without the 0-99 year shift', () => {
  it.each(['0050', '0050-06', '0050-06-01', '0099-12-31', '0000-01-01', '0050-06-01T10:00:00Z'])('%s is before 1900, never 19xx', (raw) => {
    const p = parseFhirDate(raw, NOW);
    expect(p.ok).toBe(false);
    expect(p.ok ? '' : p.reason).toMatch(/before 1900/);
  });

  it('a birth date of 0050 gives no age (not 76)', () => {
    const r = extractRecord([patient({ birthDate: '0050-06-01' })], { now: NOW });
    expect(r.patient.ageYears).toBeUndefined();
    expect(r.inputs.age_years.state).not.toBe('ok');
  });

  it('still reads 1950 and 2026', () => {
    expect(parseFhirDate('1950-06-01', NOW)).toMatchObject({ ok: true, date: { start: new Date('1950-06-01T00:00:00Z') } });
    expect(parseFhirDate('2026-02', NOW)).toMatchObject({ ok: true, date: { precision: 'month' } });
  });
});

describe('non-finite numbers', () => {
  it('a CRP of 1e999 (Infinity after JSON.parse) is not used: implausible, named in the problems, never a value', () => {
    const obs = JSON.parse(JSON.stringify(quantityObs('crp', '1988-5', 5, 'mg/L', '2026-11-01')).replace('"value":5', '"value":1e999')) as Observation;
    expect(obs.valueQuantity?.value).toBe(Number.POSITIVE_INFINITY);
    const r = extractRecord([patient(), obs], { now: NOW });
    expect(r.inputs.crp_mg_l.state).toBe('missing');
    expect(r.problems.map((p) => p.message)).toContain('Observation/crp (lab.crp): implausible value, Infinity is not a finite number; not used');
    expect(JSON.stringify(r.observations)).not.toMatch(/null|Infinity/);
  });
});

describe('codes named like Object.prototype properties', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s is an unknown code everywhere', (code) => {
    expect(normaliseSystem(code)).toBe(code);
    const smoking: Observation = {
      resourceType: 'Observation',
      id: 's',
      status: 'final',
      subject: { reference: 'Patient/p1' },
      code: cc({ system: LOINC, code: '72166-2' }),
      effectiveDateTime: '2026-10-01',
      valueCodeableConcept: cc({ system: SCT, code }),
    };
    const split: Observation = {
      resourceType: 'Observation',
      id: 'x',
      status: 'final',
      subject: { reference: 'Patient/p1' },
      code: cc({ system: LOINC, code }),
      effectiveDateTime: '2026-10-01',
      valueQuantity: { value: 1 },
    };
    const unit = quantityObs('crp', '1988-5', 5, code, '2026-11-01');
    const interp: Observation = {
      ...quantityObs('alb', '1751-7', 40, 'g/L', '2026-11-01'),
      interpretation: [cc({ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code })],
    };
    const med = {
      resourceType: 'MedicationStatement',
      id: 'm',
      status: 'active',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: cc({ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code }, { system: 'http://fhir.de/CodeSystem/ifa/pzn', code }),
    };
    const r = extractRecord([patient(), smoking, split, unit, interp, med], { now: NOW });
    expect(r.inputs.smoking_current.state).toBe('missing');
    expect('reason' in r.inputs.smoking_current ? r.inputs.smoking_current.reason : '').toMatch(
      new RegExp(`smoking status code ${code.replace(/_/g, '_')} not interpretable|no smoking status|no usable value`),
    );
    expect(r.inputs.crp_mg_l.state).toBe('unknown-unit');
    expect(r.episodes).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/function|\[native code\]/);
  });
});
