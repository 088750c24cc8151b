/**
 * French texts of the safety flags (RCP wording), `safety.<ruleId>.<variant>`; the English reference is
 * src/rules/safety/messages.ts (+ messages.more.ts). « traitement par {drug} » / « sous {drug} » avoid the
 * article that an INN would otherwise need.
 */
import type { SafetyTexts } from './safety.types.ts';

const HF_FR = 'Insuffisance cardiaque (classe NYHA) {gap} : à évaluer avant de débuter un traitement par {drug}.';
const HBV_FR =
  'Statut vis-à-vis de l’hépatite B inconnu (Ag HBs {gap}) : sérologie de l’hépatite B avant de débuter un traitement par {drug} (Ag HBs et Ac anti-HBc).';
const LY_FR = 'Numération lymphocytaire {gap} : une numération formule sanguine récente est nécessaire avant de débuter un traitement par {drug}.';
const HF_NOCLASS_FR = (classes: string) =>
  `Insuffisance cardiaque enregistrée sans classe NYHA : renseigner la classe avant de débuter un traitement par {drug} (contre-indiqué en NYHA ${classes}).`;
const LAB_FR = (what: string) => `${what} {gap} : un résultat récent est nécessaire avant de débuter un traitement par {drug} (seuil {limit}).`;
const ONLY_FR = 'n’utiliser le traitement par {drug} qu’en l’absence d’alternative appropriée';
const NOT_IN_CAT_FR = '« {drug} » ne figure pas dans le catalogue des médicaments : aucune règle de sécurité n’a été vérifiée ; consulter le RCP.';
export const fr: SafetyTexts = {
  'anti-tnf-hf-severe': {
    'class-unknown': HF_NOCLASS_FR('III/IV'),
    triggered:
      'Insuffisance cardiaque classe NYHA {nyha} ({date}) : le traitement par {drug} est contre-indiqué en cas d’insuffisance cardiaque modérée à sévère (NYHA III/IV).',
    unknown: HF_FR,
  },
  'anti-tnf-hf-mild': {
    'class-unknown':
      'Insuffisance cardiaque enregistrée (classe NYHA non renseignée) : traitement par {drug} avec prudence, à arrêter en cas d’aggravation de l’insuffisance cardiaque.',
    triggered:
      'Insuffisance cardiaque légère (classe NYHA {nyha}) : traitement par {drug} avec prudence, à arrêter en cas d’aggravation de l’insuffisance cardiaque.',
    unknown: HF_FR,
  },
  'etanercept-hf': {
    'class-unknown':
      'Insuffisance cardiaque enregistrée (classe NYHA non renseignée) : traitement par {drug} avec prudence ; surveiller l’aggravation de l’insuffisance cardiaque.',
    triggered: 'Insuffisance cardiaque (classe NYHA {nyha}) : traitement par {drug} avec prudence ; surveiller l’aggravation de l’insuffisance cardiaque.',
    unknown: HF_FR,
  },
  's1p-heart-failure': {
    'class-unknown': HF_NOCLASS_FR('III/IV'),
    triggered: 'Insuffisance cardiaque classe NYHA {nyha} : le traitement par {drug} est contre-indiqué en cas d’insuffisance cardiaque NYHA III/IV.',
    unknown: HF_FR,
  },
  'anti-tnf-demyelinating': {
    triggered: `Maladie démyélinisante enregistrée ({date}) : un anti-TNF peut l’aggraver ; ${ONLY_FR}.`,
    unknown: 'Maladie démyélinisante {gap} : vérifier les antécédents avant de débuter un traitement par {drug}.',
  },
  'tb-active': {
    triggered: 'Tuberculose active enregistrée ({date}) : le traitement par {drug} est contre-indiqué jusqu’au traitement de la tuberculose.',
    unknown: 'Tuberculose active {gap} : exclure une tuberculose active avant de débuter un traitement par {drug}.',
  },
  'tb-latent': {
    triggered:
      'Tuberculose latente ou dépistage positif ({date}), sans traitement préventif enregistré : exclure une tuberculose active et débuter le traitement de la tuberculose latente avant le traitement par {drug}.',
    unknown: 'Tuberculose latente {gap} : dépistage avant de débuter un traitement par {drug}.',
  },
  'tb-screening': {
    triggered: 'Dépistage de la tuberculose indéterminé ({date}) : le répéter ou compléter le bilan avant de débuter un traitement par {drug}.',
    unknown: 'Résultat du dépistage de la tuberculose {gap} : dépistage avant de débuter un traitement par {drug}.',
  },
  'hbv-hbsag': {
    chronic:
      'Hépatite B chronique enregistrée ({date}) : ne débuter le traitement par {drug} qu’en l’absence d’alternative appropriée, avec avis hépatologique et prophylaxie antivirale.',
    triggered:
      'Ag HBs positif ({date}) : ne débuter le traitement par {drug} qu’en l’absence d’alternative appropriée, avec avis hépatologique et prophylaxie antivirale.',
    unknown: HBV_FR,
  },
  'anti-cd20-hbsag': {
    chronic:
      'Hépatite B chronique enregistrée ({date}) : le traitement par {drug} ne doit pas être utilisé en cas d’hépatite B active ; adresser en hépatologie.',
    triggered: 'Ag HBs positif ({date}) : le traitement par {drug} ne doit pas être utilisé en cas d’hépatite B active ; adresser en hépatologie.',
    unknown: HBV_FR,
  },
  'hbv-anti-hbc': {
    triggered:
      'Ac anti-HBc positifs ({date}) : risque de réactivation de l’hépatite B sous {drug} ; surveiller l’ADN du VHB ou donner une prophylaxie sur avis hépatologique.',
    'anti-cd20':
      'Ac anti-HBc positifs ({date}) : risque élevé de réactivation de l’hépatite B sous {drug} ; une prophylaxie antivirale est recommandée, sur avis hépatologique.',
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
  'jak-cv-risk': {
    triggered: `Facteurs de risque cardiovasculaire ({factors}) : ${ONLY_FR} (EMA 2022).`,
    unknown: 'Risque cardiovasculaire {gap} : l’évaluer avant de débuter un traitement par {drug}.',
  },
  'jak-malignancy': {
    triggered: `Cancer enregistré ({date}) : ${ONLY_FR} (EMA 2022).`,
    unknown: 'Antécédents de cancer {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'jak-vte': {
    triggered: 'Maladie thromboembolique veineuse enregistrée ({date}) : traitement par {drug} avec prudence (EMA 2022).',
    unknown: 'Antécédents de maladie thromboembolique veineuse {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'natalizumab-jcv': {
    triggered:
      'Anticorps anti-JCV positifs, index {index} : le risque de LEMP augmente avec l’index, avec un traitement de plus de 2 ans et après des immunosuppresseurs ; mesurer l’index.',
    'index-low': 'Anticorps anti-JCV positifs, index {index} (0,9 ou moins) : risque de LEMP plus faible ; recontrôler l’index tous les 6 mois.',
    'index-intermediate':
      'Anticorps anti-JCV positifs, index {index} (plus de 0,9 et jusqu’à 1,5) : risque de LEMP intermédiaire ; recontrôler tous les 6 mois et réévaluer après 2 ans de traitement.',
    'index-high':
      'Anticorps anti-JCV positifs, index {index} (plus de 1,5) : risque de LEMP élevé après 2 ans de traitement ; discuter le rapport bénéfice/risque avant le traitement par {drug}.',
    unknown: 'Sérologie anti-JCV {gap} : la réaliser avant de débuter un traitement par {drug} (à recontrôler tous les 6 mois).',
  },
  'natalizumab-pml-high': {
    'prior-immunosuppressant':
      'Groupe de risque de LEMP le plus élevé : anticorps anti-JCV positifs, immunosuppresseurs antérieurs et {months} mois sous {drug} (plus de 24) : ne poursuivre qu’en l’absence d’alternative appropriée.',
    triggered:
      'Groupe de risque de LEMP le plus élevé : index JCV {index} (plus de 1,5) et {months} mois sous {drug} (plus de 24) : ne poursuivre qu’en l’absence d’alternative appropriée.',
    unknown: 'Niveau de risque de LEMP impossible à établir ({gap}) : renseigner l’index JCV et la durée du traitement par {drug}.',
  },
  'pregnancy-contraindicated': {
    triggered: 'Grossesse enregistrée ({date}) : le traitement par {drug} est contre-indiqué pendant la grossesse.',
    unknown: 'Statut de grossesse {gap} : exclure une grossesse avant de débuter un traitement par {drug} (contre-indiqué pendant la grossesse ; {washout}).',
  },
  'pregnancy-planned-washout': {
    triggered:
      'Projet de grossesse : le traitement par {drug} est contre-indiqué pendant la grossesse et nécessite une période d’élimination ({washout}) ; préférer une option compatible avec la grossesse.',
    unknown: 'Projet de grossesse {gap} : le demander avant de débuter un traitement par {drug} (contre-indiqué pendant la grossesse ; {washout}).',
  },
  'lymphocytes-do-not-start': {
    triggered: 'Lymphocytes {value} x10^9/L ({date}) sous {min} : ne pas débuter le traitement par {drug} ({basis}).',
    unknown:
      'Numération lymphocytaire {gap} : une numération formule sanguine récente (au moins {min} x10^9/L) est nécessaire avant de débuter un traitement par {drug}.',
  },
  'fumarate-lymphopenia-severe': {
    triggered:
      'Lymphocytes {value} x10^9/L ({date}) sous 0,5 : le traitement par {drug} est interrompu à ce niveau ; ne le débuter qu’en l’absence d’alternative appropriée.',
    unknown: LY_FR,
  },
  'lymphopenia-below-normal': {
    triggered:
      'Lymphocytes {value} x10^9/L ({date}) sous la normale ({min}) : rechercher la cause avant de débuter un traitement par {drug} et surveiller la numération.',
    unknown: LY_FR,
  },
  'jak-haemoglobin': {
    triggered: 'Hémoglobine {value} g/dL ({date}) sous {min} : ne pas débuter le traitement par {drug} ({basis}).',
    unknown:
      'Hémoglobine {gap} : une numération formule sanguine récente (hémoglobine d’au moins {min} g/dL) est nécessaire avant de débuter un traitement par {drug}.',
  },
  'live-vaccine-recent': {
    triggered: 'Vaccin vivant le {date} : différer le traitement par {drug} jusqu’au {until} ({waitDays} jours après ; encore {daysLeft} jours).',
    undated:
      'Vaccin vivant au cours des 6 dernières semaines (date non renseignée) : différer le traitement par {drug} jusqu’à {waitDays} jours après la vaccination.',
    unknown: 'Vaccins vivants récents {gap} : les rechercher avant de débuter un traitement par {drug} (attendre au moins 4 semaines après un vaccin vivant).',
  },
  'serious-infection-active': {
    triggered: 'Infection grave active enregistrée ({date}) : ne pas débuter le traitement par {drug} avant la guérison de l’infection.',
    unknown: 'Infection grave active {gap} : exclure une infection active avant de débuter un traitement par {drug}.',
  },
  'tb-latent-on-prophylaxis': {
    triggered:
      'Tuberculose latente, traitement préventif débuté ({date}) : le traitement par {drug} peut débuter ; terminer le traitement préventif et surveiller l’apparition d’une tuberculose active.',
    unknown: 'Tuberculose latente {gap} : dépistage avant de débuter un traitement par {drug}.',
  },
  'malignancy-active': {
    triggered: 'Cancer évolutif enregistré ({date}) : le traitement par {drug} est contre-indiqué en cas de cancer évolutif.',
    unknown: 'Cancer évolutif {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'alemtuzumab-malignancy': {
    triggered: 'Cancer enregistré ({date}) : traitement par {drug} avec prudence en cas de cancer préexistant ou en cours.',
    unknown: 'Antécédents de cancer {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  's1p-lymphopenia': {
    triggered:
      'Lymphocytes {value} x10^9/L ({date}) sous 0,5 (lymphopénie de grade 3) : le traitement par {drug} abaisse encore la numération ; rechercher la cause et surveiller étroitement en cas d’instauration.',
    unknown: LY_FR,
  },
  'anti-tnf-malignancy-history': {
    triggered: 'Antécédent de cancer ({date}) : traitement par {drug} avec prudence (anti-TNF et cancers).',
    lymphoma: 'Antécédent de lymphome ({date}) : traitement par {drug} avec prudence ; peser le risque de lymphome sous anti-TNF.',
    unknown: 'Antécédents de cancer {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'rituximab-hf-severe': {
    triggered: 'Insuffisance cardiaque classe NYHA {nyha} : le traitement par {drug} est contre-indiqué en cas d’insuffisance cardiaque sévère (NYHA IV).',
    'class-unknown': HF_NOCLASS_FR('IV'),
    unknown: HF_FR,
  },
  's1p-cardiac-event': {
    triggered:
      'Infarctus du myocarde, angor instable, AVC/AIT ou insuffisance cardiaque décompensée au cours des 6 derniers mois ({date}) : le traitement par {drug} est contre-indiqué.',
    unknown: 'Événements cardiaques et cérébrovasculaires des 6 derniers mois {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  's1p-conduction-block': {
    triggered:
      'Bloc auriculo-ventriculaire du deuxième degré de type Mobitz II ou du troisième degré, ou maladie du sinus, sans stimulateur cardiaque ({date}) : le traitement par {drug} est contre-indiqué.',
    unknown: 'Troubles de la conduction {gap} : un ECG est nécessaire avant de débuter un traitement par {drug}.',
  },
  's1p-qtc-contraindicated': {
    triggered: 'QTc {value} ms ({date}), 500 ms ou plus : le traitement par {drug} est contre-indiqué.',
    unknown: 'QTc {gap} : un ECG est nécessaire avant de débuter un traitement par {drug}.',
  },
  's1p-qtc-caution': {
    triggered: 'QTc {value} ms ({date}), 500 ms ou plus : demander un avis cardiologique et surveiller la première dose du traitement par {drug}.',
    unknown: 'QTc {gap} : un ECG est nécessaire avant de débuter un traitement par {drug}.',
  },
  'chronic-infection-active': {
    triggered: 'Infection chronique par le virus de l’hépatite B ({date}) : le traitement par {drug} est contre-indiqué en cas d’infection chronique active.',
    hcv: 'Hépatite C active ou chronique ({date}) : le traitement par {drug} est contre-indiqué en cas d’infection chronique active.',
    unknown: 'Hépatite chronique {gap} : sérologies des hépatites B et C avant de débuter un traitement par {drug}.',
  },
  'vzv-non-immune': {
    triggered: 'Absence d’immunité contre le virus varicelle-zona ({date}) : vacciner avant le traitement par {drug} et attendre avant la première dose.',
    unknown:
      'Immunité contre le virus varicelle-zona {gap} : doser les IgG anti-VZV (sauf antécédent ou 2 doses de vaccin documentés) avant de débuter un traitement par {drug}.',
  },
  's1p-macular-oedema': {
    triggered: 'Diabète ou uvéite enregistré ({date}) : examen ophtalmologique avant le traitement par {drug} et pendant celui-ci (œdème maculaire).',
    unknown: 'Diabète et uvéite {gap} : vérifier avant de débuter un traitement par {drug} (risque d’œdème maculaire).',
  },
  'natalizumab-prior-immunosuppressant': {
    triggered: 'Anticorps anti-JCV positifs après des immunosuppresseurs : risque de LEMP plus élevé sous {drug} ; l’index ne stratifie pas ces patients.',
    unknown: 'Immunosuppresseurs antérieurs {gap} : le demander avant de débuter un traitement par {drug} (groupe de risque de LEMP).',
  },
  'natalizumab-jcv-repeat': {
    triggered: 'Résultat JCV du {date} datant de plus de 6 mois : le répéter ; son groupe de risque reste valable jusqu’à un résultat plus récent.',
    unknown: 'Sérologie anti-JCV {gap} : la réaliser avant de débuter un traitement par {drug}.',
  },
  'hiv-positive': {
    triggered: 'Infection par le VIH enregistrée ({date}) : le traitement par {drug} est contre-indiqué.',
    unknown: 'Statut VIH {gap} : dépistage avant de débuter un traitement par {drug}.',
  },
  'jak-hcv': {
    triggered: 'Hépatite C active ou chronique ({date}) : ne débuter le traitement par {drug} qu’avec un avis hépatologique (réactivation virale).',
    unknown: 'Statut vis-à-vis de l’hépatite C {gap} : dépistage des hépatites virales avant de débuter un traitement par {drug}.',
  },
  'alemtuzumab-vascular': {
    triggered: 'Antécédent d’AVC, d’angor, d’infarctus du myocarde ou de dissection artérielle ({date}) : le traitement par {drug} est contre-indiqué.',
    unknown: 'Antécédents d’AVC, d’angor, d’infarctus du myocarde ou de dissection artérielle {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'alemtuzumab-autoimmune': {
    triggered: 'Maladie auto-immune autre que la SEP enregistrée ({date}) : le traitement par {drug} est contre-indiqué.',
    unknown: 'Autres maladies auto-immunes {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'alemtuzumab-coagulopathy': {
    triggered: 'Coagulopathie ou traitement antiagrégant/anticoagulant ({date}) : le traitement par {drug} est contre-indiqué.',
    unknown: 'Coagulopathie et traitement antithrombotique {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'anti-cd20-igg': {
    triggered: 'IgG {value} g/L ({date}) sous {limit} : l’hypogammaglobulinémie augmente le risque infectieux sous {drug} ; avis spécialisé avant de débuter.',
    unknown: LAB_FR('Dosage des IgG'),
  },
  'interstitial-lung-disease': {
    triggered:
      'Pneumopathie interstitielle enregistrée ({date}) : traitement par {drug} avec prudence (toxicité pulmonaire) ; explorations fonctionnelles respiratoires et avis spécialisé.',
    unknown: 'Pneumopathie interstitielle {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'gi-perforation-diverticulitis': {
    triggered: 'Antécédent de diverticulite ({date}) : traitement par {drug} avec prudence (perforation gastro-intestinale).',
    unknown: 'Antécédents de diverticulite {gap} : vérifier avant de débuter un traitement par {drug}.',
  },
  'cladribine-male-contraception': {
    triggered:
      'Patient de sexe masculin : contraception efficace pour éviter une grossesse de la partenaire pendant le traitement par {drug} et au moins 6 mois après la dernière dose.',
    unknown: 'Sexe {gap} : conseil contraceptif avant de débuter un traitement par {drug} (femmes et hommes).',
  },
  'liver-do-not-start': {
    triggered: 'Transaminases {value} x LSN ({date}), au-dessus de {limit} x LSN : ne pas débuter le traitement par {drug}.',
    unknown: LAB_FR('Bilan hépatique (ALAT/ASAT)'),
  },
  'liver-not-recommended': {
    triggered: `Transaminases {value} x LSN ({date}), au-dessus de {limit} x LSN : instauration non recommandée ; ${ONLY_FR}.`,
    unknown: LAB_FR('Bilan hépatique (ALAT/ASAT)'),
  },
  'liver-caution': {
    triggered:
      'Transaminases {value} x LSN ({date}), au-dessus de {limit} x LSN : rechercher la cause et surveiller étroitement le bilan hépatique en cas de traitement par {drug}.',
    unknown: LAB_FR('Bilan hépatique (ALAT/ASAT)'),
  },
  'renal-contraindicated': {
    triggered: 'DFGe {value} mL/min/1,73 m² ({date}), sous {limit} : le traitement par {drug} est contre-indiqué.',
    unknown: LAB_FR('Fonction rénale (DFGe)'),
  },
  'renal-not-recommended': {
    triggered: `DFGe {value} mL/min/1,73 m² ({date}), sous {limit} : non recommandé ; ${ONLY_FR}.`,
    unknown: LAB_FR('Fonction rénale (DFGe)'),
  },
  'renal-dose-reduce': {
    triggered: 'DFGe {value} mL/min/1,73 m² ({date}), sous {limit} : réduire la dose du traitement par {drug} selon le RCP.',
    unknown: LAB_FR('Fonction rénale (DFGe)'),
  },
  'neutrophils-do-not-start': {
    triggered: 'Neutrophiles {value} x10^9/L ({date}), sous {limit} : ne pas débuter le traitement par {drug}.',
    unknown: LAB_FR('Numération des neutrophiles'),
  },
  'neutrophils-not-recommended': {
    triggered: `Neutrophiles {value} x10^9/L ({date}), sous {limit} : instauration non recommandée ; ${ONLY_FR}.`,
    unknown: LAB_FR('Numération des neutrophiles'),
  },
  'neutrophils-caution': {
    triggered: 'Neutrophiles {value} x10^9/L ({date}), sous {limit} : débuter le traitement par {drug} avec prudence et surveiller la numération.',
    unknown: LAB_FR('Numération des neutrophiles'),
  },
  'platelets-do-not-start': {
    triggered: 'Plaquettes {value} x10^9/L ({date}), sous {limit} : ne pas débuter le traitement par {drug}.',
    unknown: LAB_FR('Numération plaquettaire'),
  },
  'platelets-not-recommended': {
    triggered: `Plaquettes {value} x10^9/L ({date}), sous {limit} : instauration non recommandée ; ${ONLY_FR}.`,
    unknown: LAB_FR('Numération plaquettaire'),
  },
  'platelets-caution': {
    triggered: 'Plaquettes {value} x10^9/L ({date}), sous {limit} : débuter le traitement par {drug} avec prudence et surveiller la numération.',
    unknown: LAB_FR('Numération plaquettaire'),
  },
  'drug-not-in-catalogue': { triggered: NOT_IN_CAT_FR, unknown: NOT_IN_CAT_FR },
};
