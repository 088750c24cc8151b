/**
 * Turning a simulated patient's therapy inputs (prior-exposure flags, count, current drug and months on it) into
 * a dated sequence of advanced-therapy courses the data layer reads back as the same inputs; and RA joint counts
 * that reproduce the simulated DAS28-CRP and CDAI.
 */
import type { Indication, Patient } from '../simulate/types.ts';
import { addDays, TODAY } from './fhir.ts';

/** One advanced-therapy course. `end` absent = ongoing at today. */
export interface Course {
  drug: string;
  start: string;
  end?: string;
  stop?: 'primaryNonResponse' | 'lossOfResponse' | 'intolerance' | 'breakthrough';
}

/**
 * For each simulator prior-exposure flag, the drugs that set it, in a plausible order of use (first-line first).
 * The flag -> class mapping is the simulator's `exposureInput` (models/src/simulate/*.ts) and the data layer's
 * (src/extract/derive.ts prior_* inputs).
 */
const FLAG_DRUGS: Record<Indication, Record<string, string[]>> = {
  cd: {
    prior_anti_tnf: ['infliximab', 'adalimumab', 'certolizumab pegol'],
    prior_anti_integrin: ['vedolizumab'],
    prior_anti_il12_23: ['ustekinumab', 'risankizumab'],
    prior_jak: ['upadacitinib'],
  },
  uc: {
    prior_anti_tnf: ['infliximab', 'adalimumab', 'golimumab'],
    prior_anti_integrin: ['vedolizumab'],
    prior_anti_il12_23: ['ustekinumab', 'mirikizumab'],
    prior_jak: ['tofacitinib', 'upadacitinib', 'filgotinib'],
    prior_s1p: ['ozanimod', 'etrasimod'],
  },
  ra: {
    prior_anti_tnf: ['adalimumab', 'etanercept', 'certolizumab pegol', 'golimumab', 'infliximab'],
    prior_jak: ['tofacitinib', 'baricitinib', 'upadacitinib', 'filgotinib'],
    prior_other_advanced: ['abatacept', 'tocilizumab', 'rituximab', 'sarilumab'],
  },
  rms: {
    prior_other_advanced: ['interferon beta-1a', 'glatiramer acetate', 'dimethyl fumarate', 'teriflunomide', 'ocrelizumab', 'ofatumumab'],
    prior_s1p: ['fingolimod', 'ozanimod', 'ponesimod'],
    prior_anti_integrin: ['natalizumab'],
  },
};

/** Order of use for sorting past courses: first-line classes first (RMS: platform and oral DMTs before high-efficacy ones). */
const ORDER: Record<Indication, string[]> = {
  cd: Object.values(FLAG_DRUGS.cd).flat(),
  uc: Object.values(FLAG_DRUGS.uc).flat(),
  ra: Object.values(FLAG_DRUGS.ra).flat(),
  rms: [
    'interferon beta-1a',
    'glatiramer acetate',
    'dimethyl fumarate',
    'teriflunomide',
    'fingolimod',
    'ozanimod',
    'ponesimod',
    'natalizumab',
    'ocrelizumab',
    'ofatumumab',
  ],
};

const flagOf = (ind: Indication, drug: string): string | undefined => Object.entries(FLAG_DRUGS[ind]).find(([, drugs]) => drugs.includes(drug))?.[0];

/**
 * The distinct drugs behind the simulated flags: the current drug, then one drug per remaining true flag, then
 * further drugs of the flagged classes until `prior_advanced_count` is reached (the data layer counts distinct
 * INNs, the ongoing one included). Undefined when the flags cannot be realised with exactly that many drugs
 * (more true flags than drugs, or a flagged class exhausted).
 */
export function drugsFor(ind: Indication, p: Patient): string[] | undefined {
  const count = typeof p.prior_advanced_count === 'number' ? p.prior_advanced_count : 0;
  const current = p.current_advanced_therapy;
  const flags = Object.keys(FLAG_DRUGS[ind]).filter((f) => p[f] === true);
  const drugs: string[] = [];
  if (typeof current === 'string' && current !== 'none') {
    const f = flagOf(ind, current);
    if (!f || !flags.includes(f)) return undefined;
    drugs.push(current);
  }
  for (const f of flags) {
    if (drugs.some((d) => flagOf(ind, d) === f)) continue;
    const next = FLAG_DRUGS[ind][f]?.find((d) => !drugs.includes(d));
    if (!next) return undefined;
    drugs.push(next);
  }
  let guard = 0;
  while (drugs.length < count && guard < 50) {
    guard += 1;
    const f = flags[guard % Math.max(1, flags.length)];
    const next = f ? FLAG_DRUGS[ind][f]?.find((d) => !drugs.includes(d)) : undefined;
    if (next) drugs.push(next);
  }
  return drugs.length === count ? drugs : undefined;
}

const YEAR_DAYS = 365.25;
const MONTH_DAYS = 30.4375;

/** Onset date of the diagnosis from the simulated disease duration (years before today). */
export function onsetDate(p: Patient): string {
  return addDays(TODAY, -Math.round(Number(p.disease_duration_years) * YEAR_DAYS));
}

/**
 * Dated courses: past drugs share the time between 15% into the disease course and the start of the current
 * drug (or two months before today) in equal slots; each stops at the latest 3 weeks before the next starts. The first anti-TNF
 * stops for primary non-response when the simulator says so; other past courses stop for loss of response (MS:
 * breakthrough disease), every third for intolerance. Undefined when a slot would be shorter than 3 months.
 */
export function coursesFor(ind: Indication, p: Patient, drugs: string[]): Course[] | undefined {
  const onset = onsetDate(p);
  const current = typeof p.current_advanced_therapy === 'string' && p.current_advanced_therapy !== 'none' ? p.current_advanced_therapy : undefined;
  const months = Number(p.current_therapy_duration_months);
  const currentStart = current ? addDays(TODAY, -Math.round(months * MONTH_DAYS)) : undefined;
  const past = drugs.filter((d) => d !== current).sort((a, b) => ORDER[ind].indexOf(a) - ORDER[ind].indexOf(b));
  const endAll = currentStart ?? addDays(TODAY, -61);
  const spanDays = (Date.parse(endAll) - Date.parse(onset)) / 86_400_000;
  const begin = 0.15 * spanDays;
  const slot = past.length > 0 ? (spanDays - begin) / past.length : 0;
  if (past.length > 0 && slot < 91) return undefined;
  let pnrLeft = p.prior_anti_tnf_primary_nonresponse === true;
  const out: Course[] = past.map((drug, i) => {
    const start = addDays(onset, begin + i * slot);
    let stop: Course['stop'] = i % 3 === 2 ? 'intolerance' : 'lossOfResponse';
    if (ind === 'rms') stop = 'breakthrough';
    if (pnrLeft && flagOf(ind, drug) === 'prior_anti_tnf') {
      stop = 'primaryNonResponse';
      pnrLeft = false;
    }
    // Primary non-response shows by the end of induction (weeks 12-16, e.g. adalimumab CD label: reassess at
    // week 12) and intolerance within months; loss of response ends the slot.
    let days = stop === 'intolerance' ? 150 : slot - 21;
    if (stop === 'primaryNonResponse') days = 112;
    return { drug, start, end: addDays(start, Math.min(days, slot - 21)), stop };
  });
  if (pnrLeft) return undefined;
  if (current && currentStart) out.push({ drug: current, start: currentStart });
  return out;
}

/** DAS28-CRP (Prevoo 1995 / Wells 2009; src/scores/das28.ts): GH in mm, CRP in mg/L. */
export function das28Crp(tjc: number, sjc: number, crp: number, ptgaMm: number): number {
  return 0.56 * Math.sqrt(tjc) + 0.28 * Math.sqrt(sjc) + 0.36 * Math.log(crp + 1) + 0.014 * ptgaMm + 0.96;
}

/** Joint counts and globals (0-10, half steps) whose DAS28-CRP and CDAI (TJC + SJC + PtGA + EGA, Aletaha 2005) are closest to the simulated ones. */
export function fitJointCounts(das28: number, cdai: number, crp: number): { tjc: number; sjc: number; ptga: number; ega: number } {
  let best = { tjc: 0, sjc: 0, ptga: 0, ega: 0 };
  let bestErr = Number.POSITIVE_INFINITY;
  for (let tjc = 0; tjc <= 28; tjc += 1) {
    for (let sjc = 0; sjc <= tjc; sjc += 1) {
      for (let g = 0; g <= 20; g += 1) {
        const ptga = g / 2;
        const dErr = das28Crp(tjc, sjc, crp, ptga * 10) - das28;
        // EGA closes the CDAI gap: the best half step within 0-10.
        const ega = Math.min(10, Math.max(0, Math.round((cdai - tjc - sjc - ptga) * 2) / 2));
        const cErr = tjc + sjc + ptga + ega - cdai;
        const err = (dErr / 0.05) ** 2 + (cErr / 1) ** 2 + 0.01 * Math.abs(ptga - ega);
        if (err < bestErr) {
          bestErr = err;
          best = { tjc, sjc, ptga, ega };
        }
      }
    }
  }
  return best;
}
