/**
 * Shared pieces of the scenario definitions: each model's candidate options (models/<ind>/spec.json,
 * outputs.drugs), drug groups by label class, the MS work-up, and shorthands for expectations.
 */
import type { DrugExpectation, FactRef, Level, LevelOrNone } from '../expect.ts';
import { ANSWER, INTERPRETATION, LAB, daysAgo, type RecordBuilder } from '../builders.ts';

export const OPTIONS = {
  CD: ['infliximab', 'adalimumab', 'certolizumab pegol', 'vedolizumab', 'ustekinumab', 'risankizumab', 'upadacitinib'],
  UC: ['infliximab', 'adalimumab', 'golimumab', 'vedolizumab', 'tofacitinib', 'upadacitinib', 'ustekinumab', 'mirikizumab', 'ozanimod', 'etrasimod'],
  RA: [
    'adalimumab',
    'etanercept',
    'infliximab',
    'certolizumab pegol',
    'golimumab',
    'abatacept',
    'tocilizumab',
    'sarilumab',
    'rituximab',
    'tofacitinib',
    'baricitinib',
    'upadacitinib',
    'filgotinib',
  ],
  RMS: [
    'interferon beta-1a',
    'interferon beta-1b',
    'glatiramer acetate',
    'teriflunomide',
    'dimethyl fumarate',
    'fingolimod',
    'ozanimod',
    'ponesimod',
    'natalizumab',
    'alemtuzumab',
    'ocrelizumab',
    'ofatumumab',
    'ublituximab',
    'cladribine',
  ],
} as const;

/** The four anti-TNF antibodies whose EU SmPC 4.3 lists NYHA III/IV heart failure (etanercept's does not). */
export const ANTI_TNF_HF = ['infliximab', 'adalimumab', 'certolizumab pegol', 'golimumab'] as const;
export const JAK_RA = ['tofacitinib', 'baricitinib', 'upadacitinib', 'filgotinib'] as const;
export const S1P_MS = ['fingolimod', 'ozanimod', 'ponesimod'] as const;

/** Do-not-start-now levels for an active serious infection: SmPC 4.3 says "contraindicated"; a "treat first" level says the same. */
export const NOT_NOW: readonly Level[] = ['contraindicated', 'treat-before-start'];

/** The same expectation for several drugs. */
export function each(
  drugs: readonly string[],
  worst: LevelOrNone | readonly LevelOrNone[],
  because?: readonly FactRef[],
  state?: 'triggered' | 'unknown',
): DrugExpectation[] {
  return drugs.map((drug) => ({ drug, worst, ...(because ? { because } : {}), ...(state ? { state } : {}) }));
}

/**
 * The MS-specific work-up before a DMT, normal results: anti-JCV antibodies negative, VZV IgG positive,
 * ECG QTc 420 ms, IgG 10 g/L. (Tysabri SmPC 4.4 JCV; Gilenya/Zeposia/Ponvory SmPC 4.4 VZV and ECG;
 * Ocrevus SmPC 4.4 immunoglobulins.)
 */
export function msWorkup(b: RecordBuilder, o: { jcv?: boolean; igg?: boolean; qtc?: boolean } = {}): RecordBuilder {
  const d = daysAgo(30);
  if (o.jcv !== false) b.coded(LAB.jcvAb, ANSWER.negative, d, { interpretation: INTERPRETATION.NEG });
  b.coded(LAB.vzvIgg, ANSWER.positive, d, { interpretation: INTERPRETATION.POS });
  if (o.qtc !== false) b.quantity(LAB.qtc, 420, 'ms', d);
  if (o.igg !== false)
    b.quantity(
      LAB.igg,
      b.style === 'US' ? 1000 : 10,
      b.style === 'US' ? 'mg/dL' : 'g/L',
      d,
      b.style === 'US' ? { low: 700, high: 1600 } : { low: 7, high: 16 },
    );
  return b;
}
