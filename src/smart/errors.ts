/**
 * Typed errors of the SMART layer. Each carries a `code` the UI turns into a clinician-readable
 * message (title, what happened, what to do) in the user's language; `detail` keeps the technical
 * cause for the support desk and never contains tokens or patient data.
 */
export type LaunchErrorCode =
  | 'settings-invalid'
  | 'missing-iss'
  | 'iss-not-allowed'
  | 'fhir-server-unreachable'
  | 'no-smart-configuration'
  | 'pkce-unsupported'
  | 'authorization-denied'
  | 'authorization-failed'
  | 'launch-invalid'
  | 'no-launch-state'
  | 'token-exchange-failed'
  | 'no-patient-context'
  /** Shown inside a frame of an origin not in config.json's frameAncestors (clickjacking). */
  | 'framed-by-unknown-origin';

export class LaunchError extends Error {
  readonly code: LaunchErrorCode;
  readonly detail: string;

  constructor(code: LaunchErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'LaunchError';
    this.code = code;
    this.detail = detail;
  }
}

export type FhirRequestErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'server-error'
  | 'unreachable'
  | 'timeout'
  | 'bad-response'
  /** The server answered with another patient's data, or not with the launch's Patient: the launch stops. */
  | 'wrong-patient';

/** A FHIR request that failed; `resourceType` names what could not be read. */
export class FhirRequestError extends Error {
  readonly code: FhirRequestErrorCode;
  readonly status: number | null;
  readonly resourceType: string;
  readonly detail: string;

  constructor(code: FhirRequestErrorCode, status: number | null, resourceType: string, detail: string) {
    super(`${code} (${status ?? 'no status'}) reading ${resourceType}: ${detail}`);
    this.name = 'FhirRequestError';
    this.code = code;
    this.status = status;
    this.resourceType = resourceType;
    this.detail = detail;
  }
}

/** Maps an HTTP status to the error code the UI explains. */
export function codeForStatus(status: number): FhirRequestErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server-error';
  return 'bad-response';
}
