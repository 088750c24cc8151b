// Types of sandbox/sandbox.mjs for the TypeScript test code (tsconfig has allowJs off).
// Keep in step with the JSDoc in sandbox.mjs.
import type { Bundle, Resource } from 'fhir/r4';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Transaction/batch Bundles or paths to them; default sandbox/fixtures/*.json. */
  fixtures?: Array<string | Bundle>;
  /** The app's launch page; default http://127.0.0.1:5173/launch.html. */
  appLaunchUrl?: string;
  /** Registered redirect URIs; default index.html and the folder of appLaunchUrl. */
  appRedirectUris?: string[];
  /** Access-token lifetime in seconds; default 3600. */
  accessTokenTtl?: number;
  /** How long an EHR launch id stays valid, in seconds; default 300. */
  launchTtl?: number;
  /** Enables POST /__test__/token and /__test__/launch, guarded by the `x-sandbox-test-key` header. */
  testMode?: boolean;
}

/** A token as the token endpoint would return it (no id_token, no refresh token). */
export interface MintedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  patient?: string;
}

/** One row of the EHR patient list. */
export interface PatientSummary {
  id: string;
  name: string;
  birthDate: string;
  gender: string;
  diagnoses: string[];
}

/** A running sandbox. */
export interface Sandbox {
  origin: string;
  fhirBaseUrl: string;
  issuer: string;
  ehrUrl: string;
  clientId: string;
  redirectUris: string[];
  appLaunchUrl: string;
  /** Only with `testMode`. */
  testKey: string | undefined;
  timings: { definitionsMs: number; seedMs: number; startMs: number };
  /** The EHR launch URL for a patient: it mints a launch id and redirects to the app. */
  launchUrl(input: { patient: string; app?: string; encounter?: string }): string;
  /** The app's standalone launch URL (`?iss=` only). */
  standaloneUrl(app?: string): string;
  /** A real access token saved in the authorization server. `ttl` in seconds. */
  mintToken(input: { patient?: string; scope: string; ttl?: number }): Promise<MintedToken>;
  /** An EHR launch id (single-use); `ttlSeconds` defaults to `launchTtl`. */
  mintLaunch(context: { patient?: string; encounter?: string; user: string; needPatientBanner: boolean }, ttlSeconds?: number): string;
  /** Direct FHIR call without authorization (seeding, assertions); path relative to the base. */
  fhir(method: string, path: string, body?: unknown): Promise<{ status: number; body: Resource }>;
  /** The demo patients with their diagnoses, as the EHR page lists them. */
  patients(): Promise<PatientSummary[]>;
  close(): Promise<void>;
}

/** Starts the demo EHR (FHIR at /fhir, SMART authorization at /, EHR pages at /ehr). */
export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

/** sandbox/fixtures/*.json, sorted. */
export function defaultFixtureFiles(): string[];
