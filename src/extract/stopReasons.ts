/**
 * Why a therapy was stopped: coded first (the project's stop-reason codes, FHIR R4 medicationrequest-status-
 * reason, SNOMED CT), then free text in English, German and French, into the categories the models and the
 * safety rules use. Text is read negation-aware where it matters ("no side effects, lack of efficacy") and by
 * priority: when a text names a tolerability problem and an efficacy reason, tolerability wins (the safer
 * reading for re-treatment decisions).
 */
import { codingsOf, normaliseText, SYSTEMS, textContains, textOf } from './terminology/index.ts';

export type StopReason =
  | 'primary-nonresponse'
  | 'loss-of-response'
  | 'anti-drug-antibodies'
  | 'intolerance'
  | 'adverse-event'
  | 'pregnancy'
  | 'other'
  | 'unknown';

/** Phrases per category, checked in this order (loss of response before the shorter "non-response" phrases of primary non-response) (EN / DE / FR; matched accent- and case-insensitively on word boundaries). */
const STOP_TEXT: Array<[StopReason, readonly string[]]> = [
  [
    'anti-drug-antibodies',
    [
      'anti-drug antibodies',
      'anti-drug antibody',
      'antidrug antibodies',
      'ada positive',
      'antibodies to infliximab',
      'antibodies to adalimumab',
      'immunogenicity',
      'anti-drug-antikorper',
      'antikorperbildung',
      'antikorper gegen',
      'anticorps anti-medicament',
      'anticorps anti-infliximab',
      'anticorps anti-adalimumab',
      'immunisation',
    ],
  ],
  ['pregnancy', ['pregnancy', 'pregnant', 'planning pregnancy', 'schwangerschaft', 'schwanger', 'kinderwunsch', 'grossesse', 'enceinte', 'desir de grossesse']],
  [
    'intolerance',
    [
      'intolerance',
      'intolerant',
      'not tolerated',
      'injection-site reaction',
      'injection-site reactions',
      'injection site reaction',
      'injection site reactions',
      'infusion reaction',
      'infusion reactions',
      'allergic',
      'allergy',
      'hypersensitivity',
      'side effect',
      'side effects',
      'adverse reaction',
      'adverse reactions',
      'adverse effect',
      'adverse effects',
      'nebenwirkung',
      'nebenwirkungen',
      'unvertraglichkeit',
      'unvertraglich',
      'nicht vertragen',
      'einstichstellenreaktion',
      'reaktion an der injektionsstelle',
      'infusionsreaktion',
      'allergie',
      'allergische',
      'effet indesirable',
      'effets indesirables',
      "reaction au site d'injection",
      "reactions au site d'injection",
      'reaction a la perfusion',
      'hypersensibilite',
      'allergique',
    ],
  ],
  [
    'adverse-event',
    [
      'adverse event',
      'adverse events',
      'serious adverse event',
      'recurrent infections',
      'recurrent infection',
      'serious infection',
      'infections',
      'infection',
      'toxicity',
      'hepatotoxicity',
      'cytopenia',
      'leukopenia',
      'neutropenia',
      'lymphopenia',
      'psoriasiform',
      'lupus-like',
      'malignancy',
      'cancer',
      'unerwunschtes ereignis',
      'schwerwiegendes unerwunschtes ereignis',
      'infekte',
      'infektionen',
      'rezidivierende infekte',
      'toxizitat',
      'leukopenie',
      'neutropenie',
      'evenement indesirable',
      'evenement indesirable grave',
      'infections recidivantes',
      'toxicite',
      'leucopenie',
      'neutropenie',
    ],
  ],
  [
    'loss-of-response',
    [
      'loss of response',
      'secondary loss',
      'secondary failure',
      'secondary non-response',
      'lost response',
      'lost efficacy',
      'loss of efficacy',
      'waning response',
      'wirkverlust',
      'sekundares versagen',
      'sekundares nichtansprechen',
      'sekundarer wirkverlust',
      'nachlassende wirkung',
      'wirkungsverlust',
      'perte de reponse',
      'echappement',
      'echec secondaire',
      "perte d'efficacite",
    ],
  ],
  [
    'primary-nonresponse',
    [
      'primary non-response',
      'primary nonresponse',
      'primary non response',
      'primary failure',
      'never responded',
      'no response',
      'non-response',
      'nonresponse',
      'non-responder',
      'lack of efficacy',
      'inadequate response',
      'insufficient response',
      'ineffective',
      'not effective',
      'no effect',
      'primares nichtansprechen',
      'primares versagen',
      'nichtansprechen',
      'unzureichende wirksamkeit',
      'unzureichendes ansprechen',
      'keine wirkung',
      'wirkungslos',
      'fehlende wirksamkeit',
      'kein ansprechen',
      'non-reponse primaire',
      'non reponse primaire',
      'non-reponse',
      'absence de reponse',
      'inefficacite',
      'reponse insuffisante',
      'echec primaire',
    ],
  ],
  [
    'other',
    [
      'remission',
      'in remission',
      'de-escalation',
      'patient choice',
      'patient preference',
      'cost',
      'insurance',
      'remission erreicht',
      'patientenwunsch',
      'souhait du patient',
    ],
  ],
];
/** "no side effects", "keine Nebenwirkungen", "sans effet indésirable": a negated tolerability phrase is not a reason. */
const NEGATED_TOLERABILITY =
  /\b(no|without|keine?n?|ohne|sans|pas d'?|aucun)\s+(side effects?|adverse (events?|reactions?)|nebenwirkungen?|unvertraglichkeit|effets? indesirables?|intolerance)\b/g;

/** SNOMED CT concepts for adverse drug reactions (secondary: recalled, as used in IPS allergy examples). */
const STOP_SCT: Record<string, StopReason> = { '62014003': 'intolerance', '281647001': 'adverse-event', '77386006': 'pregnancy' };
/** Project stop-reason codes (SYSTEMS.stopReason; sandbox/fixtures/gen/lib.mjs STOP). Breakthrough disease on an MS DMT is an efficacy failure without the primary/secondary distinction: 'other'. */
const STOP_LOCAL: Record<string, StopReason> = {
  'primary-non-response': 'primary-nonresponse',
  'primary-nonresponse': 'primary-nonresponse',
  'loss-of-response': 'loss-of-response',
  'anti-drug-antibodies': 'anti-drug-antibodies',
  intolerance: 'intolerance',
  'adverse-event': 'adverse-event',
  pregnancy: 'pregnancy',
  'safety-risk': 'other',
  'breakthrough-disease': 'other',
  remission: 'other',
  other: 'other',
};
/** FHIR R4 medicationrequest-status-reason: sintol = suspected intolerance, salg = allergy; the rest are other reasons. */
const STOP_HL7: Record<string, StopReason> = { sintol: 'intolerance', salg: 'intolerance', preg: 'pregnancy' };

/** The category of one free text; undefined when nothing is recognised. */
export function stopReasonFromText(text: string): StopReason | undefined {
  // Typographic apostrophes (d’injection) read as ASCII ones.
  const t = normaliseText(text)
    .replace(/[\u2018\u2019\u00B4`]/g, "'")
    .replace(NEGATED_TOLERABILITY, ' ');
  // The list order is the priority: tolerability before efficacy, specific efficacy phrases before general ones.
  return STOP_TEXT.find(([, phrases]) => textContains(t, phrases) !== undefined)?.[0];
}

/** The stop-reason code table of a coding system; undefined for systems without one. */
function stopCodeTable(system: string | undefined): Record<string, StopReason> | undefined {
  if (system === SYSTEMS.stopReason) return STOP_LOCAL;
  if (system === SYSTEMS.snomed) return STOP_SCT;
  return system === SYSTEMS.mrStatusReason ? STOP_HL7 : undefined;
}

/** Classify a stop reason from statusReason codings (local stop-reason codes, HL7, SNOMED) or text. */
export function classifyStopReason(concepts: readonly unknown[], notes: readonly string[] = []): { reason: StopReason; text: string } | undefined {
  for (const concept of concepts) {
    for (const c of codingsOf(concept)) {
      const mapped = stopCodeTable(c.system)?.[c.code ?? ''];
      if (mapped) return { reason: mapped, text: textOf(concept) ?? c.display ?? c.code ?? mapped };
    }
  }
  const texts = [...concepts.map((c) => textOf(c)), ...notes].filter((t): t is string => typeof t === 'string');
  for (const text of texts) {
    const reason = stopReasonFromText(text);
    if (reason) return { reason, text };
  }
  const first = texts[0];
  return first ? { reason: 'other', text: first } : undefined;
}
