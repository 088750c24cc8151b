/**
 * The independent scenario suite of issue 10: small FHIR R4 records in three coding styles, each with
 * its expected safety flags from the labels, run through the query plan, prepare() and rank() with the
 * real models. One test per scenario; a summary table (scenario, style, expected, got, pass) is printed
 * at the end, with each failing check marked as extraction (a fact) or rules (a flag, a rank).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from './records/index.ts';
import { loadModels, runScenario, type Models, type ScenarioRun } from './run.ts';
import { summaryTable } from './summary.ts';

let models: Models;
const runs: ScenarioRun[] = [];

beforeAll(async () => {
  models = await loadModels();
}, 60_000);

afterAll(() => {
  // The table is the suite's report: printed, not asserted (each scenario asserts on its own).
  process.stdout.write(`\n${summaryTable(runs)}\n`);
});

describe('scenario suite (issue 10): label-derived expectations through the query plan, prepare() and rank()', () => {
  it('has at least 40 scenarios, 8 negative controls, thin problem lists, all four indications and three coding styles', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    expect(SCENARIOS.filter((s) => s.negativeControl).length).toBeGreaterThanOrEqual(8);
    expect(SCENARIOS.filter((s) => s.thin).length).toBeGreaterThanOrEqual(2);
    expect(new Set(SCENARIOS.map((s) => s.indication))).toEqual(new Set(['CD', 'UC', 'RA', 'RMS']));
    const styles = new Set(SCENARIOS.map((s) => (s.style === 'US' || s.style === 'DE' ? s.style : 'EU')));
    expect(styles).toEqual(new Set(['US', 'DE', 'EU']));
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  for (const s of SCENARIOS) {
    it(`${s.id} [${s.style}]: ${s.title}`, async () => {
      const run = await runScenario(s, models);
      runs.push(run);
      const failed = run.checks.filter((c) => !c.pass).map((c) => `[${c.kind}] ${c.label}\n      expected: ${c.expected}\n      got:      ${c.got}`);
      expect(failed.join('\n')).toBe('');
    });
  }
});
