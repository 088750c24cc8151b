/**
 * Strings of the signed-in user line and the patient identifiers (English: the reference set;
 * banner.de.ts and banner.fr.ts are typed against it). Namespace `identity`.
 */
export const identityEn = {
  signedInAs: 'Signed in as {{name}}',
  loading: 'Signed in: reading the user’s name…',
  referenceOnly: 'Signed in as {{kind}} with EHR user record {{ref}} (name not shown: {{reason}})',
  none: 'Signed-in user not named by the EHR',
  kind: {
    Practitioner: 'a practitioner',
    PractitionerRole: 'a practitioner (role)',
    Patient: 'a patient',
    RelatedPerson: 'a related person',
    Person: 'a person',
    other: 'a user',
  },
  reason: {
    forbidden: 'the EHR did not grant reading it',
    failed: 'it could not be read',
    'no-name': 'the record holds no name',
    'wrong-resource': 'the EHR answered with another record',
    'unsupported-type': 'not a person record',
  },
  noIdentifierValue: 'no value',
};

/** The shape every language must fill. */
export type IdentityMessages = typeof identityEn;
