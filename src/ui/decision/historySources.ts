/**
 * The evidence behind each history rule (src/rules/history.ts HISTORY_SOURCES) in the reader's
 * language. Citations (authors, journal, year, guideline names, label sections) stay as published; the
 * sentences that say what the source supports are translated. English is the rule table's own text, so
 * the two cannot drift; German and French are typed against its keys (a new rule without a translation
 * fails the type check).
 */
import { HISTORY_SOURCES, type HistorySourceKey } from '../../rules/history.ts';
import type { ClinicalLanguage } from '../i18n/inputs.ts';

const DE: Record<HistorySourceKey, string> = {
  antiTnfAntibodies:
    'Roblin X et al., Am J Gastroenterol 2014;109:1250-6 (Antikörper bei niedrigem Talspiegel: Wechsel innerhalb der Klasse; ausreichender Talspiegel: Wechsel der Klasse); AGA-Leitlinie zum therapeutischen Drug-Monitoring bei CED (Feuerstein JD et al., Gastroenterology 2017;153:827-34); ECCO-Leitlinie Morbus Crohn 2020 (Torres J et al., J Crohns Colitis 2020;14:4-22), Nummern der Statements zu prüfen',
  secondAntiTnf:
    'Gisbert JP et al., Aliment Pharmacol Ther 2015;41:613-23 (zweiter TNF-Blocker: Remission am häufigsten nach Unverträglichkeit, seltener nach Wirkverlust, am seltensten nach primärem Nichtansprechen)',
  primaryNonResponse:
    'ECCO-Leitlinie Morbus Crohn 2020 (Torres J et al.) und ECCO-Leitlinie Colitis ulcerosa 2022 (Raine T et al., J Crohns Colitis 2022;16:2-17); EULAR-Empfehlungen RA, Update 2022 (Smolen JS et al., Ann Rheum Dis 2023;82:3-18), Empfehlung 11 (Wortlaut zu prüfen); ACR-Leitlinie RA 2021 (Fraenkel L et al., Arthritis Care Res 2021;73:924-39): eine andere Substanzklasse wird bedingt bevorzugt',
  raSameClass:
    'ACR-Leitlinie RA 2021 (Fraenkel L et al.): nach unzureichendem Ansprechen wird der Wechsel in eine andere Klasse bedingt gegenüber einem Wechsel innerhalb der Klasse empfohlen; EULAR 2022 (Smolen JS et al.) lässt einen zweiten TNF- oder IL-6R-Inhibitor zu',
  msBreakthrough:
    'ECTRIMS/EAN-Leitlinie zur medikamentösen Therapie der MS 2018 (Montalban X et al., Mult Scler 2018;24:96-120): bei Krankheitsaktivität unter Interferon oder Glatirameracetat ein wirksameres Medikament anbieten',
  fumarateLymphopenia:
    'Tecfidera (Dimethylfumarat) Fachinformation Abschnitt 4.4 (schwere Lymphopenie < 0,5 x 10^9/l über > 6 Monate: unterbrechen; PML-Risiko); Vumerity (Diroximelfumarat) Fachinformation Abschnitte 4.4 und 5.2: derselbe aktive Metabolit, Monomethylfumarat (Stand der Fachinformationen zu prüfen)',
  il23Axis:
    'Wirkmechanismus: Ustekinumab bindet die p40-Untereinheit, die IL-12 und IL-23 gemeinsam haben; Risankizumab, Mirikizumab und Guselkumab binden IL-23 p19 (Fachinformation Abschnitt 5.1). Belege für einen p19-Antikörper nach Versagen von Ustekinumab sind nur beobachtend (den Autoren ist keine randomisierte Studie bekannt)',
  il6r: 'Wirkmechanismus: Tocilizumab und Sarilumab blockieren beide den IL-6-Rezeptor (Fachinformation Abschnitt 5.1); ACR 2021 bevorzugt nach unzureichendem Ansprechen bedingt eine andere Klasse, EULAR 2022 lässt einen zweiten IL-6R-Inhibitor zu',
  intolerance:
    'Substanzspezifische Reaktionen (Infusionsreaktion, Reaktion an der Einstichstelle, Überempfindlichkeit) sagen keine Unverträglichkeit eines anderen Moleküls voraus; nach einer Überempfindlichkeitsreaktion wird von einer erneuten Gabe derselben Substanz abgeraten (Fachinformation Abschnitt 4.3/4.4 jedes Biologikums: Überempfindlichkeit gegen den Wirkstoff)',
  stoppedNoFailure:
    'Kein Therapieversagen: ein Absetzen wegen Schwangerschaft oder eines geplanten Eingriffs spricht nicht gegen einen Neubeginn (klinische Beurteilung; keine Leitlinienregel)',
  safetyRisk:
    'Das Risiko, das zum Absetzen führte, besteht fort, solange die Akte nicht zeigt, dass es behoben ist (z. B. Natalizumab und JCV: Fachinformation Abschnitt 4.4)',
  unknown: 'Die Akte nennt keinen Absetzgrund: vor einer erneuten Wahl sollte er erfragt werden',
};

const FR: Record<HistorySourceKey, string> = {
  antiTnfAntibodies:
    'Roblin X et al., Am J Gastroenterol 2014;109:1250-6 (anticorps avec taux résiduel bas : changement au sein de la classe ; taux résiduel suffisant : changement de classe) ; recommandation AGA sur le suivi thérapeutique pharmacologique dans les MICI (Feuerstein JD et al., Gastroenterology 2017;153:827-34) ; recommandations ECCO maladie de Crohn 2020 (Torres J et al., J Crohns Colitis 2020;14:4-22), numéros des énoncés à vérifier',
  secondAntiTnf:
    'Gisbert JP et al., Aliment Pharmacol Ther 2015;41:613-23 (second anti-TNF : rémission la plus fréquente après intolérance, moins fréquente après perte de réponse, la plus rare après échec primaire)',
  primaryNonResponse:
    'Recommandations ECCO maladie de Crohn 2020 (Torres J et al.) et ECCO rectocolite hémorragique 2022 (Raine T et al., J Crohns Colitis 2022;16:2-17) ; recommandations EULAR PR, mise à jour 2022 (Smolen JS et al., Ann Rheum Dis 2023;82:3-18), recommandation 11 (formulation à vérifier) ; recommandations ACR PR 2021 (Fraenkel L et al., Arthritis Care Res 2021;73:924-39) : une autre classe est préférée de façon conditionnelle',
  raSameClass:
    'Recommandations ACR PR 2021 (Fraenkel L et al.) : après réponse insuffisante, le changement de classe est recommandé de façon conditionnelle plutôt qu’un changement au sein de la classe ; EULAR 2022 (Smolen JS et al.) admet un second inhibiteur du TNF ou de l’IL-6R',
  msBreakthrough:
    'Recommandations ECTRIMS/EAN sur le traitement médicamenteux de la SEP 2018 (Montalban X et al., Mult Scler 2018;24:96-120) : proposer un traitement plus efficace en cas d’activité de la maladie sous interféron ou acétate de glatiramère',
  fumarateLymphopenia:
    'Tecfidera (diméthylfumarate) RCP rubrique 4.4 (lymphopénie sévère < 0,5 x 10^9/l pendant > 6 mois : interrompre ; risque de LEMP) ; Vumerity (diroximel fumarate) RCP rubriques 4.4 et 5.2 : même métabolite actif, le monométhylfumarate (dates des RCP à vérifier)',
  il23Axis:
    'Mécanisme : l’ustékinumab se lie à la sous-unité p40 commune à l’IL-12 et à l’IL-23 ; risankizumab, mirikizumab et guselkumab se lient à l’IL-23 p19 (RCP rubrique 5.1). Les données sur un anticorps anti-p19 après échec de l’ustékinumab sont uniquement observationnelles (aucun essai randomisé connu des auteurs)',
  il6r: 'Mécanisme : le tocilizumab et le sarilumab bloquent tous deux le récepteur de l’IL-6 (RCP rubrique 5.1) ; l’ACR 2021 préfère de façon conditionnelle une autre classe après réponse insuffisante, l’EULAR 2022 admet un second inhibiteur de l’IL-6R',
  intolerance:
    'Les réactions propres à une molécule (réaction à la perfusion, réaction au site d’injection, hypersensibilité) ne prédisent pas l’intolérance à une autre molécule ; une nouvelle exposition à la même molécule après une réaction d’hypersensibilité est déconseillée (RCP rubrique 4.3/4.4 de chaque biothérapie : hypersensibilité à la substance active)',
  stoppedNoFailure:
    'Pas un échec thérapeutique : un arrêt pour grossesse ou pour une intervention programmée ne s’oppose pas à une reprise (jugement clinique ; aucune règle de recommandation)',
  safetyRisk: 'Le risque qui a motivé l’arrêt persiste tant que le dossier ne montre pas qu’il a disparu (p. ex. natalizumab et JCV : RCP rubrique 4.4)',
  unknown: 'Le dossier n’indique pas le motif d’arrêt : il faut le demander avant de choisir à nouveau ce traitement',
};

const TEXTS: Record<ClinicalLanguage, Record<HistorySourceKey, string>> = { en: HISTORY_SOURCES, de: DE, fr: FR };

/** The evidence line of one history rule in the reader's language. */
export function historySourceText(key: HistorySourceKey, lang: ClinicalLanguage): string {
  return TEXTS[lang][key];
}
