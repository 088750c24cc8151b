import type { Translations } from './en.ts';

/** German UI strings (typed against the English set: a missing key fails the type check). */
export const de: Translations = {
  app: {
    title: 'Therapy Navigator',
    simulatedNotice:
      'Entscheidungshilfe für Forschung und Demonstration. Die Modelle sind an simulierten, auf publizierte Studien kalibrierten Patienten trainiert, nicht an echten Patientendaten. Kein Medizinprodukt; nicht für klinische Entscheidungen verwenden.',
    connecting: 'Verbindung mit dem KIS wird hergestellt, Autorisierung wird geprüft …',
    language: 'Sprache',
  },
  loading: {
    record: 'Akte wird gelesen: {{done}} von {{total}} Anfragen',
  },
  banner: {
    label: 'Patient/in',
    age: '{{age}} Jahre',
    born: 'geb. {{date}}',
    sex: { male: 'männlich', female: 'weiblich', other: 'divers', unknown: 'Geschlecht unbekannt', missing: 'Geschlecht nicht dokumentiert' },
    noName: 'Name nicht dokumentiert',
    noBirthDate: 'Geburtsdatum nicht dokumentiert',
    identifiers: 'Kennungen',
    unreadable: 'In der Akte nicht lesbar (falsches Format), als fehlend angezeigt: {{fields}}',
  },
  indications: {
    title: 'In der Akte gefundene Indikationen',
    none: 'Keine der unterstützten Indikationen (Morbus Crohn, Colitis ulcerosa, rheumatoide Arthritis, schubförmige multiple Sklerose) wurde in der Akte gefunden.',
    CD: 'Morbus Crohn',
    UC: 'Colitis ulcerosa',
    RA: 'Rheumatoide Arthritis',
    RMS: 'Schubförmige multiple Sklerose',
    since: 'Beginn {{date}}',
    source: 'aus {{ref}}',
    byText: 'nur über den Text erkannt',
    byServer: 'vom Terminologieserver {{server}} erkannt, nicht von den mitgelieferten Codelisten',
    inactive: 'dokumentiert als {{status}}',
    certainty: 'Diagnosesicherheit: {{label}}',
    suspected: 'Verdacht auf {{name}}',
    pastDx: 'Zustand nach {{name}}',
    confirm: 'Diagnose bestätigen',
    confirmHint: 'Diese Diagnose für die Rangfolge verwenden. Gilt nur für diese Ansicht; die Akte wird nicht geändert.',
    confirmed: 'von Ihnen bestätigt (diese Ansicht)',
    onlySuspected: 'Es ist nur eine Verdachtsdiagnose dokumentiert: Therapien werden gereiht, sobald Sie sie bestätigen.',
  },
  record: {
    title: 'Akte',
    conditions: 'Diagnosen',
    medications: 'Medikation',
    labs: 'Aktuelle Laborwerte',
    columns: {
      condition: 'Diagnose',
      code: 'Code',
      status: 'Status',
      onset: 'Beginn',
      medication: 'Medikament',
      period: 'Zeitraum',
      test: 'Untersuchung',
      value: 'Wert',
      date: 'Datum',
      source: 'Quelle',
    },
    empty: 'Nichts dokumentiert.',
    noDate: 'ohne Datum',
    noValue: 'kein Wert',
    uncoded: 'kein Code',
    showSource: 'FHIR-Ressource {{ref}} anzeigen',
    sourceTitle: 'Quelle: {{ref}}',
    close: 'Schließen',
    incomplete: 'Die Akte konnte nicht vollständig gelesen werden. Es fehlen: {{parts}}. Alles, was davon abhängt, wird als unbekannt angezeigt.',
    foreign:
      'Das KIS hat auch Daten geliefert, die nicht diesen Patienten betreffen; sie wurden nicht verwendet: {{refs}}. Bitte informieren Sie Ihren IT-Support.',
  },
  errors: {
    retry: 'Erneut versuchen',
    relaunch: 'Bitte starten Sie Therapy Navigator erneut aus der Akte des Patienten im KIS.',
    technical: 'Technische Angabe für Ihren IT-Support',
    panel: 'Dieser Teil der Anzeige konnte nicht dargestellt werden.',
    launch: {
      'settings-invalid': {
        title: 'Die App ist nicht richtig konfiguriert',
        action: 'Bitten Sie Ihren IT-Support, die Datei config.json neben der App zu prüfen.',
      },
      'missing-iss': {
        title: 'Die App wurde ohne KIS geöffnet',
        action: 'Öffnen Sie die Akte des Patienten im KIS und starten Sie Therapy Navigator von dort.',
      },
      'iss-not-allowed': {
        title: 'Dieses KIS ist für die App nicht freigegeben',
        action: 'Bitten Sie Ihren IT-Support, diesen FHIR-Server in allowedFhirServers (config.json) einzutragen.',
      },
      'fhir-server-unreachable': {
        title: 'Der FHIR-Server des KIS ist nicht erreichbar',
        action: 'Prüfen Sie die Netzwerkverbindung und starten Sie die App erneut. Wenn das Problem bleibt, wenden Sie sich an Ihren IT-Support.',
      },
      'no-smart-configuration': {
        title: 'Das KIS unterstützt keine SMART-on-FHIR-Anmeldung',
        action: 'Der Server veröffentlicht keine SMART-Konfiguration. Bitten Sie Ihren IT-Support, SMART App Launch zu aktivieren.',
      },
      'pkce-unsupported': {
        title: 'Die Anmeldung des KIS ist nicht sicher genug',
        action: 'Diese Installation verlangt PKCE (S256), das KIS bietet es nicht an. Wenden Sie sich an Ihren IT-Support.',
      },
      'authorization-denied': {
        title: 'Der Zugriff wurde nicht erlaubt',
        action: 'Die Autorisierung wurde abgelehnt. Starten Sie die App erneut und erlauben Sie den Zugriff.',
      },
      'authorization-failed': {
        title: 'Das KIS hat die Anmeldung abgelehnt',
        action: 'Starten Sie die App erneut aus dem KIS. Wenn das Problem bleibt, wenden Sie sich an Ihren IT-Support.',
      },
      'launch-invalid': {
        title: 'Dieser Start ist abgelaufen oder wurde schon verwendet',
        action: 'Starten Sie die App erneut aus der Akte des Patienten im KIS.',
      },
      'no-launch-state': {
        title: 'Diese Seite wurde außerhalb eines App-Starts geöffnet',
        action: 'Starten Sie die App aus der Akte des Patienten im KIS; ein alter Link funktioniert nicht.',
      },
      'token-exchange-failed': {
        title: 'Die Anmeldung konnte nicht abgeschlossen werden',
        action: 'Starten Sie die App erneut aus dem KIS. Wenn das Problem bleibt, wenden Sie sich an Ihren IT-Support.',
      },
      'no-patient-context': { title: 'Kein Patient ausgewählt', action: 'Öffnen Sie eine Patientenakte im KIS und starten Sie die App von dort.' },
      'framed-by-unknown-origin': {
        title: 'Die App wird in einer Seite angezeigt, der sie nicht vertraut',
        action:
          'Öffnen Sie Therapy Navigator aus Ihrem KIS oder in einem eigenen Fenster. Zeigt Ihr KIS die App in einem Rahmen, bitten Sie Ihren IT-Support, das KIS in config.json unter frameAncestors einzutragen.',
      },
    },
    fhir: {
      unauthorized: 'Ihre Sitzung mit dem KIS ist abgelaufen.',
      forbidden: 'Das KIS hat der App das Lesen von {{resourceType}} nicht erlaubt.',
      'not-found': 'Das KIS konnte {{resourceType}} nicht finden.',
      throttled: 'Das KIS ist ausgelastet und hat die App gebeten zu warten.',
      'server-error': 'Beim Lesen von {{resourceType}} ist im Server des KIS ein Fehler aufgetreten.',
      unreachable: 'Der FHIR-Server des KIS ist nicht erreichbar.',
      timeout: 'Das KIS hat beim Lesen von {{resourceType}} nicht rechtzeitig geantwortet.',
      'bad-response': 'Das KIS hat Daten gesendet, die die App nicht lesen kann ({{resourceType}}).',
      'wrong-patient':
        'Das KIS hat nicht den Patienten geliefert, für den die App gestartet wurde. Um keine Patienten zu verwechseln, wird nichts angezeigt. Starten Sie die App erneut aus der Akte des Patienten; wenn es bestehen bleibt, wenden Sie sich an Ihren IT-Support.',
    },
  },
};
