import type { RankingMessages } from './messages.ts';
import { validationDe } from './messages.validation.ts';
import { printDe } from './messages.print.ts';
import { writebackDe } from './messages.writeback.ts';

/** German strings of the ranking view. */
export const rankingDe: RankingMessages = {
  title: 'Therapieoptionen',
  endpointSentence: 'Wahrscheinlichkeit für {{endpoint}} bis {{horizon}}, mit 90-%-Intervall',
  notCertain:
    'Die Reihenfolge ist eine Schätzung eines Modells, das an simulierten Patienten trainiert wurde. Optionen, deren Intervalle sich mit der ersten Option überschneiden, kann das Modell nicht unterscheiden.',
  hypothetical: 'Hypothetisch: Diese Reihenfolge verwendet im Was-wäre-wenn-Editor geänderte Werte ({{inputs}}). Sie entspricht nicht der Akte.',
  loadingModel: 'Das Modell für {{indication}} wird geladen …',
  computing: 'Wahrscheinlichkeiten und Erklärungen werden berechnet …',
  noModel: 'Für diese Indikation ist kein Modell verfügbar.',
  noIndication: 'Keine Reihenfolge: Keine der unterstützten Indikationen wurde in der Akte gefunden.',
  chooseIndication: 'Indikation für die Reihenfolge',
  columns: { rank: 'Rang', drug: 'Option', probability: 'Wahrscheinlichkeit', interval: '90-%-Intervall', flags: 'Sicherheit', details: 'Details' },
  current: 'aktuelle Therapie',
  continueCurrent: '{{drug}} fortführen (aktuelle Therapie)',
  overlaps: 'nicht von der ersten Option unterscheidbar',
  contraindicatedGroup:
    'Optionen nur ohne geeignete Alternative folgen nach allen geeigneten Optionen; kontraindizierte Optionen stehen am Ende, mit ihrem Grund.',
  noFlags: 'kein Sicherheitsbefund',
  currentMeds: {
    title: 'Aktuelle Medikation: Sicherheitsbefunde',
    intro: 'Befunde zu Medikamenten, die der Patient jetzt einnimmt, unabhängig von der nächsten Therapie.',
  },
  showExplanation: 'Warum? Erklärung für {{drug}}',
  hideExplanation: 'Erklärung für {{drug}} ausblenden',
  severity: {
    contraindicated: 'kontraindiziert',
    'only-if-no-alternative': 'nur ohne geeignete Alternative',
    'treat-before-start': 'vor Beginn behandeln',
    caution: 'Vorsicht',
    'screen-before-start': 'vor Beginn abklären',
  },
  flagState: { triggered: 'in der Akte gefunden', unknown: 'Information fehlt' },
  flagSource: 'Quelle: {{source}}',
  flagFacts: 'Grundlage',
  explanation: {
    title: 'Was die Wahrscheinlichkeit für {{drug}} bestimmt',
    intro:
      'Beiträge der einzelnen Eingaben in Prozentpunkten, bezogen auf den durchschnittlichen Patienten der (simulierten) Trainingspopulation ({{reference}}). Zusammen ergeben sie die Wahrscheinlichkeit dieses Patienten ({{prediction}}).',
    exact: 'Exakte Shapley-Werte.',
    sampled: 'Shapley-Werte, geschätzt aus {{permutations}} gezogenen Reihenfolgen; ± ist der Standardfehler.',
    chartLabel: 'Balkendiagramm der Beiträge für {{drug}}; dieselben Werte stehen in der Tabelle darunter.',
    showTable: 'Beiträge als Tabelle anzeigen',
    columns: { input: 'Eingabe', value: 'Verwendeter Wert', date: 'Datum', source: 'Quelle', contribution: 'Beitrag (Punkte)' },
    missingValue: 'fehlt (das Modell nimmt den Trainingsmittelwert und ein Fehlt-Merkmal)',
    noneActive: 'Alle Eingaben liegen beim Mittelwert: Die Vorhersage entspricht der Referenz.',
  },
  gaps: {
    title: 'Fehlende Daten, die die Reihenfolge am stärksten ändern würden',
    intro:
      'Diese Eingaben waren nicht verwendbar. Jede wurde über ihren plausiblen Bereich durchgespielt; gezeigt ist die größte Änderung einer Wahrscheinlichkeit.',
    none: 'Keine Modelleingabe fehlt.',
    columns: { input: 'Eingabe', why: 'Warum nicht verwendet', change: 'Größte Änderung', top: 'Könnte die erste Option ändern' },
    yes: 'ja',
    no: 'nein',
    states: {
      missing: 'nicht in der Akte',
      stale: 'veraltet',
      implausible: 'unplausibel',
      'unknown-unit': 'Einheit nicht umrechenbar',
      'not-in-record': 'nicht abgeleitet',
      ok: 'ok',
    },
  },
  reference: {
    title: 'Publizierte Referenz-Scores',
    intro: 'Etablierte Scores neben dem Modell. Wo sie anders weisen als das Modell, wird beides gezeigt; nichts wird verborgen.',
    incomplete: 'unvollständig: {{missing}}',
    disagree: 'Referenz-Score und Modell widersprechen sich bei {{drug}}: Der Score sagt „{{band}}“, das Modell setzt es auf Rang {{rank}} von {{count}}.',
    agree: 'Referenz-Score und Modell stimmen bei {{drug}} überein.',
    caveatRms: 'Rio- und MAGNIMS-Score wurden für das erste Jahr unter Injektionstherapie entwickelt.',
  },
  whatIf: {
    title: 'Was wäre, wenn …',
    intro: 'Ändern Sie eine Eingabe, um zu sehen, wie sich die Reihenfolge verschiebt. Die Ergebnisse sind dann hypothetisch und so gekennzeichnet.',
    reset: 'Zurück zu den dokumentierten Werten',
    missing: 'fehlt',
    recorded: 'dokumentiert: {{value}}',
    apply: 'Übernehmen',
  },
  validation: validationDe,
  modelCard: {
    open: 'Modellkarte',
    title: 'Modellkarte: {{title}}',
    version: 'Modell {{version}}',
    loading: 'Modellkarte wird geladen …',
    failed: 'Die Modellkarte konnte nicht geladen werden.',
    close: 'Schließen',
  },
  print: printDe,
  decision: {
    title: 'Diese Entscheidung dokumentieren',
    intro:
      'Speichert die Zusammenfassung der Optionen mit ihren Wahrscheinlichkeiten, der Sicherheitsbefunde und Ihrer Wahl als Dokument in der Akte und, wo das KIS sie annimmt, als strukturierte Ressourcen (GuidanceResponse, RiskAssessment, DetectedIssue, Provenance), gezeichnet mit Ihrem Benutzer und der Modellversion.',
    choice: 'Gewählte Option',
    firstRanked: '{{drug}} (erste Option)',
    reason: 'Begründung für eine andere als die erste Option',
    reasonRequired: 'Eine Begründung ist erforderlich, wenn nicht die erste Option gewählt wird.',
    submit: 'Diese Entscheidung dokumentieren',
    saving: 'Die Entscheidung wird gespeichert …',
    attempt: 'Keine Antwort vom KIS; dieselbe Dokumentation wird erneut gesendet (Versuch {{attempt}} von {{max}}). Sie kann nicht doppelt gespeichert werden.',
    saved: 'In der Akte gespeichert ({{count}} Ressourcen).',
    created: 'gespeichert',
    existing: 'bereits zuvor gespeichert',
    hypothetical: 'Eine hypothetische Reihenfolge (Was-wäre-wenn-Werte) kann nicht dokumentiert werden. Kehren Sie zuerst zu den erfassten Werten zurück.',
    failedHttp:
      'Die Entscheidung wurde nicht gespeichert: Das KIS hat sie abgelehnt ({{detail}}). Es wurde nichts gespeichert.',
    failedUnknown:
      'Das KIS hat die Entscheidung nicht bestätigt ({{detail}}). Sie wurde möglicherweise gespeichert; ein erneuter Versuch ist sicher: Sie wird nicht doppelt gespeichert.',
    retry: 'Erneut versuchen',
    decisionId: 'Entscheidungs-ID {{id}}',
    outcome: writebackDe,
  },
  modelError: {
    'fetch-failed': 'Die Modelldateien konnten nicht vom Server der App geladen werden.',
    'spec-invalid': 'Die Modellbeschreibung (spec.json) ist ungültig; das Modell wird nicht verwendet.',
    'hash-mismatch': 'Die Modelldatei entspricht nicht ihrem veröffentlichten Fingerabdruck (SHA-256) und wurde abgelehnt.',
    'runtime-failed': 'Die Modell-Laufzeit ist in diesem Browser fehlgeschlagen.',
    'shape-mismatch': 'Das Modell passt nicht zu seiner Beschreibung und wurde abgelehnt.',
    timeout: 'Die Modell-Laufzeit hat nicht rechtzeitig geantwortet.',
  },
};
