import type { DeploymentSettings } from './settings.ts';

function origin(url: string): string {
  return new URL(url).origin;
}

/**
 * The Content-Security-Policy a site serves the app with, derived from its config.json: scripts,
 * workers and wasm only from the app's own origin ('wasm-unsafe-eval' lets the ONNX runtime compile
 * its WebAssembly; no 'unsafe-eval' for scripts), network requests only to the app itself, the
 * configured FHIR servers and authorization servers (and, when one is configured, the terminology server:
 * exactly its origin), and framing only by the configured EHR origins.
 * 'unsafe-inline' for styles is required by the CSS-in-JS of MUI (emotion); no inline script is
 * allowed. `npm run csp` prints it for a deployment; the e2e web server sends it.
 */
export function contentSecurityPolicy(
  settings: Pick<DeploymentSettings, 'allowedFhirServers' | 'authorizationServers' | 'frameAncestors'> & Partial<Pick<DeploymentSettings, 'terminologyServer'>>,
): string {
  const terminology = settings.terminologyServer ? [origin(settings.terminologyServer)] : [];
  const connect = [...new Set([...settings.allowedFhirServers.map(origin), ...settings.authorizationServers.map(origin), ...terminology])].sort();
  const frames = settings.frameAncestors.length > 0 ? ["'self'", ...settings.frameAncestors.map(origin)] : ["'self'"];
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frames.join(' ')}`,
  ].join('; ');
}
