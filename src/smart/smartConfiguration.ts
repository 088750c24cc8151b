import { LaunchError } from './errors.ts';
import { httpUrl, isOnOrigins } from './urls.ts';

/** The parts of `.well-known/smart-configuration` the app relies on (SMART App Launch 2.x, §2.4). */
export interface SmartConfiguration {
  authorization_endpoint: string;
  token_endpoint: string;
  capabilities: string[];
  code_challenge_methods_supported: string[];
  scopes_supported?: string[];
}

const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Reads the server's SMART configuration before the app redirects anywhere, so that a server that
 * is down, or that does not speak SMART, ends on a clear message instead of an open, unauthorised
 * launch (fhirclient treats a server without OAuth endpoints as open).
 */
export async function discoverSmartConfiguration(fhirBaseUrl: string, authorizationServers: readonly string[] = []): Promise<SmartConfiguration> {
  const url = `${fhirBaseUrl}/.well-known/smart-configuration`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), redirect: 'manual' });
  } catch (e) {
    throw new LaunchError('fhir-server-unreachable', `${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new LaunchError('no-smart-configuration', `${url} answered with a redirect, which is not followed`);
  }
  if (response.status === 404 || response.status === 410) {
    throw new LaunchError('no-smart-configuration', `${url} answered HTTP ${response.status}`);
  }
  if (!response.ok) throw new LaunchError('fhir-server-unreachable', `${url} answered HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new LaunchError('no-smart-configuration', `${url} did not return JSON`);
  }
  const c = json as Partial<SmartConfiguration> | null;
  if (!c || typeof c.authorization_endpoint !== 'string' || typeof c.token_endpoint !== 'string') {
    throw new LaunchError('no-smart-configuration', `${url} has no authorization_endpoint/token_endpoint`);
  }
  // The authorization endpoint is navigated to and the token endpoint receives the code: both must be
  // http(s) URLs on the FHIR server's origin or a configured authorization server (a `javascript:`
  // endpoint would run script on the app's origin).
  const allowed = [new URL(fhirBaseUrl).origin, ...authorizationServers];
  for (const key of ['authorization_endpoint', 'token_endpoint'] as const) {
    const endpoint = httpUrl(c[key]);
    if (!endpoint) throw new LaunchError('no-smart-configuration', `${url}: ${key} is not an http(s) URL`);
    if (!isOnOrigins(endpoint, allowed)) {
      throw new LaunchError(
        'no-smart-configuration',
        `${url}: ${key} is on ${endpoint.origin}, which is neither the FHIR server's origin nor listed in authorizationServers`,
      );
    }
  }
  return {
    authorization_endpoint: c.authorization_endpoint,
    token_endpoint: c.token_endpoint,
    capabilities: Array.isArray(c.capabilities) ? c.capabilities.filter((x): x is string => typeof x === 'string') : [],
    code_challenge_methods_supported: Array.isArray(c.code_challenge_methods_supported)
      ? c.code_challenge_methods_supported.filter((x): x is string => typeof x === 'string')
      : [],
    ...(Array.isArray(c.scopes_supported) ? { scopes_supported: c.scopes_supported.filter((x): x is string => typeof x === 'string') } : {}),
  };
}

/** SMART v2 scopes only where the server says so (capability `permission-v2`); v1 otherwise. */
export function chooseScope(config: SmartConfiguration, scopeV2: string, scopeV1: string): string {
  if (config.capabilities.includes('permission-v2')) return scopeV2;
  if (config.capabilities.includes('permission-v1')) return scopeV1;
  // No permission capability advertised: prefer v2 if the listed scopes use its syntax.
  return config.scopes_supported?.some((s) => /\.[cruds]+$/.test(s)) ? scopeV2 : scopeV1;
}
