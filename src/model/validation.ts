/**
 * The leave-one-trial-out validation a bundled model ships in its metrics.json (`loto`, written by
 * models/src/evaluate/loto.ts) and the between-trial heterogeneity of its evidence synthesis
 * (`synthesis.tau`, models/src/synthesis/index.ts), read for the model card. A pure parser: a
 * missing or malformed file is a typed "not available" result, never an exception, so the model card
 * still opens and says the figures are missing instead of showing half of them.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const interval = z.tuple([finite, finite]).refine(([lo, hi]) => lo <= hi, 'lower bound above upper bound');
/** [inside, of]: a count out of a total. */
const count = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).refine(([x, n]) => x <= n, 'count above its total');

const ArmSchema = z.object({
  trial: z.string().min(1),
  study: z.string().min(1),
  rows: z.string(),
  endpoint: z.string().min(1),
  drug: z.string().min(1),
  role: z.enum(['comparator', 'active']),
  published: finite,
  n: z.number().int().positive(),
  ci95: interval,
  predicted: finite,
  pi90: interval,
  inCi: z.boolean(),
  inPi: z.boolean(),
  exchangeable: z.boolean(),
});

const DiffSchema = z.object({ inCi: z.boolean(), headToHead: z.boolean(), directionOk: z.boolean() });

const LotoSchema = z.object({
  trials: z.number().int().positive(),
  arms: z.array(ArmSchema).min(1),
  diffs: z.array(DiffSchema),
  summary: z.object({ armsInCi: count, diffsInCi: count, headToHead: count, pi90: count }),
  /** The same measures with no trial left out (models/src/evaluate/loto.ts): an upper bound; absent in older files. */
  inSample: z.object({ armsInCi: count, diffsInCi: count, headToHead: count, pi90: count }).optional(),
});

const MetricsSchema = z.object({
  loto: LotoSchema,
  synthesis: z.object({ scale: z.string(), tau: finite.refine((v) => v >= 0, 'must not be negative'), tauCi: interval }),
});

/** One held-out trial arm: published rate with its 95% CI, prediction with its 90% interval. */
export type ValidationArm = z.infer<typeof ArmSchema>;

/** The scale tau is on: log odds ratio (response endpoints) or log rate ratio (MS relapse rates). */
export type TauScale = 'log-odds-ratio' | 'log-rate-ratio' | 'other';

/** What the model card shows: the counts, tau and the per-arm table. */
export interface Validation {
  trials: number;
  arms: ValidationArm[];
  /** [inside, of] per measure: (a) arms in 95% CI, (b) differences in CI, (c) head-to-head right, (d) arms in 90% interval. */
  summary: { armsInCi: [number, number]; diffsInCi: [number, number]; headToHead: [number, number]; pi90: [number, number] };
  /** The same measures fitted on every trial (none left out): the bound leave-one-trial-out cannot exceed; null when the file predates it. */
  inSample: { armsInCi: [number, number]; diffsInCi: [number, number]; headToHead: [number, number]; pi90: [number, number] } | null;
  tau: number;
  tauCi: [number, number];
  tauScale: TauScale;
}

/** Why the figures cannot be shown: no file (or no `loto` in it), or a file that is not what it claims. */
export type ValidationProblem = 'missing' | 'malformed';

export type ValidationResult = { ok: true; validation: Validation } | { ok: false; problem: ValidationProblem; detail: string };

function tauScale(scale: string): TauScale {
  if (/^log odds ratio/i.test(scale)) return 'log-odds-ratio';
  if (/^log rate ratio/i.test(scale)) return 'log-rate-ratio';
  return 'other';
}

const tally = (flags: boolean[]): [number, number] => [flags.filter(Boolean).length, flags.length];
const same = (a: [number, number], b: [number, number]): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * Reads metrics.json's leave-one-trial-out figures. A file without `loto` (a model trained before
 * the validation existed) is `missing`; a wrong shape, or summary counts that disagree with the
 * per-arm and per-difference flags they summarise, is `malformed` (the card must not print counts
 * its own table contradicts).
 */
export function parseValidation(json: unknown): ValidationResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'malformed', detail: 'metrics.json is not an object' };
  if (!('loto' in json) || json.loto === undefined || json.loto === null)
    return { ok: false, problem: 'missing', detail: 'metrics.json has no leave-one-trial-out section' };
  const parsed = MetricsSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, problem: 'malformed', detail };
  }
  const { loto, synthesis } = parsed.data;
  const s = loto.summary;
  const h2h = loto.diffs.filter((d) => d.headToHead);
  const checks: [string, [number, number], [number, number]][] = [
    ['armsInCi', s.armsInCi, tally(loto.arms.map((a) => a.inCi))],
    ['diffsInCi', s.diffsInCi, tally(loto.diffs.map((d) => d.inCi))],
    ['headToHead', s.headToHead, tally(h2h.map((d) => d.directionOk))],
    ['pi90', s.pi90, tally(loto.arms.map((a) => a.inPi))],
  ];
  const wrong = checks
    .filter(([, claimed, counted]) => !same(claimed, counted))
    .map(([k, c, n]) => `summary.${k} ${c.join('/')} but the rows give ${n.join('/')}`);
  if (wrong.length > 0) return { ok: false, problem: 'malformed', detail: wrong.join('; ') };
  return {
    ok: true,
    validation: {
      trials: loto.trials,
      arms: loto.arms,
      summary: s,
      inSample: loto.inSample ?? null,
      tau: synthesis.tau,
      tauCi: synthesis.tauCi,
      tauScale: tauScale(synthesis.scale),
    },
  };
}

/**
 * Fetches `metrics.json` beside the model's spec.json (same origin) and parses it. Network errors,
 * HTTP errors and invalid JSON become a "not available" result: the card still opens.
 */
export async function fetchValidation(baseUrl: string): Promise<ValidationResult> {
  const url = new URL('metrics.json', baseUrl);
  if (url.origin !== new URL(baseUrl).origin) return { ok: false, problem: 'missing', detail: 'metrics.json not beside the model' };
  let res: Response;
  try {
    res = await fetch(url.href, { credentials: 'same-origin' });
  } catch (e) {
    return { ok: false, problem: 'missing', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!res.ok) return { ok: false, problem: 'missing', detail: `HTTP ${res.status}` };
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    return { ok: false, problem: 'malformed', detail: 'metrics.json is not valid JSON' };
  }
  return parseValidation(json);
}
