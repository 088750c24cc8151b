/**
 * Property tests of prepare() (extract + scores) over generated and mutated records. Seeded: a failure
 * prints its seed and path and reproduces exactly. 10,000 records in total (6,200 generated, 300 mutated fixtures, 2,000 + 1,500 unit twins).
 */
import * as fc from 'fast-check';
import type { Observation, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { InputName } from '@src/extract/catalogue.ts';
import { prepare, type PreparedRecord } from '@src/pipeline/index.ts';
import { SYSTEMS } from '@src/extract/terminology/index.ts';
import { recordArb } from './arbitraries.ts';
import { LABS, LAB_INDEX } from './codes.ts';
import { NOW, SEED, loadFixtures } from './harness.ts';
import { expectValidPrepared, expectRejectedVisible, expectSameInputs } from './invariants.ts';
import { applyMutations, mutationArb } from './mutate.ts';

/** Inputs exempt from the range property: none since derive.ts applies the catalogue range. */
const KNOWN_OUT_OF_RANGE = new Set<InputName>();

const GENERATED = 6200;
const MUTATED = 300;
const CRP_PAIRS = 1000;
const LYMPH_PAIRS = 750;
/** Generous: about 20 s for the file on an idle 2-core machine; shared machines are slower. */
const TIMEOUT = 240_000;

function prepareSafely(resources: readonly unknown[]): PreparedRecord {
  // prepare() takes Resource[]; the mutated records are deliberately not valid FHIR.
  const r = prepare(resources as Resource[], NOW);
  // extractRecord's last line of defence turns an internal exception into this problem: it must not fire.
  const internal = r.problems.find((p) => p.message.startsWith('record could not be processed'))?.message;
  if (internal !== undefined) throw new Error(`internal error escaped into problems: ${internal}`);
  JSON.stringify(r);
  return r;
}

/** A lab result at NOW: appended last, so it is the latest of its record (ties keep record order). */
function latestLab(id: string, lab: number, value: number, unit: string): Observation {
  const def = LABS[lab];
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: SYSTEMS.loinc, code: def?.code ?? '' }] },
    subject: { reference: 'Patient/gen-1' },
    effectiveDateTime: NOW.toISOString(),
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

describe('prepare(): generated and mutated records (fast-check, seeded)', () => {
  it(
    `${GENERATED.toLocaleString('en')} generated records: no exception escapes prepare(); inputs have reasons, lie in range or are implausible; rejected values are visible`,
    () => {
      let rejectedSeen = 0;
      fc.assert(
        fc.property(recordArb(), (g) => {
          const r = prepareSafely(g.resources);
          expectValidPrepared(r, KNOWN_OUT_OF_RANGE);
          expectRejectedVisible(r, g.rejected);
          rejectedSeen += g.rejected.length;
        }),
        { seed: SEED, numRuns: GENERATED },
      );
      // The generator must actually exercise the rejection paths.
      expect(rejectedSeen).toBeGreaterThan(GENERATED / 2);
    },
    TIMEOUT,
  );

  it(
    `${MUTATED.toLocaleString('en')} mutated sandbox records (fields dropped or retyped, units swapped, shuffled, duplicated): no exception escapes prepare(); invariants hold`,
    () => {
      const fixtures = loadFixtures();
      fc.assert(
        fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (i, mutations) => {
          const base = fixtures[i];
          if (!base) return;
          const r = prepareSafely(applyMutations(base.resources, mutations));
          expectValidPrepared(r, KNOWN_OUT_OF_RANGE);
        }),
        { seed: SEED + 1, numRuns: MUTATED },
      );
    },
    TIMEOUT,
  );

  it(
    `${(CRP_PAIRS * 2).toLocaleString('en')} records (${CRP_PAIRS.toLocaleString('en')} pairs): a CRP in mg/dL extracts exactly as the same CRP in mg/L x10`,
    () => {
      fc.assert(
        fc.property(recordArb(), fc.double({ min: -1, max: 90, noNaN: true }), (g, mgPerDl) => {
          const dl = Number(mgPerDl.toPrecision(4));
          const a = prepareSafely([...g.resources, latestLab('crp-twin', LAB_INDEX.crp, dl, 'mg/dL')]);
          const b = prepareSafely([...g.resources, latestLab('crp-twin', LAB_INDEX.crp, dl * 10, 'mg/L')]);
          expectSameInputs(a, b, `CRP ${dl} mg/dL vs ${dl * 10} mg/L`);
          const crp = a.inputs.crp_mg_l;
          expect(crp.sources, 'the twin is the latest CRP').toContain('Observation/crp-twin');
          const value = (crp.state === 'ok' || crp.state === 'implausible') && typeof crp.value === 'number' ? crp.value : Number.NaN;
          expect(Math.abs(value - dl * 10), `CRP ${value} mg/L = ${dl} mg/dL x10`).toBeLessThanOrEqual(1e-9 * Math.max(1, dl * 10));
        }),
        { seed: SEED + 2, numRuns: CRP_PAIRS },
      );
    },
    TIMEOUT,
  );

  it(
    `${(LYMPH_PAIRS * 2).toLocaleString('en')} records (${LYMPH_PAIRS.toLocaleString('en')} pairs): lymphocytes in /nL, 10*3/uL, G/l or K/uL extract exactly as in 10*9/L`,
    () => {
      fc.assert(
        fc.property(recordArb(), fc.double({ min: -0.5, max: 600, noNaN: true }), fc.constantFrom('/nL', '10*3/uL', 'G/l', 'K/uL'), (g, raw, unit) => {
          const v = Number(raw.toPrecision(3));
          const a = prepareSafely([...g.resources, latestLab('lym-twin', LAB_INDEX.lymphocytes, v, unit)]);
          const b = prepareSafely([...g.resources, latestLab('lym-twin', LAB_INDEX.lymphocytes, v, '10*9/L')]);
          expectSameInputs(a, b, `lymphocytes ${v} ${unit} vs 10*9/L`);
          const lym = a.inputs.lymphocytes_10e9_l;
          expect(lym.sources).toContain('Observation/lym-twin');
          const value = (lym.state === 'ok' || lym.state === 'implausible') && typeof lym.value === 'number' ? lym.value : Number.NaN;
          expect(Math.abs(value - v), `lymphocytes ${value} 10*9/L = ${v} ${unit}`).toBeLessThanOrEqual(1e-9 * Math.max(1, v));
        }),
        { seed: SEED + 3, numRuns: LYMPH_PAIRS },
      );
    },
    TIMEOUT,
  );
});
