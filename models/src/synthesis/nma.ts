/**
 * Random-effects network meta-analysis on the link scale (NICE DSU TSD 2 design, contrast form):
 * each study keeps its own baseline (only within-study contrasts enter), every drug's effect d is
 * relative to one reference (no advanced therapy), the between-trial heterogeneity SD tau is common
 * to all comparisons (TSD 2 section 2.2) and multi-arm trials get the consistency covariance tau^2 / 2.
 * Effect modifiers enter as meta-regression terms on the arm (TSD 3, Dias et al. 2011): an arm's
 * relative effect is d_drug + sum_m beta_m z_m(arm).
 *
 * Several endpoint levels of one study (RA: ACR20/50/70 of the same arms; an ordinal model with
 * proportional odds has the same log odds ratio at every threshold) are combined into one contrast per
 * arm: inverse-variance mean over the levels, with the variance of the most precise level (no credit
 * for the levels being separate information, because they come from the same patients).
 */
import { fitGlsReml } from './gls.ts';
import type { Block, GlsFit, RemlOptions } from './gls.ts';
import { filled } from './linalg.ts';
import type { Mat } from './linalg.ts';
import type { ArmData, Network, StudyData } from './types.ts';

/** A fitted network. */
export interface NmaResult {
  /** Parameter names: drugs (sorted) then modifiers. */
  params: string[];
  drugs: string[];
  fit: GlsFit;
  /** Evidence rows behind each parameter. */
  rows: Record<string, string[]>;
  /** Studies that entered the fit. */
  studies: string[];
}

/** Design vector of an arm over the parameters. */
export function armDesign(params: string[], arm: Pick<ArmData, 'drug' | 'z'>): number[] {
  return params.map((p) => (p === arm.drug ? 1 : 0) + (arm.z[p] ?? 0));
}

/** Drug names in the network (sorted, deterministic). */
export function networkDrugs(net: Network): string[] {
  const s = new Set<string>();
  for (const st of net.studies) for (const l of st.levels) for (const a of l.arms) if (a.drug !== null) s.add(a.drug);
  return [...s].sort();
}

/** The contrast block of one study (levels combined). */
export function studyBlock(params: string[], st: StudyData): Block {
  const k = (st.levels[0]?.arms.length ?? 0) - 1;
  if (k < 1) throw new Error(`${st.id}: a study needs at least two arms`);
  const per = st.levels.map((l) => {
    if (l.arms.length !== k + 1) throw new Error(`${st.id}: every level needs the same arms`);
    const a0 = l.arms[0]!;
    return {
      y: l.arms.slice(1).map((a) => a.est - a0.est),
      V: l.arms.slice(1).map((a, i) => l.arms.slice(1).map((_b, j) => a0.v + (i === j ? a.v : 0))),
    };
  });
  const w = per.map((p) => 1 / (p.V.reduce((s, r, i) => s + r[i]!, 0) / k));
  const wSum = w.reduce((s, x) => s + x, 0);
  const y = Array.from({ length: k }, (_, i) => per.reduce((s, p, l) => s + (w[l]! * p.y[i]!) / wSum, 0));
  const best = per[w.indexOf(Math.max(...w))]!;
  const arms = st.levels[0]!.arms;
  const x0 = armDesign(params, arms[0]!);
  const X = arms.slice(1).map((a) => armDesign(params, a).map((v, j) => v - x0[j]!));
  const H: Mat = Array.from({ length: k }, (_a, i) => Array.from({ length: k }, (_b, j) => (i === j ? 1 : 0.5)));
  return { y, X, V: best.V, H };
}

const key = (d: string | null): string => d ?? '';

/**
 * The fitted studies of a network, without trial `leaveOut`, restricted to those whose drugs are all
 * connected to the reference through the remaining studies. A drug outside that connected part (its only
 * placebo-controlled trial left out) has no estimate; its studies are dropped rather than letting one of
 * its drugs silently act as a second reference.
 */
export function connectedStudies(net: Network, leaveOut?: string): StudyData[] {
  const fitted = net.studies.filter((s) => s.fit && s.trial !== leaveOut);
  const reached = new Set<string>(['']);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of fitted) {
      const ds = s.levels[0]!.arms.map((a) => key(a.drug));
      if (ds.some((d) => reached.has(d)) && ds.some((d) => !reached.has(d))) {
        ds.forEach((d) => reached.add(d));
        grew = true;
      }
    }
  }
  return fitted.filter((s) => s.levels[0]!.arms.every((a) => reached.has(key(a.drug))));
}

/** Fits the network on the studies with `fit` (optionally leaving out one trial). */
export function fitNma(net: Network, opt: RemlOptions & { leaveOut?: string } = {}): NmaResult {
  const drugs = networkDrugs(net);
  const params = [...drugs, ...net.modifiers.map((m) => m.name)];
  const used = connectedStudies(net, opt.leaveOut);
  const blocks = used.map((s) => studyBlock(params, s));
  const fit = fitGlsReml(blocks, params.length, opt);
  const rows: Record<string, string[]> = {};
  used.forEach((s, i) => {
    const X = blocks[i]!.X;
    params.forEach((p, j) => {
      if (X.some((r) => Math.abs(r[j] ?? 0) > 1e-12)) rows[p] = [...new Set([...(rows[p] ?? []), ...s.levels.flatMap((l) => l.rows)])];
    });
  });
  return { params, drugs, fit, rows, studies: used.map((s) => s.id) };
}

/**
 * Relative effect (vs reference) of an arm, with its variance from the synthesis (tau not included). A
 * modifier the data cannot estimate contributes nothing (no evidence, no modification); a drug the data
 * cannot estimate makes the effect not estimable.
 */
export function armEffect(res: NmaResult, arm: Pick<ArmData, 'drug' | 'z'>): { est: number; v: number; estimable: boolean } {
  const x = armDesign(res.params, arm).map((v, i) => (i >= res.drugs.length && !res.fit.estimable[i] ? 0 : v));
  let est = 0;
  let v = 0;
  let estimable = true;
  x.forEach((xi, i) => {
    if (xi === 0) return;
    if (!res.fit.estimable[i]) estimable = false;
    est += xi * (res.fit.beta[i] ?? 0);
    x.forEach((xj, j) => {
      if (xj !== 0) v += xi * xj * (res.fit.cov[i]![j] ?? 0);
    });
  });
  return estimable ? { est, v, estimable } : { est: Number.NaN, v: Number.NaN, estimable };
}

/**
 * One between-trial SD for several networks on the same (logit) scale, each with its own drug and
 * modifier parameters: REML over all their contrasts. Used where a network alone cannot identify tau
 * (Crohn's disease: one trial per drug, as many contrasts as parameters); NICE DSU TSD 2 section 6.2
 * recommends external information on tau when the network has too few replicated comparisons, and this
 * keeps that information inside calibration.csv.
 */
export function sharedTau(nets: Network[], leaveOut?: { indication: string; trial: string }): { tau: number; tauCi: [number, number] } {
  const all: Block[] = [];
  let offset = 0;
  const widths = nets.map((n) => networkDrugs(n).length + n.modifiers.length);
  const total = widths.reduce((s, w) => s + w, 0);
  nets.forEach((net, k) => {
    const params = [...networkDrugs(net), ...net.modifiers.map((m) => m.name)];
    for (const s of connectedStudies(net, leaveOut && leaveOut.indication === net.indication ? leaveOut.trial : undefined)) {
      const b = studyBlock(params, s);
      all.push({ ...b, X: b.X.map((r) => [...filled(offset, 0), ...r, ...filled(total - offset - r.length, 0)]) });
    }
    offset += widths[k]!;
  });
  const fit = fitGlsReml(all, total);
  return { tau: fit.tau, tauCi: fit.tauCi };
}
