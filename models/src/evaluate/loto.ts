/**
 * Leave-one-trial-out validation of the synthesis (issue 11, point 5). For each trial T of an indication:
 * refit the network meta-analysis and the baseline model without T (strata and endpoints of T go
 * together), build T's population from its stated covariates (era, exposure share, background therapy,
 * severity share) and predict every published arm with no offset. Scores:
 *  (a) the predicted arm inside the published arm's 95% CI (Wilson for proportions; for ARR the
 *      negative-binomial interval exp(ln ARR +/- 1.96 sd));
 *  (b) the predicted drug-minus-comparator difference inside the published difference's 95% CI (the table
 *      gives arm results, not difference CIs: Newcombe's hybrid score interval, Newcombe 1998 Stat Med
 *      17:873 method 10, for proportions; delta method for rate differences);
 *  (c) head-to-head pairs (two active arms): direction right when the published difference is significant,
 *      |predicted difference| < 10 points (proportions) or < 0.1 relapses/year (rates) when it is not;
 *  (d) the published arm inside the 90% prediction interval (estimation + heterogeneity + the arm's own
 *      sampling variance).
 */
import { logit, round, sigmoid, wilson } from '../math.ts';
import { DISPERSION } from '../synthesis/data/rms.ts';
import { relapseFree } from '../synthesis/dispersion.ts';
import { synthesize } from '../synthesis/index.ts';
import type { Synthesis, SynthesisIndication } from '../synthesis/index.ts';
import { predictArm } from '../synthesis/predict.ts';
import type { StudyData } from '../synthesis/types.ts';

const Z90 = 1.6448536269514722;
const Z95 = 1.959963984540054;

/** One scored arm. */
export interface LotoArm {
  trial: string;
  study: string;
  rows: string;
  endpoint: string;
  drug: string;
  role: 'comparator' | 'active';
  published: number;
  n: number;
  ci95: [number, number];
  predicted: number;
  pi90: [number, number];
  inCi: boolean;
  inPi: boolean;
  exchangeable: boolean;
}

/** One scored difference (active arm vs the study comparator, or a head-to-head pair). */
export interface LotoDiff {
  study: string;
  rows: string;
  endpoint: string;
  contrast: string;
  published: number;
  ci95: [number, number];
  predicted: number;
  inCi: boolean;
  headToHead: boolean;
  significant: boolean;
  /** (c): direction right (significant) or |predicted| below the margin (not significant). */
  directionOk: boolean;
}

/** Per-indication leave-one-trial-out result. */
export interface LotoResult {
  indication: string;
  trials: number;
  arms: LotoArm[];
  diffs: LotoDiff[];
  summary: LotoSummary;
  /**
   * The same four measures with NO trial left out (the synthesis fitted on every trial, still no
   * per-trial offset). Leaving a trial out can only lose information, so this in-sample figure is an
   * upper bound on what leave-one-trial-out can reach with this table: where it is itself below a
   * target, the between-trial heterogeneity of the published evidence, not the left-out trial, is what
   * stops the target.
   */
  inSample: LotoSummary;
  misses: string[];
}

/** [inside, of] per measure: (a) arms in 95% CI, (b) differences in CI, (c) head-to-head right, (d) arms in 90% interval. */
export interface LotoSummary {
  armsInCi: [number, number];
  diffsInCi: [number, number];
  headToHead: [number, number];
  pi90: [number, number];
}

type Obs = { name: string; drug: string | null; value: number; n: number; lo: number; hi: number; pred: number; plo: number; phi: number; exch: boolean };

/** Arm label: the drug, marked when given as monotherapy (RA). */
function armName(a: { drug: string | null; z: Record<string, number> }): string {
  const mono = Object.entries(a.z).some(([k, v]) => k.startsWith('mono') && v > 0);
  return `${a.drug ?? 'no advanced therapy'}${mono ? ' (monotherapy)' : ''}`;
}

function newcombe(p1: number, n1: number, p0: number, n0: number): [number, number] {
  const [l1, u1] = wilson(p1, n1);
  const [l0, u0] = wilson(p0, n0);
  const d = p1 - p0;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)];
}

/** Scores one study against a synthesis that left its trial out. */
function scoreStudy(syn: Synthesis, st: StudyData): { arms: LotoArm[]; diffs: LotoDiff[] } {
  const arms: LotoArm[] = [];
  const diffs: LotoDiff[] = [];
  const rate = syn.net.link === 'log';
  const push = (endpoint: string, rows: string, obs: Obs[], kind: 'prop' | 'rate'): void => {
    obs.forEach((o, i) =>
      arms.push({
        trial: st.trial,
        study: st.id,
        rows,
        endpoint,
        drug: o.name,
        role: i === 0 ? 'comparator' : 'active',
        published: round(o.value),
        n: o.n,
        ci95: [round(o.lo), round(o.hi)],
        predicted: round(o.pred),
        pi90: [round(o.plo), round(o.phi)],
        inCi: o.pred >= o.lo && o.pred <= o.hi,
        inPi: o.value >= o.plo && o.value <= o.phi,
        exchangeable: o.exch,
      }),
    );
    for (let i = 0; i < obs.length; i += 1)
      for (let j = i + 1; j < obs.length; j += 1) {
        const a = obs[j]!;
        const b = obs[i]!;
        const h2h = a.drug !== null && b.drug !== null;
        if (i > 0 && !h2h) continue;
        const pub = a.value - b.value;
        const ci: [number, number] =
          kind === 'prop'
            ? newcombe(a.value, a.n, b.value, b.n)
            : (() => {
                const se = Math.sqrt(((a.hi - a.lo) / (2 * Z95)) ** 2 + ((b.hi - b.lo) / (2 * Z95)) ** 2);
                return [pub - Z95 * se, pub + Z95 * se];
              })();
        const pred = a.pred - b.pred;
        const significant = ci[0] > 0 || ci[1] < 0;
        const margin = kind === 'prop' ? 0.1 : 0.1;
        diffs.push({
          study: st.id,
          rows,
          endpoint,
          contrast: `${a.name} - ${b.name}`,
          published: round(pub),
          ci95: [round(ci[0]), round(ci[1])],
          predicted: round(pred),
          inCi: pred >= ci[0] && pred <= ci[1],
          headToHead: h2h,
          significant,
          directionOk: significant ? Math.sign(pred) === Math.sign(pub) : Math.abs(pred) < margin,
        });
      }
  };
  for (const lv of st.levels) {
    const obs = lv.arms.map((a, i): Obs => {
      const p = predictArm(syn, st, lv.endpoint, a, i === 0);
      const sd = Math.sqrt(p.vSyn + p.vHet + a.v);
      if (rate) {
        const half = Z95 * Math.sqrt(a.v);
        return {
          name: armName(a),
          drug: a.drug,
          value: a.value,
          n: a.n,
          lo: Math.exp(a.est - half),
          hi: Math.exp(a.est + half),
          pred: Math.exp(p.mean),
          plo: Math.exp(p.mean - Z90 * sd),
          phi: Math.exp(p.mean + Z90 * sd),
          exch: p.exchangeable,
        };
      }
      const [lo, hi] = wilson(a.value, a.n);
      return {
        name: armName(a),
        drug: a.drug,
        value: a.value,
        n: a.n,
        lo,
        hi,
        pred: sigmoid(p.mean),
        plo: sigmoid(p.mean - Z90 * sd),
        phi: sigmoid(p.mean + Z90 * sd),
        exch: p.exchangeable,
      };
    });
    push(lv.endpoint, lv.rows.join('+'), obs, rate ? 'rate' : 'prop');
  }
  // Relapse-free levels of MS trials: predicted log ARR through NB(k); PI on the logit scale with the
  // arm's binomial variance added.
  for (const so of st.scoreOnly ?? []) {
    const arms0 = st.levels[0]!.arms;
    const obs = so.arms.map((a, i): Obs => {
      const src = arms0.find((x) => x.drug === a.drug) ?? { drug: a.drug, z: {} };
      const p = predictArm(syn, st, 'arr', src, i === 0);
      const sd = Math.sqrt(p.vSyn + p.vHet);
      const pr = relapseFree(Math.exp(p.mean), so.years, DISPERSION.k);
      const hiL = logit(relapseFree(Math.exp(p.mean - Z90 * sd), so.years, DISPERSION.k));
      const loL = logit(relapseFree(Math.exp(p.mean + Z90 * sd), so.years, DISPERSION.k));
      const halfL = Math.sqrt(((hiL - loL) / 2) ** 2 + (Z90 * Z90) / (a.n * a.p * (1 - a.p)));
      const [lo, hi] = wilson(a.p, a.n);
      return {
        name: a.drug ?? 'no advanced therapy',
        drug: a.drug,
        value: a.p,
        n: a.n,
        lo,
        hi,
        pred: pr,
        plo: sigmoid(logit(pr) - halfL),
        phi: sigmoid(logit(pr) + halfL),
        exch: p.exchangeable,
      };
    });
    push(so.endpoint, so.rows.join('+'), obs, 'prop');
  }
  return { arms, diffs };
}

const frac = (xs: boolean[]): [number, number] => [xs.filter(Boolean).length, xs.length];

function summarise(arms: LotoArm[], diffs: LotoDiff[]): LotoSummary {
  return {
    armsInCi: frac(arms.map((a) => a.inCi)),
    diffsInCi: frac(diffs.map((d) => d.inCi)),
    headToHead: frac(diffs.filter((d) => d.headToHead).map((d) => d.directionOk)),
    pi90: frac(arms.map((a) => a.inPi)),
  };
}

/** Why an arm or difference missed, in words (the model card lists them). */
function armReason(a: LotoArm): string {
  const pct = (x: number): string => (a.endpoint === 'arr' ? x.toFixed(2) : `${(100 * x).toFixed(1)}%`);
  let what = `relative effect of ${a.drug} from its other trials`;
  if (a.role === 'comparator') what = 'baseline level (era, population, endpoint) of the other trials';
  else if (a.exchangeable) what = `no other trial of ${a.drug}: exchangeable with the other drugs`;
  return `${a.study} [${a.rows}] ${a.endpoint} ${a.drug}: predicted ${pct(a.predicted)}, published ${pct(a.published)} (95% CI ${pct(a.ci95[0])}-${pct(a.ci95[1])}); ${what}`;
}

/** Runs the leave-one-trial-out validation of one indication. */
export function leaveOneTrialOut(indication: SynthesisIndication): LotoResult {
  const all = synthesize(indication);
  const net = all.net;
  const inSample = net.studies.map((st) => scoreStudy(all, st));
  const trials = [...new Set(net.studies.map((s) => s.trial))];
  const arms: LotoArm[] = [];
  const diffs: LotoDiff[] = [];
  for (const t of trials) {
    const syn = synthesize(indication, t);
    for (const st of net.studies.filter((s) => s.trial === t)) {
      const r = scoreStudy(syn, st);
      arms.push(...r.arms);
      diffs.push(...r.diffs);
    }
  }
  const h2h = diffs.filter((d) => d.headToHead);
  const misses = [
    ...arms.filter((a) => !a.inCi).map((a) => `arm outside CI: ${armReason(a)}`),
    ...diffs
      .filter((d) => !d.inCi)
      .map(
        (d) =>
          `difference outside CI: ${d.study} [${d.rows}] ${d.endpoint} ${d.contrast}: predicted ${d.predicted.toFixed(3)}, published ${d.published.toFixed(3)} (${d.ci95[0].toFixed(3)} to ${d.ci95[1].toFixed(3)})`,
      ),
    ...h2h
      .filter((d) => !d.directionOk)
      .map(
        (d) =>
          `head-to-head ${d.significant ? 'direction wrong' : 'difference >= margin where none was found'}: ${d.study} ${d.endpoint} ${d.contrast}: predicted ${d.predicted.toFixed(3)}, published ${d.published.toFixed(3)}`,
      ),
    ...arms
      .filter((a) => !a.inPi)
      .map((a) => `outside the 90% prediction interval: ${a.study} [${a.rows}] ${a.endpoint} ${a.drug}: ${a.published} not in ${a.pi90[0]}-${a.pi90[1]}`),
  ];
  return {
    indication,
    trials: trials.length,
    arms,
    diffs,
    summary: summarise(arms, diffs),
    inSample: summarise(
      inSample.flatMap((r) => r.arms),
      inSample.flatMap((r) => r.diffs),
    ),
    misses,
  };
}
