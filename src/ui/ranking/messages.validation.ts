/**
 * Strings of the model card's "Validation against published trials" section (`ranking.validation`).
 * German and French are typed against English: a missing key fails the type check.
 */
export const validationEn = {
  title: 'Validation against published trials',
  loading: 'Loading the validation figures…',
  notAvailable: 'Validation figures not available for this model.',
  method:
    'Leave-one-trial-out: each of the {{trials}} trials was removed in turn, the evidence synthesis was refitted without it, and its arms were predicted for its own population with no adjustment to its results.',
  counts: {
    armsInCi: 'Trial arms whose prediction lies inside the published 95% confidence interval: {{x}} of {{n}} (target 80%)',
    diffsInCi: 'Drug-minus-comparator differences inside the published 95% confidence interval: {{x}} of {{n}} (target 80%)',
    headToHead:
      'Head-to-head comparisons right (direction of a significant difference; less than 10 points where the trial found none): {{x}} of {{n}} (target 100%)',
    noHeadToHead: 'Head-to-head comparisons: none among these trials.',
    pi90: 'Published arms inside the model’s 90% interval: {{x}} of {{n}} (target 85–95%)',
  },
  tau: 'Between-trial heterogeneity τ = {{tau}} (95% interval {{lo}}–{{hi}}) {{scale}}.',
  scale: {
    'log-odds-ratio': 'on the log odds ratio scale',
    'log-rate-ratio': 'on the log rate ratio scale (annualised relapse rate)',
    other: 'on the synthesis scale',
  },
  targetsNotMet:
    'The 80% targets are not met: most drugs have only one trial, so without it their effect is borrowed from the other drugs, and response rates on the comparator vary between trials more than era and population explain.',
  targetsMet: 'The 80% targets for arms and differences are met.',
  inSample:
    'Upper bound from the same trials: fitted on all of them (none left out, still no adjustment per trial), the synthesis places {{arms}} of {{armsN}} arms and {{diffs}} of {{diffsN}} differences inside their 95% confidence intervals. Leaving a trial out can only lose information.',
  tableCaption: 'Each held-out trial arm: published result and the model’s prediction made without that trial.',
  columns: {
    trial: 'Trial',
    endpoint: 'Endpoint',
    drug: 'Arm',
    published: 'Published (95% CI)',
    predicted: 'Predicted (90% interval)',
    inCi: 'Inside the 95% CI',
  },
  endpoint: {
    remission: 'remission',
    arr: 'annualised relapse rate',
    'relapse-free': 'relapse-free',
  },
  comparator: 'comparator (no advanced therapy)',
  monotherapy: '{{drug}} (monotherapy)',
  exchangeableMark: '{{drug}} *',
  exchangeableNote: '* No other trial of this drug: predicted from the effects of the other drugs.',
  yes: 'yes',
  no: 'no',
};

export type ValidationMessages = typeof validationEn;

/** German strings of the validation section. */
export const validationDe: ValidationMessages = {
  title: 'Validierung an veröffentlichten Studien',
  loading: 'Die Validierungsergebnisse werden geladen …',
  notAvailable: 'Für dieses Modell sind keine Validierungsergebnisse verfügbar.',
  method:
    'Validierung durch Auslassen je einer Studie: Jede der {{trials}} Studien wurde nacheinander weggelassen, die Evidenzsynthese ohne sie neu geschätzt und ihre Studienarme für ihre eigene Population ohne Anpassung an ihre Ergebnisse vorhergesagt.',
  counts: {
    armsInCi: 'Studienarme, deren Vorhersage im veröffentlichten 95-%-Konfidenzintervall liegt: {{x}} von {{n}} (Ziel 80 %)',
    diffsInCi: 'Differenzen Medikament minus Vergleichsarm im veröffentlichten 95-%-Konfidenzintervall: {{x}} von {{n}} (Ziel 80 %)',
    headToHead:
      'Direktvergleiche richtig (Richtung eines signifikanten Unterschieds; weniger als 10 Prozentpunkte, wo die Studie keinen fand): {{x}} von {{n}} (Ziel 100 %)',
    noHeadToHead: 'Direktvergleiche: keine in diesen Studien.',
    pi90: 'Veröffentlichte Studienarme im 90-%-Intervall des Modells: {{x}} von {{n}} (Ziel 85–95 %)',
  },
  tau: 'Heterogenität zwischen den Studien τ = {{tau}} (95-%-Intervall {{lo}}–{{hi}}) {{scale}}.',
  scale: {
    'log-odds-ratio': 'auf der Skala des logarithmierten Odds Ratios',
    'log-rate-ratio': 'auf der Skala des logarithmierten Ratenverhältnisses (jährliche Schubrate)',
    other: 'auf der Skala der Synthese',
  },
  targetsNotMet:
    'Die 80-%-Ziele werden nicht erreicht: Für die meisten Medikamente gibt es nur eine Studie, ohne sie wird ihr Effekt von den anderen Medikamenten übernommen, und die Ansprechraten im Vergleichsarm schwanken zwischen den Studien stärker, als Studienzeitraum und Population erklären.',
  targetsMet: 'Die 80-%-Ziele für Studienarme und Differenzen werden erreicht.',
  inSample:
    'Obergrenze aus denselben Studien: Mit allen geschätzt (keine ausgelassen, weiterhin ohne Anpassung je Studie) liegen {{arms}} von {{armsN}} Studienarmen und {{diffs}} von {{diffsN}} Differenzen in ihren 95-%-Konfidenzintervallen. Das Auslassen einer Studie kann nur Information kosten.',
  tableCaption: 'Jeder weggelassene Studienarm: veröffentlichtes Ergebnis und die ohne diese Studie berechnete Vorhersage des Modells.',
  columns: {
    trial: 'Studie',
    endpoint: 'Endpunkt',
    drug: 'Studienarm',
    published: 'Veröffentlicht (95-%-KI)',
    predicted: 'Vorhergesagt (90-%-Intervall)',
    inCi: 'Im 95-%-KI',
  },
  endpoint: {
    remission: 'Remission',
    arr: 'jährliche Schubrate',
    'relapse-free': 'schubfrei',
  },
  comparator: 'Vergleichsarm (keine fortgeschrittene Therapie)',
  monotherapy: '{{drug}} (Monotherapie)',
  exchangeableMark: '{{drug}} *',
  exchangeableNote: '* Keine andere Studie dieses Medikaments: aus den Effekten der anderen Medikamente vorhergesagt.',
  yes: 'ja',
  no: 'nein',
};

/** French strings of the validation section. */
export const validationFr: ValidationMessages = {
  title: 'Validation sur des essais publiés',
  loading: 'Chargement des résultats de validation…',
  notAvailable: 'Résultats de validation non disponibles pour ce modèle.',
  method:
    'Validation en laissant un essai de côté : chacun des {{trials}} essais a été retiré à tour de rôle, la synthèse des données a été réestimée sans lui, et ses bras ont été prédits pour sa propre population, sans ajustement sur ses résultats.',
  counts: {
    armsInCi: 'Bras d’essai dont la prédiction se situe dans l’intervalle de confiance à 95 % publié : {{x}} sur {{n}} (objectif 80 %)',
    diffsInCi: 'Différences médicament moins comparateur dans l’intervalle de confiance à 95 % publié : {{x}} sur {{n}} (objectif 80 %)',
    headToHead:
      'Comparaisons directes justes (sens d’une différence significative ; moins de 10 points lorsque l’essai n’en a trouvé aucune) : {{x}} sur {{n}} (objectif 100 %)',
    noHeadToHead: 'Comparaisons directes : aucune parmi ces essais.',
    pi90: 'Bras publiés dans l’intervalle à 90 % du modèle : {{x}} sur {{n}} (objectif 85–95 %)',
  },
  tau: 'Hétérogénéité entre essais τ = {{tau}} (intervalle à 95 % {{lo}}–{{hi}}) {{scale}}.',
  scale: {
    'log-odds-ratio': 'sur l’échelle du logarithme du rapport de cotes',
    'log-rate-ratio': 'sur l’échelle du logarithme du rapport de taux (taux annualisé de poussées)',
    other: 'sur l’échelle de la synthèse',
  },
  targetsNotMet:
    'Les objectifs de 80 % ne sont pas atteints : la plupart des médicaments n’ont qu’un seul essai, sans lequel leur effet est emprunté aux autres médicaments, et les taux de réponse du bras comparateur varient entre les essais plus que l’époque et la population ne l’expliquent.',
  targetsMet: 'Les objectifs de 80 % pour les bras et les différences sont atteints.',
  inSample:
    'Borne supérieure issue des mêmes essais : estimée sur tous (aucun écarté, toujours sans ajustement par essai), la synthèse place {{arms}} bras sur {{armsN}} et {{diffs}} différences sur {{diffsN}} dans leur intervalle de confiance à 95 %. Écarter un essai ne peut que faire perdre de l’information.',
  tableCaption: 'Chaque bras d’essai laissé de côté : résultat publié et prédiction du modèle faite sans cet essai.',
  columns: {
    trial: 'Essai',
    endpoint: 'Critère',
    drug: 'Bras',
    published: 'Publié (IC à 95 %)',
    predicted: 'Prédit (intervalle à 90 %)',
    inCi: 'Dans l’IC à 95 %',
  },
  endpoint: {
    remission: 'rémission',
    arr: 'taux annualisé de poussées',
    'relapse-free': 'sans poussée',
  },
  comparator: 'comparateur (sans traitement avancé)',
  monotherapy: '{{drug}} (monothérapie)',
  exchangeableMark: '{{drug}} *',
  exchangeableNote: '* Aucun autre essai de ce médicament : prédit à partir des effets des autres médicaments.',
  yes: 'oui',
  no: 'non',
};
