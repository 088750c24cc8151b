// The published network meta-analysis rows of calibration.csv are test vectors of the synthesis, which
// never sees them: same ordering, each odds ratio inside the published 95% interval. Where the table's own
// trials cannot reproduce a row, the disagreement is listed here with its reason (and in the model cards),
// so that a change in either direction fails.
import { describe, expect, it } from 'vitest';
import { drugEffect, synthesize } from '@models/src/synthesis/index.ts';
import type { SynthesisIndication } from '@models/src/synthesis/index.ts';

const syn = { cd: synthesize('cd'), uc: synthesize('uc'), ra: synthesize('ra') } as Record<SynthesisIndication, ReturnType<typeof synthesize>>;
const or = (ind: SynthesisIndication, drug: string, z: Record<string, number>): number => Math.exp(drugEffect(syn[ind], drug, z).est);

type Vector = { row: string; ind: SynthesisIndication; z: Record<string, number>; vs?: string; ors: [string, number, number, number][] };
const VECTORS: Vector[] = [
  // NMA01: biologic-naive CD, induction remission OR vs placebo (Singh 2018, PMC7183879 Table 2).
  {
    row: 'NMA01',
    ind: 'cd',
    z: { expo: 0, severe: 0.5 },
    ors: [
      ['infliximab', 5.9, 2.78, 12.51],
      ['adalimumab', 3.8, 1.76, 8.18],
      ['ustekinumab', 2.75, 1.76, 4.32],
      ['vedolizumab', 2.69, 1.36, 5.32],
      ['certolizumab pegol', 1.36, 0.89, 2.08],
    ],
  },
  // NMA03: biologic-naive CD, OR vs infliximab (AGA 2021, PMC8986997 Table 5).
  {
    row: 'NMA03',
    ind: 'cd',
    z: { expo: 0, severe: 0.5 },
    vs: 'infliximab',
    ors: [
      ['adalimumab', 0.64, 0.22, 1.88],
      ['certolizumab pegol', 0.23, 0.1, 0.55],
      ['vedolizumab', 0.46, 0.16, 1.26],
      ['ustekinumab', 0.47, 0.19, 1.12],
    ],
  },
  // NMA06: TNF-exposed UC, induction remission OR vs placebo (PMC8022894 Table 3).
  {
    row: 'NMA06',
    ind: 'uc',
    z: { expo_tnf: 1, expo_other: 1 },
    ors: [
      ['ustekinumab', 11.51, 2.65, 49.96],
      ['tofacitinib', 11.88, 2.32, 60.89],
      ['vedolizumab', 1.92, 0.87, 4.25],
      ['adalimumab', 1.07, 0.48, 2.41],
    ],
  },
];

/** Disagreements the table's trials imply, with the reason (see the model cards). */
const KNOWN: Record<string, string> = {
  'NMA06 vedolizumab':
    "GEMINI 1 (UC14, ~40% TNF failure) gives vedolizumab an odds ratio of 3.6; no TNF-exposed vedolizumab UC stratum is in the table, and the non-TNF exposure term (ELEVATE strata) is positive, so the TNF-exposed odds ratio stays above NMA06's 4.25",
};

describe('published NMA rows as test vectors', () => {
  it.each(VECTORS.flatMap((v) => v.ors.map((o) => [v.row, v, o] as const)))('%s: %s inside the published interval (or a listed disagreement)', (row, v, o) => {
    const [drug, , lo, hi] = o;
    const mod = v.ind === 'uc' ? (drug === 'adalimumab' ? { expo_tnf: 1 } : { expo_other: 1 }) : v.z;
    const value = or(v.ind, drug, mod) / (v.vs ? or(v.ind, v.vs, mod) : 1);
    const inside = value >= lo && value <= hi;
    expect(inside ? 'inside' : (KNOWN[`${row} ${drug}`] ?? `outside: ${value.toFixed(2)} not in ${lo}-${hi}`)).toBe(KNOWN[`${row} ${drug}`] ?? 'inside');
  });

  it('NMA01: ordering infliximab > adalimumab > ustekinumab, vedolizumab > certolizumab (biologic-naive CD)', () => {
    const z = { expo: 0, severe: 0.5 };
    const e = (d: string) => or('cd', d, z);
    expect(e('infliximab')).toBeGreaterThan(e('adalimumab'));
    expect(e('adalimumab')).toBeGreaterThan(Math.max(e('ustekinumab'), e('vedolizumab')));
    expect(Math.min(e('ustekinumab'), e('vedolizumab'))).toBeGreaterThan(e('certolizumab pegol'));
  });

  it('NMA03: ustekinumab vs certolizumab OR 2.02 (1.09-3.75)', () => {
    const z = { expo: 0, severe: 0.5 };
    const v = or('cd', 'ustekinumab', z) / or('cd', 'certolizumab pegol', z);
    expect(v).toBeGreaterThan(1.09);
    expect(v).toBeLessThan(3.75);
  });

  it('NMA04: infliximab first, then risankizumab, then upadacitinib (CD overall)', () => {
    const z = { expo: 0.5, severe: 0.5 };
    expect(or('cd', 'infliximab', z)).toBeGreaterThan(or('cd', 'risankizumab', z));
    expect(or('cd', 'risankizumab', z)).toBeGreaterThan(or('cd', 'upadacitinib', z));
  });

  it('NMA05: upadacitinib ranks first in UC, overall and in both exposure strata', () => {
    for (const e of [0, 0.5, 1]) {
      const up = or('uc', 'upadacitinib', { expo_other: e });
      const others = syn.uc.nma.drugs
        .filter((d) => d !== 'upadacitinib')
        .map((d) => or('uc', d, ['infliximab', 'adalimumab', 'golimumab'].includes(d) ? { expo_tnf: e } : { expo_other: e }));
      expect(up).toBeGreaterThan(Math.max(...others));
    }
  });

  it('NMA06: adalimumab last in TNF-exposed UC; ustekinumab above adalimumab', () => {
    const adaExp = or('uc', 'adalimumab', { expo_tnf: 1 });
    for (const d of ['ustekinumab', 'tofacitinib', 'vedolizumab']) expect(or('uc', d, { expo_other: 1 })).toBeGreaterThan(adaExp);
  });

  it('NMA07/NMA08/NMA09: every RA biologic and JAK inhibitor + MTX is better than MTX alone', () => {
    for (const d of syn.ra.nma.drugs) expect(or('ra', d, {})).toBeGreaterThan(1);
  });

  it('RA, MTX-IR biologic-naive: adalimumab vs JAK inhibitors agrees with the head-to-head rows (FINCH 1 RA35/RA36, ORAL Standard RA26)', () => {
    // FINCH 1: filgotinib 76.6% vs adalimumab 70.8% (filgotinib numerically ahead); ORAL Standard: tofacitinib 51.5% vs adalimumab 47.2% (no significant difference).
    expect(or('ra', 'filgotinib', {})).toBeGreaterThan(or('ra', 'adalimumab', {}));
    const base = 0.3;
    const p = (d: string) => {
      const o = or('ra', d, {}) * (base / (1 - base));
      return o / (1 + o);
    };
    expect(Math.abs(p('tofacitinib') - p('adalimumab'))).toBeLessThan(0.1);
    expect(Math.abs(p('upadacitinib') - p('adalimumab'))).toBeLessThan(0.1);
  });
});
