/**
 * Strings of the "Source (n)" control and its dialog (namespace `sources`), in English, German and
 * French. Resource types are named as clinicians call the entries of a record.
 */
const en = {
  button: 'Source ({{count}})',
  buttonLabel_one: 'Show the source resource',
  buttonLabel_other: 'Show the {{count}} source resources',
  title: 'Source resources ({{count}})',
  intro: 'The entries of the record this value was read from, newest first. Open one to see it as the EHR sent it.',
  none: 'no source resource',
  notLoaded: 'not among the resources read',
  noDate: 'no date',
  columns: { type: 'Kind', date: 'Date', what: 'Content', resource: 'FHIR resource' },
  type: {
    Observation: 'Result / observation',
    Condition: 'Diagnosis',
    MedicationRequest: 'Prescription',
    MedicationStatement: 'Medication statement',
    MedicationAdministration: 'Administration',
    Medication: 'Medication',
    Procedure: 'Procedure',
    AllergyIntolerance: 'Allergy / intolerance',
    Immunization: 'Vaccination',
    Patient: 'Patient data',
    Encounter: 'Encounter',
  },
  close: 'Close',
};

/** The shape every language must fill. */
export type SourcesMessages = typeof en;

const de: SourcesMessages = {
  button: 'Quelle ({{count}})',
  buttonLabel_one: 'Quellressource anzeigen',
  buttonLabel_other: 'Die {{count}} Quellressourcen anzeigen',
  title: 'Quellressourcen ({{count}})',
  intro: 'Die Einträge der Akte, aus denen dieser Wert gelesen wurde, neueste zuerst. Ein Eintrag lässt sich so öffnen, wie das KIS ihn gesendet hat.',
  none: 'keine Quellressource',
  notLoaded: 'nicht unter den gelesenen Ressourcen',
  noDate: 'ohne Datum',
  columns: { type: 'Art', date: 'Datum', what: 'Inhalt', resource: 'FHIR-Ressource' },
  type: {
    Observation: 'Befund / Messwert',
    Condition: 'Diagnose',
    MedicationRequest: 'Verordnung',
    MedicationStatement: 'Medikationsangabe',
    MedicationAdministration: 'Verabreichung',
    Medication: 'Arzneimittel',
    Procedure: 'Prozedur',
    AllergyIntolerance: 'Allergie / Unverträglichkeit',
    Immunization: 'Impfung',
    Patient: 'Patientendaten',
    Encounter: 'Behandlungskontakt',
  },
  close: 'Schließen',
};

const fr: SourcesMessages = {
  button: 'Source ({{count}})',
  buttonLabel_one: 'Afficher la ressource source',
  buttonLabel_other: 'Afficher les {{count}} ressources sources',
  title: 'Ressources sources ({{count}})',
  intro: 'Les entrées du dossier d’où provient cette valeur, la plus récente d’abord. Chacune s’ouvre telle que le DPI l’a transmise.',
  none: 'aucune ressource source',
  notLoaded: 'absente des ressources lues',
  noDate: 'sans date',
  columns: { type: 'Nature', date: 'Date', what: 'Contenu', resource: 'Ressource FHIR' },
  type: {
    Observation: 'Résultat / observation',
    Condition: 'Diagnostic',
    MedicationRequest: 'Prescription',
    MedicationStatement: 'Déclaration de traitement',
    MedicationAdministration: 'Administration',
    Medication: 'Médicament',
    Procedure: 'Acte',
    AllergyIntolerance: 'Allergie / intolérance',
    Immunization: 'Vaccination',
    Patient: 'Données du patient',
    Encounter: 'Venue',
  },
  close: 'Fermer',
};

export { en as sourcesEn, de as sourcesDe, fr as sourcesFr };
