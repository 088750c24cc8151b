/** The suite's summary table: one row per scenario, then the failing checks with the layer to fix. */
import type { Check } from './expect.ts';
import type { ScenarioRun } from './run.ts';

const pad = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

/** Which layer a failed check points at: a wrong fact is extraction; a wrong flag or order with right facts is the rules. */
export function layerOf(checks: readonly Check[]): string {
  const failed = checks.filter((c) => !c.pass);
  if (failed.length === 0) return '';
  const kinds = new Set(failed.map((c) => c.kind));
  const parts: string[] = [];
  if (kinds.has('fact') || kinds.has('episode')) parts.push('extraction');
  if (kinds.has('flag') || kinds.has('rank')) parts.push(kinds.has('fact') ? 'rules (after the facts)' : 'rules');
  return parts.join(' + ');
}

export function summaryTable(runs: readonly ScenarioRun[]): string {
  const lines: string[] = [];
  const head = `${pad('scenario', 30)} ${pad('style', 5)} ${pad('expected', 60)} ${pad('got', 60)} pass`;
  lines.push('Scenario suite (issue 10)', head, '-'.repeat(head.length));
  for (const r of runs) {
    const failed = r.checks.filter((c) => !c.pass);
    // The row shows the first failing check, else the scenario's headline (its first flag expectation, else its first check).
    const first = failed[0] ?? r.checks.find((c) => c.kind === 'flag') ?? r.checks[0];
    const expected = `${first?.label ?? ''} (${r.checks.length} checks)`;
    const got = `${failed.length === 0 ? '' : `${failed.length} failed: `}${first?.got ?? ''}`;
    lines.push(
      `${pad(r.scenario.id, 30)} ${pad(r.scenario.style, 5)} ${pad(expected, 60)} ${pad(got, 60)} ${failed.length === 0 ? 'PASS' : `FAIL (${layerOf(r.checks)})`}`,
    );
  }
  const passed = runs.filter((r) => r.checks.every((c) => c.pass)).length;
  lines.push(
    '-'.repeat(head.length),
    `${passed} of ${runs.length} scenarios pass; negative controls: ${runs.filter((r) => r.scenario.negativeControl && r.checks.every((c) => c.pass)).length} of ${runs.filter((r) => r.scenario.negativeControl).length}`,
  );
  const ignored = [...new Set(runs.flatMap((r) => r.ignoredParams))];
  if (ignored.length > 0) lines.push(`search parameters the in-memory server ignored (returned a superset): ${ignored.join(', ')}`);
  if (process.env.SCENARIO_VERBOSE === '1') {
    lines.push('', 'All checks:');
    for (const r of runs) for (const c of r.checks) lines.push(`  ${c.pass ? 'ok  ' : 'FAIL'} ${r.scenario.id}: ${c.label} -> ${c.got}`);
  }
  lines.push('', 'Failing checks:');
  for (const r of runs) {
    for (const c of r.checks.filter((x) => !x.pass))
      lines.push(
        `  ${r.scenario.id} [${c.kind === 'fact' || c.kind === 'episode' ? 'extraction' : 'rules'}] ${c.label}\n      expected: ${c.expected}\n      got:      ${c.got}`,
      );
  }
  return lines.join('\n');
}
