/**
 * English UI strings: the reference set. `de.ts` and `fr.ts` are typed against it, so a missing
 * key in any language fails the type check.
 */
export const en = {
  app: {
    title: 'Therapy Navigator',
    simulatedNotice:
      'Decision aid for research and demonstration. Its models are trained on simulated patients calibrated to published trials, not on real patient data. It is not a medical device and must not be used for clinical decisions.',
    connecting: 'Connecting to the EHR and checking the authorization…',
    language: 'Language',
  },
  loading: {
    record: 'Reading the record: {{done}} of {{total}} requests',
  },
  banner: {
    label: 'Patient',
    age: '{{age}} years',
    born: 'born {{date}}',
    sex: { male: 'male', female: 'female', other: 'other', unknown: 'sex unknown', missing: 'sex not recorded' },
    noName: 'Name not recorded',
    noBirthDate: 'date of birth not recorded',
    identifiers: 'Identifiers',
    unreadable: 'Not readable in the record (wrong format), shown as missing: {{fields}}',
  },
  indications: {
    title: 'Indications found in the record',
    none: 'None of the supported indications (Crohn’s disease, ulcerative colitis, rheumatoid arthritis, relapsing multiple sclerosis) was found in the record.',
    CD: 'Crohn’s disease',
    UC: 'Ulcerative colitis',
    RA: 'Rheumatoid arthritis',
    RMS: 'Relapsing multiple sclerosis',
    since: 'onset {{date}}',
    source: 'from {{ref}}',
    byText: 'matched by text only',
    byServer: 'recognised by the terminology server {{server}}, not by the bundled code lists',
    inactive: 'recorded as {{status}}',
    certainty: 'certainty: {{label}}',
    suspected: 'Suspected {{name}}',
    pastDx: 'Status post {{name}}',
    confirm: 'Confirm diagnosis',
    confirmHint: 'Use this diagnosis for the ranking. Holds for this screen only; the record is not changed.',
    confirmed: 'confirmed by you (this screen)',
    onlySuspected: 'Only a suspected diagnosis is recorded: therapies are ranked once you confirm it.',
  },
  record: {
    title: 'Record',
    conditions: 'Conditions',
    medications: 'Medications',
    labs: 'Recent laboratory results',
    columns: {
      condition: 'Condition',
      code: 'Code',
      status: 'Status',
      onset: 'Onset',
      medication: 'Medication',
      period: 'Period',
      test: 'Test',
      value: 'Value',
      date: 'Date',
      source: 'Source',
    },
    empty: 'Nothing recorded.',
    noDate: 'no date',
    noValue: 'no value',
    uncoded: 'no code',
    showSource: 'Show the FHIR resource {{ref}}',
    sourceTitle: 'Source: {{ref}}',
    close: 'Close',
    incomplete: 'The record could not be read completely. Missing: {{parts}}. Anything that depends on these data is shown as unknown.',
    foreign: 'The EHR also returned data that is not about this patient; it was not used: {{refs}}. Please tell your IT support.',
  },
  errors: {
    retry: 'Try again',
    relaunch: 'Please launch Therapy Navigator again from the patient’s chart in the EHR.',
    technical: 'Technical detail for your IT support',
    panel: 'This part of the screen could not be shown.',
    launch: {
      'settings-invalid': { title: 'The app is not configured correctly', action: 'Ask your IT support to check the file config.json beside the app.' },
      'missing-iss': { title: 'The app was opened without an EHR', action: 'Open the patient’s chart in your EHR and start Therapy Navigator from there.' },
      'iss-not-allowed': {
        title: 'This EHR is not registered for the app',
        action: 'Ask your IT support to add this FHIR server to allowedFhirServers in config.json.',
      },
      'fhir-server-unreachable': {
        title: 'The EHR’s FHIR server cannot be reached',
        action: 'Check the network connection, then launch the app again. If it persists, contact your IT support.',
      },
      'no-smart-configuration': {
        title: 'The EHR does not support SMART on FHIR sign-in',
        action: 'The server publishes no SMART configuration. Ask your IT support to enable SMART App Launch.',
      },
      'pkce-unsupported': {
        title: 'The EHR’s sign-in is not secure enough',
        action: 'This deployment requires PKCE (S256), which the EHR does not offer. Contact your IT support.',
      },
      'authorization-denied': { title: 'Access was not granted', action: 'The authorization was declined. Launch the app again and allow access to continue.' },
      'authorization-failed': { title: 'The EHR refused the sign-in', action: 'Launch the app again from the EHR. If it persists, contact your IT support.' },
      'launch-invalid': { title: 'This launch has expired or was already used', action: 'Launch the app again from the patient’s chart in the EHR.' },
      'no-launch-state': {
        title: 'This page was opened outside a launch',
        action: 'Launch the app from the patient’s chart in the EHR; reloading an old link does not work.',
      },
      'token-exchange-failed': {
        title: 'Sign-in could not be completed',
        action: 'Launch the app again from the EHR. If it persists, contact your IT support.',
      },
      'no-patient-context': { title: 'No patient was selected', action: 'Open a patient’s chart in the EHR and launch the app from there.' },
      'framed-by-unknown-origin': {
        title: 'The app is shown inside a page it does not trust',
        action:
          'Open Therapy Navigator from your EHR, or in its own window. If your EHR shows it in a frame, ask your IT support to add the EHR to frameAncestors in config.json.',
      },
    },
    fhir: {
      unauthorized: 'Your session with the EHR has ended.',
      forbidden: 'The EHR did not allow the app to read {{resourceType}}.',
      'not-found': 'The EHR could not find {{resourceType}}.',
      throttled: 'The EHR is busy and asked the app to wait.',
      'server-error': 'The EHR’s server had an error while reading {{resourceType}}.',
      unreachable: 'The EHR’s FHIR server could not be reached.',
      timeout: 'The EHR did not answer in time while reading {{resourceType}}.',
      'bad-response': 'The EHR sent data the app could not read ({{resourceType}}).',
      'wrong-patient':
        'The EHR did not return the patient the app was launched for. Nothing is shown, to avoid mixing up patients. Launch the app again from the patient’s chart; if it persists, contact your IT support.',
    },
  },
};

/** The shape every language must fill. */
export type Translations = typeof en;
