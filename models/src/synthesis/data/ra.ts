/**
 * Rheumatoid arthritis evidence network: ACR20 / ACR50 / ACR70 at weeks 12-24 (month 12 for TEMPO) in one
 * ordinal model: every level of a trial is an endpoint level of the same arms; relative effects are
 * common to the three thresholds (proportional odds on the logit scale), the baseline model has one
 * threshold term per level (`endpoint:acr50`, `endpoint:acr70`, relative to ACR20).
 *
 * Reference: no advanced therapy on csDMARD background (placebo + MTX in MTX-IR trials; MTX started in the
 * MTX-naive trials RA01, RA02 and TEMPO, whose baseline gets the `mtx_naive` term). Modifiers (active arms):
 * `mono_tnf` = anti-TNF without csDMARD (within-trial evidence: TEMPO etanercept alone vs with MTX, RA04);
 * `mono_jak` = JAK inhibitor without csDMARD vs MTX start (evidence: upadacitinib SELECT-EARLY RA02 vs
 * SELECT-NEXT RA31; baricitinib RA-BEGIN RA01). No calibration row gives an RA trial after TNF failure, so
 * prior exposure is not a modifier here (see the simulator: PR06 enters the baseline).
 */
import type { Network } from '../types.ts';
import { pStudy } from './build.ts';

/** The RA network. */
export const RA_NETWORK: Network = {
  indication: 'ra',
  link: 'logit',
  modifiers: [
    { name: 'mono_tnf', meaning: 'anti-TNF as monotherapy (no csDMARD), on the log odds ratio vs the csDMARD reference' },
    { name: 'mono_jak', meaning: 'JAK inhibitor as monotherapy vs methotrexate start (MTX-naive trials), on the log odds ratio' },
  ],
  baselineCovariates: ['mtx_naive', 'endpoint:acr50', 'endpoint:acr70'],
  studies: [
    pStudy({
      id: 'ARMADA',
      label: 'ARMADA adalimumab 40 mg + MTX, wk 24',
      year: 2003,
      covariates: { mtx_naive: 0 },
      notes: 'arm n from memory (RA05)',
      levels: [
        [
          'acr20',
          ['RA05'],
          [
            [null, 14.5, 62],
            ['adalimumab', 67.2, 67],
          ],
        ],
        [
          'acr50',
          ['RA06'],
          [
            [null, 8.1, 62],
            ['adalimumab', 55.2, 67],
          ],
        ],
        [
          'acr70',
          ['RA07'],
          [
            [null, 4.8, 62],
            ['adalimumab', 26.9, 67],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'Weinblatt 1999',
      label: 'Weinblatt 1999 etanercept + MTX, wk 24',
      year: 1999,
      covariates: { mtx_naive: 0 },
      notes: 'ACR20 row RA08 from memory',
      levels: [
        [
          'acr20',
          ['RA08'],
          [
            [null, 27, 30],
            ['etanercept', 71, 59],
          ],
        ],
        [
          'acr70',
          ['RA09'],
          [
            [null, 0, 30],
            ['etanercept', 15, 59],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'ATTRACT',
      label: 'ATTRACT infliximab + MTX (mean of arms), 6 months',
      year: 1999,
      covariates: { mtx_naive: 0 },
      notes: 'arm n ~340 (4 x 85) / 88 assumed',
      levels: [
        [
          'acr70',
          ['RA10'],
          [
            [null, 2, 88],
            ['infliximab', 18, 340],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'RAPID 1',
      label: 'RAPID 1 certolizumab + MTX, wk 24',
      year: 2008,
      covariates: { mtx_naive: 0 },
      notes: 'row and n (393/199) from memory',
      levels: [
        [
          'acr20',
          ['RA11'],
          [
            [null, 13.6, 199],
            ['certolizumab pegol', 58.8, 393],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'GO-FORWARD',
      label: 'GO-FORWARD golimumab 50 mg + MTX, wk 14',
      year: 2009,
      covariates: { mtx_naive: 0 },
      notes: 'rates from memory',
      levels: [
        [
          'acr20',
          ['RA12'],
          [
            [null, 33.1, 133],
            ['golimumab', 55.1, 89],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'AIM',
      label: 'AIM abatacept + MTX, 6 months',
      year: 2006,
      covariates: { mtx_naive: 0 },
      notes: 'n ~433/219 from memory; ACR20 row RA15 from memory',
      levels: [
        [
          'acr20',
          ['RA15'],
          [
            [null, 39.7, 219],
            ['abatacept', 67.9, 433],
          ],
        ],
        [
          'acr70',
          ['RA14'],
          [
            [null, 7, 219],
            ['abatacept', 20, 433],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'OPTION',
      label: 'OPTION tocilizumab 8 mg/kg + MTX, wk 24',
      year: 2008,
      covariates: { mtx_naive: 0 },
      notes: 'n ~205/204 assumed; ACR20 row RA18 from memory',
      levels: [
        [
          'acr20',
          ['RA18'],
          [
            [null, 26, 204],
            ['tocilizumab', 59, 205],
          ],
        ],
        [
          'acr70',
          ['RA17'],
          [
            [null, 2, 204],
            ['tocilizumab', 22, 205],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'MOBILITY',
      label: 'MOBILITY sarilumab 200 mg + MTX, wk 24',
      year: 2015,
      covariates: { mtx_naive: 0 },
      notes: 'n ~399/398 assumed',
      levels: [
        [
          'acr20',
          ['RA21'],
          [
            [null, 33.4, 398],
            ['sarilumab', 66.4, 399],
          ],
        ],
        [
          'acr70',
          ['RA21'],
          [
            [null, 3, 398],
            ['sarilumab', 14.8, 399],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'Rituximab MTX-IR',
      label: 'Rituximab 2 x 1000 mg + MTX (MTX-IR), 6 months',
      year: 2010,
      covariates: { mtx_naive: 0 },
      notes: 'n ~172/172 assumed; citation year not in the row (2010 assumed)',
      levels: [
        [
          'acr70',
          ['RA25'],
          [
            [null, 5, 172],
            ['rituximab', 20, 172],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'ORAL Standard',
      label: 'ORAL Standard tofacitinib 5 mg and adalimumab + MTX, month 6',
      year: 2012,
      covariates: { mtx_naive: 0 },
      notes: 'row RA26 from memory; arm n 108/196/199 assumed',
      levels: [
        [
          'acr20',
          ['RA26'],
          [
            [null, 28.3, 108],
            ['tofacitinib', 51.5, 196],
            ['adalimumab', 47.2, 199],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'SELECT-NEXT',
      label: 'SELECT-NEXT upadacitinib 15 mg + csDMARD, wk 12',
      year: 2018,
      covariates: { mtx_naive: 0 },
      notes: 'n ~221/221 assumed',
      levels: [
        [
          'acr20',
          ['RA31'],
          [
            [null, 36, 221],
            ['upadacitinib', 64, 221],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'FINCH 1',
      label: 'FINCH 1 filgotinib 200 mg and adalimumab + MTX, wk 12',
      year: 2021,
      covariates: { mtx_naive: 0 },
      notes: 'arm n from the 3:3:2:3 ratio; adalimumab row RA36 from memory',
      levels: [
        [
          'acr20',
          ['RA35', 'RA36'],
          [
            [null, 49.9, 479],
            ['filgotinib', 76.6, 479],
            ['adalimumab', 70.8, 319],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'RA-BEGIN',
      label: 'RA-BEGIN baricitinib 4 mg monotherapy vs MTX (MTX-naive), wk 24',
      year: 2017,
      covariates: { mtx_naive: 1 },
      notes: 'arm n from 4:3:4 of 588',
      levels: [
        [
          'acr20',
          ['RA01'],
          [
            [null, 62, 210],
            ['baricitinib', 77, 159, { mono_jak: 1 }],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'SELECT-EARLY',
      label: 'SELECT-EARLY upadacitinib 15 mg monotherapy vs MTX (MTX-naive), wk 12',
      year: 2018,
      covariates: { mtx_naive: 1 },
      notes: "n ~947/3 assumed; citation year not in the row (2018, the year of the same programme's SELECT-NEXT, assumed)",
      levels: [
        [
          'acr20',
          ['RA02'],
          [
            [null, 54, 317],
            ['upadacitinib', 76, 317, { mono_jak: 1 }],
          ],
        ],
      ],
    }),
    pStudy({
      id: 'TEMPO severe',
      trial: 'TEMPO',
      label: 'TEMPO DAS28 > 5.1 subgroup: MTX, etanercept alone, etanercept + MTX, month 12',
      year: 2004,
      covariates: { mtx_naive: 1 },
      notes: 'subgroup denominators approximate (row RA04: combination 179, etanercept ~214, MTX ~211)',
      levels: (['acr20', 'acr50', 'acr70'] as const).map((lv, i) => [
        lv,
        ['RA04'],
        [
          [null, [75, 43, 19][i]!, 211],
          ['etanercept', [76, 50, 25][i]!, 214, { mono_tnf: 1 }],
          ['etanercept', [85, 69, 40][i]!, 179],
        ],
      ]),
    }),
  ],
};
