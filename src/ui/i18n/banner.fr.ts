import type { IdentityMessages } from './banner.en.ts';

/** Utilisateur connecté et identifiants du patient (français). */
export const identityFr: IdentityMessages = {
  signedInAs: 'Connecté·e : {{name}}',
  loading: 'Connecté·e : lecture du nom…',
  referenceOnly: 'Connecté·e en tant que {{kind}}, fiche utilisateur {{ref}} du DPI (nom non affiché : {{reason}})',
  none: 'Le DPI ne nomme pas l’utilisateur connecté',
  kind: {
    Practitioner: 'professionnel·le de santé',
    PractitionerRole: 'professionnel·le de santé (rôle)',
    Patient: 'patient·e',
    RelatedPerson: 'proche',
    Person: 'personne',
    other: 'utilisateur·rice',
  },
  reason: {
    forbidden: 'le DPI n’en a pas autorisé la lecture',
    failed: 'elle n’a pas pu être lue',
    'no-name': 'la fiche ne contient pas de nom',
    'wrong-resource': 'le DPI a répondu avec une autre fiche',
    'unsupported-type': 'pas une fiche de personne',
  },
  noIdentifierValue: 'sans valeur',
};
