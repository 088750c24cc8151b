/**
 * German and French texts of the safety flags (src/rules/safety/messages.ts, the English reference), the
 * i18next resources under `safety.<ruleId>.<variant>` (the flag's `messageKey`), and the translation of the
 * parameters that are English words or numbers (drug name, gap text, washout, basis, risk factors, dates).
 * Clinical content is that of messages.ts and thresholds.ts (SmPC sections, EMA 2022, ECCO 2021, EASL 2017);
 * nothing is added here. Terms: German Fachinformation / French RCP wording (PML = LEMP, HBsAg = Ag HBs).
 * Numbers in the text use the language's decimal comma; units stay as written in English (UCUM-like).
 */
import type { SafetyFlag } from '../../rules/safety/types.ts';
import type { InputState } from '../../extract/values.ts';
import { GAP_TEXT, POSSIBLE_PREFIX, SAFETY_MESSAGES } from '../../rules/safety/messages.ts';
import { CLADRIBINE_YEAR2_MIN, HAEMOGLOBIN_START_MIN, LYMPHOCYTE_START_MIN, PREGNANCY_WASHOUT } from '../../rules/safety/thresholds.ts';
import { formatFhirDate } from '../format.ts';
import { drugLabel } from './drugs.ts';
import type { ClinicalLanguage } from './inputs.ts';
import { de } from './safety.de.ts';
import type { SafetyTexts } from './safety.types.ts';
import { fr } from './safety.fr.ts';
import { numberFormat } from '../intl.ts';

export type { SafetyTexts };

export type GapState = Exclude<InputState, 'ok'>;

// messages.ts types its variants as an open record; the key sets are asserted equal by tests/unit/ui/i18n.
const en = SAFETY_MESSAGES as unknown as SafetyTexts;

/** Flag texts by language, `{param}` placeholders (the messages.ts convention). */
export const safetyTexts: Readonly<Record<ClinicalLanguage, SafetyTexts>> = { en, de, fr };

/** Why a fact was unusable (GAP_TEXT of messages.ts), by language; predicative, so no agreement is needed. */
export const gapTexts: Readonly<Record<ClinicalLanguage, Readonly<Record<GapState, string>>>> = {
  en: GAP_TEXT,
  de: {
    missing: 'nicht gefunden',
    stale: 'veraltet (zuletzt {gapDate})',
    implausible: 'in der Akte unplausibel',
    'unknown-unit': 'in einer nicht umrechenbaren Einheit dokumentiert',
    possible: 'nur als Verdacht dokumentiert (nicht gesichert)',
  },
  fr: {
    missing: 'introuvable dans le dossier',
    stale: 'à actualiser (dernière valeur du {gapDate})',
    implausible: 'invraisemblable dans le dossier',
    'unknown-unit': 'dans une unité impossible à convertir',
    possible: 'seulement suspecté (non confirmé)',
  },
};

/** i18next form of a template: `{param}` -> `{{param}}`. */
export const toI18next = (template: string): string => template.replace(/\{(\w+)\}/g, '{{$1}}');

/**
 * Prefix of a flag caused only by a suspected diagnosis (check.ts possibleFlag): `possible-<variant>` is
 * the rule's own `<variant>` text after it, in every language.
 */
export const POSSIBLE_PREFIXES: Readonly<Record<ClinicalLanguage, string>> = {
  en: POSSIBLE_PREFIX,
  de: 'Möglicher Befund, Verdachtsdiagnose nicht gesichert ({suspicion}): ',
  fr: 'Constat possible, diagnostic suspecté non confirmé ({suspicion}) : ',
};

/** A rule's variants plus their `possible-<variant>` forms. */
function withPossible(variants: Readonly<Record<string, string>>, lang: ClinicalLanguage): Record<string, string> {
  const out: Record<string, string> = { ...variants };
  for (const [v, text] of Object.entries(variants)) out[`possible-${v}`] = `${POSSIBLE_PREFIXES[lang]}${text}`;
  return out;
}

const resourcesOf = (texts: SafetyTexts, lang: ClinicalLanguage): { safety: Record<string, Record<string, string>> } => ({
  safety: Object.fromEntries(
    Object.entries(texts).map(([rule, variants]: [string, Readonly<Record<string, string>>]) => [
      rule,
      Object.fromEntries(Object.entries(withPossible(variants, lang)).map(([v, s]) => [v, toI18next(s)])),
    ]),
  ),
});

/** i18next resources: `safety.<ruleId>.<variant>` resolves the flag's messageKey, with `{{param}}` placeholders. */
export const safetyResources: Readonly<Record<ClinicalLanguage, { safety: Record<string, Record<string, string>> }>> = {
  en: resourcesOf(en, 'en'),
  de: resourcesOf(de, 'de'),
  fr: resourcesOf(fr, 'fr'),
};

type Words = Readonly<Record<string, Readonly<{ de: string; fr: string }>>>;

/** Washout texts of thresholds.ts PREGNANCY_WASHOUT, keyed by INN (a test asserts every INN is here). */
export const WASHOUT_TEXTS: Words = {
  methotrexate: { de: 'mindestens 3 Monate vor der Empfängnis absetzen', fr: 'arrêter au moins 3 mois avant la conception' },
  leflunomide: {
    de: 'beschleunigte Elimination (Colestyramin 8 g dreimal täglich über 11 Tage) bis Teriflunomid < 0,02 mg/L; ohne sie dauert die Elimination bis zu 2 Jahre',
    fr: 'procédure d’élimination accélérée (colestyramine 8 g trois fois par jour pendant 11 jours) jusqu’à un taux de tériflunomide < 0,02 mg/L ; sans elle, l’élimination peut prendre jusqu’à 2 ans',
  },
  teriflunomide: {
    de: 'beschleunigte Elimination (Colestyramin 8 g dreimal täglich oder Aktivkohle 50 g zweimal täglich über 11 Tage) bis Plasmaspiegel < 0,02 mg/L; ohne sie dauert die Elimination im Mittel 8 Monate, bis zu 2 Jahre',
    fr: 'procédure d’élimination accélérée (colestyramine 8 g trois fois par jour, ou charbon activé 50 g deux fois par jour, pendant 11 jours) jusqu’à un taux plasmatique < 0,02 mg/L ; sans elle, l’élimination prend en moyenne 8 mois, jusqu’à 2 ans',
  },
  cladribine: {
    de: 'Verhütung während der Behandlung und mindestens 6 Monate nach der letzten Dosis (Frauen und Männer)',
    fr: 'contraception pendant le traitement et au moins 6 mois après la dernière dose (femmes et hommes)',
  },
  fingolimod: { de: '2 Monate vor der Empfängnis absetzen', fr: 'arrêter 2 mois avant la conception' },
  siponimod: { de: 'Verhütung mindestens 10 Tage nach der letzten Dosis', fr: 'contraception pendant au moins 10 jours après la dernière dose' },
  ozanimod: { de: 'Verhütung 3 Monate nach der letzten Dosis', fr: 'contraception pendant 3 mois après la dernière dose' },
  ponesimod: { de: 'Verhütung 1 Woche nach der letzten Dosis', fr: 'contraception pendant 1 semaine après la dernière dose' },
  etrasimod: { de: 'Verhütung 14 Tage nach der letzten Dosis', fr: 'contraception pendant 14 jours après la dernière dose' },
  tofacitinib: { de: 'Verhütung mindestens 4 Wochen nach der letzten Dosis', fr: 'contraception pendant au moins 4 semaines après la dernière dose' },
  baricitinib: { de: 'Verhütung mindestens 1 Woche nach der letzten Dosis', fr: 'contraception pendant au moins 1 semaine après la dernière dose' },
  upadacitinib: { de: 'Verhütung 4 Wochen nach der letzten Dosis', fr: 'contraception pendant 4 semaines après la dernière dose' },
  filgotinib: { de: 'Verhütung mindestens 1 Woche nach der letzten Dosis', fr: 'contraception pendant au moins 1 semaine après la dernière dose' },
  mycophenolate: {
    de: 'hochwirksame Verhütung während der Behandlung und 6 Wochen nach dem Absetzen (männliche Patienten: 90 Tage)',
    fr: 'contraception hautement efficace pendant le traitement et 6 semaines après l’arrêt (patients de sexe masculin : 90 jours)',
  },
};

/** English parameter words of rules.ts / thresholds.ts / extract/safety.ts (basis, cv factors, fallbacks). */
export const PARAM_WORDS: Words = {
  'do not initiate if lymphocytes < 0.75': { de: 'nicht beginnen bei Lymphozyten < 0,75', fr: 'ne pas instaurer si lymphocytes < 0,75' },
  'do not initiate if lymphocytes < 0.5': { de: 'nicht beginnen bei Lymphozyten < 0,5', fr: 'ne pas instaurer si lymphocytes < 0,5' },
  'label threshold for interrupting treatment; a count below it does not support starting': {
    de: 'Schwellenwert der Fachinformation für eine Therapieunterbrechung; ein Wert darunter spricht gegen einen Therapiebeginn',
    fr: 'seuil d’interruption du traitement selon le RCP ; une valeur inférieure ne permet pas de débuter',
  },
  'label threshold for interrupting treatment': {
    de: 'Schwellenwert der Fachinformation für eine Therapieunterbrechung',
    fr: 'seuil d’interruption du traitement selon le RCP',
  },
  'year 1: lymphocytes must be within normal limits (year 2: at least 0.8)': {
    de: 'Jahr 1: Lymphozyten im Normbereich (Jahr 2: mindestens 0,8)',
    fr: 'année 1 : lymphocytes dans les limites de la normale (année 2 : au moins 0,8)',
  },
  'year 2: lymphocytes at least 0.8': { de: 'Jahr 2: Lymphozyten mindestens 0,8', fr: 'année 2 : lymphocytes au moins 0,8' },
  'do not initiate if haemoglobin < 9 g/dL': { de: 'nicht beginnen bei Hämoglobin < 9 g/dL', fr: 'ne pas instaurer si hémoglobine < 9 g/dL' },
  'do not initiate if haemoglobin < 8 g/dL': { de: 'nicht beginnen bei Hämoglobin < 8 g/dL', fr: 'ne pas instaurer si hémoglobine < 8 g/dL' },
  hypertension: { de: 'arterielle Hypertonie', fr: 'hypertension artérielle' },
  diabetes: { de: 'Diabetes mellitus', fr: 'diabète' },
  'myocardial infarction': { de: 'Myokardinfarkt', fr: 'infarctus du myocarde' },
  stroke: { de: 'Schlaganfall', fr: 'accident vasculaire cérébral' },
  'current smoking': { de: 'aktives Rauchen', fr: 'tabagisme actif' },
  'see record': { de: 'siehe Akte', fr: 'voir le dossier' },
  'see the label': { de: 'siehe Fachinformation', fr: 'voir le RCP' },
  'date not recorded': { de: 'Datum nicht dokumentiert', fr: 'date non renseignée' },
  'not recorded': { de: 'nicht dokumentiert', fr: 'non renseigné' },
};

/** The English parameter words the rule layer can produce (for the completeness test). */
export function englishParamWords(): string[] {
  const basis = [...Object.values(LYMPHOCYTE_START_MIN), ...Object.values(HAEMOGLOBIN_START_MIN), CLADRIBINE_YEAR2_MIN].map((t) => t.basis);
  return [...new Set(basis)];
}

const DATE_PARAMS = new Set(['date', 'gapDate', 'until']);
const FHIR_DATE = /^\d{4}(-\d{2}(-\d{2})?)?([T ].*)?$/;

function word(english: string, lang: ClinicalLanguage): string {
  return lang === 'en' ? english : (PARAM_WORDS[english]?.[lang] ?? english);
}

function number(n: number, lang: ClinicalLanguage): string {
  return numberFormat(lang, { maximumFractionDigits: 3, useGrouping: false }).format(n);
}

/** Fill `{param}` placeholders; an absent parameter stays visible as `{param}` rather than vanishing. */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}

/**
 * A flag's parameters in a language, all as display strings: the drug by its name in the language, the gap
 * state as text (with the stale date), washout and basis texts translated, risk factors word by word, dates
 * by locale (precision kept), numbers with the language's decimal mark. Unknown English words pass through.
 */
export function localizeSafetyParams(flag: Pick<SafetyFlag, 'drug' | 'params'>, lang: ClinicalLanguage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(flag.params)) {
    if (typeof raw === 'number') out[key] = number(raw, lang);
    else if (DATE_PARAMS.has(key) && FHIR_DATE.test(raw)) out[key] = formatFhirDate(raw, lang) ?? raw;
    else if (key === 'factors')
      out[key] = raw
        .split(', ')
        .map((f) => word(f, lang))
        .join(', ');
    else if (key === 'washout' && lang !== 'en') {
      const inn = flag.drug.toLowerCase();
      const own = PREGNANCY_WASHOUT[inn]?.washout === raw ? WASHOUT_TEXTS[inn]?.[lang] : undefined;
      out[key] = own ?? word(raw, lang);
    } else out[key] = word(raw, lang);
  }
  out['drug'] = drugLabel(flag.drug, lang);
  const gap = flag.params['gap'];
  if (gap !== undefined) {
    const texts: Readonly<Record<string, string>> = gapTexts[lang];
    out['gap'] = fillTemplate(texts[String(gap)] ?? String(gap), out);
  }
  return out;
}

/**
 * The flag's sentence in a language without i18next (print, tests): the translated template filled with
 * localized parameters; the flag's English text when the rule or variant has no template.
 */
export function renderSafetyText(flag: Pick<SafetyFlag, 'ruleId' | 'state' | 'messageKey' | 'drug' | 'params' | 'text'>, lang: ClinicalLanguage): string {
  const variants: Readonly<Record<string, string>> | undefined = safetyTexts[lang][flag.ruleId];
  const variant = flag.messageKey.split('.').slice(2).join('.');
  const own = variant.startsWith('possible-') ? variants?.[variant.slice('possible-'.length)] : undefined;
  const template = own !== undefined ? `${POSSIBLE_PREFIXES[lang]}${own}` : (variants?.[variant] ?? variants?.[flag.state]);
  return template === undefined ? flag.text : fillTemplate(template, localizeSafetyParams(flag, lang));
}
