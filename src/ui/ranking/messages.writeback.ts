/**
 * What "Record this decision" saved and how (ranking.decision.outcome.*), in the three UI languages: the
 * form used (transaction, batch, single requests), the document, the structured resources sent or not
 * and why, the encounter, a partial save entry by entry. Resource type names are FHIR names and stay as
 * they are; everything else is translated.
 */
export const writebackEn = {
  checking: 'Checking what this EHR accepts…',
  notRecordable:
    'This EHR accepts neither a document nor the structured record from this app, so the decision cannot be recorded here. Print the summary instead.',
  forms: { transaction: 'one transaction', batch: 'a batch of independent requests', single: 'one request per resource' },
  sentAs: 'Sent as {{form}}.',
  refused: 'The EHR does not support {{forms}}.',
  document: 'Saved to the EHR as a document (the decision summary as text).',
  structured: 'The structured recommendation was saved too ({{types}}).',
  notOffered: 'Not sent: {{types}}. This EHR does not accept these resource types.',
  notAllowed: 'Not sent: {{types}}. The access granted to the app does not allow creating them.',
  encounter: 'Recorded for encounter {{id}}.',
  noEncounter: 'The EHR named no encounter: the record is filed under the patient only.',
  partial: 'Only part of the decision was saved: {{ok}} of {{total}} resources confirmed. Trying again is safe: what was saved is not saved twice.',
  entry: { created: 'saved', existing: 'already saved before', failed: 'refused', unknown: 'no answer' },
};

export type WritebackMessages = typeof writebackEn;

/** German. */
export const writebackDe: WritebackMessages = {
  checking: 'Es wird geprüft, was dieses KIS annimmt …',
  notRecordable:
    'Dieses KIS nimmt von dieser App weder ein Dokument noch die strukturierte Dokumentation an; die Entscheidung kann hier nicht gespeichert werden. Drucken Sie stattdessen die Zusammenfassung.',
  forms: { transaction: 'eine Transaktion', batch: 'ein Stapel unabhängiger Anfragen', single: 'eine Anfrage je Ressource' },
  sentAs: 'Gesendet als {{form}}.',
  refused: 'Das KIS unterstützt {{forms}} nicht.',
  document: 'Im KIS als Dokument gespeichert (die Zusammenfassung der Entscheidung als Text).',
  structured: 'Die strukturierte Empfehlung wurde ebenfalls gespeichert ({{types}}).',
  notOffered: 'Nicht gesendet: {{types}}. Dieses KIS nimmt diese Ressourcentypen nicht an.',
  notAllowed: 'Nicht gesendet: {{types}}. Die der App erteilten Berechtigungen erlauben nicht, sie anzulegen.',
  encounter: 'Dokumentiert zum Behandlungskontakt {{id}}.',
  noEncounter: 'Das KIS hat keinen Behandlungskontakt genannt: Die Dokumentation ist nur der Patientenakte zugeordnet.',
  partial:
    'Die Entscheidung wurde nur teilweise gespeichert: {{ok}} von {{total}} Ressourcen bestätigt. Ein erneuter Versuch ist sicher: Bereits Gespeichertes wird nicht doppelt gespeichert.',
  entry: { created: 'gespeichert', existing: 'bereits zuvor gespeichert', failed: 'abgelehnt', unknown: 'keine Antwort' },
};

/** French. */
export const writebackFr: WritebackMessages = {
  checking: 'Vérification de ce que ce DPI accepte…',
  notRecordable:
    'Ce DPI n’accepte de cette application ni document ni enregistrement structuré : la décision ne peut pas être enregistrée ici. Imprimez plutôt le résumé.',
  forms: { transaction: 'une transaction', batch: 'un lot de requêtes indépendantes', single: 'une requête par ressource' },
  sentAs: 'Mode d’envoi : {{form}}.',
  refused: 'Le DPI ne prend pas en charge : {{forms}}.',
  document: 'Enregistré dans le DPI sous forme de document (le résumé de la décision en texte).',
  structured: 'La recommandation structurée a aussi été enregistrée ({{types}}).',
  notOffered: 'Non envoyé : {{types}}. Ce DPI n’accepte pas ces types de ressources.',
  notAllowed: 'Non envoyé : {{types}}. Les droits accordés à l’application ne permettent pas de les créer.',
  encounter: 'Enregistré pour la venue {{id}}.',
  noEncounter: 'Le DPI n’a indiqué aucune venue : l’enregistrement est rattaché au seul dossier du patient.',
  partial:
    'La décision n’a été enregistrée qu’en partie : {{ok}} ressources confirmées sur {{total}}. Réessayer est sans risque : ce qui est enregistré ne l’est pas deux fois.',
  entry: { created: 'enregistré', existing: 'déjà enregistré auparavant', failed: 'refusé', unknown: 'pas de réponse' },
};
