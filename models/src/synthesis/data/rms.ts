/**
 * Relapsing MS evidence network on the log annualised-relapse-rate scale (link 'log'): relative effects
 * are log rate ratios, the baseline model is the log ARR of no DMT. Arm variances are negative-binomial
 * with the dispersion k fitted from the trials reporting ARR and relapse-free of the same arms (DEFINE
 * MS08/MS09, FREEDOMS MS11, CARE-MS I MS21, CLARITY MS32). ULTIMATE I reports only relapse-free (MS29):
 * mapped to ARR through the same NB(k). Relapse-free proportions of the other trials are scored, not fitted.
 *
 * Interferon beta-1a (IM and SC) and beta-1b are one node, 'interferon beta': calibration.csv has no
 * placebo-controlled interferon beta-1a trial, and without this class assumption the subnetwork
 * {interferon beta-1a, alemtuzumab, ocrelizumab, ozanimod} is not connected to placebo.
 * No effect modifier: no row gives a naive/experienced pair of strata with both arms (MS28, MS31 and PR15
 * report one stratum each; they overlap the fitted ULTIMATE/ASCLEPIOS trials and are scored only).
 */
import { logit } from '../../math.ts';
import { rateArm } from '../arms.ts';
import { arrFromRelapseFree, fitDispersion } from '../dispersion.ts';
import type { PairedArm } from '../dispersion.ts';
import type { ArmData, Network, ScoreOnlyLevel, StudyData } from '../types.ts';

/** Arms reporting ARR and relapse-free (row, ARR, relapse-free, years, n). */
export const PAIRED_ARMS: PairedArm[] = [
  { row: 'MS08/MS09', arr: 0.17, relapseFree: 0.73, years: 2, n: 410 },
  { row: 'MS08/MS09', arr: 0.36, relapseFree: 0.54, years: 2, n: 408 },
  { row: 'MS11', arr: 0.18, relapseFree: 0.7, years: 2, n: 425 },
  { row: 'MS11', arr: 0.4, relapseFree: 0.46, years: 2, n: 418 },
  { row: 'MS21', arr: 0.18, relapseFree: 0.776, years: 2, n: 376 },
  { row: 'MS21', arr: 0.39, relapseFree: 0.587, years: 2, n: 187 },
  { row: 'MS32', arr: 0.14, relapseFree: 0.797, years: 96 / 52, n: 433 },
  { row: 'MS32', arr: 0.33, relapseFree: 0.609, years: 96 / 52, n: 437 },
];

/** Fitted NB dispersion. */
export const DISPERSION = fitDispersion(PAIRED_ARMS);
const K = DISPERSION.k;

/** Maps a drug name of the simulator to its network node. */
export function rmsNode(drug: string): string {
  return drug.startsWith('interferon beta') ? 'interferon beta' : drug;
}

type R = [string | null, number, number];
const study = (o: {
  id: string;
  trial?: string;
  label: string;
  year: number;
  years: number;
  rows: string[];
  notes: string;
  fit?: boolean;
  arms: R[];
  exposed?: number;
  scoreOnly?: ScoreOnlyLevel[];
}): StudyData => ({
  id: o.id,
  trial: o.trial ?? o.id,
  label: o.label,
  year: o.year,
  covariates: { exposed: o.exposed ?? 0 },
  fit: o.fit ?? true,
  notes: o.notes,
  levels: [
    {
      endpoint: 'arr',
      rows: o.rows,
      arms: o.arms.map(([d, arr, n]): ArmData => ({ ...rateArm(d === null ? null : rmsNode(d), arr, n, o.years, K), drug: d === null ? null : rmsNode(d) })),
    },
  ],
  ...(o.scoreOnly ? { scoreOnly: o.scoreOnly } : {}),
});
const rf = (rows: string[], years: number, arms: [string | null, number, number][]): ScoreOnlyLevel[] => [
  { endpoint: 'relapse-free', rows, years, arms: arms.map(([drug, p, n]) => ({ drug: drug === null ? null : rmsNode(drug), p, n })) },
];

/** ULTIMATE I relapse-free mapped to ARR: the delta-method variance of ln ARR from the binomial variance of logit p. */
function rfAsRate(drug: string | null, p: number, n: number, years: number): ArmData {
  const arr = arrFromRelapseFree(p, years, K);
  const h = 1e-5;
  const dlog =
    (Math.log(arrFromRelapseFree(1 / (1 + Math.exp(-(logit(p) + h))), years, K)) -
      Math.log(arrFromRelapseFree(1 / (1 + Math.exp(-(logit(p) - h))), years, K))) /
    (2 * h);
  return { drug, value: arr, n, est: Math.log(arr), v: (dlog * dlog) / (n * p * (1 - p)), z: {} };
}

/** The RMS network. */
export const RMS_NETWORK: Network = {
  indication: 'rms',
  link: 'log',
  modifiers: [],
  baselineCovariates: [],
  studies: [
    study({
      id: 'IFNB MS Study Group',
      label: 'IFNB MS Study Group interferon beta-1b, whole study (~4 y)',
      year: 1995,
      years: 4,
      rows: ['MS01'],
      notes: '',
      arms: [
        [null, 1.12, 123],
        ['interferon beta-1b', 0.78, 124],
      ],
    }),
    study({
      id: 'Copolymer 1',
      label: 'Copolymer 1 pivotal glatiramer acetate (2-year relapse count / 2)',
      year: 1995,
      years: 2,
      rows: ['MS04'],
      notes: 'row from memory; arm n 125/126 assumed',
      arms: [
        [null, 0.84, 126],
        ['glatiramer acetate', 0.595, 125],
      ],
    }),
    study({
      id: 'AFFIRM',
      label: 'AFFIRM natalizumab',
      year: 2006,
      years: 2,
      rows: ['MS20'],
      notes: 'ARR row MS20 from memory (MS19 verified -68% agrees)',
      arms: [
        [null, 0.73, 315],
        ['natalizumab', 0.23, 627],
      ],
    }),
    study({
      id: 'FREEDOMS',
      label: 'FREEDOMS fingolimod 0.5 mg',
      year: 2010,
      years: 2,
      rows: ['MS11'],
      notes: 'arm n assumed 418/425',
      arms: [
        [null, 0.4, 418],
        ['fingolimod', 0.18, 425],
      ],
      exposed: 0.4,
      scoreOnly: rf(['MS11'], 2, [
        [null, 0.46, 418],
        ['fingolimod', 0.7, 425],
      ]),
    }),
    study({
      id: 'CLARITY',
      label: 'CLARITY cladribine 3.5 mg/kg, 96 wk',
      year: 2010,
      years: 96 / 52,
      rows: ['MS32'],
      notes: '',
      arms: [
        [null, 0.33, 437],
        ['cladribine', 0.14, 433],
      ],
      scoreOnly: rf(['MS32'], 96 / 52, [
        [null, 0.609, 437],
        ['cladribine', 0.797, 433],
      ]),
    }),
    study({
      id: 'TEMSO',
      label: 'TEMSO teriflunomide 14 mg',
      year: 2011,
      years: 2,
      rows: ['MS06'],
      notes: 'row MS06 from memory (MS05 verified -32% agrees); arm n 358/363 assumed',
      arms: [
        [null, 0.54, 363],
        ['teriflunomide', 0.37, 358],
      ],
    }),
    study({
      id: 'CONFIRM',
      label: 'CONFIRM glatiramer acetate reference arm',
      year: 2012,
      years: 2,
      rows: ['MS03'],
      notes: 'arm n 350/363 assumed',
      arms: [
        [null, 0.4, 363],
        ['glatiramer acetate', 0.29, 350],
      ],
    }),
    study({
      id: 'DEFINE',
      label: 'DEFINE dimethyl fumarate',
      year: 2012,
      years: 2,
      rows: ['MS08'],
      notes: 'arm n approx (1:1:1)',
      arms: [
        [null, 0.36, 408],
        ['dimethyl fumarate', 0.17, 410],
      ],
      scoreOnly: rf(['MS09'], 2, [
        [null, 0.54, 408],
        ['dimethyl fumarate', 0.73, 410],
      ]),
    }),
    study({
      id: 'CARE-MS I',
      label: 'CARE-MS I alemtuzumab vs SC interferon beta-1a',
      year: 2012,
      years: 2,
      rows: ['MS21'],
      notes: '',
      arms: [
        ['interferon beta-1a', 0.39, 187],
        ['alemtuzumab', 0.18, 376],
      ],
      scoreOnly: rf(['MS21'], 2, [
        ['interferon beta-1a', 0.587, 187],
        ['alemtuzumab', 0.776, 376],
      ]),
    }),
    study({
      id: 'OPERA I',
      label: 'OPERA I ocrelizumab vs SC interferon beta-1a, 96 wk',
      year: 2017,
      years: 96 / 52,
      rows: ['MS23'],
      notes: 'arm n approx',
      arms: [
        ['interferon beta-1a', 0.29, 411],
        ['ocrelizumab', 0.16, 410],
      ],
      exposed: 0.3,
    }),
    study({
      id: 'SUNBEAM',
      label: 'SUNBEAM ozanimod vs IM interferon beta-1a, >= 12 months',
      year: 2019,
      years: 1,
      rows: ['MS14'],
      notes: 'arm n approx; follow-up taken as 1 year',
      arms: [
        ['interferon beta-1a', 0.35, 448],
        ['ozanimod', 0.18, 447],
      ],
      exposed: 0.3,
    }),
    study({
      id: 'ASCLEPIOS I',
      label: 'ASCLEPIOS I ofatumumab vs teriflunomide (median 1.6 y)',
      year: 2020,
      years: 1.6,
      rows: ['MS26'],
      notes: 'per-trial n approx',
      arms: [
        ['teriflunomide', 0.22, 462],
        ['ofatumumab', 0.11, 465],
      ],
      exposed: 0.4,
    }),
    study({
      id: 'OPTIMUM',
      label: 'OPTIMUM ponesimod vs teriflunomide, 108 wk',
      year: 2021,
      years: 108 / 52,
      rows: ['MS17'],
      notes: 'row MS17 from memory (MS16 verified -30.5% agrees)',
      arms: [
        ['teriflunomide', 0.29, 566],
        ['ponesimod', 0.202, 567],
      ],
      exposed: 0.4,
    }),
    {
      ...study({
        id: 'ULTIMATE I',
        trial: 'ULTIMATE',
        label: 'ULTIMATE I ublituximab vs teriflunomide, relapse-free 96 wk mapped to ARR',
        year: 2022,
        years: 96 / 52,
        rows: ['MS29'],
        notes: 'arm n 274/275 assumed',
        arms: [
          ['teriflunomide', 0.2, 275],
          ['ublituximab', 0.1, 274],
        ],
        exposed: 0.4,
        scoreOnly: rf(['MS29'], 96 / 52, [
          ['teriflunomide', 0.752, 275],
          ['ublituximab', 0.867, 274],
        ]),
      }),
      levels: [{ endpoint: 'arr', rows: ['MS29'], arms: [rfAsRate('teriflunomide', 0.752, 275, 96 / 52), rfAsRate('ublituximab', 0.867, 274, 96 / 52)] }],
    },
    study({
      id: 'ULTIMATE I+II naive',
      trial: 'ULTIMATE',
      label: 'ULTIMATE I+II treatment-naive (no DMT within 5 y)',
      year: 2022,
      years: 96 / 52,
      rows: ['MS31'],
      notes: 'subgroup of pooled ULTIMATE I+II: scored, not fitted',
      fit: false,
      arms: [
        ['teriflunomide', 0.188, 377],
        ['ublituximab', 0.081, 345],
      ],
    }),
    study({
      id: 'ULTIMATE early naive',
      trial: 'ULTIMATE',
      label: 'ULTIMATE early (onset <= 3 y), treatment-naive',
      year: 2022,
      years: 96 / 52,
      rows: ['PR15'],
      notes: 'subgroup: scored, not fitted',
      fit: false,
      arms: [
        ['teriflunomide', 0.334, 140],
        ['ublituximab', 0.13, 139],
      ],
    }),
  ],
};
