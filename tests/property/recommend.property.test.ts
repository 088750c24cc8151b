/**
 * Property tests of the whole path, FHIR -> prepare() -> recommend() with the real bundled ONNX models in
 * the real onnxruntime-web (wasm, in Node): 2,000 records (1,700 generated, 250 mutated fixtures, 50 run twice for determinism).
 */
import * as fc from 'fast-check';
import type { Resource } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepare, recommend, type Recommendation } from '@src/pipeline/index.ts';
import { recordArb } from './arbitraries.ts';
import { NOW, SEED, loadAllModels, loadFixtures, type Models } from './harness.ts';
import { expectValidRecommendation, withoutTimings } from './invariants.ts';
import { applyMutations, mutationArb } from './mutate.ts';

const GENERATED = 1700;
const MUTATED = 250;
const TWICE = 50;
/** Generous: about 70 s for the file on an idle 2-core machine (33 ms per recommend()); shared machines are slower. */
const TIMEOUT = 300_000;

let models: Models;
beforeAll(async () => {
  models = await loadAllModels();
}, 60_000);

async function run(
  resources: readonly unknown[],
  fallback: keyof Models['byIndication'],
): Promise<{ rec: Recommendation; record: ReturnType<typeof prepare> }> {
  const record = prepare(resources as Resource[], NOW);
  const model = models.byIndication[record.primaryIndication ?? fallback];
  const rec = await recommend(record, model, models.runtime, { now: NOW });
  return { rec, record };
}

describe('recommend(): generated and mutated records through the real models (fast-check, seeded)', () => {
  it(
    `${GENERATED.toLocaleString('en')} generated records: no exception escapes recommend(); options = every drug, p in [lower, upper] within [0,1], inputs used or excluded with a reason, Shapley sums exact`,
    async () => {
      const tally = { contraindicated: 0, excluded: 0, sampled: 0, byIndication: {} as Record<string, number> };
      await fc.assert(
        fc.asyncProperty(recordArb(), async (g) => {
          const { rec, record } = await run(g.resources, g.indication);
          expectValidRecommendation(record, rec);
          tally.contraindicated += rec.options.filter((o) => o.worst === 'contraindicated').length;
          tally.excluded += rec.excluded.length;
          tally.sampled += Object.values(rec.explanations).some((e) => e.method === 'sampled') ? 1 : 0;
          tally.byIndication[rec.indication] = (tally.byIndication[rec.indication] ?? 0) + 1;
        }),
        { seed: SEED + 10, numRuns: GENERATED },
      );
      // The generator reaches every model, contraindications and both explanation methods.
      expect(Object.keys(tally.byIndication).sort()).toEqual(['CD', 'RA', 'RMS', 'UC']);
      expect(tally.contraindicated).toBeGreaterThan(0);
      expect(tally.excluded).toBeGreaterThan(GENERATED);
      expect(tally.sampled).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    `${MUTATED.toLocaleString('en')} mutated sandbox records: no exception escapes recommend(); the same contract holds`,
    async () => {
      const fixtures = loadFixtures();
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: fixtures.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), async (i, mutations) => {
          const base = fixtures[i];
          if (!base) return;
          const { rec, record } = await run(applyMutations(base.resources, mutations), 'CD');
          expectValidRecommendation(record, rec);
        }),
        { seed: SEED + 11, numRuns: MUTATED },
      );
    },
    TIMEOUT,
  );

  it(
    `${TWICE.toLocaleString('en')} records run twice: the same record gives an identical recommendation (timings aside), and the contract holds`,
    async () => {
      await fc.assert(
        fc.asyncProperty(recordArb(), async (g) => {
          const a = await run(g.resources, g.indication);
          const b = await run(structuredClone(g.resources), g.indication);
          expectValidRecommendation(a.record, a.rec);
          expect(withoutTimings(b.rec)).toEqual(withoutTimings(a.rec));
        }),
        { seed: SEED + 12, numRuns: TWICE },
      );
    },
    TIMEOUT,
  );
});
