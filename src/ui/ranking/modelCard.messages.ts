/**
 * The plain-language model card (namespace `modelCard`) in English, German and French. Figures
 * (endpoint, time point, interval level, records, trial counts) are filled in from spec.json and
 * metrics.json at display; the limits restate section 9 "Limitations" of each models/<x>/MODEL_CARD.md
 * in plain words (tests/unit/ui/modelCard.test.ts checks that each statement still has its source there).
 */
const en = {
  plainTitle: 'About this model, in plain words',
  /** The dialog title's model name: indication and endpoint. */
  name: '{{indication}}: {{endpoint}}',
  simulated: 'Trained on simulated patients only, no real patient data. Not a medical device; not for clinical decisions.',
  use: {
    title: 'What it is for',
    who: 'For {{population}} about to start or switch an advanced therapy, or when continuing the current one is being weighed.',
    decision: 'It compares the {{count}} drugs of its list for this patient, to support the choice of the next therapy. It does not make the choice.',
    notFor: 'Not for: real treatment decisions; children; drugs outside its list; other endpoints or time points.',
  },
  number: {
    title: 'What a number means',
    probability:
      'A percentage is the estimated probability of {{endpoint}} at {{horizon}} with that drug, for a patient with this record treated as in the trials the model was calibrated to.',
    interval:
      'The range beside it is a {{nominal}} % interval: in the simulation, the true probability lay inside such ranges about {{nominal}} times in 100. A wide range means the model is unsure, often because inputs are missing from the record.',
    compare: 'Options whose ranges largely overlap may not really differ: the ranking marks them “not distinguishable from the first option”.',
  },
  data: {
    title: 'What it learnt from',
    simulated:
      'It learnt from {{records}} simulated patients, not from real patient data. The simulation is calibrated to published trials and meta-analyses, so its rates are those of trial-like patients.',
    simulatedNoCount:
      'It learnt from simulated patients, not from real patient data. The simulation is calibrated to published trials and meta-analyses, so its rates are those of trial-like patients.',
  },
  limits: {
    title: 'Main limits',
    simulatedOnly: 'It was tested on simulated patients only: how well it works for real patients is unknown.',
    loto: 'Checked against {{trials}} published trials, each left out of the calibration in turn: the predicted rate lay inside the trial’s 95 % confidence interval for {{inCi}} of {{arms}} trial arms, and inside the model’s 90 % interval for {{inPi}} of {{arms}}.',
    belowTarget: 'That is fewer than 8 in 10 trial arms: treat differences of a few percentage points between drugs as uncertain.',
    headToHead: 'In {{ok}} of {{n}} head-to-head comparisons the model put the drug that did better in the trial first.',
    lotoMissing: 'The check against published trials is not available for this model.',
    unlikeTrials:
      'For patients unlike the trial participants (many prior therapies, long disease, values outside the trial ranges) the accuracy of the interval is unknown.',
    unverified: 'Some trial figures behind the calibration are quoted from memory or only partly verified; the technical card lists them.',
    specific: {
      cd: 'The sizes of some influences (albumin, BMI, smoking, immunomodulator, disease duration) are assumed: the studies give only their direction.',
      uc: 'Full, modified and 3-component Mayo remission are counted as one endpoint; the anti-TNF influences of albumin, BMI and immunomodulators are taken over from Crohn’s disease with assumed sizes.',
      ra: 'ACR20 and ACR70 trial results were converted to ACR50 with a model, and the calibrating trials enrolled patients after methotrexate failure: effects after prior biologics rest on a few studies and assumptions.',
      rms: 'Staying relapse-free over 2 years is derived from the annual relapse rate, assuming relapses occur at random (Poisson); interferon beta-1a is given the effect of interferon beta-1b.',
    },
  },
  population: {
    cd: 'adults with Crohn’s disease',
    uc: 'adults with ulcerative colitis',
    ra: 'adults with rheumatoid arthritis',
    rms: 'adults with relapsing multiple sclerosis',
    other: 'adults with the model’s indication',
  },
  technical: {
    show: 'Technical model card',
    hide: 'Hide the technical model card',
    intro: 'The full card for developers and reviewers (model, inputs, evidence synthesis, performance), in English as written.',
  },
};

/** The shape every language must fill. */
export type ModelCardMessages = typeof en;

const de: ModelCardMessages = {
  plainTitle: 'Über dieses Modell, in einfachen Worten',
  name: '{{indication}}: {{endpoint}}',
  simulated: 'Nur mit simulierten Patienten trainiert, ohne echte Patientendaten. Kein Medizinprodukt; nicht für klinische Entscheidungen.',
  use: {
    title: 'Wofür es gedacht ist',
    who: 'Für {{population}}, bei denen eine fortgeschrittene Therapie begonnen oder gewechselt werden soll oder die Fortführung der aktuellen abgewogen wird.',
    decision:
      'Es vergleicht die {{count}} Wirkstoffe seiner Liste für diese Patientin bzw. diesen Patienten, als Hilfe bei der Wahl der nächsten Therapie. Die Wahl trifft es nicht.',
    notFor: 'Nicht für: echte Therapieentscheidungen; Kinder; Wirkstoffe außerhalb der Liste; andere Endpunkte oder Zeitpunkte.',
  },
  number: {
    title: 'Was eine Zahl bedeutet',
    probability:
      'Ein Prozentwert ist die geschätzte Wahrscheinlichkeit für {{endpoint}} bis {{horizon}} mit diesem Wirkstoff, für eine Person mit dieser Akte, behandelt wie in den Studien, an denen das Modell kalibriert wurde.',
    interval:
      'Der Bereich daneben ist ein {{nominal}}-%-Intervall: In der Simulation lag die wahre Wahrscheinlichkeit etwa {{nominal}}-mal von 100 in solchen Bereichen. Ein breiter Bereich heißt, dass das Modell unsicher ist, oft weil Angaben in der Akte fehlen.',
    compare:
      'Optionen, deren Bereiche sich weitgehend überlappen, unterscheiden sich womöglich nicht wirklich: Die Rangfolge kennzeichnet sie als „nicht von der ersten Option unterscheidbar“.',
  },
  data: {
    title: 'Woraus es gelernt hat',
    simulated:
      'Es hat aus {{records}} simulierten Patienten gelernt, nicht aus echten Patientendaten. Die Simulation ist an veröffentlichten Studien und Metaanalysen kalibriert; ihre Raten sind die studienähnlicher Patienten.',
    simulatedNoCount:
      'Es hat aus simulierten Patienten gelernt, nicht aus echten Patientendaten. Die Simulation ist an veröffentlichten Studien und Metaanalysen kalibriert; ihre Raten sind die studienähnlicher Patienten.',
  },
  limits: {
    title: 'Wichtigste Grenzen',
    simulatedOnly: 'Es wurde nur an simulierten Patienten geprüft: Wie gut es bei echten Patienten ist, ist unbekannt.',
    loto: 'Geprüft an {{trials}} veröffentlichten Studien, jede der Reihe nach aus der Kalibrierung herausgenommen: Die vorhergesagte Rate lag bei {{inCi}} von {{arms}} Studienarmen im 95-%-Konfidenzintervall der Studie und bei {{inPi}} von {{arms}} im 90-%-Intervall des Modells.',
    belowTarget: 'Das sind weniger als 8 von 10 Studienarmen: Unterschiede von wenigen Prozentpunkten zwischen Wirkstoffen sind unsicher.',
    headToHead: 'In {{ok}} von {{n}} direkten Vergleichsstudien setzte das Modell den in der Studie besseren Wirkstoff vorn.',
    lotoMissing: 'Die Prüfung an veröffentlichten Studien ist für dieses Modell nicht verfügbar.',
    unlikeTrials:
      'Für Personen, die den Studienteilnehmenden nicht gleichen (viele Vortherapien, lange Krankheitsdauer, Werte außerhalb der Studienbereiche), ist die Genauigkeit des Intervalls unbekannt.',
    unverified: 'Einige Studienzahlen der Kalibrierung sind aus dem Gedächtnis zitiert oder nur teilweise geprüft; die technische Modellkarte nennt sie.',
    specific: {
      cd: 'Die Stärke einiger Einflüsse (Albumin, BMI, Rauchen, Immunmodulator, Krankheitsdauer) ist angenommen: Die Studien nennen nur ihre Richtung.',
      uc: 'Vollständige, modifizierte und 3-Komponenten-Mayo-Remission gelten als ein Endpunkt; die Anti-TNF-Einflüsse von Albumin, BMI und Immunmodulatoren sind vom Morbus Crohn übernommen, ihre Stärke ist angenommen.',
      ra: 'ACR20- und ACR70-Ergebnisse wurden mit einem Modell in ACR50 umgerechnet, und die kalibrierenden Studien schlossen Personen nach Methotrexat-Versagen ein: Die Wirkung nach Vor-Biologika beruht auf wenigen Studien und Annahmen.',
      rms: 'Schubfreiheit über 2 Jahre wird aus der jährlichen Schubrate abgeleitet, unter der Annahme zufällig auftretender Schübe (Poisson); Interferon beta-1a erhält die Wirkung von Interferon beta-1b.',
    },
  },
  population: {
    cd: 'Erwachsene mit Morbus Crohn',
    uc: 'Erwachsene mit Colitis ulcerosa',
    ra: 'Erwachsene mit rheumatoider Arthritis',
    rms: 'Erwachsene mit schubförmiger multipler Sklerose',
    other: 'Erwachsene mit der Indikation des Modells',
  },
  technical: {
    show: 'Technische Modellkarte',
    hide: 'Technische Modellkarte ausblenden',
    intro: 'Die vollständige Karte für Entwicklung und Prüfung (Modell, Eingaben, Evidenzsynthese, Leistung), im englischen Original.',
  },
};

const fr: ModelCardMessages = {
  plainTitle: 'Ce modèle, en termes simples',
  name: '{{indication}} : {{endpoint}}',
  simulated:
    'Entraîné uniquement sur des patients simulés, sans données de patients réels. Ce n’est pas un dispositif médical ; à ne pas utiliser pour des décisions cliniques.',
  use: {
    title: 'À quoi il sert',
    who: 'Pour les {{population}} qui vont commencer ou changer de traitement avancé, ou dont la poursuite du traitement actuel est discutée.',
    decision: 'Il compare les {{count}} médicaments de sa liste pour ce patient, pour aider au choix du traitement suivant. Il ne fait pas ce choix.',
    notFor: 'Pas pour : de vraies décisions thérapeutiques ; les enfants ; les médicaments hors de sa liste ; d’autres critères ou d’autres échéances.',
  },
  number: {
    title: 'Ce que signifie un chiffre',
    probability:
      'Un pourcentage est la probabilité estimée de {{endpoint}} à {{horizon}} avec ce médicament, pour un patient ayant ce dossier et traité comme dans les essais sur lesquels le modèle est calibré.',
    interval:
      'La fourchette à côté est un intervalle à {{nominal}} % : dans la simulation, la vraie probabilité se trouvait dans de telles fourchettes environ {{nominal}} fois sur 100. Une fourchette large signifie que le modèle est incertain, souvent parce que des données manquent au dossier.',
    compare:
      'Des options dont les fourchettes se recouvrent largement ne diffèrent peut-être pas vraiment : le classement les signale « non distinguable de la première option ».',
  },
  data: {
    title: 'Ce dont il a appris',
    simulated:
      'Il a appris de {{records}} patients simulés, pas de données de patients réels. La simulation est calibrée sur des essais publiés et des méta-analyses : ses taux sont ceux de patients comparables à ceux des essais.',
    simulatedNoCount:
      'Il a appris de patients simulés, pas de données de patients réels. La simulation est calibrée sur des essais publiés et des méta-analyses : ses taux sont ceux de patients comparables à ceux des essais.',
  },
  limits: {
    title: 'Principales limites',
    simulatedOnly: 'Il n’a été testé que sur des patients simulés : sa performance chez de vrais patients est inconnue.',
    loto: 'Vérifié sur {{trials}} essais publiés, chacun retiré à son tour de la calibration : le taux prédit était dans l’intervalle de confiance à 95 % de l’essai pour {{inCi}} bras sur {{arms}}, et dans l’intervalle à 90 % du modèle pour {{inPi}} sur {{arms}}.',
    belowTarget: 'C’est moins de 8 bras sur 10 : des écarts de quelques points entre médicaments restent incertains.',
    headToHead: 'Dans {{ok}} comparaisons directes sur {{n}}, le modèle a placé en premier le médicament meilleur dans l’essai.',
    lotoMissing: 'La vérification sur des essais publiés n’est pas disponible pour ce modèle.',
    unlikeTrials:
      'Pour des patients différents des participants aux essais (nombreux traitements antérieurs, maladie ancienne, valeurs hors des plages des essais), la justesse de l’intervalle est inconnue.',
    unverified: 'Certains chiffres d’essais de la calibration sont cités de mémoire ou seulement en partie vérifiés ; la fiche technique les indique.',
    specific: {
      cd: 'L’ampleur de certaines influences (albumine, IMC, tabac, immunomodulateur, ancienneté de la maladie) est supposée : les études n’en donnent que le sens.',
      uc: 'Les rémissions Mayo complète, modifiée et à 3 composantes comptent comme un seul critère ; les influences de l’albumine, de l’IMC et des immunomodulateurs sur les anti-TNF sont reprises de la maladie de Crohn, avec une ampleur supposée.',
      ra: 'Les résultats ACR20 et ACR70 ont été convertis en ACR50 par un modèle, et les essais de calibration portaient sur des patients en échec du méthotrexate : l’effet après biothérapie antérieure repose sur peu d’études et sur des hypothèses.',
      rms: 'L’absence de poussée sur 2 ans est déduite du taux annualisé de poussées, en supposant des poussées survenant au hasard (Poisson) ; l’interféron bêta-1a reçoit l’effet de l’interféron bêta-1b.',
    },
  },
  population: {
    cd: 'adultes atteints de maladie de Crohn',
    uc: 'adultes atteints de rectocolite hémorragique',
    ra: 'adultes atteints de polyarthrite rhumatoïde',
    rms: 'adultes atteints de sclérose en plaques récurrente',
    other: 'adultes relevant de l’indication du modèle',
  },
  technical: {
    show: 'Fiche technique du modèle',
    hide: 'Masquer la fiche technique',
    intro:
      'La fiche complète pour les développeurs et les relecteurs (modèle, entrées, synthèse des preuves, performances), dans sa version anglaise d’origine.',
  },
};

export { en as modelCardEn, de as modelCardDe, fr as modelCardFr };
