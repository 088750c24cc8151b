/**
 * Strings of the launch-context notes (namespace `launchContext`), in English, German and French: one
 * sentence per reason a context from the EHR (fhirContext / appContext) was not followed
 * (src/pipeline/launchFocus.ts), and the caption of the row the launch opened on. `{{indication}}` and
 * `{{drug}}` arrive already in the reader's language; `{{ref}}` and `{{raw}}` are what the EHR sent.
 */
import type { LaunchNoteCode } from '../../pipeline/launchFocus.ts';

interface LaunchContextMessages {
  title: string;
  note: Record<LaunchNoteCode, string>;
  /** Caption on the option row the launch opened on. */
  focused: string;
}

const en: LaunchContextMessages = {
  title: 'Launch context from the EHR',
  note: {
    'fhir-context-malformed': 'The resources the EHR passed at launch (fhirContext) could not be read; they were ignored.',
    'app-context-malformed': 'The context the EHR passed at launch (appContext) is not in the form this app reads; it was ignored.',
    'unknown-indication': 'The EHR asked to open “{{raw}}”, which is not one of the indications this app ranks; ignored.',
    'indication-not-in-record': 'The EHR asked to open {{indication}}, but the record holds no such diagnosis; the app shows what the record supports.',
    'indication-suspected':
      'The EHR asked to open {{indication}}, which the record holds only as a suspected diagnosis: confirm it in the list of indications to rank therapies for it.',
    'indication-inactive': 'The EHR asked to open {{indication}}, which the record holds as no longer active; ignored.',
    'condition-excluded': 'The EHR opened the app on {{ref}}, a diagnosis the record marks as excluded or entered in error; ignored.',
    'condition-not-indication': 'The EHR opened the app on {{ref}}, which is not one of the diagnoses this app ranks therapies for; ignored.',
    'other-patient': 'The EHR named {{ref}}, which belongs to another patient; ignored.',
    'not-in-record': 'The EHR named {{ref}}, which is not in this patient’s record as read; ignored.',
    'unknown-drug': 'The EHR asked to open the drug “{{raw}}{{ref}}”, which this app does not know; ignored.',
    'drug-not-option': 'The EHR asked to open {{drug}}, which is not an option for {{indication}} here; ignored.',
    'drug-current': 'The EHR asked to open {{drug}}, the current therapy: see the panel on continuing it below.',
    conflict: 'The EHR named more than one indication or drug; only the first was used (“{{raw}}{{ref}}” was ignored).',
  },
  focused: 'Opened from the EHR',
};

const de: LaunchContextMessages = {
  title: 'Startkontext aus dem KIS',
  note: {
    'fhir-context-malformed': 'Die beim Start vom KIS übergebenen Ressourcen (fhirContext) waren nicht lesbar und wurden nicht beachtet.',
    'app-context-malformed': 'Der beim Start vom KIS übergebene Kontext (appContext) hat nicht die Form, die diese App liest; er wurde nicht beachtet.',
    'unknown-indication': 'Das KIS wollte „{{raw}}“ öffnen; dafür erstellt diese App keine Rangfolge. Nicht beachtet.',
    'indication-not-in-record': 'Das KIS wollte {{indication}} öffnen, doch die Akte enthält diese Diagnose nicht; die App zeigt, was die Akte hergibt.',
    'indication-suspected':
      'Das KIS wollte {{indication}} öffnen; die Akte führt diese Diagnose nur als Verdacht. Bitte in der Liste der Indikationen bestätigen, um dafür Therapien zu ordnen.',
    'indication-inactive': 'Das KIS wollte {{indication}} öffnen; laut Akte ist diese Erkrankung nicht mehr aktiv. Nicht beachtet.',
    'condition-excluded': 'Das KIS öffnete die App mit {{ref}}, einer Diagnose, die laut Akte ausgeschlossen oder irrtümlich erfasst ist. Nicht beachtet.',
    'condition-not-indication': 'Das KIS öffnete die App mit {{ref}}; für diese Diagnose erstellt die App keine Rangfolge. Nicht beachtet.',
    'other-patient': 'Das KIS nannte {{ref}}; dieser Eintrag gehört zu einer anderen Person. Nicht beachtet.',
    'not-in-record': 'Das KIS nannte {{ref}}; dieser Eintrag fehlt in der gelesenen Akte. Nicht beachtet.',
    'unknown-drug': 'Das KIS wollte das Medikament „{{raw}}{{ref}}“ öffnen, das diese App nicht kennt. Nicht beachtet.',
    'drug-not-option': 'Das KIS wollte {{drug}} öffnen; bei {{indication}} steht es hier nicht zur Wahl. Nicht beachtet.',
    'drug-current': 'Das KIS wollte {{drug}} öffnen, die laufende Therapie: siehe unten den Abschnitt zu ihrer Fortführung.',
    conflict: 'Das KIS nannte mehrere Indikationen oder Medikamente; nur die erste Angabe gilt („{{raw}}{{ref}}“ wurde nicht beachtet).',
  },
  focused: 'Vom KIS geöffnet',
};

const fr: LaunchContextMessages = {
  title: 'Contexte de lancement transmis par le DPI',
  note: {
    'fhir-context-malformed': 'Les ressources transmises par le DPI au lancement (fhirContext) sont illisibles ; elles ont été ignorées.',
    'app-context-malformed': 'Le contexte transmis par le DPI au lancement (appContext) n’a pas la forme lue par cette application ; il a été ignoré.',
    'unknown-indication': 'Le DPI a demandé d’ouvrir « {{raw}} », qui ne fait pas partie des indications classées par cette application ; demande ignorée.',
    'indication-not-in-record':
      'Le DPI a demandé l’indication {{indication}}, mais le dossier ne contient pas ce diagnostic ; l’application montre ce que le dossier permet.',
    'indication-suspected':
      'Le DPI a demandé l’indication {{indication}}, que le dossier mentionne seulement comme suspicion : confirmez-la dans la liste des indications pour classer les traitements.',
    'indication-inactive': 'Le DPI a demandé l’indication {{indication}}, que le dossier indique comme n’étant plus active ; demande ignorée.',
    'condition-excluded': 'Le DPI a ouvert l’application sur {{ref}}, un diagnostic que le dossier marque comme exclu ou saisi par erreur ; demande ignorée.',
    'condition-not-indication':
      'Le DPI a ouvert l’application sur {{ref}}, un diagnostic pour lequel cette application ne classe pas de traitements ; demande ignorée.',
    'other-patient': 'Le DPI a désigné {{ref}}, qui appartient à une autre personne ; demande ignorée.',
    'not-in-record': 'Le DPI a désigné {{ref}}, absent du dossier tel qu’il a été lu ; demande ignorée.',
    'unknown-drug': 'Le DPI a demandé d’ouvrir le médicament « {{raw}}{{ref}} », inconnu de cette application ; demande ignorée.',
    'drug-not-option': 'Le DPI a demandé d’ouvrir {{drug}}, qui ne fait pas partie des choix ici (indication : {{indication}}) ; demande ignorée.',
    'drug-current': 'Le DPI a demandé d’ouvrir {{drug}}, le traitement en cours : voir plus bas la section sur sa poursuite.',
    conflict: 'Le DPI a désigné plusieurs indications ou médicaments ; seul le premier a été retenu (« {{raw}}{{ref}} » a été ignoré).',
  },
  focused: 'Ouvert depuis le DPI',
};

/** The `launchContext` namespace in each UI language. */
export const launchContextResources = { en: { launchContext: en }, de: { launchContext: de }, fr: { launchContext: fr } } as const;
