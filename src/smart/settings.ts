import { z } from 'zod';
import { LaunchError } from './errors.ts';
import { fhirBaseProblem, originProblem } from './urls.ts';

/**
 * Deployment settings: everything a hospital changes when it registers the app with its EHR.
 * They live in `config.json` served beside the app (public/config.json in the build), so a site
 * edits one file on its web server and needs no rebuild. The file is validated at start; an
 * invalid file stops the launch with a message naming each problem.
 */
export interface DeploymentSettings {
  /** The client id the EHR's authorization server issued for this app (public client, no secret). */
  clientId: string;
  /** Scopes requested at launch (SMART App Launch 2.x syntax). */
  scope: string;
  /** SMART v1 equivalent, used when the server advertises no `permission-v2` capability. */
  scopeV1: string;
  /** The redirect URI registered with the EHR, relative to the app's base URL or absolute. */
  redirectUri: string;
  /** FHIR base URLs the app may be launched against (exact match, no trailing slash). */
  allowedFhirServers: string[];
  /** `required`: refuse servers without PKCE S256. `ifSupported`: use it whenever offered. */
  pkceMode: 'required' | 'ifSupported';
  /** Opt-in: allow "record this decision" write-back (also needs the write scope). */
  writeBack: boolean;
  /**
   * Origins of authorization servers whose token endpoint is not on a FHIR server's origin (the
   * Content-Security-Policy must let the page reach them). Empty: the FHIR origins suffice.
   */
  authorizationServers: string[];
  /** Origins allowed to embed the app in a frame (the EHR); empty: the app's own origin only. */
  frameAncestors: string[];
  /** How long one FHIR request may take before it counts as failed (5-300 s; default 20). */
  requestTimeoutSeconds: number;
  /**
   * Optional FHIR terminology server base URL (off by default: null). When set, SNOMED CT codes on Conditions
   * that the bundled code sets do not know are sent to its `CodeSystem/$subsumes`, one code at a time, with
   * nothing else from the record (src/extract/terminology/server.ts); its origin is added to connect-src.
   */
  terminologyServer: string | null;
}

const READ_TYPES = [
  'Patient',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'Medication',
  'Procedure',
  'AllergyIntolerance',
  'Immunization',
] as const;

/**
 * The signed-in user's own resource: `fhirUser` only names it (App Launch 2.x, "Scopes for requesting
 * identity data"); reading it for the user's name needs a resource scope. The app asks for
 * `user/Practitioner.rs`, the type of nearly every clinician user, rather than relying on servers that
 * let a `fhirUser` token read its own resource: the read then works wherever the EHR grants
 * practitioner directory data (not patient data), and a server that grants less leaves the app with
 * the labelled reference instead of the name (src/pipeline/signedInUser.ts).
 */
const USER_READ_TYPES = ['Practitioner'] as const;

/** SMART v2 patient-level read scopes for every resource type the app reads, plus the signed-in user's resource. */
export const DEFAULT_SCOPE = [
  'launch',
  'launch/patient',
  // Optional: the encounter the EHR opened the app in (SMART App Launch 2.x launch context), written
  // into every resource the app creates; servers that do not know it ignore it.
  'launch/encounter',
  'openid',
  'fhirUser',
  'online_access',
  ...READ_TYPES.map((t) => `patient/${t}.rs`),
  ...USER_READ_TYPES.map((t) => `user/${t}.rs`),
].join(' ');

/** The same access in SMART v1 syntax, for servers that predate App Launch 2.0. */
export const DEFAULT_SCOPE_V1 = [
  'launch',
  'launch/patient',
  'launch/encounter',
  'openid',
  'fhirUser',
  'online_access',
  ...READ_TYPES.map((t) => `patient/${t}.read`),
  ...USER_READ_TYPES.map((t) => `user/${t}.read`),
].join(' ');

export const DEFAULT_SETTINGS: DeploymentSettings = {
  clientId: 'therapy-navigator',
  scope: DEFAULT_SCOPE,
  scopeV1: DEFAULT_SCOPE_V1,
  redirectUri: 'index.html',
  allowedFhirServers: [],
  pkceMode: 'required',
  writeBack: false,
  authorizationServers: [],
  frameAncestors: [],
  requestTimeoutSeconds: 20,
  terminologyServer: null,
};

/** Removes trailing slashes so `https://x/fhir/` and `https://x/fhir` compare equal. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** A list of exact origins (trailing slashes removed), each checked by {@link originProblem}. */
const origins = z.array(z.string()).superRefine((list, ctx) => {
  list.forEach((o, i) => {
    const problem = originProblem(o);
    if (problem) ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(o)}: ${problem}` });
  });
});

const nonEmpty = (key: string) =>
  z.string({ error: `"${key}" must be a non-empty string` }).refine((v) => v.trim() !== '', `"${key}" must be a non-empty string`);

/** config.json, strictly: unknown keys, wrong types and out-of-range values are all problems. */
const SettingsSchema = z.strictObject({
  clientId: nonEmpty('clientId').default(DEFAULT_SETTINGS.clientId),
  scope: nonEmpty('scope')
    .refine((v) => /\bopenid\b/.test(v) && /\bfhirUser\b/.test(v), '"scope" must include "openid fhirUser" (the app shows who is signed in)')
    .default(DEFAULT_SETTINGS.scope),
  scopeV1: nonEmpty('scopeV1').default(DEFAULT_SETTINGS.scopeV1),
  redirectUri: nonEmpty('redirectUri').default(DEFAULT_SETTINGS.redirectUri),
  allowedFhirServers: z
    .array(z.string(), { error: '"allowedFhirServers" must list at least one FHIR base URL' })
    .min(1, '"allowedFhirServers" must list at least one FHIR base URL')
    .superRefine((list, ctx) => {
      list.forEach((u, i) => {
        const problem = fhirBaseProblem(u);
        if (problem) ctx.addIssue({ code: 'custom', path: [i], message: `invalid URL ${JSON.stringify(u)}: ${problem}` });
      });
    }),
  pkceMode: z.enum(['required', 'ifSupported'], { error: '"pkceMode" must be "required" or "ifSupported"' }).default('required'),
  writeBack: z.boolean({ error: '"writeBack" must be true or false' }).default(false),
  authorizationServers: origins.default([]),
  frameAncestors: origins.default([]),
  requestTimeoutSeconds: z
    .number({ error: '"requestTimeoutSeconds" must be a number from 5 to 300' })
    .min(5, '"requestTimeoutSeconds" must be a number from 5 to 300')
    .max(300, '"requestTimeoutSeconds" must be a number from 5 to 300')
    .default(DEFAULT_SETTINGS.requestTimeoutSeconds),
  terminologyServer: z
    .string({ error: '"terminologyServer" must be a terminology server base URL or null' })
    .superRefine((u, ctx) => {
      const problem = fhirBaseProblem(u);
      if (problem) ctx.addIssue({ code: 'custom', message: `"terminologyServer": invalid URL ${JSON.stringify(u)}: ${problem}` });
    })
    .nullable()
    .default(null),
});

/** One readable line per problem: the setting's name, the entry, and what is wrong. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `unknown setting "${k}"`).join('; ');
  const [key, index] = issue.path;
  const where = typeof key === 'string' ? `"${key}"${typeof index === 'number' ? ` entry ${index + 1}` : ''}` : 'config.json';
  return issue.message.includes(`"${String(key)}"`) ? issue.message : `${where}: ${issue.message}`;
}

/**
 * Validates a parsed config.json against {@link DeploymentSettings} (zod schema; every problem is
 * reported at once). Unknown keys are refused so a misspelt setting cannot silently fall back to a
 * default. Origins must be exact (`https://host[:port]`, plain http only on loopback, no wildcards,
 * no `;`): they go verbatim into the Content-Security-Policy.
 * @throws LaunchError `settings-invalid` listing every problem found
 */
export function parseSettings(json: unknown): DeploymentSettings {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new LaunchError('settings-invalid', 'config.json is not a JSON object');
  const result = SettingsSchema.safeParse(json);
  if (!result.success) throw new LaunchError('settings-invalid', [...new Set(result.error.issues.map(describeIssue))].join('; '));
  const s = result.data;
  return {
    ...s,
    allowedFhirServers: s.allowedFhirServers.map(normaliseBaseUrl),
    authorizationServers: s.authorizationServers.map((o) => o.replace(/\/+$/, '')),
    frameAncestors: s.frameAncestors.map((o) => o.replace(/\/+$/, '')),
    terminologyServer: s.terminologyServer === null ? null : normaliseBaseUrl(s.terminologyServer),
  };
}

/**
 * Loads and validates `config.json` from beside the app.
 * @param url where the file is served, by default next to the current page
 */
export async function loadSettings(url: string = new URL('config.json', document.baseURI).href): Promise<DeploymentSettings> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    throw new LaunchError('settings-invalid', `config.json could not be loaded (${String(e)})`);
  }
  if (!response.ok) throw new LaunchError('settings-invalid', `config.json could not be loaded (HTTP ${response.status})`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new LaunchError('settings-invalid', 'config.json is not valid JSON');
  }
  return parseSettings(json);
}
