/** Text renderings of the leave-one-trial-out validation: the console table of `npm run evaluate` and the model card section. */
import type { LotoResult, LotoSummary } from './loto.ts';

const pct = ([a, b]: [number, number]): string => `${a}/${b} (${b === 0 ? '-' : `${((100 * a) / b).toFixed(0)}%`})`;

/** Adds per-indication summaries into an overall one. */
export function overall(rs: LotoResult[], which: 'summary' | 'inSample' = 'summary'): LotoSummary {
  const add = (k: keyof LotoSummary): [number, number] => rs.reduce<[number, number]>((s, r) => [s[0] + r[which][k][0], s[1] + r[which][k][1]], [0, 0]);
  return { armsInCi: add('armsInCi'), diffsInCi: add('diffsInCi'), headToHead: add('headToHead'), pi90: add('pi90') };
}

/** The console table: one line per indication plus the overall line. */
export function lotoTable(rs: { indication: string; trials: number; summary: LotoResult['summary']; tau: string }[]): string {
  const head = '| indication | trials | (a) arms in 95% CI | (b) differences in 95% CI | (c) head-to-head right | (d) 90% PI coverage | tau (95% CI) |';
  const rows = rs.map(
    (r) =>
      `| ${r.indication} | ${r.trials} | ${pct(r.summary.armsInCi)} | ${pct(r.summary.diffsInCi)} | ${pct(r.summary.headToHead)} | ${pct(r.summary.pi90)} | ${r.tau} |`,
  );
  return [head, '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

const p = (x: number, rate: boolean): string => (rate ? x.toFixed(2) : `${(100 * x).toFixed(1)}%`);

/** The model-card section. */
export function lotoCard(r: LotoResult): string[] {
  return [
    `Trials left out one at a time: ${r.trials}. Targets: (a) >= 80%, (b) >= 80%, (c) 100%, (d) 85-95%.`,
    '',
    '| measure | result |',
    '|---|---|',
    `| (a) predicted arm inside the published arm's 95% CI | ${pct(r.summary.armsInCi)} |`,
    `| (b) predicted drug-minus-comparator difference inside the published difference's 95% CI | ${pct(r.summary.diffsInCi)} |`,
    `| (c) head-to-head: direction of significant differences right, < 10 points where none was found | ${pct(r.summary.headToHead)} |`,
    `| (d) published arm inside the 90% prediction interval | ${pct(r.summary.pi90)} |`,
    '',
    `Upper bound from the table itself: the synthesis fitted on every trial (nothing left out, still no per-trial offset) reaches (a) ${pct(r.inSample.armsInCi)}, (b) ${pct(r.inSample.diffsInCi)}, (c) ${pct(r.inSample.headToHead)}, (d) ${pct(r.inSample.pi90)}. Leaving a trial out can only lose information; where this bound is below a target, the spread between the published trials themselves (placebo levels and odds ratios that differ more than era, population and endpoint explain) stops the target before any trial is left out.`,
    '',
    '| trial (left out) | rows | endpoint | arm | published (95% CI) | predicted (90% PI) | (a) | (d) |',
    '|---|---|---|---|---|---|---|---|',
    ...r.arms.map((a) => {
      const rate = a.endpoint === 'arr';
      return `| ${a.study} | ${a.rows} | ${a.endpoint} | ${a.drug}${a.exchangeable ? ' (exchangeable)' : ''} | ${p(a.published, rate)} (${p(a.ci95[0], rate)}-${p(a.ci95[1], rate)}) | ${p(a.predicted, rate)} (${p(a.pi90[0], rate)}-${p(a.pi90[1], rate)}) | ${a.inCi ? 'yes' : '**no**'} | ${a.inPi ? 'yes' : '**no**'} |`;
    }),
    '',
    '### Misses and reasons',
    ...(r.misses.length === 0 ? ['None.'] : r.misses.map((m) => `- ${m}`)),
    '',
  ];
}
