// The patient's own history on every option: the cases, table-driven, plus the demo records through the real extractor.
import { readFileSync } from 'node:fs';
import type { Bundle, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { fhirDateOrUndefined } from '@src/extract/dates.ts';
import { extractRecord } from '@src/extract/extract.ts';
import type { Indication } from '@src/extract/indications.ts';
import { DRUGS } from '@src/extract/terminology/drugs.ts';
import { drugHistories, normaliseReason, type HistoryEpisode, type JudgementLevel } from '@src/rules/history.ts';

const NOW = new Date('2026-11-15T12:00:00Z');

function ep(inn: string, start: string, end: string | null, stopReason?: string, text?: string): HistoryEpisode {
  const def = DRUGS.find((d) => d.inn === inn);
  if (!def) throw new Error(`not in the catalogue: ${inn}`);
  const s = fhirDateOrUndefined(start, NOW);
  const e = end ? fhirDateOrUndefined(end, NOW) : undefined;
  return {
    inn,
    drugClass: def.drugClass,
    ongoing: end === null,
    sources: [`MedicationStatement/${inn}-${start}`],
    ...(s ? { start: s } : {}),
    ...(e ? { end: e } : {}),
    ...(stopReason ? { stopReason } : {}),
    ...(text ? { stopReasonText: text } : {}),
  };
}

interface Case {
  name: string;
  indication: Indication;
  episodes: HistoryEpisode[];
  drug: string;
  level: JudgementLevel | null;
  judgement?: string;
  relation?: string;
  demoted: boolean;
  source?: RegExp;
  /** The row line; false for the current drug itself (judged in the continue panel). */
  headline?: boolean;
}

const CD_IFX_ADA = [
  ep('infliximab', '2017-01-09', '2019-04-15', 'loss-of-response', 'Secondary loss of response despite escalation; antibodies to infliximab 2019-03'),
  ep('adalimumab', '2019-05-06', '2022-06-20', 'loss-of-response', 'Loss of response: rising CRP and calprotectin'),
];
const CD_UST_RZB = [
  ep('ustekinumab', '2018-08-05', '2019-01-02', 'intolerance', 'stopped for intolerance (side effects)'),
  ep('risankizumab', '2022-03-10', '2025-09-21', 'loss-of-response', 'secondary loss of response'),
  ep('infliximab', '2025-10-12', null),
];
const MS_DMF = [
  ep('interferon beta-1a', '2015-03-09', '2017-03-06', 'other', 'Arrêt : 2 poussées et nouvelles lésions IRM sous traitement'),
  ep('dimethyl fumarate', '2017-03-20', '2020-03-02', 'intolerance', 'Arrêt : lymphopénie persistante < 0,5 G/L (grade 3) depuis plus de 6 mois'),
  ep('natalizumab', '2020-04-06', null),
];
const RA_TCZ = [ep('tocilizumab', '2021-06-07', '2024-02-01', 'loss-of-response', 'Secondary failure on tocilizumab')];

const CASES: Case[] = [
  // infliximab after loss of response with anti-drug antibodies
  {
    name: 'infliximab after antibody-mediated loss of response: not a first choice',
    indication: 'CD',
    episodes: CD_IFX_ADA,
    drug: 'infliximab',
    level: 'not-first-choice',
    judgement: 'sameDrug.antibodies',
    relation: 'same-drug',
    demoted: true,
    source: /Roblin/,
  },
  {
    name: 'adalimumab after its own loss of response: not a first choice',
    indication: 'CD',
    episodes: CD_IFX_ADA,
    drug: 'adalimumab',
    level: 'not-first-choice',
    judgement: 'sameDrug.loss',
    demoted: true,
  },
  {
    name: 'certolizumab after two anti-TNF losses: a within-class switch with caution',
    indication: 'CD',
    episodes: CD_IFX_ADA,
    drug: 'certolizumab pegol',
    level: 'caution',
    judgement: 'class.loss',
    relation: 'same-class',
    demoted: false,
    source: /Gisbert/,
  },
  { name: 'vedolizumab: no exposure to its mechanism', indication: 'CD', episodes: CD_IFX_ADA, drug: 'vedolizumab', level: null, demoted: false },
  // ustekinumab stopped for side effects, risankizumab after loss of response
  {
    name: 'ustekinumab stopped for side effects: not a first choice, says which',
    indication: 'CD',
    episodes: CD_UST_RZB,
    drug: 'ustekinumab',
    level: 'not-first-choice',
    judgement: 'sameDrug.intolerance',
    relation: 'same-drug',
    demoted: true,
  },
  {
    name: 'risankizumab after its own loss of response: not a first choice',
    indication: 'CD',
    episodes: CD_UST_RZB,
    drug: 'risankizumab',
    level: 'not-first-choice',
    judgement: 'sameDrug.loss',
    demoted: true,
  },
  {
    name: 'ustekinumab: risankizumab failed on the same IL-23 pathway',
    indication: 'CD',
    episodes: CD_UST_RZB,
    drug: 'ustekinumab',
    level: 'not-first-choice',
    demoted: true,
  },
  {
    name: 'mirikizumab after risankizumab loss of response: same target, caution',
    indication: 'UC',
    episodes: CD_UST_RZB,
    drug: 'mirikizumab',
    level: 'caution',
    relation: 'same-target',
    demoted: false,
  },
  {
    name: 'infliximab ongoing: judged in the continue panel, no demotion',
    indication: 'CD',
    episodes: CD_UST_RZB,
    drug: 'infliximab',
    level: 'info',
    judgement: 'current',
    demoted: false,
    headline: false,
  },
  // DMF after severe lymphopenia
  {
    name: 'dimethyl fumarate after severe lymphopenia: avoid',
    indication: 'RMS',
    episodes: MS_DMF,
    drug: 'dimethyl fumarate',
    level: 'avoid',
    judgement: 'fumarateLymphopenia',
    demoted: true,
    source: /Tecfidera.*4\.4/,
  },
  {
    name: 'diroximel fumarate: same metabolite, avoid',
    indication: 'RMS',
    episodes: MS_DMF,
    drug: 'diroximel fumarate',
    level: 'avoid',
    judgement: 'fumarateLymphopeniaClass',
    relation: 'same-metabolite',
    demoted: true,
  },
  {
    name: 'interferon beta-1a after breakthrough disease (French text): not a first choice',
    indication: 'RMS',
    episodes: MS_DMF,
    drug: 'interferon beta-1a',
    level: 'not-first-choice',
    judgement: 'sameDrug.breakthrough',
    demoted: true,
    source: /Montalban/,
  },
  {
    name: 'interferon beta-1b after interferon breakthrough: prefer another mechanism',
    indication: 'RMS',
    episodes: MS_DMF,
    drug: 'interferon beta-1b',
    level: 'prefer-other-mechanism',
    judgement: 'class.breakthrough',
    demoted: true,
  },
  { name: 'ocrelizumab: no related exposure', indication: 'RMS', episodes: MS_DMF, drug: 'ocrelizumab', level: null, demoted: false },
  // tocilizumab then sarilumab
  {
    name: 'sarilumab after tocilizumab failure: same IL-6 receptor, caution',
    indication: 'RA',
    episodes: RA_TCZ,
    drug: 'sarilumab',
    level: 'caution',
    judgement: 'class.il6rLoss',
    relation: 'same-target',
    demoted: false,
    source: /IL-6 receptor/,
  },
  {
    name: 'sarilumab while on tocilizumab: same-target note',
    indication: 'RA',
    episodes: [ep('tocilizumab', '2021-06-07', null)],
    drug: 'sarilumab',
    level: 'info',
    judgement: 'currentRelated.same-target',
    demoted: false,
  },
  // anti-TNF primary non-response -> another anti-TNF
  {
    name: 'golimumab after infliximab primary non-response: prefer another mechanism',
    indication: 'UC',
    episodes: [ep('infliximab', '2014-01-13', '2014-05-05', 'primary-nonresponse')],
    drug: 'golimumab',
    level: 'prefer-other-mechanism',
    judgement: 'class.primary',
    demoted: true,
    source: /ECCO|EULAR/,
  },
  {
    name: 'adalimumab after infliximab antibodies: a within-class switch is reasonable',
    indication: 'UC',
    episodes: [CD_IFX_ADA[0]!],
    drug: 'adalimumab',
    level: 'reasonable',
    judgement: 'class.antibodies',
    demoted: false,
  },
  {
    name: 'RA: adalimumab after etanercept loss of response: ACR prefers another class',
    indication: 'RA',
    episodes: [ep('etanercept', '2019-03-04', '2021-05-17', 'loss-of-response')],
    drug: 'adalimumab',
    level: 'caution',
    judgement: 'class.raLoss',
    demoted: false,
    source: /ACR/,
  },
  {
    name: 'etanercept after injection-site reactions (German): not a first choice',
    indication: 'RA',
    episodes: [ep('etanercept', '2013-10-07', '2016-05-23', 'intolerance', 'Abgesetzt: ausgeprägte, rezidivierende Injektionsstellenreaktionen')],
    drug: 'etanercept',
    level: 'not-first-choice',
    judgement: 'sameDrug.intolerance',
    demoted: true,
  },
  {
    name: 'infliximab after an anaphylactic infusion reaction: avoid',
    indication: 'CD',
    episodes: [ep('infliximab', '2019-01-01', '2019-02-01', 'intolerance', 'anaphylactic infusion reaction')],
    drug: 'infliximab',
    level: 'avoid',
    judgement: 'sameDrug.hypersensitivity',
    demoted: true,
  },
  {
    name: 'stopped, reason not recorded: said, not demoted',
    indication: 'CD',
    episodes: [ep('vedolizumab', '2019-01-01', '2020-01-01')],
    drug: 'vedolizumab',
    level: 'info',
    judgement: 'sameDrug.unknown',
    demoted: false,
  },
  {
    name: 'stopped for pregnancy: re-start reasonable',
    indication: 'UC',
    episodes: [ep('vedolizumab', '2019-01-01', '2020-01-01', 'pregnancy')],
    drug: 'vedolizumab',
    level: 'reasonable',
    judgement: 'sameDrug.pregnancy',
    demoted: false,
  },
];

describe('drugHistories: the issue’s cases', () => {
  it.each(CASES)('$name', (c) => {
    const h = drugHistories([c.drug], c.episodes, c.indication)[c.drug];
    const first = h?.notes[0];
    const actual = {
      level: first?.level ?? null,
      headline: h?.headline !== undefined,
      demoted: h?.demoted,
      ...(c.judgement ? { judgement: first?.judgement } : {}),
      ...(c.relation ? { relation: first?.relation } : {}),
    };
    expect(actual).toEqual({
      level: c.level,
      headline: c.headline ?? c.level !== null,
      demoted: c.demoted,
      ...(c.judgement ? { judgement: c.judgement } : {}),
      ...(c.relation ? { relation: c.relation } : {}),
    });
    expect(first?.source ?? '').toMatch(c.source ?? /^|./);
  });

  it('the source episode travels with the note (dates and resource ids)', () => {
    const note = drugHistories(['infliximab'], CD_IFX_ADA, 'CD')['infliximab']?.headline;
    expect(note?.episode).toMatchObject({
      start: '2017-01-09',
      end: '2019-04-15',
      reason: 'loss-of-response',
      antibodies: true,
      sources: ['MedicationStatement/infliximab-2017-01-09'],
    });
  });

  it('a drug outside the catalogue gets an empty history, not an exception', () => {
    expect(drugHistories(['unknownumab'], CD_IFX_ADA, 'CD')['unknownumab']).toEqual({ drug: 'unknownumab', notes: [], demoted: false });
  });
});

describe('normaliseReason', () => {
  it.each([
    ['loss-of-response', 'Antikörper gegen Adalimumab nachgewiesen', 'loss-of-response', true],
    ['loss-of-response', 'perte de réponse, anticorps anti-infliximab', 'loss-of-response', true],
    ['anti-drug-antibodies', undefined, 'loss-of-response', true],
    ['other', 'Schübe unter Therapie', 'breakthrough-disease', false],
    ['other', 'Kinderwunsch', 'pregnancy', false],
    ['other', 'Umzug', 'other', false],
    [undefined, undefined, 'unknown', false],
    ['unknown', 'Dosis alt', 'unknown', false],
    ['some-future-category', undefined, 'unknown', false],
  ] as const)('%s / %s -> %s (antibodies %s)', (code, text, reason, antibodies) => {
    const n = normaliseReason(code, text);
    expect(n.reason).toBe(reason);
    expect(n.antibodies).toBe(antibodies);
  });

  it('the German word "alt" is not a liver-enzyme finding; ALT is', () => {
    expect(normaliseReason('intolerance', 'Präparat alt').finding).toBeUndefined();
    expect(normaliseReason('intolerance', 'ALT > 3x ULN').finding).toBe('liver');
  });
});

const load = (file: string): Resource[] =>
  ((JSON.parse(readFileSync(`sandbox/fixtures/${file}`, 'utf8')) as Bundle).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));

describe('the demo records through the real extractor', () => {
  it('cd-us-001: infliximab (antibodies) and adalimumab demoted, ustekinumab current', () => {
    const rec = extractRecord(load('cd-us-001.json'), { now: NOW });
    const h = drugHistories(
      ['infliximab', 'adalimumab', 'certolizumab pegol', 'vedolizumab', 'ustekinumab', 'risankizumab', 'upadacitinib'],
      rec.episodes,
      'CD',
    );
    expect(h['infliximab']?.headline?.judgement).toBe('sameDrug.antibodies');
    expect(
      Object.values(h)
        .filter((x) => x.demoted)
        .map((x) => x.drug),
    ).toEqual(['infliximab', 'adalimumab']);
    expect(h['risankizumab']?.headline?.judgement).toBe('currentRelated.same-pathway');
  });
  it('rms-fr-001: dimethyl fumarate avoided after lymphopenia, interferon after breakthrough', () => {
    const rec = extractRecord(load('rms-fr-001.json'), { now: NOW });
    const h = drugHistories(['dimethyl fumarate', 'interferon beta-1a', 'interferon beta-1b', 'ocrelizumab'], rec.episodes, 'RMS');
    expect(h['dimethyl fumarate']?.headline?.level).toBe('avoid');
    expect(h['interferon beta-1a']?.headline?.judgement).toBe('sameDrug.breakthrough');
    expect(h['ocrelizumab']?.notes).toEqual([]);
  });
});

describe('the evidence of each history rule in the reader language', () => {
  it('every rule source has a German and a French text that keeps its citations', async () => {
    const { historySourceText } = await import('@src/ui/decision/historySources.ts');
    const { HISTORY_SOURCES } = await import('@src/rules/history.ts');
    for (const key of Object.keys(HISTORY_SOURCES) as (keyof typeof HISTORY_SOURCES)[]) {
      const en = historySourceText(key, 'en');
      expect(en).toBe(HISTORY_SOURCES[key]);
      for (const lang of ['de', 'fr'] as const) {
        const text = historySourceText(key, lang);
        expect(text).not.toBe(en);
        // citations stay as published: every "Author X et al." and every year of the English text
        for (const cite of en.match(/[A-Z][a-z]+ [A-Z]{1,2} et al\.|\b(19|20)\d\d\b/g) ?? []) expect(text, `${key} ${lang}`).toContain(cite);
      }
    }
  });
});
