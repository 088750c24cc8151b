// Leave-one-trial-out: the refit never sees the left-out trial, and the validation scores every arm.
import { describe, expect, it } from 'vitest';
import { leaveOneTrialOut } from '@models/src/evaluate/loto.ts';
import { NETWORKS } from '@models/src/synthesis/data/index.ts';
import { fitNma } from '@models/src/synthesis/nma.ts';
import { fitBaseline } from '@models/src/synthesis/baseline.ts';
import type { Network } from '@models/src/synthesis/types.ts';

const net = NETWORKS.rms;
const T = 'CLARITY';
/** The network with trial T's published numbers changed (arms scaled), everything else identical. */
const tampered: Network = {
  ...net,
  studies: net.studies.map((s) =>
    s.trial !== T
      ? s
      : { ...s, levels: s.levels.map((l) => ({ ...l, arms: l.arms.map((a, i) => ({ ...a, est: a.est + 1.5 * i, value: a.value * (i === 0 ? 1 : 4.5) })) })) },
  ),
};

describe('leave-one-trial-out', () => {
  it("the synthesis without T does not depend on T's numbers (effects, tau and baseline)", () => {
    const a = fitNma(net, { leaveOut: T });
    const b = fitNma(tampered, { leaveOut: T });
    expect(b.fit.beta).toEqual(a.fit.beta);
    expect(b.fit.tau).toBe(a.fit.tau);
    expect(fitBaseline(tampered, b, T).fit.beta).toEqual(fitBaseline(net, a, T).fit.beta);
    // ... while the full fit does.
    expect(fitNma(tampered).fit.beta).not.toEqual(fitNma(net).fit.beta);
  });

  it('leaving a trial out equals fitting the network without it', () => {
    const a = fitNma(net, { leaveOut: T });
    const b = fitNma({ ...net, studies: net.studies.filter((s) => s.trial !== T) });
    const byName = (r: typeof a) => Object.fromEntries(r.params.flatMap((p, i) => (r.fit.estimable[i] ? [[p, r.fit.beta[i]]] : [])));
    expect(byName(a)).toEqual(byName(b));
    expect(byName(a)).not.toHaveProperty('cladribine');
  });

  it('scores every published arm (each endpoint level and the relapse-free arms) and every difference', () => {
    const r = leaveOneTrialOut('rms');
    const arms = net.studies.reduce(
      (s, st) => s + st.levels.reduce((k, l) => k + l.arms.length, 0) + (st.scoreOnly ?? []).reduce((k, l) => k + l.arms.length, 0),
      0,
    );
    expect(r.arms).toHaveLength(arms);
    expect(r.summary.armsInCi[1]).toBe(arms);
    expect(r.summary.pi90[1]).toBe(arms);
    expect(r.trials).toBe(new Set(net.studies.map((s) => s.trial)).size);
    // MS trials against an active comparator are head-to-head pairs.
    expect(r.summary.headToHead[1]).toBeGreaterThan(5);
    for (const a of r.arms) expect(a.ci95[0]).toBeLessThanOrEqual(a.published);
  });

  it('the in-sample bound scores the same arms and differences, and is not below leave-one-trial-out on this network', () => {
    const r = leaveOneTrialOut('rms');
    for (const k of ['armsInCi', 'diffsInCi', 'headToHead', 'pi90'] as const) expect(r.inSample[k][1]).toBe(r.summary[k][1]);
    // the fit that saw every trial reproduces at least as many arms as the refits that each missed one
    expect(r.inSample.armsInCi[0]).toBeGreaterThanOrEqual(r.summary.armsInCi[0]);
    expect(r.inSample.diffsInCi[0]).toBeGreaterThanOrEqual(r.summary.diffsInCi[0]);
  });
});
