import type { Translations } from './en.ts';

/** French UI strings (typed against the English set: a missing key fails the type check). */
export const fr: Translations = {
  app: {
    title: 'Therapy Navigator',
    simulatedNotice:
      'Aide à la décision pour la recherche et la démonstration. Ses modèles sont entraînés sur des patients simulés, calibrés sur des essais publiés, et non sur des données réelles. Ce n’est pas un dispositif médical ; ne pas l’utiliser pour des décisions cliniques.',
    connecting: 'Connexion au DPI et vérification de l’autorisation…',
    language: 'Langue',
  },
  loading: {
    record: 'Lecture du dossier : {{done}} requêtes sur {{total}}',
  },
  banner: {
    label: 'Patient·e',
    age: '{{age}} ans',
    born: 'né·e le {{date}}',
    sex: { male: 'masculin', female: 'féminin', other: 'autre', unknown: 'sexe inconnu', missing: 'sexe non renseigné' },
    noName: 'Nom non renseigné',
    noBirthDate: 'date de naissance non renseignée',
    identifiers: 'Identifiants',
    unreadable: 'Illisible dans le dossier (format incorrect), affiché comme manquant : {{fields}}',
  },
  indications: {
    title: 'Indications trouvées dans le dossier',
    none: 'Aucune des indications prises en charge (maladie de Crohn, rectocolite hémorragique, polyarthrite rhumatoïde, sclérose en plaques récurrente) n’a été trouvée dans le dossier.',
    CD: 'Maladie de Crohn',
    UC: 'Rectocolite hémorragique',
    RA: 'Polyarthrite rhumatoïde',
    RMS: 'Sclérose en plaques récurrente',
    since: 'début {{date}}',
    source: 'd’après {{ref}}',
    byText: 'reconnu par le texte seulement',
    byServer: 'reconnu par le serveur de terminologie {{server}}, pas par les listes de codes intégrées',
    inactive: 'enregistré comme {{status}}',
    certainty: 'certitude : {{label}}',
    suspected: 'Suspicion de {{name}}',
    pastDx: 'Antécédent de {{name}}',
    confirm: 'Confirmer le diagnostic',
    confirmHint: 'Utiliser ce diagnostic pour le classement. Valable pour cet écran seulement ; le dossier n’est pas modifié.',
    confirmed: 'confirmé par vous (cet écran)',
    onlySuspected: 'Seul un diagnostic suspecté est enregistré : les traitements sont classés une fois que vous l’avez confirmé.',
  },
  record: {
    title: 'Dossier',
    conditions: 'Diagnostics',
    medications: 'Médicaments',
    labs: 'Résultats de laboratoire récents',
    columns: {
      condition: 'Diagnostic',
      code: 'Code',
      status: 'Statut',
      onset: 'Début',
      medication: 'Médicament',
      period: 'Période',
      test: 'Examen',
      value: 'Valeur',
      date: 'Date',
      source: 'Source',
    },
    empty: 'Rien d’enregistré.',
    noDate: 'sans date',
    noValue: 'pas de valeur',
    uncoded: 'sans code',
    showSource: 'Afficher la ressource FHIR {{ref}}',
    sourceTitle: 'Source : {{ref}}',
    close: 'Fermer',
    incomplete: 'Le dossier n’a pas pu être lu en entier. Manque : {{parts}}. Tout ce qui en dépend est affiché comme inconnu.',
    foreign:
      'Le DPI a aussi renvoyé des données qui ne concernent pas ce patient ; elles n’ont pas été utilisées : {{refs}}. Merci de prévenir votre support informatique.',
  },
  errors: {
    retry: 'Réessayer',
    relaunch: 'Veuillez relancer Therapy Navigator depuis le dossier du patient dans le DPI.',
    technical: 'Détail technique pour votre support informatique',
    panel: 'Cette partie de l’écran n’a pas pu être affichée.',
    launch: {
      'settings-invalid': {
        title: 'L’application est mal configurée',
        action: 'Demandez à votre support informatique de vérifier le fichier config.json à côté de l’application.',
      },
      'missing-iss': {
        title: 'L’application a été ouverte sans DPI',
        action: 'Ouvrez le dossier du patient dans votre DPI et lancez Therapy Navigator depuis celui-ci.',
      },
      'iss-not-allowed': {
        title: 'Ce DPI n’est pas autorisé pour l’application',
        action: 'Demandez à votre support informatique d’ajouter ce serveur FHIR à allowedFhirServers dans config.json.',
      },
      'fhir-server-unreachable': {
        title: 'Le serveur FHIR du DPI est injoignable',
        action: 'Vérifiez la connexion réseau puis relancez l’application. Si le problème persiste, contactez votre support informatique.',
      },
      'no-smart-configuration': {
        title: 'Le DPI ne prend pas en charge la connexion SMART on FHIR',
        action: 'Le serveur ne publie aucune configuration SMART. Demandez à votre support informatique d’activer SMART App Launch.',
      },
      'pkce-unsupported': {
        title: 'La connexion du DPI n’est pas assez sûre',
        action: 'Ce déploiement exige PKCE (S256), que le DPI ne propose pas. Contactez votre support informatique.',
      },
      'authorization-denied': {
        title: 'L’accès n’a pas été accordé',
        action: 'L’autorisation a été refusée. Relancez l’application et autorisez l’accès pour continuer.',
      },
      'authorization-failed': {
        title: 'Le DPI a refusé la connexion',
        action: 'Relancez l’application depuis le DPI. Si le problème persiste, contactez votre support informatique.',
      },
      'launch-invalid': { title: 'Ce lancement a expiré ou a déjà été utilisé', action: 'Relancez l’application depuis le dossier du patient dans le DPI.' },
      'no-launch-state': {
        title: 'Cette page a été ouverte hors d’un lancement',
        action: 'Lancez l’application depuis le dossier du patient dans le DPI ; un ancien lien ne fonctionne pas.',
      },
      'token-exchange-failed': {
        title: 'La connexion n’a pas pu aboutir',
        action: 'Relancez l’application depuis le DPI. Si le problème persiste, contactez votre support informatique.',
      },
      'no-patient-context': {
        title: 'Aucun patient sélectionné',
        action: 'Ouvrez le dossier d’un patient dans le DPI et lancez l’application depuis celui-ci.',
      },
      'framed-by-unknown-origin': {
        title: 'L’application est affichée dans une page à laquelle elle ne fait pas confiance',
        action:
          'Ouvrez Therapy Navigator depuis votre DPI ou dans sa propre fenêtre. Si votre DPI l’affiche dans un cadre, demandez à votre support informatique d’ajouter le DPI à frameAncestors dans config.json.',
      },
    },
    fhir: {
      unauthorized: 'Votre session avec le DPI a expiré.',
      forbidden: 'Le DPI n’a pas autorisé l’application à lire {{resourceType}}.',
      'not-found': 'Le DPI n’a pas trouvé {{resourceType}}.',
      throttled: 'Le DPI est surchargé et a demandé à l’application d’attendre.',
      'server-error': 'Le serveur du DPI a rencontré une erreur en lisant {{resourceType}}.',
      unreachable: 'Le serveur FHIR du DPI est injoignable.',
      timeout: 'Le DPI n’a pas répondu à temps pendant la lecture de {{resourceType}}.',
      'bad-response': 'Le DPI a envoyé des données illisibles pour l’application ({{resourceType}}).',
      'wrong-patient':
        'Le DPI n’a pas renvoyé le patient pour lequel l’application a été lancée. Rien n’est affiché, pour éviter de confondre des patients. Relancez l’application depuis le dossier du patient ; si cela persiste, contactez votre support informatique.',
    },
  },
};
