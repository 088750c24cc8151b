/**
 * Strings of the record's known gaps (types this EHR does not share) and of the data-provenance panel (how
 * the record was read), namespace `readPlan`, in English, German and French. German and French are typed
 * against English: a missing key fails the type check.
 */
const en = {
  gap: {
    'history-from': 'This EHR does not share {{type}}; the medication history comes from {{from}} only.',
    'history-unknown':
      'This EHR does not share {{type}} nor any other medication data; the therapy history is unknown, and everything that depends on it is shown as unknown.',
    'codes-on-request': 'This EHR does not share {{type}}; drugs are recognised from the codes on the prescription itself.',
    'references-unresolved':
      'This EHR does not share {{type}}, and {{count}} medication entries name their drug only by a reference to one; the therapy history is incomplete, and everything that depends on it is shown as unknown.',
    'inputs-unknown': 'This EHR does not share {{type}}; everything that depends on them is shown as unknown.',
    'allergies-not-shown': 'This EHR does not share {{type}}; please check drug allergies in the EHR itself.',
  },
  type: {
    Condition: 'diagnoses (Condition)',
    Observation: 'laboratory results and observations (Observation)',
    MedicationRequest: 'prescriptions (MedicationRequest)',
    MedicationStatement: 'medication statements (MedicationStatement)',
    MedicationAdministration: 'medication administrations (MedicationAdministration)',
    Medication: 'medication details (Medication)',
    Procedure: 'procedures (Procedure)',
    AllergyIntolerance: 'allergies and intolerances (AllergyIntolerance)',
    Immunization: 'vaccinations (Immunization)',
  },
  why: {
    'type-not-offered': 'not offered by this EHR',
    'search-not-offered': 'this EHR offers no search for it',
    'no-patient-parameter': 'this EHR offers no search by patient for it',
  },
  plan: {
    title: 'How the record was read',
    source: {
      metadata: 'The app asked only for what the EHR’s capability statement offers.',
      unavailable: 'The EHR’s capability statement could not be used; the app asked for everything it reads.',
      'not-read': 'The app asked for everything it reads (the EHR’s capability statement was not consulted).',
    },
    server: 'EHR server: {{software}}',
    skipped: 'Not searched',
    noneSkipped: 'Every kind of data the app reads was searched.',
    dropped: 'Search criteria left out (the EHR does not list them)',
    include: 'Medication details read separately, not together with: {{types}}',
    requests: '{{count}} requests in {{waves}} steps',
    technical: 'Technical detail for your IT support',
    /** Between a label and its value (French typography puts a space before the colon). */
    colon: ': ',
  },
};

/** The shape every language must fill. */
export type ReadPlanMessages = typeof en;

const de: ReadPlanMessages = {
  gap: {
    'history-from': 'Dieses KIS stellt {{type}} nicht bereit; die Medikationsanamnese stammt nur aus {{from}}.',
    'history-unknown':
      'Dieses KIS stellt {{type}} und auch sonst keine Medikationsdaten bereit; die Therapieanamnese ist unbekannt, und alles, was davon abhängt, wird als unbekannt angezeigt.',
    'codes-on-request': 'Dieses KIS stellt {{type}} nicht bereit; Arzneimittel werden an den Codes der Verordnung selbst erkannt.',
    'references-unresolved':
      'Dieses KIS stellt {{type}} nicht bereit, und {{count}} Medikationseinträge nennen ihr Arzneimittel nur über einen Verweis darauf; die Therapieanamnese ist unvollständig, und alles, was davon abhängt, wird als unbekannt angezeigt.',
    'inputs-unknown': 'Dieses KIS stellt {{type}} nicht bereit; alles, was davon abhängt, wird als unbekannt angezeigt.',
    'allergies-not-shown': 'Dieses KIS stellt {{type}} nicht bereit; bitte prüfen Sie Arzneimittelallergien direkt im KIS.',
  },
  type: {
    Condition: 'Diagnosen (Condition)',
    Observation: 'Laborwerte und Befunde (Observation)',
    MedicationRequest: 'Verordnungen (MedicationRequest)',
    MedicationStatement: 'Medikationsangaben (MedicationStatement)',
    MedicationAdministration: 'Verabreichungen (MedicationAdministration)',
    Medication: 'Arzneimittelangaben (Medication)',
    Procedure: 'Prozeduren (Procedure)',
    AllergyIntolerance: 'Allergien und Unverträglichkeiten (AllergyIntolerance)',
    Immunization: 'Impfungen (Immunization)',
  },
  why: {
    'type-not-offered': 'von diesem KIS nicht angeboten',
    'search-not-offered': 'dieses KIS bietet dafür keine Suche an',
    'no-patient-parameter': 'dieses KIS bietet dafür keine Suche nach Patient an',
  },
  plan: {
    title: 'Wie die Akte gelesen wurde',
    source: {
      metadata: 'Die App hat nur abgefragt, was das Fähigkeitsprofil (CapabilityStatement) des KIS anbietet.',
      unavailable: 'Das Fähigkeitsprofil (CapabilityStatement) des KIS war nicht verwendbar; die App hat alles abgefragt, was sie liest.',
      'not-read': 'Die App hat alles abgefragt, was sie liest (das Fähigkeitsprofil des KIS wurde nicht herangezogen).',
    },
    server: 'KIS-Server: {{software}}',
    skipped: 'Nicht abgefragt',
    noneSkipped: 'Alle Datenarten, die die App liest, wurden abgefragt.',
    dropped: 'Weggelassene Suchkriterien (vom KIS nicht aufgeführt)',
    include: 'Arzneimittelangaben getrennt gelesen, nicht zusammen mit: {{types}}',
    requests: '{{count}} Anfragen in {{waves}} Schritten',
    technical: 'Technische Angaben für Ihren IT-Support',
    colon: ': ',
  },
};

const fr: ReadPlanMessages = {
  gap: {
    'history-from': 'Ce DPI ne partage pas les {{type}} ; l’historique médicamenteux provient uniquement des {{from}}.',
    'history-unknown':
      'Ce DPI ne partage pas les {{type}} ni aucune autre donnée médicamenteuse ; l’historique thérapeutique est inconnu, et tout ce qui en dépend est affiché comme inconnu.',
    'codes-on-request': 'Ce DPI ne partage pas les {{type}} ; les médicaments sont reconnus d’après les codes de la prescription elle-même.',
    'references-unresolved':
      'Ce DPI ne partage pas les {{type}}, et {{count}} entrées médicamenteuses ne désignent leur médicament que par une référence à celles-ci ; l’historique thérapeutique est incomplet, et tout ce qui en dépend est affiché comme inconnu.',
    'inputs-unknown': 'Ce DPI ne partage pas les {{type}} ; tout ce qui en dépend est affiché comme inconnu.',
    'allergies-not-shown': 'Ce DPI ne partage pas les {{type}} ; veuillez vérifier les allergies médicamenteuses directement dans le DPI.',
  },
  type: {
    Condition: 'diagnostics (Condition)',
    Observation: 'résultats de biologie et observations (Observation)',
    MedicationRequest: 'prescriptions (MedicationRequest)',
    MedicationStatement: 'déclarations de traitement (MedicationStatement)',
    MedicationAdministration: 'administrations de médicaments (MedicationAdministration)',
    Medication: 'fiches médicament (Medication)',
    Procedure: 'actes (Procedure)',
    AllergyIntolerance: 'allergies et intolérances (AllergyIntolerance)',
    Immunization: 'vaccinations (Immunization)',
  },
  why: {
    'type-not-offered': 'non proposé par ce DPI',
    'search-not-offered': 'ce DPI ne propose pas de recherche pour ce type',
    'no-patient-parameter': 'ce DPI ne propose pas de recherche par patient pour ce type',
  },
  plan: {
    title: 'Comment le dossier a été lu',
    source: {
      metadata: 'L’application n’a demandé que ce que la déclaration de capacités (CapabilityStatement) du DPI propose.',
      unavailable: 'La déclaration de capacités (CapabilityStatement) du DPI n’était pas utilisable ; l’application a demandé tout ce qu’elle lit.',
      'not-read': 'L’application a demandé tout ce qu’elle lit (la déclaration de capacités du DPI n’a pas été consultée).',
    },
    server: 'Serveur du DPI : {{software}}',
    skipped: 'Non recherché',
    noneSkipped: 'Tous les types de données que l’application lit ont été recherchés.',
    dropped: 'Critères de recherche omis (non listés par le DPI)',
    include: 'Fiches médicament lues séparément, et non avec : {{types}}',
    requests: '{{count}} requêtes en {{waves}} étapes',
    technical: 'Détail technique pour votre support informatique',
    colon: ' : ',
  },
};

export { en as readPlanEn, de as readPlanDe, fr as readPlanFr };
