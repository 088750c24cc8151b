/**
 * German and French texts of the safety flags (src/rules/safety/messages.ts, the English reference), the
 * i18next resources under `safety.<ruleId>.<variant>` (the flag's `messageKey`), and the translation of the
 * parameters that are English words or numbers (drug name, gap text, washout, basis, risk factors, dates).
 * Clinical content is that of messages.ts and thresholds.ts (SmPC sections, EMA 2022, ECCO 2021, EASL 2017);
 * nothing is added here. Terms: German Fachinformation / French RCP wording (PML = LEMP, HBsAg = Ag HBs).
 * Numbers in the text use the language's decimal comma; units stay as written in English (UCUM-like).
 */
import type { RuleId, SafetyFlag } from '../../rules/safety/types.ts';
import type { InputState } from '../../extract/values.ts';
import { GAP_TEXT, SAFETY_MESSAGES } from '../../rules/safety/messages.ts';
import { CLADRIBINE_YEAR2_MIN, HAEMOGLOBIN_START_MIN, LYMPHOCYTE_START_MIN, PREGNANCY_WASHOUT } from '../../rules/safety/thresholds.ts';
import { formatFhirDate } from '../format.ts';
import { drugLabel } from './drugs.ts';
import type { ClinicalLanguage } from './inputs.ts';

/** Rule-specific variants beyond `triggered`/`unknown` (rules.ts); a test keeps this equal to messages.ts. */
interface ExtraVariants {
  'hbv-anti-hbc': 'anti-cd20';
  'jak-smoking': 'former';
  'natalizumab-jcv': 'index-low' | 'index-intermediate' | 'index-high';
  'live-vaccine-recent': 'undated';
}
type VariantsOf<R extends RuleId> = 'triggered' | 'unknown' | (R extends keyof ExtraVariants ? ExtraVariants[R] : never);
/** Every rule and every variant, with `{param}` placeholders as in messages.ts. */
export type SafetyTexts = { readonly [R in RuleId]: Readonly<Record<VariantsOf<R>, string>> };
export type GapState = Exclude<InputState, 'ok'>;

// messages.ts types its variants as an open record; the key sets are asserted equal by tests/unit/ui/i18n.
const en = SAFETY_MESSAGES as unknown as SafetyTexts;

const HF_DE = 'Herzinsuffizienz-Status (NYHA-Klasse) {gap}: vor Therapiebeginn mit {drug} abklären.';
const HBV_DE = 'Hepatitis-B-Status unbekannt (HBsAg {gap}): vor Therapiebeginn mit {drug} Hepatitis-B-Serologie bestimmen (HBsAg und Anti-HBc).';
const LY_DE = 'Lymphozytenzahl {gap}: vor Therapiebeginn mit {drug} ist ein aktuelles Blutbild nötig.';
const ONLY_DE = 'nur anwenden, wenn es keine geeignete Alternative gibt';
const de: SafetyTexts = {
  'anti-tnf-hf-severe': { triggered: 'Herzinsuffizienz NYHA-Klasse {nyha}: {drug} ist bei mittelschwerer bis schwerer Herzinsuffizienz (NYHA III/IV) kontraindiziert.', unknown: HF_DE },
  'anti-tnf-hf-mild': { triggered: 'Leichte Herzinsuffizienz (NYHA-Klasse {nyha}): {drug} mit Vorsicht anwenden und bei Verschlechterung der Herzinsuffizienz absetzen.', unknown: HF_DE },
  'etanercept-hf': { triggered: 'Herzinsuffizienz (NYHA-Klasse {nyha}): {drug} mit Vorsicht anwenden; auf eine Verschlechterung der Herzinsuffizienz achten.', unknown: HF_DE },
  's1p-heart-failure': { triggered: 'Herzinsuffizienz NYHA-Klasse {nyha}: {drug} ist bei Herzinsuffizienz NYHA III/IV kontraindiziert.', unknown: HF_DE },
  'anti-tnf-demyelinating': {
    triggered: 'Demyelinisierende Erkrankung dokumentiert ({date}): eine Anti-TNF-Therapie kann sie verschlechtern; {drug} nur einsetzen, wenn es keine geeignete Alternative gibt.',
    unknown: 'Demyelinisierende Erkrankung {gap}: vor Therapiebeginn mit {drug} die Anamnese prüfen.',
  },
  'tb-active': {
    triggered: 'Aktive Tuberkulose dokumentiert ({date}): {drug} ist bis zur Behandlung der Tuberkulose kontraindiziert.',
    unknown: 'Status aktive Tuberkulose {gap}: vor Therapiebeginn mit {drug} eine aktive Tuberkulose ausschließen.',
  },
  'tb-latent': {
    triggered: 'Latente Tuberkulose oder positives Tuberkulose-Screening ({date}): vor {drug} eine aktive Tuberkulose ausschließen und die Behandlung der latenten Tuberkulose beginnen.',
    unknown: 'Status latente Tuberkulose {gap}: vor Therapiebeginn mit {drug} ein Tuberkulose-Screening durchführen.',
  },
  'tb-screening': {
    triggered: 'Tuberkulose-Screening unbestimmt ({date}): vor Therapiebeginn mit {drug} wiederholen oder abklären.',
    unknown: 'Ergebnis des Tuberkulose-Screenings {gap}: vor Therapiebeginn mit {drug} ein Screening durchführen.',
  },
  'hbv-hbsag': { triggered: 'HBsAg positiv ({date}): {drug} nur beginnen, wenn es keine geeignete Alternative gibt, mit hepatologischer Mitbetreuung und antiviraler Prophylaxe.', unknown: HBV_DE },
  'anti-cd20-hbsag': { triggered: 'HBsAg positiv ({date}): {drug} darf bei aktiver Hepatitis B nicht angewendet werden; Vorstellung in der Hepatologie.', unknown: HBV_DE },
  'hbv-anti-hbc': {
    triggered: 'Anti-HBc positiv ({date}): Risiko einer Hepatitis-B-Reaktivierung unter {drug}; HBV-DNA überwachen oder nach hepatologischer Beratung eine Prophylaxe geben.',
    'anti-cd20': 'Anti-HBc positiv ({date}): hohes Risiko einer Hepatitis-B-Reaktivierung unter {drug}; eine antivirale Prophylaxe wird empfohlen, mit hepatologischer Beratung.',
    unknown: 'Anti-HBc {gap}: vor Therapiebeginn mit {drug} bestimmen (ein negatives HBsAg allein schließt eine durchgemachte Infektion nicht aus).',
  },
  'jak-age': {
    triggered: `Alter {age} Jahre (65 oder älter): {drug} ${ONLY_DE} (EMA 2022).`,
    unknown: 'Alter {gap}: JAK-Inhibitoren sind ab 65 Jahren eingeschränkt; vor Therapiebeginn mit {drug} prüfen.',
  },
  'jak-smoking': {
    triggered: `Aktuell rauchend: {drug} ${ONLY_DE} (EMA 2022).`,
    former: `Früher rauchend: bei langjährigem Rauchen {drug} ${ONLY_DE} (EMA 2022).`,
    unknown: 'Raucheranamnese {gap}: vor Therapiebeginn mit {drug} erfragen (eingeschränkt bei aktuellem oder langjährigem Rauchen).',
  },
  'jak-cv-risk': { triggered: `Kardiovaskuläre Risikofaktoren ({factors}): {drug} ${ONLY_DE} (EMA 2022).`, unknown: 'Kardiovaskuläres Risiko {gap}: vor Therapiebeginn mit {drug} beurteilen.' },
  'jak-malignancy': { triggered: `Maligne Erkrankung dokumentiert ({date}): {drug} ${ONLY_DE} (EMA 2022).`, unknown: 'Malignom-Anamnese {gap}: vor Therapiebeginn mit {drug} prüfen.' },
  'jak-vte': { triggered: 'Venöse Thromboembolie dokumentiert ({date}): {drug} mit Vorsicht anwenden (EMA 2022).', unknown: 'Anamnese venöser Thromboembolien {gap}: vor Therapiebeginn mit {drug} prüfen.' },
  'natalizumab-jcv': {
    triggered: 'JC-Virus-Antikörper positiv, Index {index}: das PML-Risiko steigt mit dem Index, mit einer Behandlung über 2 Jahre und nach Immunsuppressiva; Index bestimmen.',
    'index-low': 'JC-Virus-Antikörper positiv, Index {index} (0,9 oder niedriger): geringeres PML-Risiko; Index alle 6 Monate erneut bestimmen.',
    'index-intermediate': 'JC-Virus-Antikörper positiv, Index {index} (über 0,9 bis 1,5): mittleres PML-Risiko; alle 6 Monate erneut testen und nach 2 Behandlungsjahren neu bewerten.',
    'index-high': 'JC-Virus-Antikörper positiv, Index {index} (über 1,5): hohes PML-Risiko nach 2 Behandlungsjahren; Nutzen und Risiko vor {drug} besprechen.',
    unknown: 'JC-Virus-Antikörperstatus {gap}: vor Therapiebeginn mit {drug} testen (alle 6 Monate wiederholen).',
  },
  'natalizumab-pml-high': {
    triggered: 'Höchste PML-Risikogruppe: JC-Virus-Index {index} (über 1,5) und {months} Monate unter {drug} (über 24): nur fortsetzen, wenn es keine geeignete Alternative gibt.',
    unknown: 'PML-Risikogruppe nicht bestimmbar ({gap}): JC-Virus-Index und Behandlungsdauer mit {drug} dokumentieren.',
  },
  'pregnancy-contraindicated': {
    triggered: 'Schwangerschaft dokumentiert ({date}): {drug} ist in der Schwangerschaft kontraindiziert.',
    unknown: 'Schwangerschaftsstatus {gap}: vor Therapiebeginn mit {drug} eine Schwangerschaft ausschließen (in der Schwangerschaft kontraindiziert; {washout}).',
  },
  'pregnancy-planned-washout': {
    triggered: 'Kinderwunsch: {drug} ist in der Schwangerschaft kontraindiziert und erfordert eine Auswaschphase ({washout}); eine mit Schwangerschaft vereinbare Option bevorzugen.',
    unknown: 'Kinderwunsch {gap}: vor Therapiebeginn mit {drug} erfragen (in der Schwangerschaft kontraindiziert; {washout}).',
  },
  'lymphocytes-do-not-start': {
    triggered: 'Lymphozyten {value} x10^9/L ({date}) unter {min}: {drug} nicht beginnen ({basis}).',
    unknown: 'Lymphozytenzahl {gap}: vor Therapiebeginn mit {drug} ist ein aktuelles Blutbild nötig (mindestens {min} x10^9/L).',
  },
  'fumarate-lymphopenia-severe': {
    triggered: 'Lymphozyten {value} x10^9/L ({date}) unter 0,5: bei diesem Wert wird {drug} unterbrochen; nur beginnen, wenn es keine geeignete Alternative gibt.',
    unknown: LY_DE,
  },
  'lymphopenia-below-normal': { triggered: 'Lymphozyten {value} x10^9/L ({date}) unter dem Normbereich ({min}): vor Therapiebeginn mit {drug} die Ursache klären und die Werte überwachen.', unknown: LY_DE },
  'jak-haemoglobin': {
    triggered: 'Hämoglobin {value} g/dL ({date}) unter {min}: {drug} nicht beginnen ({basis}).',
    unknown: 'Hämoglobin {gap}: vor Therapiebeginn mit {drug} ist ein aktuelles Blutbild nötig (Hämoglobin mindestens {min} g/dL).',
  },
  'live-vaccine-recent': {
    triggered: 'Lebendimpfung am {date}: {drug} bis {until} aufschieben ({waitDays} Tage danach; noch {daysLeft} Tage).',
    undated: 'Lebendimpfung in den letzten 4 Wochen (Datum nicht dokumentiert): {drug} bis {waitDays} Tage nach der Impfung aufschieben.',
    unknown: 'Kürzliche Lebendimpfungen {gap}: vor Therapiebeginn mit {drug} erfragen (mindestens 4 Wochen Abstand nach einer Lebendimpfung).',
  },
  'serious-infection-active': {
    triggered: 'Aktive schwere Infektion dokumentiert ({date}): {drug} erst nach Abheilung der Infektion beginnen.',
    unknown: 'Status aktive schwere Infektion {gap}: vor Therapiebeginn mit {drug} eine aktive Infektion ausschließen.',
  },
  'drug-not-in-catalogue': {
    triggered: '{drug} ist nicht im Arzneimittelkatalog: es wurden keine Sicherheitsregeln geprüft; Fachinformation beachten.',
    unknown: '{drug} ist nicht im Arzneimittelkatalog: es wurden keine Sicherheitsregeln geprüft; Fachinformation beachten.',
  },
};

// French: « traitement par {drug} » / « sous {drug} » avoid the article that an INN would otherwise need.
const HF_FR = 'Insuffisance cardiaque (classe NYHA) {gap} : à évaluer avant de débuter un traitement par {drug}.';
const HBV_FR = 'Statut vis-à-vis de l’hépatite B inconnu (Ag HBs {gap}) : sérologie de l’hépatite B avant de débuter un traitement par {drug} (Ag HBs et Ac anti-HBc).';
const LY_FR = 'Numération lymphocytaire {gap} : une numération formule sanguine récente est nécessaire avant de débuter un traitement par {drug}.';
const ONLY_FR = 'n’utiliser le traitement par {drug} qu’en l’absence d’alternative appropriée';
const NOT_IN_CAT_FR = '« {drug} » ne figure pas dans le catalogue des médicaments : aucune règle de sécurité n’a été vérifiée ; consulter le RCP.';
const fr: SafetyTexts = {
  'anti-tnf-hf-severe': { triggered: 'Insuffisance cardiaque classe NYHA {nyha} : le traitement par {drug} est contre-indiqué en cas d’insuffisance cardiaque modérée à sévère (NYHA III/IV).', unknown: HF_FR },
  'anti-tnf-hf-mild': { triggered: 'Insuffisance cardiaque légère (classe NYHA {nyha}) : traitement par {drug} avec prudence, à arrêter en cas d’aggravation de l’insuffisance cardiaque.', unknown: HF_FR },
  'etanercept-hf': { triggered: 'Insuffisance cardiaque (classe NYHA {nyha}) : traitement par {drug} avec prudence ; surveiller l’aggravation de l’insuffisance cardiaque.', unknown: HF_FR },
  's1p-heart-failure': { triggered: 'Insuffisance cardiaque classe NYHA {nyha} : le traitement par {drug} est contre-indiqué en cas d’insuffisance cardiaque NYHA III/IV.', unknown: HF_FR },
  'anti-tnf-demyelinating': {
    triggered: `Maladie démyélinisante enregistrée ({date}) : un anti-TNF peut l’aggraver ; ${ONLY_FR}.`,
    unknown: 'Maladie démyélinisante {gap} : vérifier les antécédents avant de débuter un traitement par {drug}.',
  },
  'tb-active': {
    triggered: 'Tuberculose active enregistrée ({date}) : le traitement par {drug} est contre-indiqué jusqu’au traitement de la tuberculose.',
    unknown: 'Tuberculose active {gap} : exclure une tuberculose active avant de débuter un traitement par {drug}.',
  },
  'tb-latent': {
    triggered: 'Tuberculose latente ou dépistage positif ({date}) : exclure une tuberculose active et débuter le traitement de la tuberculose latente avant le traitement par {drug}.',
    unknown: 'Tuberculose latente {gap} : dépistage avant de débuter un traitement par {drug}.',
  },
  'tb-screening': {
    triggered: 'Dépistage de la tuberculose indéterminé ({date}) : le répéter ou compléter le bilan avant de débuter un traitement par {drug}.',
    unknown: 'Résultat du dépistage de la tuberculose {gap} : dépistage avant de débuter un traitement par {drug}.',
  },
  'hbv-hbsag': { triggered: 'Ag HBs positif ({date}) : ne débuter le traitement par {drug} qu’en l’absence d’alternative appropriée, avec avis hépatologique et prophylaxie antivirale.', unknown: HBV_FR },
  'anti-cd20-hbsag': { triggered: 'Ag HBs positif ({date}) : le traitement par {drug} ne doit pas être utilisé en cas d’hépatite B active ; adresser en hépatologie.', unknown: HBV_FR },
  'hbv-anti-hbc': {
    triggered: 'Ac anti-HBc positifs ({date}) : risque de réactivation de l’hépatite B sous {drug} ; surveiller l’ADN du VHB ou donner une prophylaxie sur avis hépatologique.',
    'anti-cd20': 'Ac anti-HBc positifs ({date}) : risque élevé de réactivation de l’hépatite B sous {drug} ; une prophylaxie antivirale est recommandée, sur avis hépatologique.',
    unknown: 'Ac anti-HBc {gap} : les doser avant de débuter un traitement par {drug} (un Ag HBs négatif seul n’exclut pas une infection ancienne).',
  },
  'jak-age': {
    triggered: `Âge {age} ans (65 ans ou plus) : ${ONLY_FR} (EMA 2022).`,
    unknown: 'Âge {gap} : les inhibiteurs de JAK sont restreints à partir de 65 ans ; vérifier avant de débuter un traitement par {drug}.',
  },
  'jak-smoking': {
    triggered: `Tabagisme actif : ${ONLY_FR} (EMA 2022).`,
    former: `Ancien tabagisme : en cas de tabagisme prolongé, ${ONLY_FR} (EMA 2022).`,
    unknown: 'Statut tabagique {gap} : le demander avant de débuter un traitement par {drug} (restreint en cas de tabagisme actif ou prolongé).',
  },
  'jak-cv-risk': { triggered: `Facteurs de risque cardiovasculaire ({factors}) : ${ONLY_FR} (EMA 2022).`, unknown: 'Risque cardiovasculaire {gap} : l’évaluer avant de débuter un traitement par {drug}.' },
  'jak-malignancy': { triggered: `Cancer enregistré ({date}) : ${ONLY_FR} (EMA 2022).`, unknown: 'Antécédents de cancer {gap} : vérifier avant de débuter un traitement par {drug}.' },
  'jak-vte': {
    triggered: 'Maladie thromboembolique veineuse enregistrée ({date}) : traitement par {drug} avec prudence (EMA 2022).',
    unknown: 'Antécédents de maladie thromboembolique veineuse {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'natalizumab-jcv': {
    triggered: 'Anticorps anti-JCV positifs, index {index} : le risque de LEMP augmente avec l’index, avec un traitement de plus de 2 ans et après des immunosuppresseurs ; mesurer l’index.',
    'index-low': 'Anticorps anti-JCV positifs, index {index} (0,9 ou moins) : risque de LEMP plus faible ; recontrôler l’index tous les 6 mois.',
    'index-intermediate': 'Anticorps anti-JCV positifs, index {index} (plus de 0,9 et jusqu’à 1,5) : risque de LEMP intermédiaire ; recontrôler tous les 6 mois et réévaluer après 2 ans de traitement.',
    'index-high': 'Anticorps anti-JCV positifs, index {index} (plus de 1,5) : risque de LEMP élevé après 2 ans de traitement ; discuter le rapport bénéfice/risque avant le traitement par {drug}.',
    unknown: 'Sérologie anti-JCV {gap} : la réaliser avant de débuter un traitement par {drug} (à recontrôler tous les 6 mois).',
  },
  'natalizumab-pml-high': {
    triggered: 'Groupe de risque de LEMP le plus élevé : index JCV {index} (plus de 1,5) et {months} mois sous {drug} (plus de 24) : ne poursuivre qu’en l’absence d’alternative appropriée.',
    unknown: 'Niveau de risque de LEMP impossible à établir ({gap}) : renseigner l’index JCV et la durée du traitement par {drug}.',
  },
  'pregnancy-contraindicated': {
    triggered: 'Grossesse enregistrée ({date}) : le traitement par {drug} est contre-indiqué pendant la grossesse.',
    unknown: 'Statut de grossesse {gap} : exclure une grossesse avant de débuter un traitement par {drug} (contre-indiqué pendant la grossesse ; {washout}).',
  },
  'pregnancy-planned-washout': {
    triggered: 'Projet de grossesse : le traitement par {drug} est contre-indiqué pendant la grossesse et nécessite une période d’élimination ({washout}) ; préférer une option compatible avec la grossesse.',
    unknown: 'Projet de grossesse {gap} : le demander avant de débuter un traitement par {drug} (contre-indiqué pendant la grossesse ; {washout}).',
  },
  'lymphocytes-do-not-start': {
    triggered: 'Lymphocytes {value} x10^9/L ({date}) sous {min} : ne pas débuter le traitement par {drug} ({basis}).',
    unknown: 'Numération lymphocytaire {gap} : une numération formule sanguine récente (au moins {min} x10^9/L) est nécessaire avant de débuter un traitement par {drug}.',
  },
  'fumarate-lymphopenia-severe': {
    triggered: 'Lymphocytes {value} x10^9/L ({date}) sous 0,5 : le traitement par {drug} est interrompu à ce niveau ; ne le débuter qu’en l’absence d’alternative appropriée.',
    unknown: LY_FR,
  },
  'lymphopenia-below-normal': { triggered: 'Lymphocytes {value} x10^9/L ({date}) sous la normale ({min}) : rechercher la cause avant de débuter un traitement par {drug} et surveiller la numération.', unknown: LY_FR },
  'jak-haemoglobin': {
    triggered: 'Hémoglobine {value} g/dL ({date}) sous {min} : ne pas débuter le traitement par {drug} ({basis}).',
    unknown: 'Hémoglobine {gap} : une numération formule sanguine récente (hémoglobine d’au moins {min} g/dL) est nécessaire avant de débuter un traitement par {drug}.',
  },
  'live-vaccine-recent': {
    triggered: 'Vaccin vivant le {date} : différer le traitement par {drug} jusqu’au {until} ({waitDays} jours après ; encore {daysLeft} jours).',
    undated: 'Vaccin vivant au cours des 4 dernières semaines (date non renseignée) : différer le traitement par {drug} jusqu’à {waitDays} jours après la vaccination.',
    unknown: 'Vaccins vivants récents {gap} : les rechercher avant de débuter un traitement par {drug} (attendre au moins 4 semaines après un vaccin vivant).',
  },
  'serious-infection-active': {
    triggered: 'Infection grave active enregistrée ({date}) : ne pas débuter le traitement par {drug} avant la guérison de l’infection.',
    unknown: 'Infection grave active {gap} : exclure une infection active avant de débuter un traitement par {drug}.',
  },
  'drug-not-in-catalogue': { triggered: NOT_IN_CAT_FR, unknown: NOT_IN_CAT_FR },
};

/** Flag texts by language, `{param}` placeholders (the messages.ts convention). */
export const safetyTexts: Readonly<Record<ClinicalLanguage, SafetyTexts>> = { en, de, fr };

/** Why a fact was unusable (GAP_TEXT of messages.ts), by language; predicative, so no agreement is needed. */
export const gapTexts: Readonly<Record<ClinicalLanguage, Readonly<Record<GapState, string>>>> = {
  en: GAP_TEXT,
  de: { missing: 'nicht gefunden', stale: 'veraltet (zuletzt {gapDate})', implausible: 'in der Akte unplausibel', 'unknown-unit': 'in einer nicht umrechenbaren Einheit dokumentiert' },
  fr: { missing: 'introuvable dans le dossier', stale: 'à actualiser (dernière valeur du {gapDate})', implausible: 'invraisemblable dans le dossier', 'unknown-unit': 'dans une unité impossible à convertir' },
};

/** i18next form of a template: `{param}` -> `{{param}}`. */
export const toI18next = (template: string): string => template.replace(/\{(\w+)\}/g, '{{$1}}');

const resourcesOf = (texts: SafetyTexts): { safety: Record<string, Record<string, string>> } => ({
  safety: Object.fromEntries(Object.entries(texts).map(([rule, variants]: [string, Readonly<Record<string, string>>]) => [
    rule, Object.fromEntries(Object.entries(variants).map(([v, s]) => [v, toI18next(s)])),
  ])),
});

/** i18next resources: `safety.<ruleId>.<variant>` resolves the flag's messageKey, with `{{param}}` placeholders. */
export const safetyResources: Readonly<Record<ClinicalLanguage, { safety: Record<string, Record<string, string>> }>> = {
  en: resourcesOf(en), de: resourcesOf(de), fr: resourcesOf(fr),
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
  cladribine: { de: 'Verhütung während der Behandlung und mindestens 6 Monate nach der letzten Dosis (Frauen und Männer)', fr: 'contraception pendant le traitement et au moins 6 mois après la dernière dose (femmes et hommes)' },
  fingolimod: { de: '2 Monate vor der Empfängnis absetzen', fr: 'arrêter 2 mois avant la conception' },
  siponimod: { de: 'Verhütung mindestens 10 Tage nach der letzten Dosis', fr: 'contraception pendant au moins 10 jours après la dernière dose' },
  ozanimod: { de: 'Verhütung 3 Monate nach der letzten Dosis', fr: 'contraception pendant 3 mois après la dernière dose' },
  ponesimod: { de: 'Verhütung 1 Woche nach der letzten Dosis', fr: 'contraception pendant 1 semaine après la dernière dose' },
  etrasimod: { de: 'Verhütung 14 Tage nach der letzten Dosis', fr: 'contraception pendant 14 jours après la dernière dose' },
  tofacitinib: { de: 'Verhütung mindestens 4 Wochen nach der letzten Dosis', fr: 'contraception pendant au moins 4 semaines après la dernière dose' },
  baricitinib: { de: 'Verhütung mindestens 1 Woche nach der letzten Dosis', fr: 'contraception pendant au moins 1 semaine après la dernière dose' },
  upadacitinib: { de: 'Verhütung 4 Wochen nach der letzten Dosis', fr: 'contraception pendant 4 semaines après la dernière dose' },
  filgotinib: { de: 'Verhütung mindestens 1 Woche nach der letzten Dosis', fr: 'contraception pendant au moins 1 semaine après la dernière dose' },
};

/** English parameter words of rules.ts / thresholds.ts / extract/safety.ts (basis, cv factors, fallbacks). */
export const PARAM_WORDS: Words = {
  'do not initiate if lymphocytes < 0.75': { de: 'nicht beginnen bei Lymphozyten < 0,75', fr: 'ne pas instaurer si lymphocytes < 0,75' },
  'do not initiate if lymphocytes < 0.5': { de: 'nicht beginnen bei Lymphozyten < 0,5', fr: 'ne pas instaurer si lymphocytes < 0,5' },
  'label threshold for interrupting treatment; a count below it does not support starting': {
    de: 'Schwellenwert der Fachinformation für eine Therapieunterbrechung; ein Wert darunter spricht gegen einen Therapiebeginn',
    fr: 'seuil d’interruption du traitement selon le RCP ; une valeur inférieure ne permet pas de débuter',
  },
  'label threshold for interrupting treatment': { de: 'Schwellenwert der Fachinformation für eine Therapieunterbrechung', fr: 'seuil d’interruption du traitement selon le RCP' },
  'year 1: lymphocytes must be within normal limits (year 2: at least 0.8)': { de: 'Jahr 1: Lymphozyten im Normbereich (Jahr 2: mindestens 0,8)', fr: 'année 1 : lymphocytes dans les limites de la normale (année 2 : au moins 0,8)' },
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
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 3, useGrouping: false }).format(n);
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
    else if (key === 'factors') out[key] = raw.split(', ').map((f) => word(f, lang)).join(', ');
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
  const template = variants?.[variant] ?? variants?.[flag.state];
  return template === undefined ? flag.text : fillTemplate(template, localizeSafetyParams(flag, lang));
}
