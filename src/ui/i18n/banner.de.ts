import type { IdentityMessages } from './banner.en.ts';

/** Angemeldete Person und Patientenkennungen (Deutsch). */
export const identityDe: IdentityMessages = {
  signedInAs: 'Angemeldet als {{name}}',
  loading: 'Angemeldet: Name wird gelesen…',
  referenceOnly: 'Angemeldet als {{kind}} mit dem Benutzerdatensatz {{ref}} im KIS (Name nicht angezeigt: {{reason}})',
  none: 'Das KIS nennt die angemeldete Person nicht',
  kind: {
    Practitioner: 'behandelnde Person',
    PractitionerRole: 'behandelnde Person (Rolle)',
    Patient: 'Patientin bzw. Patient',
    RelatedPerson: 'angehörige Person',
    Person: 'Person',
    other: 'Benutzerin bzw. Benutzer',
  },
  reason: {
    forbidden: 'das KIS hat das Lesen nicht freigegeben',
    failed: 'er konnte nicht gelesen werden',
    'no-name': 'der Datensatz enthält keinen Namen',
    'wrong-resource': 'das KIS hat mit einem anderen Datensatz geantwortet',
    'unsupported-type': 'kein Personendatensatz',
  },
  noIdentifierValue: 'kein Wert',
};
