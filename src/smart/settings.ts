import { LaunchError } from './errors.ts';

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

/** SMART v2 patient-level read scopes for every resource type the app reads. */
export const DEFAULT_SCOPE = [
  'launch',
  'launch/patient',
  'openid',
  'fhirUser',
  'online_access',
  ...READ_TYPES.map((t) => `patient/${t}.rs`),
].join(' ');

/** The same access in SMART v1 syntax, for servers that predate App Launch 2.0. */
export const DEFAULT_SCOPE_V1 = [
  'launch',
  'launch/patient',
  'openid',
  'fhirUser',
  'online_access',
  ...READ_TYPES.map((t) => `patient/${t}.read`),
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
};

/** Removes trailing slashes so `https://x/fhir/` and `https://x/fhir` compare equal. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a parsed config.json against {@link DeploymentSettings}. Unknown keys are refused so a
 * misspelt setting cannot silently fall back to a default.
 * @throws LaunchError `settings-invalid` listing every problem found
 */
export function parseSettings(json: unknown): DeploymentSettings {
  if (!isRecord(json)) throw new LaunchError('settings-invalid', 'config.json is not a JSON object');
  const problems: string[] = [];
  const known = new Set(Object.keys(DEFAULT_SETTINGS));
  for (const key of Object.keys(json)) if (!known.has(key)) problems.push(`unknown setting "${key}"`);
  const str = (key: keyof DeploymentSettings): string => {
    const v = json[key];
    if (v === undefined) return DEFAULT_SETTINGS[key] as string;
    if (typeof v !== 'string' || v.trim() === '') problems.push(`"${key}" must be a non-empty string`);
    return typeof v === 'string' ? v : '';
  };
  const servers = json['allowedFhirServers'];
  const allowedFhirServers: string[] = [];
  if (!Array.isArray(servers) || servers.length === 0) {
    problems.push('"allowedFhirServers" must list at least one FHIR base URL');
  } else {
    for (const s of servers) {
      if (typeof s !== 'string' || !/^https?:\/\/[^\s]+$/.test(s)) problems.push(`"allowedFhirServers" has an invalid URL: ${JSON.stringify(s)}`);
      else allowedFhirServers.push(normaliseBaseUrl(s));
    }
  }
  const origins = (key: 'authorizationServers' | 'frameAncestors'): string[] => {
    const v = json[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push(`"${key}" must be a list of origins`);
      return [];
    }
    return v.flatMap((o) => {
      if (typeof o === 'string' && /^https?:\/\/[^/\s]+$/.test(o.replace(/\/+$/, ''))) return [o.replace(/\/+$/, '')];
      problems.push(`"${key}" has an invalid origin (scheme://host[:port]): ${JSON.stringify(o)}`);
      return [];
    });
  };
  const authorizationServers = origins('authorizationServers');
  const frameAncestors = origins('frameAncestors');
  const timeout = json['requestTimeoutSeconds'] ?? DEFAULT_SETTINGS.requestTimeoutSeconds;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 5 || timeout > 300) problems.push('"requestTimeoutSeconds" must be a number from 5 to 300');
  const pkce = json['pkceMode'] ?? DEFAULT_SETTINGS.pkceMode;
  if (pkce !== 'required' && pkce !== 'ifSupported') problems.push('"pkceMode" must be "required" or "ifSupported"');
  const writeBack = json['writeBack'] ?? DEFAULT_SETTINGS.writeBack;
  if (typeof writeBack !== 'boolean') problems.push('"writeBack" must be true or false');
  const settings: DeploymentSettings = {
    clientId: str('clientId'),
    scope: str('scope'),
    scopeV1: str('scopeV1'),
    redirectUri: str('redirectUri'),
    allowedFhirServers,
    pkceMode: pkce === 'ifSupported' ? 'ifSupported' : 'required',
    writeBack: writeBack === true,
    authorizationServers,
    frameAncestors,
    requestTimeoutSeconds: typeof timeout === 'number' ? timeout : DEFAULT_SETTINGS.requestTimeoutSeconds,
  };
  if (!/\bopenid\b/.test(settings.scope) || !/\bfhirUser\b/.test(settings.scope)) {
    problems.push('"scope" must include "openid fhirUser" (the app shows who is signed in)');
  }
  if (problems.length > 0) {
    throw new LaunchError('settings-invalid', problems.join('; '));
  }
  return settings;
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
