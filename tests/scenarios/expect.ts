/**
 * What a scenario expects, written from the labels (EU SmPC / US PI) and guidelines, not from the app's
 * code: per drug the worst level and the fact(s) behind it (matched on severity and fact names, never on
 * rule ids), "no flag above X" limits, tier order, and the facts the record holds. The evaluator turns
 * one run (prepared record + ranking) into a list of checks, each tagged as a fact check (extraction)
 * or a flag/rank check (rules), so a failure says which layer to fix.
 */
import type { Resource } from 'fhir/r4';
import type { PreparedRecord, Ranking } from '@src/pipeline/index.ts';
import type { Indication, Style } from './builders.ts';

/** The five levels of issue 10, worst first (the app may not have all of them yet). */
export const LEVELS = ['contraindicated', 'only-if-no-alternative', 'treat-before-start', 'caution', 'screen-before-start'] as const;
export type Level = (typeof LEVELS)[number];
export type LevelOrNone = Level | 'none';

/** Position of a severity string in the worst-first order; an unknown string counts as worst (never hidden). */
export function levelRank(s: string | null | undefined): number {
  if (s === null || s === undefined || s === 'none') return LEVELS.length;
  const i = (LEVELS as readonly string[]).indexOf(s);
  return i < 0 ? -1 : i;
}

/** A fact name, or a list of alternatives (any one of them satisfies the expectation). */
export type FactRef = string | readonly string[];
const refLabel = (r: FactRef): string => (typeof r === 'string' ? r : r.join('|'));
const refHit = (r: FactRef, named: ReadonlySet<string> | readonly string[]): boolean => {
  const has = (n: string): boolean => (Array.isArray(named) ? (named as readonly string[]).includes(n) : (named as ReadonlySet<string>).has(n));
  return typeof r === 'string' ? has(r) : r.some(has);
};

export interface DrugExpectation {
  drug: string;
  /** The expected worst level; a list = any of these (the label leaves the app's level open; README says why). */
  worst: LevelOrNone | readonly LevelOrNone[];
  /** Facts a flag at the worst level must name. */
  because?: readonly FactRef[];
  /** State of that flag (triggered by a recorded finding, or unknown because a fact is missing). */
  state?: 'triggered' | 'unknown';
}

/** A flag naming these facts exists on the drug, at one of the levels (the worst level may be another). */
export interface FlagExpectation {
  drug: string;
  facts: readonly FactRef[];
  level: Level | readonly Level[];
  state?: 'triggered' | 'unknown';
  /** The flag shows this fact's value in this state, with its date (e.g. an old result: 'stale'). */
  evidence?: { name: string; state: 'ok' | 'stale' | 'missing' };
}

/** Not usable as a value (missing, implausible, unit unknown): a finding the app must show as unknown. */
export const UNKNOWN = { unknown: true } as const;
/** Ok or stale with a value. */
export const KNOWN = { known: true } as const;
/** What a fact must be: UNKNOWN, KNOWN, a boolean / number / string value (ok or stale), or a numeric range. */
export type FactIs = typeof UNKNOWN | typeof KNOWN | boolean | number | string | { min: number; max: number };
const fmtIs = (is: FactIs): string => (typeof is !== 'object' ? String(is) : 'unknown' in is ? 'unknown' : 'known' in is ? 'known' : `${is.min}..${is.max}`);
export interface FactExpectation {
  name: string;
  is: FactIs;
  /** Also require this state (e.g. 'stale' for an old result shown with a repeat prompt). */
  state?: 'ok' | 'stale' | 'missing';
  /** The fact's reason must contain this (case-insensitive), e.g. "search failed" for a failed search. */
  reasonIncludes?: string;
  /** How the value was recognised: 'code' when the record's coding must be known (not a text fallback). */
  matchedBy?: 'code' | 'text' | 'derived';
}

export interface Expectations {
  drugs?: readonly DrugExpectation[];
  flags?: readonly FlagExpectation[];
  /** No flag above `level` on these options ('all' = every option of the model). */
  maxLevel?: ReadonlyArray<{ drugs: 'all' | readonly string[]; level: Level }>;
  /** No option carries a flag naming any of these facts (e.g. pregnancy to-dos for a 64-year-old). */
  noFlagNaming?: readonly string[];
  facts?: readonly FactExpectation[];
  /** These options rank after every option whose worst flag is caution or milder. */
  afterUnrestricted?: readonly string[];
  /** The option marked as the current therapy. */
  current?: string;
  /** Findings on drugs the patient takes that are not options of the model (background drugs). */
  background?: readonly DrugExpectation[];
  /** Stop reasons of therapy episodes (by INN). */
  stopReasons?: ReadonlyArray<{ inn: string; reason: string | readonly string[] }>;
}

export interface Scenario {
  id: string;
  title: string;
  indication: Indication;
  style: Style;
  /** Negative control: nothing beyond routine monitoring (every option at most screen-before-start). */
  negativeControl?: boolean;
  /** Thin problem list: only the indication recorded. */
  thin?: boolean;
  /** Failure kinds of issue 10 this scenario covers (README cross-reference). */
  covers: readonly string[];
  /** Label sources of the expectations (README). */
  sources: readonly string[];
  /** Searches of these resource types fail (timeout). */
  failSearches?: readonly string[];
  record(): Resource[];
  expect: Expectations;
}

export interface Check {
  kind: 'fact' | 'flag' | 'rank' | 'episode';
  label: string;
  expected: string;
  got: string;
  pass: boolean;
}

type Option = Ranking['options'][number];
type Flag = Option['flags'][number];

const worstOf = (flags: readonly Flag[]): LevelOrNone => {
  let best: string | null = null;
  for (const f of flags) if (best === null || levelRank(f.severity) < levelRank(best)) best = f.severity;
  return (best ?? 'none') as LevelOrNone;
};
const names = (f: Flag): string[] => f.facts.map((e) => e.name);
const describeFlags = (flags: readonly Flag[]): string =>
  flags.length === 0 ? 'no flags' : flags.map((f) => `${f.severity}/${f.state}[${names(f).join('+')}]`).join(', ');
const list = <T>(x: T | readonly T[]): readonly T[] => (Array.isArray(x) ? (x as readonly T[]) : [x as T]);

function drugCheck(e: DrugExpectation, flags: readonly Flag[] | undefined, where: string): Check {
  const allowed = list(e.worst);
  const label = `${where}${e.drug}: worst ${allowed.join(' | ')}${e.because ? ` because ${e.because.map(refLabel).join('+')}` : ''}${e.state ? ` (${e.state})` : ''}`;
  if (flags === undefined) return { kind: 'flag', label, expected: allowed.join('|'), got: 'drug not in the result', pass: false };
  const worst = worstOf(flags);
  let pass = allowed.includes(worst);
  if (pass && e.because && worst !== 'none') {
    const atWorst = flags.filter((f) => f.severity === worst && (e.state === undefined || f.state === e.state));
    const named = new Set(atWorst.flatMap(names));
    pass = e.because.every((n) => refHit(n, named));
  }
  return {
    kind: 'flag',
    label,
    expected: `${allowed.join('|')}${e.because ? ` [${e.because.map(refLabel).join('+')}]` : ''}`,
    got: `${worst}: ${describeFlags(flags)}`,
    pass,
  };
}

function factCheck(e: FactExpectation, record: PreparedRecord): Check {
  const v = (record.inputs as Record<string, PreparedRecord['inputs'][keyof PreparedRecord['inputs']] | undefined>)[e.name];
  const label = `fact ${e.name} is ${fmtIs(e.is)}${e.state ? ` (${e.state})` : ''}`;
  if (!v) return { kind: 'fact', label, expected: fmtIs(e.is), got: 'not derived (no such fact)', pass: false };
  const value = v.state === 'ok' || v.state === 'stale' ? v.value : undefined;
  const got = `${v.state}${value !== undefined ? ` ${String(value)}` : ''}${v.state !== 'ok' && 'reason' in v && v.reason ? ` (${v.reason})` : ''}`;
  let pass: boolean;
  const is = e.is;
  if (typeof is !== 'object') pass = value === is;
  else if ('unknown' in is) pass = value === undefined || value === null;
  else if ('known' in is) pass = value !== undefined && value !== null;
  else pass = typeof value === 'number' && value >= is.min && value <= is.max;
  if (e.state && v.state !== e.state) pass = false;
  const reason = v.state === 'ok' ? '' : v.reason;
  if (e.reasonIncludes && !reason.toLowerCase().includes(e.reasonIncludes.toLowerCase())) pass = false;
  const matched = v.state === 'missing' ? undefined : v.matchedBy;
  if (e.matchedBy && matched !== e.matchedBy) pass = false;
  const extra = `${e.reasonIncludes ? ` (reason: "${e.reasonIncludes}")` : ''}${e.matchedBy ? ` (matched by ${e.matchedBy})` : ''}`;
  return { kind: 'fact', label: `${label}${extra}`, expected: fmtIs(e.is), got: `${got}${matched ? `, matched by ${matched}` : ''}`, pass };
}

/** The ranking tier of a worst level; treat-before-start has no tier of its own in issue 10 (left out). */
const tierOf = (w: LevelOrNone): number | undefined =>
  w === 'contraindicated' ? 2 : w === 'only-if-no-alternative' ? 1 : w === 'treat-before-start' ? undefined : 0;

/** Every check of one scenario run. */
export function evaluate(s: Scenario, record: PreparedRecord, ranking: Ranking): Check[] {
  const checks: Check[] = [];
  const byDrug = new Map(ranking.options.map((o) => [o.drug, o]));
  const ex = s.expect;
  for (const f of ex.facts ?? []) checks.push(factCheck(f, record));
  for (const e of ex.drugs ?? []) checks.push(drugCheck(e, byDrug.get(e.drug)?.flags, ''));
  for (const e of ex.background ?? []) checks.push(drugCheck(e, ranking.currentMedicationFlags[e.drug] ?? [], 'background '));
  for (const e of ex.flags ?? []) {
    const levels = list(e.level);
    const flags = byDrug.get(e.drug)?.flags ?? [];
    const shows = (f: Flag): boolean =>
      e.evidence === undefined || f.facts.some((x) => x.name === e.evidence?.name && x.state === e.evidence.state && x.date !== undefined);
    const pass = flags.some(
      (f) =>
        (levels as readonly string[]).includes(f.severity) &&
        (e.state === undefined || f.state === e.state) &&
        e.facts.every((n) => refHit(n, names(f))) &&
        shows(f),
    );
    const shown = e.evidence ? ` showing ${e.evidence.name} ${e.evidence.state} with its date` : '';
    checks.push({
      kind: 'flag',
      label: `${e.drug}: a ${levels.join('|')} flag naming ${e.facts.map(refLabel).join('+')}${e.state ? ` (${e.state})` : ''}${shown}`,
      expected: 'present',
      got: describeFlags(flags),
      pass,
    });
  }
  for (const m of ex.maxLevel ?? []) {
    const drugs = m.drugs === 'all' ? ranking.options.map((o) => o.drug) : m.drugs;
    const over = drugs.flatMap((d) =>
      (byDrug.get(d)?.flags ?? []).filter((f) => levelRank(f.severity) < levelRank(m.level)).map((f) => `${d}: ${describeFlags([f])}`),
    );
    const background =
      m.drugs === 'all'
        ? Object.entries(ranking.currentMedicationFlags).flatMap(([d, fl]) =>
            fl.filter((f) => levelRank(f.severity) < levelRank(m.level)).map((f) => `background ${d}: ${describeFlags([f])}`),
          )
        : [];
    const all = [...over, ...background];
    checks.push({
      kind: 'flag',
      label: `no flag above ${m.level} on ${m.drugs === 'all' ? 'any option' : m.drugs.join(', ')}`,
      expected: 'none above',
      got: all.length === 0 ? 'none above' : all.join('; '),
      pass: all.length === 0,
    });
  }
  if (ex.noFlagNaming) {
    const hits = ranking.options.flatMap((o) =>
      o.flags.filter((f) => names(f).some((n) => ex.noFlagNaming?.includes(n))).map((f) => `${o.drug}: ${describeFlags([f])}`),
    );
    checks.push({
      kind: 'flag',
      label: `no flag naming ${ex.noFlagNaming.join(', ')}`,
      expected: 'none',
      got: hits.length === 0 ? 'none' : hits.join('; '),
      pass: hits.length === 0,
    });
  }
  for (const d of ex.afterUnrestricted ?? []) {
    const o = byDrug.get(d);
    const before = ranking.options.filter((x) => x !== o && levelRank(worstOf(x.flags)) >= levelRank('caution') && o !== undefined && x.rank > o.rank);
    checks.push({
      kind: 'rank',
      label: `${d} ranks after every option whose worst flag is caution or milder`,
      expected: 'after',
      got:
        o === undefined
          ? 'not ranked'
          : before.length === 0
            ? `rank ${o.rank} (after)`
            : `rank ${o.rank}, before ${before.map((x) => `${x.drug}#${x.rank}`).join(', ')}`,
      pass: o !== undefined && before.length === 0,
    });
  }
  if (ex.current) {
    const marked = ranking.options.filter((o) => o.current).map((o) => o.drug);
    checks.push({
      kind: 'rank',
      label: `${ex.current} marked current`,
      expected: ex.current,
      got: marked.join(', ') || 'none marked',
      pass: marked.length === 1 && marked[0] === ex.current,
    });
  }
  for (const r of ex.stopReasons ?? []) {
    const eps = record.episodes.filter((e) => e.inn === r.inn);
    const got = eps.map((e) => e.stopReason ?? 'none').join(', ') || 'no episode';
    const want = list(r.reason);
    checks.push({
      kind: 'episode',
      label: `${r.inn} stop reason ${want.join(' | ')}`,
      expected: want.join('|'),
      got,
      pass: eps.some((e) => e.stopReason !== undefined && want.includes(e.stopReason)),
    });
  }
  // Every scenario: the tiers of issue 10 (contraindicated last; only-if-no-alternative after every option at caution or milder).
  // The current therapy is judged in its own panel (issue 13) and listed after the new starts: the tiers are
  // those of the new starts.
  const starts = ranking.options.filter((o) => !o.current);
  const tierBad: string[] = [];
  starts.forEach((a) =>
    starts.forEach((b) => {
      if (a.rank >= b.rank) return;
      const wa = worstOf(a.flags);
      const wb = worstOf(b.flags);
      if (wa === 'contraindicated' && wb !== 'contraindicated') tierBad.push(`${a.drug}(${wa}) before ${b.drug}(${wb})`);
      else if (wa === 'only-if-no-alternative' && levelRank(wb) >= levelRank('caution')) tierBad.push(`${a.drug}(${wa}) before ${b.drug}(${wb})`);
    }),
  );
  checks.push({
    kind: 'rank',
    label: 'tier order (contraindicated last; only-if-no-alternative after caution-or-milder)',
    expected: 'ordered',
    got: tierBad.length === 0 ? 'ordered' : tierBad.join('; '),
    pass: tierBad.length === 0,
  });
  // Inside a tier the model's probability order is kept (issue 10, Ranking), except that a drug the
  // patient's own history demotes (failed or not tolerated: issue 13) follows the others of its tier.
  const probBad: string[] = [];
  const sorted = [...starts].sort((a, b) => a.rank - b.rank);
  sorted.forEach((a, i) =>
    sorted.slice(i + 1).forEach((b) => {
      const ta = tierOf(worstOf(a.flags));
      if (ta !== undefined && ta === tierOf(worstOf(b.flags)) && a.demoted === b.demoted && b.probability > a.probability + 1e-9)
        probBad.push(`${a.drug} (${a.probability.toFixed(3)}) before ${b.drug} (${b.probability.toFixed(3)})`);
    }),
  );
  checks.push({
    kind: 'rank',
    label: 'probability order inside each tier',
    expected: 'ordered',
    got: probBad.length === 0 ? 'ordered' : probBad.join('; '),
    pass: probBad.length === 0,
  });
  return checks;
}
