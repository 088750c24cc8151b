/**
 * The patient's own history with each candidate drug and its mechanism, and what the evidence says
 * about giving it (again). Pure: therapy episodes in, one {@link DrugHistory} per candidate out. No React.
 *
 * Stop reasons are consumed as the extractor codes them (src/extract/medications.ts `StopReason`);
 * categories a later extractor may add (anti-drug antibodies, adverse event, pregnancy, breakthrough
 * disease, safety risk) are understood too, and anything else reads as "stopped, reason not recorded".
 * Two qualifiers the category does not carry are read from the stop text (EN/DE/FR), because the
 * re-challenge rules depend on them: anti-drug antibodies, and the named adverse event (lymphopenia,
 * hypersensitivity/infusion reaction, injection-site reaction, pancreatitis, liver enzymes). They are
 * marked `fromText` so the UI can show the clinician's words beside the judgement.
 *
 * Demotion rule (README, section "Tiers and the patient's history"): an option whose
 * judgement is `avoid`, `not-first-choice` or `prefer-other-mechanism` is "history-demoted": it keeps
 * its tier (safety decides the tier) but is placed after the non-demoted options of that tier, and its
 * row says why. The model's probability is not changed.
 */
import type { Indication } from '../extract/indications.ts';
import type { DrugClass } from '../extract/terminology/drugs.ts';
import { DRUGS } from '../extract/terminology/drugs.ts';
import type { FhirDate } from '../extract/dates.ts';

/** What history.ts needs from an episode; `TherapyEpisode` fits (its `stopReason` is a subset of string). */
export interface HistoryEpisode {
  inn: string;
  drugClass: DrugClass;
  start?: FhirDate;
  end?: FhirDate;
  ongoing: boolean;
  stopReason?: string;
  stopReasonText?: string;
  sources: readonly string[];
}

/** Normalised stop reason. `unknown`: the record says it stopped but not why. */
export type HistoryReason =
  | 'primary-nonresponse'
  | 'loss-of-response'
  | 'breakthrough-disease'
  | 'intolerance'
  | 'adverse-event'
  | 'safety-risk'
  | 'pregnancy'
  | 'other'
  | 'unknown';

/** The named adverse event, when the stop text names one the rules below use. */
export type AdverseFinding = 'lymphopenia' | 'hypersensitivity' | 'injection-site' | 'pancreatitis' | 'liver';

/** One past or current course, as the row shows it. */
export interface EpisodeSummary {
  inn: string;
  drugClass: DrugClass;
  start?: string;
  end?: string;
  ongoing: boolean;
  reason?: HistoryReason;
  antibodies: boolean;
  finding?: AdverseFinding;
  /** The clinician's words as recorded (any language). */
  text?: string;
  sources: readonly string[];
}

/** How a past drug relates to the candidate. */
export type Relation = 'same-drug' | 'same-class' | 'same-target' | 'same-pathway' | 'same-metabolite';

/** avoid > not-first-choice > prefer-other-mechanism > caution > reasonable > info. */
export type JudgementLevel = 'avoid' | 'not-first-choice' | 'prefer-other-mechanism' | 'caution' | 'reasonable' | 'info';

/** One statement about the candidate, from one episode, with the evidence behind it. */
export interface HistoryNote {
  relation: Relation;
  episode: EpisodeSummary;
  level: JudgementLevel;
  /** i18n key under `history.judgement.` */
  judgement: string;
  /** Citation of the rule (guideline, label section, paper), in English as written in HISTORY_SOURCES. */
  source: string;
  /** Which HISTORY_SOURCES entry: the UI shows it in the reader's language (src/ui/decision/historySources.ts). */
  sourceKey: HistorySourceKey;
}

/** The history of one candidate drug. `notes` worst first; empty = no exposure to it or its mechanism. */
export interface DrugHistory {
  drug: string;
  notes: HistoryNote[];
  /** The worst note (what the row's one line says), if any. */
  headline?: HistoryNote;
  /** Placed after the other options of its tier (see the module comment). */
  demoted: boolean;
}

/** Citations used by the rules below. Sections marked "to verify" were not re-checked against the text. */
export const HISTORY_SOURCES = {
  antiTnfAntibodies:
    'Roblin X et al., Am J Gastroenterol 2014;109:1250-6 (antibodies with low trough: switch within class; adequate trough: switch out of class); AGA guideline on therapeutic drug monitoring in IBD (Feuerstein JD et al., Gastroenterology 2017;153:827-34); ECCO CD guideline 2020 (Torres J et al., J Crohns Colitis 2020;14:4-22), statement numbers to verify',
  secondAntiTnf:
    'Gisbert JP et al., Aliment Pharmacol Ther 2015;41:613-23 (second anti-TNF: remission highest after intolerance, lower after loss of response, lowest after primary failure)',
  primaryNonResponse:
    'ECCO CD guideline 2020 (Torres J et al.) and ECCO UC guideline 2022 (Raine T et al., J Crohns Colitis 2022;16:2-17); EULAR RA recommendations 2022 update (Smolen JS et al., Ann Rheum Dis 2023;82:3-18), recommendation 11 (wording to verify); ACR RA guideline 2021 (Fraenkel L et al., Arthritis Care Res 2021;73:924-39): a different class is conditionally preferred',
  raSameClass:
    'ACR RA guideline 2021 (Fraenkel L et al.): after inadequate response, switching to a different class is conditionally recommended over a switch within class; EULAR 2022 (Smolen JS et al.) allows a second TNF or IL-6R inhibitor',
  msBreakthrough:
    'ECTRIMS/EAN guideline on pharmacological treatment of MS 2018 (Montalban X et al., Mult Scler 2018;24:96-120): offer a more efficacious drug when interferon or glatiramer acetate shows disease activity',
  fumarateLymphopenia:
    'Tecfidera (dimethyl fumarate) SmPC section 4.4 (severe lymphopenia < 0.5 x 10^9/L for > 6 months: interrupt; PML risk); Vumerity (diroximel fumarate) SmPC sections 4.4 and 5.2: same active metabolite, monomethyl fumarate (label dates to verify)',
  il23Axis:
    'Mechanism: ustekinumab binds the p40 subunit shared by IL-12 and IL-23; risankizumab, mirikizumab and guselkumab bind IL-23 p19 (SmPC section 5.1). Evidence for a p19 antibody after ustekinumab failure is observational only (no randomised trial known to the authors)',
  il6r: 'Mechanism: tocilizumab and sarilumab both block the IL-6 receptor (SmPC section 5.1); ACR 2021 conditionally prefers another class after inadequate response, EULAR 2022 allows a second IL-6R inhibitor',
  intolerance:
    'Drug-specific reactions (infusion reaction, injection-site reaction, hypersensitivity) do not predict intolerance of another molecule; re-exposure to the same drug after a hypersensitivity reaction is not advised (SmPC section 4.3/4.4 of each biologic: hypersensitivity to the active substance)',
  stoppedNoFailure:
    'Not a treatment failure: stopping for pregnancy or a planned procedure does not argue against re-starting (clinical judgement; no guideline rule)',
  safetyRisk: 'The risk that led to stopping persists unless the record shows it resolved (e.g. natalizumab and JCV: SmPC section 4.4)',
  unknown: 'The record does not say why it was stopped: the reason should be asked before choosing it again',
} as const;

/** The key of one citation of the history rules. */
export type HistorySourceKey = keyof typeof HISTORY_SOURCES;

const RX = (words: readonly string[]) => new RegExp(words.join('|'), 'i');
/** Anti-drug antibodies named in the stop text (EN/DE/FR; ATI = antibodies to infliximab, AAA = anti-adalimumab). */
const ANTIBODY = RX(['antibod', 'anti-drug', '\\bADA\\b', '\\bATI\\b', '\\bAAA\\b', 'antik[oö]rper', 'anticorps', 'immunogenic', 'immunog[eé]ni']);
const FINDINGS: Array<[AdverseFinding, RegExp]> = [
  ['lymphopenia', RX(['lymphopen', 'lymphop[eé]nie', 'lymphocytes? <', 'lymphozyten'])],
  [
    'hypersensitivity',
    RX([
      'hypersensitiv',
      'anaphyla',
      'infusion reaction',
      'infusionsreaktion',
      'r[eé]action (?:à la perfusion|allergique|d.hypersensibilit[eé])',
      'allerg',
      '[uü]berempfindlich',
    ]),
  ],
  ['injection-site', RX(['injection[- ]site', 'injektionsstell', 'point d.injection', 'site d.injection'])],
  ['pancreatitis', RX(['pancreatit', 'pankreatit', 'pancr[eé]atite'])],
  ['liver', RX(['transaminas', 'hepatotox', 'liver', 'leberwert', 'h[eé]patique'])],
];
/** Liver-enzyme abbreviations, case-sensitive (German "alt" means old). */
const LIVER_ABBREVIATION = /\b(?:ALT|ALAT|GPT)\b/;
const BREAKTHROUGH = RX(['relapse', 'new (?:mri )?lesion', 'breakthrough', 'schub', 'sch[uü]be', 'pouss[eé]e', 'nouvelles l[eé]sions']);
const PREGNANCY = RX(['pregnan', 'schwanger', 'kinderwunsch', 'grossesse']);

/** Map the extractor's category (and the text, for the qualifiers it lacks) to a {@link HistoryReason}. */
export function normaliseReason(
  stopReason: string | undefined,
  text: string | undefined,
): { reason: HistoryReason; antibodies: boolean; finding?: AdverseFinding } {
  const t = text ?? '';
  const antibodies = ANTIBODY.test(t) || stopReason === 'anti-drug-antibodies';
  const finding = FINDINGS.find(([, rx]) => rx.test(t))?.[0] ?? (LIVER_ABBREVIATION.test(t) ? 'liver' : undefined);
  const withFinding = finding ? { finding } : {};
  switch (stopReason) {
    case 'primary-nonresponse':
    case 'primary-non-response':
      return { reason: 'primary-nonresponse', antibodies, ...withFinding };
    case 'loss-of-response':
    case 'anti-drug-antibodies':
      return { reason: 'loss-of-response', antibodies, ...withFinding };
    case 'intolerance':
      return { reason: 'intolerance', antibodies, ...withFinding };
    case 'adverse-event':
      return { reason: 'adverse-event', antibodies, ...withFinding };
    case 'pregnancy':
    case 'pregnancy-planned':
      return { reason: 'pregnancy', antibodies };
    case 'breakthrough-disease':
      return { reason: 'breakthrough-disease', antibodies };
    case 'safety-risk':
      return { reason: 'safety-risk', antibodies, ...withFinding };
    case 'other':
      // 'other' today also carries MS breakthrough disease and pregnancy (medications.ts STOP_LOCAL); the text tells.
      if (BREAKTHROUGH.test(t)) return { reason: 'breakthrough-disease', antibodies };
      if (PREGNANCY.test(t)) return { reason: 'pregnancy', antibodies };
      if (finding) return { reason: 'adverse-event', antibodies, finding };
      return { reason: 'other', antibodies };
    case undefined:
    default:
      return { reason: 'unknown', antibodies };
  }
}

function summarise(e: HistoryEpisode): EpisodeSummary {
  const base = {
    inn: e.inn,
    drugClass: e.drugClass,
    ongoing: e.ongoing,
    antibodies: false,
    sources: e.sources,
    ...(e.start ? { start: e.start.raw } : {}),
    ...(e.end && !e.ongoing ? { end: e.end.raw } : {}),
  };
  if (e.ongoing) return base;
  const n = normaliseReason(e.stopReason, e.stopReasonText);
  return {
    ...base,
    reason: n.reason,
    antibodies: n.antibodies,
    ...(n.finding ? { finding: n.finding } : {}),
    ...(e.stopReasonText ? { text: e.stopReasonText } : {}),
  };
}

/** Classes that share one molecular target (same class in drugs.ts = same target, except where noted). */
const PATHWAY: Partial<Record<DrugClass, string>> = { 'anti-IL-12/23': 'IL-23', 'anti-IL-23': 'IL-23' };

function relationOf(candidate: { inn: string; drugClass: DrugClass }, past: EpisodeSummary): Relation | undefined {
  if (candidate.inn === past.inn) return 'same-drug';
  if (candidate.drugClass === past.drugClass) {
    if (candidate.drugClass === 'fumarate') return 'same-metabolite';
    if (candidate.drugClass === 'anti-IL-6R' || candidate.drugClass === 'anti-CD20' || candidate.drugClass === 'anti-IL-23') return 'same-target';
    return 'same-class';
  }
  const a = PATHWAY[candidate.drugClass];
  if (a !== undefined && a === PATHWAY[past.drugClass]) return 'same-pathway';
  return undefined;
}

const FAILED: ReadonlySet<HistoryReason> = new Set(['primary-nonresponse', 'loss-of-response', 'breakthrough-disease']);
const NOT_TOLERATED: ReadonlySet<HistoryReason> = new Set(['intolerance', 'adverse-event']);
const RA_LIKE: ReadonlySet<Indication> = new Set(['RA']);

type Judged = Pick<HistoryNote, 'level' | 'judgement' | 'source' | 'sourceKey'>;
const j = (level: JudgementLevel, judgement: string, sourceKey: HistorySourceKey): Judged => ({
  level,
  judgement,
  source: HISTORY_SOURCES[sourceKey],
  sourceKey,
});

/** The rule table: what one episode says about the candidate. */
function judge(relation: Relation, ep: EpisodeSummary, candidateClass: DrugClass, indication: Indication | undefined): Judged {
  if (ep.ongoing) {
    // The current drug itself is judged in the "continue" panel; a related drug gets a mechanism note.
    if (relation === 'same-drug') return j('info', 'current', 'unknown');
    if (candidateClass === 'anti-IL-6R') return j('info', `currentRelated.${relation}`, 'il6r');
    return j('info', `currentRelated.${relation}`, PATHWAY[candidateClass] ? 'il23Axis' : 'raSameClass');
  }
  const reason = ep.reason ?? 'unknown';
  // Lymphopenia on a fumarate: the same metabolite gives the same effect (label).
  if (ep.finding === 'lymphopenia' && ep.drugClass === 'fumarate' && (relation === 'same-drug' || relation === 'same-metabolite')) {
    return j('avoid', relation === 'same-drug' ? 'fumarateLymphopenia' : 'fumarateLymphopeniaClass', 'fumarateLymphopenia');
  }
  if (relation === 'same-drug') {
    if (reason === 'primary-nonresponse') return j('not-first-choice', 'sameDrug.primary', 'primaryNonResponse');
    if (reason === 'loss-of-response')
      return ep.antibodies ? j('not-first-choice', 'sameDrug.antibodies', 'antiTnfAntibodies') : j('not-first-choice', 'sameDrug.loss', 'antiTnfAntibodies');
    if (reason === 'breakthrough-disease') return j('not-first-choice', 'sameDrug.breakthrough', 'msBreakthrough');
    if (NOT_TOLERATED.has(reason))
      return ep.finding === 'hypersensitivity'
        ? j('avoid', 'sameDrug.hypersensitivity', 'intolerance')
        : j('not-first-choice', 'sameDrug.intolerance', 'intolerance');
    if (reason === 'pregnancy') return j('reasonable', 'sameDrug.pregnancy', 'stoppedNoFailure');
    if (reason === 'safety-risk') return j('caution', 'sameDrug.safetyRisk', 'safetyRisk');
    return j('info', 'sameDrug.unknown', 'unknown');
  }
  // Same class / target / pathway.
  if (candidateClass === 'anti-TNF' && ep.drugClass === 'anti-TNF') {
    if (reason === 'primary-nonresponse') return j('prefer-other-mechanism', 'class.primary', 'primaryNonResponse');
    if (reason === 'loss-of-response') {
      if (indication !== undefined && RA_LIKE.has(indication)) return j('caution', 'class.raLoss', 'raSameClass');
      return ep.antibodies ? j('reasonable', 'class.antibodies', 'antiTnfAntibodies') : j('caution', 'class.loss', 'secondAntiTnf');
    }
    if (NOT_TOLERATED.has(reason)) return j('reasonable', 'class.intolerance', 'secondAntiTnf');
  }
  if (FAILED.has(reason)) {
    if (reason === 'breakthrough-disease') return j('prefer-other-mechanism', 'class.breakthrough', 'msBreakthrough');
    if (reason === 'primary-nonresponse') return j('prefer-other-mechanism', 'class.primary', 'primaryNonResponse');
    if (relation === 'same-pathway') return j('caution', 'class.pathwayLoss', 'il23Axis');
    if (candidateClass === 'anti-IL-6R') return j('caution', 'class.il6rLoss', 'il6r');
    return j('caution', 'class.loss', indication !== undefined && RA_LIKE.has(indication) ? 'raSameClass' : 'secondAntiTnf');
  }
  if (NOT_TOLERATED.has(reason))
    return j('info', relation === 'same-pathway' ? 'class.pathwayIntolerance' : 'class.intolerance', relation === 'same-pathway' ? 'il23Axis' : 'intolerance');
  return j('info', `class.${relation === 'same-pathway' ? 'pathwayOther' : 'other'}`, relation === 'same-pathway' ? 'il23Axis' : 'unknown');
}

const LEVEL_ORDER: readonly JudgementLevel[] = ['avoid', 'not-first-choice', 'prefer-other-mechanism', 'caution', 'reasonable', 'info'];
const DEMOTING: ReadonlySet<JudgementLevel> = new Set(['avoid', 'not-first-choice', 'prefer-other-mechanism']);

/**
 * The history of each candidate drug with the patient's episodes.
 * @param candidates INNs as the model names them
 * @param episodes therapy episodes of the record (any order; non-advanced drugs are ignored unless a candidate)
 * @param indication the ranking's indication (RA and IBD guidelines differ on a second drug of a class)
 */
export function drugHistories(candidates: readonly string[], episodes: readonly HistoryEpisode[], indication?: Indication): Record<string, DrugHistory> {
  const summaries = episodes.map(summarise);
  const out: Record<string, DrugHistory> = {};
  for (const drug of candidates) {
    const def = DRUGS.find((d) => d.inn === drug);
    const candidate = { inn: drug, drugClass: def?.drugClass ?? summaries.find((s) => s.inn === drug)?.drugClass };
    const notes: HistoryNote[] = [];
    if (candidate.drugClass !== undefined) {
      for (const ep of summaries) {
        const relation = relationOf({ inn: drug, drugClass: candidate.drugClass }, ep);
        if (!relation) continue;
        notes.push({ relation, episode: ep, ...judge(relation, ep, candidate.drugClass, indication) });
      }
    }
    // Worst first; among equals the most recent episode first.
    notes.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || (b.episode.start ?? '').localeCompare(a.episode.start ?? ''));
    const headline = notes.find((n) => !(n.episode.ongoing && n.relation === 'same-drug'));
    out[drug] = { drug, notes, ...(headline ? { headline } : {}), demoted: notes.some((n) => DEMOTING.has(n.level)) };
  }
  return out;
}
