import { FHIR } from './fhirclient.ts';
import { LaunchError } from './errors.ts';
import { normaliseBaseUrl, type DeploymentSettings } from './settings.ts';
import { chooseScope, discoverSmartConfiguration } from './smartConfiguration.ts';

/**
 * The types of the decision record (src/writeback/decisionRecord.ts): the DocumentReference (the
 * human-readable record every EHR is asked for) and the structured set written where the server offers it.
 */
export const DECISION_TYPES = ['DocumentReference', 'GuidanceResponse', 'RiskAssessment', 'DetectedIssue', 'Provenance'] as const;

/**
 * With write-back enabled the app also asks to create the clinician-entered Observations and the
 * decision record's resources: `.c` in SMART v2 syntax, `.write` in v1 (SMART App Launch 2.x). The
 * EHR may still refuse; the UI then offers no save button.
 */
export function withWriteScopes(scope: string, writeBack: boolean): string {
  if (!writeBack) return scope;
  const v2 = /\.(c?r?u?d?s)(\s|$)/.test(scope);
  return [scope, ...['Observation', ...DECISION_TYPES].map((t) => `patient/${t}.${v2 ? 'c' : 'write'}`)].join(' ');
}

/** What the launch page was opened with, read from its URL. */
export interface LaunchParameters {
  iss: string | null;
  launch: string | null;
}

export function readLaunchParameters(search: string): LaunchParameters {
  const params = new URLSearchParams(search);
  return { iss: params.get('iss'), launch: params.get('launch') };
}

/**
 * Starts a SMART App Launch 2.x authorization (EHR launch with `iss` + `launch`, standalone launch
 * with `iss` only) and returns the authorize URL to navigate to. Nothing is redirected when a check
 * fails: the caller shows the {@link LaunchError}.
 *
 * Checks, in order: `iss` present and listed in the deployment settings; the server's SMART
 * configuration reachable and complete; PKCE S256 offered when the deployment requires it.
 * fhirclient then creates `state`, the PKCE verifier and challenge, and keeps them in session
 * storage (never localStorage, never the URL).
 */
export async function prepareAuthorization(params: LaunchParameters, settings: DeploymentSettings, appBaseUrl: string): Promise<string> {
  if (!params.iss) throw new LaunchError('missing-iss', 'the launch URL has no "iss" parameter');
  const iss = normaliseBaseUrl(params.iss);
  if (!settings.allowedFhirServers.includes(iss)) {
    throw new LaunchError('iss-not-allowed', `${iss} is not in allowedFhirServers`);
  }
  const config = await discoverSmartConfiguration(iss, settings.authorizationServers);
  const s256 = config.code_challenge_methods_supported.includes('S256');
  if (!s256 && settings.pkceMode === 'required') {
    throw new LaunchError('pkce-unsupported', `${iss} does not offer PKCE with S256 and this deployment requires it`);
  }
  const redirectUri = new URL(settings.redirectUri, appBaseUrl).href;
  let url: string | void;
  try {
    url = await FHIR.oauth2.authorize({
      iss,
      ...(params.launch ? { launch: params.launch } : {}),
      clientId: settings.clientId,
      scope: withWriteScopes(chooseScope(config, settings.scope, settings.scopeV1), settings.writeBack),
      redirectUri,
      pkceMode: settings.pkceMode === 'required' ? 'required' : 'ifSupported',
      completeInTarget: true,
      noRedirect: true,
    });
  } catch (e) {
    throw new LaunchError('no-smart-configuration', e instanceof Error ? e.message : String(e));
  }
  if (typeof url !== 'string' || !url.startsWith(config.authorization_endpoint)) {
    // fhirclient skips authorization for servers it believes are open; this app never does.
    throw new LaunchError('no-smart-configuration', `${iss} offered no authorization endpoint`);
  }
  return url;
}
