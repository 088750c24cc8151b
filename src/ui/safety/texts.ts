/**
 * Texts of the safety rules page in English, German and French: the page's own words, and the German and
 * French wording of each rule's threshold (the English is the rule table's `threshold`, so the page never
 * keeps a second English list). Label citations (EU SmPC / US PI sections) are quoted as the labels name
 * them and are not translated. Numbers in German and French use the decimal comma.
 */
import type { RuleId, Severity } from '../../rules/safety/types.ts';
import type { LabelSource } from '../../rules/safety/types.ts';
import type { ClinicalLanguage } from '../i18n/inputs.ts';

/** The page's own words. `{n}`: number of rules. */
export interface SafetyPageTexts {
  open: string;
  title: string;
  intro: string;
  count: string;
  sourcesNote: string;
  close: string;
  filter: string;
  columns: { rule: string; drugs: string; facts: string; threshold: string; level: string; unknown: string; eu: string; us: string; follows: string };
  follows: Readonly<Record<LabelSource['follows'], string>>;
  levels: Readonly<Record<Severity, string>>;
  levelHelp: Readonly<Record<Severity, string>>;
  /** Fills `{drug}` in an unknown-fact sentence shown on the page. */
  theDrug: string;
  defaultLimit: string;
}

const en: SafetyPageTexts = {
  open: 'Safety rules',
  title: 'Safety rules: label-driven checks',
  intro:
    'Every rule the app applies before a therapy is ranked: the drugs it concerns, the facts it reads, the threshold, the level it sets when triggered, and what it shows when a fact is missing or out of date. A missing fact is never read as "fine".',
  count: '{n} rules',
  sourcesNote:
    'Label sources are quoted as the EU SmPC and US prescribing information name them; "to verify" marks a section or revision date not re-read against the current label.',
  close: 'Close',
  filter: 'Filter by drug, fact or rule',
  columns: {
    rule: 'Rule',
    drugs: 'Drugs',
    facts: 'Facts read',
    threshold: 'Threshold',
    level: 'Level',
    unknown: 'If a fact is unknown',
    eu: 'EU SmPC',
    us: 'US prescribing information',
    follows: 'Level follows',
  },
  follows: { EU: 'EU label', US: 'US label', 'EU and US': 'EU and US labels (same)', guideline: 'guideline (labels warn only)' },
  levels: {
    contraindicated: 'contraindicated',
    'only-if-no-alternative': 'only if no suitable alternative',
    'treat-before-start': 'treat before start',
    caution: 'caution',
    'screen-before-start': 'screen before start',
  },
  levelHelp: {
    contraindicated: 'must not be started; shown last, with its reason',
    'only-if-no-alternative': 'ranked after every suitable option',
    'treat-before-start': 'treat the finding first (e.g. latent tuberculosis); the option stays suitable',
    caution: 'usable with care and monitoring',
    'screen-before-start': 'a test or check is due before the first dose',
  },
  theDrug: 'the drug',
  defaultLimit: 'other drugs',
};

const de: SafetyPageTexts = {
  open: 'Sicherheitsregeln',
  title: 'Sicherheitsregeln: Prüfungen nach Fachinformation',
  intro:
    'Jede Regel, die die App vor dem Ranking einer Therapie anwendet: betroffene Arzneimittel, gelesene Angaben, Schwellenwert, Stufe bei Auslösung und Anzeige bei fehlender oder veralteter Angabe. Eine fehlende Angabe gilt nie als unauffällig.',
  count: '{n} Regeln',
  sourcesNote:
    'Die Quellen werden zitiert, wie EU-Fachinformation (SmPC) und US-Fachinformation (USPI) sie benennen; „to verify“ kennzeichnet einen Abschnitt oder ein Revisionsdatum, das nicht am aktuellen Text geprüft wurde.',
  close: 'Schließen',
  filter: 'Nach Arzneimittel, Angabe oder Regel filtern',
  columns: {
    rule: 'Regel',
    drugs: 'Arzneimittel',
    facts: 'Gelesene Angaben',
    threshold: 'Schwellenwert',
    level: 'Stufe',
    unknown: 'Bei unbekannter Angabe',
    eu: 'EU-Fachinformation (SmPC)',
    us: 'US-Fachinformation (USPI)',
    follows: 'Stufe folgt',
  },
  follows: {
    EU: 'EU-Fachinformation',
    US: 'US-Fachinformation',
    'EU and US': 'EU- und US-Fachinformation (gleich)',
    guideline: 'Leitlinie (Fachinformationen nur mit Warnhinweis)',
  },
  levels: {
    contraindicated: 'kontraindiziert',
    'only-if-no-alternative': 'nur ohne geeignete Alternative',
    'treat-before-start': 'vor Beginn behandeln',
    caution: 'Vorsicht',
    'screen-before-start': 'vor Beginn abklären',
  },
  levelHelp: {
    contraindicated: 'darf nicht begonnen werden; steht zuletzt, mit Begründung',
    'only-if-no-alternative': 'steht hinter jeder geeigneten Option',
    'treat-before-start': 'zuerst den Befund behandeln (z. B. latente Tuberkulose); die Option bleibt geeignet',
    caution: 'mit Vorsicht und Überwachung anwendbar',
    'screen-before-start': 'vor der ersten Dosis ist eine Untersuchung fällig',
  },
  theDrug: 'dem Arzneimittel',
  defaultLimit: 'übrige Arzneimittel',
};

const fr: SafetyPageTexts = {
  open: 'Règles de sécurité',
  title: 'Règles de sécurité : contrôles selon le RCP',
  intro:
    'Chaque règle appliquée par l’application avant de classer un traitement : médicaments concernés, données lues, seuil, niveau en cas de déclenchement et affichage lorsqu’une donnée manque ou n’est plus à jour. Une donnée manquante n’est jamais lue comme normale.',
  count: '{n} règles',
  sourcesNote:
    'Les sources sont citées telles que le RCP européen (SmPC) et la notice américaine (USPI) les nomment ; « to verify » signale une rubrique ou une date de révision non revérifiée sur le texte en vigueur.',
  close: 'Fermer',
  filter: 'Filtrer par médicament, donnée ou règle',
  columns: {
    rule: 'Règle',
    drugs: 'Médicaments',
    facts: 'Données lues',
    threshold: 'Seuil',
    level: 'Niveau',
    unknown: 'Si une donnée est inconnue',
    eu: 'RCP européen (SmPC)',
    us: 'Notice américaine (USPI)',
    follows: 'Niveau selon',
  },
  follows: {
    EU: 'RCP européen',
    US: 'notice américaine',
    'EU and US': 'RCP européen et notice américaine (identiques)',
    guideline: 'recommandation (les RCP ne font qu’une mise en garde)',
  },
  levels: {
    contraindicated: 'contre-indiqué',
    'only-if-no-alternative': 'seulement sans alternative appropriée',
    'treat-before-start': 'traiter avant de commencer',
    caution: 'prudence',
    'screen-before-start': 'dépistage avant de commencer',
  },
  levelHelp: {
    contraindicated: 'ne doit pas être débuté ; affiché en dernier, avec sa raison',
    'only-if-no-alternative': 'classé après toute option appropriée',
    'treat-before-start': 'traiter d’abord l’anomalie (p. ex. tuberculose latente) ; l’option reste appropriée',
    caution: 'utilisable avec prudence et surveillance',
    'screen-before-start': 'un examen est à faire avant la première dose',
  },
  theDrug: 'le médicament',
  defaultLimit: 'autres médicaments',
};

export const safetyPageTexts: Readonly<Record<ClinicalLanguage, SafetyPageTexts>> = { en, de, fr };

type Thresholds = Readonly<Record<RuleId, string>>;

/** German thresholds, rule by rule (English: SafetyRule.threshold). */
export const thresholdsDe: Omit<Thresholds, 'drug-not-in-catalogue'> = {
  'anti-tnf-hf-severe': 'Herzinsuffizienz NYHA-Klasse III oder IV (eine alte Klasse zählt weiter)',
  'anti-tnf-hf-mild': 'Herzinsuffizienz NYHA-Klasse I oder II, oder Herzinsuffizienz ohne dokumentierte Klasse',
  'etanercept-hf': 'Jede Herzinsuffizienz (NYHA I-IV)',
  'rituximab-hf-severe': 'Herzinsuffizienz NYHA-Klasse IV',
  's1p-heart-failure': 'Herzinsuffizienz NYHA-Klasse III oder IV',
  's1p-cardiac-event': 'Myokardinfarkt, instabile Angina pectoris, Schlaganfall/TIA oder dekompensierte Herzinsuffizienz in den letzten 6 Monaten',
  's1p-conduction-block': 'AV-Block II. Grades Typ Mobitz II oder III. Grades oder Sick-Sinus-Syndrom, ohne Herzschrittmacher',
  's1p-qtc-contraindicated': 'QTc 500 ms oder länger',
  's1p-qtc-caution': 'QTc 500 ms oder länger',
  'alemtuzumab-vascular':
    'Schlaganfall, Angina pectoris, Myokardinfarkt oder Dissektion zervikozephaler Arterien in der Anamnese; eine unkontrollierte Hypertonie wird nicht gelesen (keine Angabe)',
  'alemtuzumab-coagulopathy': 'Bekannte Gerinnungsstörung oder laufende Thrombozytenaggregationshemmung bzw. Antikoagulation',
  'tb-active': 'Aktive Tuberkulose (nicht ausgeheilt)',
  'tb-latent': 'Latente Tuberkulose oder positiver IGRA/Tuberkulintest ohne dokumentierte präventive Behandlung',
  'tb-latent-on-prophylaxis': 'Latente Tuberkulose oder positiver IGRA/Tuberkulintest mit dokumentierter präventiver Behandlung',
  'tb-screening': 'Kein Tuberkulose-Screening der letzten 12 Monate oder unbestimmtes Ergebnis',
  'hbv-hbsag': 'HBsAg positiv oder Diagnose einer chronischen Hepatitis B',
  'anti-cd20-hbsag': 'HBsAg positiv oder Diagnose einer chronischen Hepatitis B',
  'hbv-anti-hbc': 'Anti-HBc positiv bei negativem HBsAg (durchgemachte Infektion)',
  'chronic-infection-active': 'Aktive chronische Infektion: Hepatitis B (HBsAg positiv oder chronische Hepatitis B) oder aktive/chronische Hepatitis C',
  'hiv-positive': 'HIV-Infektion',
  'jak-hcv': 'Aktive oder chronische Hepatitis C (HCV-RNA nachgewiesen oder Diagnose)',
  'serious-infection-active':
    'Aktive schwere Infektion (Sepsis, Pneumonie, Phlegmone, Abszess inkl. perianal, Pyelonephritis, Osteomyelitis, septische Arthritis, Endokarditis, CMV, C. difficile, Herpes zoster)',
  'live-vaccine-recent': 'Lebendimpfung innerhalb der Wartezeit des Arzneimittels: 6 Wochen für Alemtuzumab, Cladribin, Ocrelizumab; sonst 4 Wochen',
  'vzv-non-immune': 'Varizella-Zoster-IgG negativ (keine Immunität): impfen, dann vor der ersten Dosis abwarten',
  'anti-tnf-demyelinating': 'Demyelinisierende Erkrankung jemals (MS, Optikusneuritis, andere)',
  'jak-age': 'Alter 65 Jahre oder älter',
  'jak-smoking': 'Aktuell rauchend oder früher langjährig rauchend',
  'jak-cv-risk': 'Kardiovaskuläre Risikofaktoren (Hypertonie, Diabetes, früherer Myokardinfarkt oder Schlaganfall, Rauchen)',
  'jak-malignancy': 'Maligne Erkrankung jemals (aktiv oder früher)',
  'jak-vte': 'Venöse Thromboembolie jemals',
  'malignancy-active': 'Aktive maligne Erkrankung (ohne nicht-melanozytären Hautkrebs)',
  'alemtuzumab-malignancy': 'Vorbestehende oder bestehende maligne Erkrankung',
  's1p-lymphopenia': 'Lymphozyten unter 0,5 x10^9/L (Lymphopenie Grad 3; unter 0,2: nicht beginnen)',
  'anti-tnf-malignancy-history': 'Lymphom oder andere maligne Erkrankung jemals',
  'alemtuzumab-autoimmune': 'Andere Autoimmunerkrankung als MS (z. B. ITP, Autoimmunthyreopathie, Anti-GBM-Erkrankung, SLE, Typ-1-Diabetes)',
  'interstitial-lung-disease': 'Interstitielle Lungenerkrankung dokumentiert',
  'gi-perforation-diverticulitis': 'Divertikulitis jemals (Risiko einer gastrointestinalen Perforation)',
  's1p-macular-oedema': 'Diabetes mellitus oder Uveitis: augenärztliche Untersuchung vor der ersten Dosis und während der Behandlung',
  'natalizumab-jcv': 'Anti-JCV-Antikörper positiv (Gruppe nach Index: ≤ 0,9, 0,9-1,5, > 1,5; ein alter Index behält seine Gruppe)',
  'natalizumab-jcv-repeat': 'Positiver Anti-JCV-Befund oder Index älter als 6 Monate',
  'natalizumab-pml-high': 'Anti-JCV positiv, mehr als 24 Monate Natalizumab und Index > 1,5 oder frühere Immunsuppressiva',
  'natalizumab-prior-immunosuppressant': 'Anti-JCV positiv und früher Azathioprin, Mercaptopurin, Mycophenolat, Mitoxantron, Cyclophosphamid oder Methotrexat',
  'pregnancy-contraindicated': 'Bestehende Schwangerschaft; der Test wird nur bei möglicher oder unbekannter Gebärfähigkeit gefordert',
  'pregnancy-planned-washout': 'Kinderwunsch (ein eigener Befund, mit oder ohne Schwangerschaftstest)',
  'cladribine-male-contraception': 'Männlicher Patient: Verhütung der Partnerin während der Behandlung und 6 Monate nach der letzten Dosis',
  'lymphocytes-do-not-start': 'Lymphozyten unter dem Startgrenzwert des Arzneimittels (S1P-Modulatoren: Lymphopenie Grad 4 < 0,2; Cladribin Jahr 2: 0,8)',
  'fumarate-lymphopenia-severe': 'Lymphozyten unter 0,5 x10^9/L',
  'lymphopenia-below-normal': 'Lymphozyten unter dem unteren Referenzwert (1 x10^9/L)',
  'jak-haemoglobin': 'Hämoglobin unter dem Startgrenzwert des Arzneimittels',
  'neutrophils-do-not-start': 'Neutrophile unter dem Startgrenzwert des Arzneimittels',
  'neutrophils-not-recommended': 'Neutrophile unter dem Wert, unter dem die Fachinformation keinen Beginn empfiehlt',
  'neutrophils-caution': 'Neutrophile unter 2 x10^9/L (Tocilizumab)',
  'platelets-do-not-start': 'Thrombozyten unter 100 x10^9/L (erhebliche Thrombozytopenie)',
  'platelets-not-recommended': 'Thrombozyten unter dem Wert, unter dem die Fachinformation keinen Beginn empfiehlt',
  'platelets-caution': 'Thrombozyten unter 100 x10^9/L (Tocilizumab)',
  'liver-do-not-start': 'ALT oder AST über dem Startgrenzwert des Arzneimittels (x ULN)',
  'liver-not-recommended': 'ALT oder AST über dem Wert, ab dem die Fachinformation keinen Beginn empfiehlt',
  'liver-caution': 'ALT oder AST erhöht: über dem Vorsichtsgrenzwert des Arzneimittels (x ULN)',
  'renal-contraindicated': 'eGFR (oder Kreatinin-Clearance) unter dem Kontraindikationswert des Arzneimittels',
  'renal-not-recommended': 'eGFR (oder Kreatinin-Clearance) unter dem Wert, unter dem die Fachinformation die Anwendung nicht empfiehlt',
  'renal-dose-reduce': 'eGFR (oder Kreatinin-Clearance) unter dem Dosisanpassungswert des Arzneimittels: reduzierte Dosis oder Vorsicht',
  'anti-cd20-igg': 'IgG unter dem unteren Referenzwert (7 g/L; lokalen Bereich prüfen)',
};

/** French thresholds, rule by rule. */
export const thresholdsFr: Omit<Thresholds, 'drug-not-in-catalogue'> = {
  'anti-tnf-hf-severe': 'Insuffisance cardiaque classe NYHA III ou IV (une classe ancienne reste valable)',
  'anti-tnf-hf-mild': 'Insuffisance cardiaque classe NYHA I ou II, ou insuffisance cardiaque sans classe renseignée',
  'etanercept-hf': 'Toute insuffisance cardiaque (NYHA I-IV)',
  'rituximab-hf-severe': 'Insuffisance cardiaque classe NYHA IV',
  's1p-heart-failure': 'Insuffisance cardiaque classe NYHA III ou IV',
  's1p-cardiac-event': 'Infarctus du myocarde, angor instable, AVC/AIT ou insuffisance cardiaque décompensée au cours des 6 derniers mois',
  's1p-conduction-block':
    'Bloc auriculo-ventriculaire du deuxième degré de type Mobitz II ou du troisième degré, ou maladie du sinus, sans stimulateur cardiaque',
  's1p-qtc-contraindicated': 'QTc de 500 ms ou plus',
  's1p-qtc-caution': 'QTc de 500 ms ou plus',
  'alemtuzumab-vascular':
    'Antécédent d’AVC, d’angor, d’infarctus du myocarde ou de dissection d’une artère cervicocéphalique ; l’hypertension non contrôlée n’est pas lue (aucune donnée)',
  'alemtuzumab-coagulopathy': 'Coagulopathie connue, ou traitement antiagrégant ou anticoagulant en cours',
  'tb-active': 'Tuberculose active (non guérie)',
  'tb-latent': 'Tuberculose latente ou IGRA/IDR positif, sans traitement préventif enregistré',
  'tb-latent-on-prophylaxis': 'Tuberculose latente ou IGRA/IDR positif, avec traitement préventif enregistré',
  'tb-screening': 'Aucun dépistage de la tuberculose au cours des 12 derniers mois, ou résultat indéterminé',
  'hbv-hbsag': 'Ag HBs positif, ou diagnostic d’hépatite B chronique',
  'anti-cd20-hbsag': 'Ag HBs positif, ou diagnostic d’hépatite B chronique',
  'hbv-anti-hbc': 'Ac anti-HBc positifs avec Ag HBs négatif (infection ancienne)',
  'chronic-infection-active': 'Infection chronique active : hépatite B (Ag HBs positif ou hépatite B chronique) ou hépatite C active ou chronique',
  'hiv-positive': 'Infection par le VIH',
  'jak-hcv': 'Hépatite C active ou chronique (ARN du VHC détecté ou diagnostic)',
  'serious-infection-active':
    'Infection grave active (sepsis, pneumonie, cellulite, abcès y compris périanal, pyélonéphrite, ostéomyélite, arthrite septique, endocardite, CMV, C. difficile, zona)',
  'live-vaccine-recent': 'Vaccin vivant dans le délai du médicament : 6 semaines pour l’alemtuzumab, la cladribine, l’ocrélizumab ; 4 semaines sinon',
  'vzv-non-immune': 'IgG anti-VZV négatives (non immun) : vacciner, puis attendre avant la première dose',
  'anti-tnf-demyelinating': 'Maladie démyélinisante à tout moment (SEP, névrite optique, autre)',
  'jak-age': 'Âge de 65 ans ou plus',
  'jak-smoking': 'Tabagisme actif ou tabagisme prolongé ancien',
  'jak-cv-risk': 'Facteurs de risque cardiovasculaire (hypertension, diabète, antécédent d’infarctus ou d’AVC, tabagisme)',
  'jak-malignancy': 'Cancer à tout moment (évolutif ou ancien)',
  'jak-vte': 'Maladie thromboembolique veineuse à tout moment',
  'malignancy-active': 'Cancer évolutif (hors cancer cutané non mélanome)',
  'alemtuzumab-malignancy': 'Cancer préexistant ou en cours',
  's1p-lymphopenia': 'Lymphocytes sous 0,5 x10^9/L (lymphopénie de grade 3 ; sous 0,2 : ne pas débuter)',
  'anti-tnf-malignancy-history': 'Lymphome ou autre cancer à tout moment',
  'alemtuzumab-autoimmune': 'Maladie auto-immune autre que la SEP (p. ex. PTI, thyroïdite auto-immune, maladie anti-MBG, lupus, diabète de type 1)',
  'interstitial-lung-disease': 'Pneumopathie interstitielle enregistrée',
  'gi-perforation-diverticulitis': 'Diverticulite à tout moment (risque de perforation gastro-intestinale)',
  's1p-macular-oedema': 'Diabète ou uvéite : examen ophtalmologique avant la première dose et pendant le traitement',
  'natalizumab-jcv': 'Anticorps anti-JCV positifs (groupe selon l’index : ≤ 0,9, 0,9-1,5, > 1,5 ; un index ancien garde son groupe)',
  'natalizumab-jcv-repeat': 'Résultat anti-JCV positif ou index datant de plus de 6 mois',
  'natalizumab-pml-high': 'Anti-JCV positif, plus de 24 mois de natalizumab, et index > 1,5 ou immunosuppresseurs antérieurs',
  'natalizumab-prior-immunosuppressant':
    'Anti-JCV positif et antécédent d’azathioprine, mercaptopurine, mycophénolate, mitoxantrone, cyclophosphamide ou méthotrexate',
  'pregnancy-contraindicated': 'Grossesse en cours ; le test n’est demandé qu’en cas de potentiel de procréation avéré ou inconnu',
  'pregnancy-planned-washout': 'Projet de grossesse (une donnée à part entière, avec ou sans test de grossesse)',
  'cladribine-male-contraception': 'Patient de sexe masculin : contraception de la partenaire pendant le traitement et 6 mois après la dernière dose',
  'lymphocytes-do-not-start':
    'Lymphocytes sous le seuil d’instauration du médicament (modulateurs S1P : lymphopénie de grade 4 < 0,2 ; cladribine année 2 : 0,8)',
  'fumarate-lymphopenia-severe': 'Lymphocytes sous 0,5 x10^9/L',
  'lymphopenia-below-normal': 'Lymphocytes sous la limite inférieure de la normale (1 x10^9/L)',
  'jak-haemoglobin': 'Hémoglobine sous le seuil d’instauration du médicament',
  'neutrophils-do-not-start': 'Neutrophiles sous le seuil d’instauration du médicament',
  'neutrophils-not-recommended': 'Neutrophiles sous le seuil en dessous duquel le RCP ne recommande pas de débuter',
  'neutrophils-caution': 'Neutrophiles sous 2 x10^9/L (tocilizumab)',
  'platelets-do-not-start': 'Plaquettes sous 100 x10^9/L (thrombopénie significative)',
  'platelets-not-recommended': 'Plaquettes sous le seuil en dessous duquel le RCP ne recommande pas de débuter',
  'platelets-caution': 'Plaquettes sous 100 x10^9/L (tocilizumab)',
  'liver-do-not-start': 'ALAT ou ASAT au-dessus du seuil d’instauration du médicament (x LSN)',
  'liver-not-recommended': 'ALAT ou ASAT au-dessus du seuil à partir duquel le RCP ne recommande pas de débuter',
  'liver-caution': 'ALAT ou ASAT élevées : au-dessus du seuil de prudence du médicament (x LSN)',
  'renal-contraindicated': 'DFGe (ou clairance de la créatinine) sous le seuil de contre-indication du médicament',
  'renal-not-recommended': 'DFGe (ou clairance de la créatinine) sous le seuil en dessous duquel le RCP ne recommande pas l’utilisation',
  'renal-dose-reduce': 'DFGe (ou clairance de la créatinine) sous le seuil d’adaptation posologique du médicament : dose réduite ou prudence',
  'anti-cd20-igg': 'IgG sous la limite inférieure de la normale (7 g/L ; intervalle local à vérifier)',
};

/** A rule's threshold in a language (English: the rule table's own text). */
export function thresholdText(id: RuleId, english: string, lang: ClinicalLanguage): string {
  if (lang === 'en' || id === 'drug-not-in-catalogue') return english;
  return (lang === 'de' ? thresholdsDe : thresholdsFr)[id];
}
