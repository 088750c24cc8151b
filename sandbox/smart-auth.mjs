// SMART App Launch 2.x authorization server for the demo EHR, on oidc-provider 9.13.3.
// oidc-provider does the OAuth core (PKCE, exact redirect_uri matching, single-use codes, id_token
// signing, refresh rotation); this module adds the SMART glue measured in
// docs/sandbox.md §5: `.well-known/smart-configuration`, the `launch`/`aud` parameters,
// launch context per grant, top-level `patient`/`need_patient_banner` in the token response,
// `fhirUser` in the id_token, and refresh tokens for `offline_access` and `online_access`.
// Spec: SMART App Launch IG 2.x (http://hl7.org/fhir/smart-app-launch/), sections "App Launch",
// "Scopes and Launch Context", "Conformance".
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Provider } from 'oidc-provider';
import { createMemoryAdapter } from './memory-adapter.mjs';
import { effectiveScope, profileScopes } from './profiles/capability.mjs';
import { FULL, PROFILES, profileById } from './profiles/table.mjs';

export const CLIENT_ID = 'therapy-navigator';
export const DEMO_USER = 'Practitioner/pract-demo';

/** Resource types with per-type SMART v2 read scopes and v1 read scopes. */
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
  'Encounter',
  'Practitioner',
  'DocumentReference',
];
/** Non-patient types a user-level read scope may name (SMART 2.x `user/…`): the user's own resource. */
const USER_READ_TYPES = ['Practitioner', 'PractitionerRole'];
/** Types the app may write (its recommendation trail). */
const WRITE_TYPES = ['Observation', 'GuidanceResponse', 'RiskAssessment', 'DetectedIssue', 'Provenance', 'DocumentReference'];

/**
 * Every scope the full server knows. oidc-provider drops scopes it does not list, and SMART v2 scopes
 * with query parameters cannot be listed in advance (notes §5), so the sandbox offers these only.
 */
export const SUPPORTED_SCOPES = [
  'openid',
  'fhirUser',
  'profile',
  'launch',
  'launch/patient',
  'launch/encounter',
  'offline_access',
  'online_access',
  'patient/*.rs',
  'patient/*.read',
  'patient/*.cruds',
  'patient/*.*',
  ...READ_TYPES.flatMap((t) => [`patient/${t}.rs`, `patient/${t}.r`, `patient/${t}.s`, `patient/${t}.read`]),
  ...WRITE_TYPES.flatMap((t) => [`patient/${t}.cruds`, `patient/${t}.c`, `patient/${t}.cu`, `patient/${t}.write`, `patient/${t}.rs`, `patient/${t}.read`]),
  // The signed-in user's resource (fhirUser) and the practitioner directory, not patient data.
  ...USER_READ_TYPES.flatMap((t) => [`user/${t}.rs`, `user/${t}.r`, `user/${t}.read`]),
].filter((s, i, all) => all.indexOf(s) === i);

/** What the authorization server accepts at all: the full server's scopes and every profile's (./profiles/). */
const ALL_SCOPES = [...SUPPORTED_SCOPES, ...PROFILES.flatMap((p) => profileScopes(p) ?? [])].filter((s, i, all) => all.indexOf(s) === i);

/** Capabilities advertised in smart-configuration (SMART App Launch 2.x §"Capabilities"). */
export const CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-standalone-patient',
  'permission-patient',
  'permission-v1',
  'permission-v2',
  'permission-offline',
  'permission-online',
  'sso-openid-connect',
];

/**
 * @typedef {{ patient?: string, encounter?: string, user: string, needPatientBanner: boolean, profile?: string, fhirContext?: unknown, appContext?: string }} LaunchContext
 *   `profile`: the server profile (./profiles/table.mjs) whose FHIR base the launch and its tokens belong to; absent = full
 * @typedef {{ context: LaunchContext, expiresAt: number, used: boolean }} LaunchRecord
 */

/**
 * Creates the authorization server. Nothing listens here: sandbox.mjs routes requests to
 * `provider.callback()` and to {@link createSmartAuth} interaction helpers.
 * @param {{
 *   issuer: string, fhirBaseUrl: string, redirectUris: string[],
 *   accessTokenTtl?: number, launchTtl?: number,
 * }} options ttls in seconds (defaults 3600 and 300)
 */
export function createSmartAuth({ issuer, fhirBaseUrl, redirectUris, accessTokenTtl = 3600, launchTtl = 300 }) {
  /** @type {Map<string, LaunchRecord>} */
  const launches = new Map();
  /** Launch context per grant id, so a refresh keeps the patient. @type {Map<string, LaunchContext>} */
  const contexts = new Map();

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'sandbox-rs256', use: 'sig', alg: 'RS256' };
  const allowedOrigins = new Set(redirectUris.map((u) => new URL(u).origin));

  const provider = new Provider(issuer, {
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'Therapy Navigator',
        token_endpoint_auth_method: 'none',
        redirect_uris: redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ALL_SCOPES,
    // fhirclient reads fhirUser from the id_token; with the code flow oidc-provider puts scope claims
    // into userinfo only unless conformIdTokenClaims is off (notes §5, observed).
    claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['name', 'given_name', 'family_name'] },
    conformIdTokenClaims: false,
    extraParams: ['launch', 'aud'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
    ttl: {
      // mintToken() passes a test token's own lifetime as `expiresIn` (not a typed AccessToken field).
      AccessToken: (_ctx, token) => ('expiresIn' in token && typeof token.expiresIn === 'number' ? token.expiresIn : accessTokenTtl),
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Interaction: 600,
      Session: 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    // SMART: `online_access` also yields a refresh token (App Launch 2.x §"Scopes for requesting a refresh token").
    issueRefreshToken: async (_ctx, client, source) =>
      client.grantTypeAllowed('refresh_token') && (source.scopes.has('offline_access') || source.scopes.has('online_access')),
    // Every authorization runs the interaction, so each launch gets its own grant and context.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
    // The profile claims match the seeded Practitioner (fixtures/gen/lib.mjs PRACTITIONER), which the app reads by fhirUser.
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, fhirUser: `${fhirBaseUrl}/${sub}`, name: 'Dr. Dana Demo', given_name: 'Dana', family_name: 'Demo' }),
    }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error</title></head><body><main><h1>Authorization error</h1><pre>${escapeHtml(JSON.stringify(out, null, 2))}</pre></main></body></html>`;
    },
  });
  provider.proxy = false;

  // oidc-provider drops `offline_access` unless prompt=consent was requested (lib/actions/authorization/scopes.js,
  // observed in notes §5). The sandbox consents on every authorization anyway, so it requests it itself.
  provider.use(async (ctx, next) => {
    if (ctx.path === '/auth' && ctx.method === 'GET' && /(^|\s)offline_access(\s|$)/.test(String(ctx.query.scope ?? '')) && !ctx.query.prompt) {
      ctx.query = { ...ctx.query, prompt: 'consent' };
    }
    await next();
    // SMART launch context as top-level token response fields (App Launch 2.x §"Launch context arrives with your access_token").
    if (ctx.oidc?.route === 'token' && ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
      const grant = ctx.oidc.entities.Grant;
      const context = grant ? contexts.get(grant.jti) : undefined;
      if (context?.patient) ctx.body.patient = context.patient;
      if (context?.encounter) ctx.body.encounter = context.encounter;
      if (context) ctx.body.need_patient_banner = context.needPatientBanner;
      // The scopes as the profile grants them (granular forms, types it does not offer dropped).
      if (typeof ctx.body.scope === 'string') ctx.body.scope = effectiveScope(profileById(context?.profile) ?? FULL, ctx.body.scope);
      ctx.body.smart_style_url = `${issuer}/smart-style.json`;
      // --- launch context: fhirContext / appContext passed through from the EHR launch (launchContextFrom) ---
      if (context?.fhirContext) ctx.body.fhirContext = context.fhirContext;
      if (context?.appContext !== undefined) ctx.body.appContext = context.appContext;
      // --- end launch context ---
    }
  });

  /**
   * Mints a single-use EHR launch id (SMART App Launch 2.x §"EHR Launch": opaque, bound to context).
   * @param {LaunchContext} context
   * @param {number} [ttlSeconds] defaults to the configured launch ttl
   */
  function mintLaunch(context, ttlSeconds = launchTtl) {
    const id = randomBytes(18).toString('base64url');
    launches.set(id, { context, expiresAt: Date.now() + ttlSeconds * 1000, used: false });
    return id;
  }

  /**
   * Consumes a launch id: returns its context, or an error description (unknown, reused, expired).
   * @param {string} id
   * @returns {{ context: LaunchContext } | { error: string }}
   */
  function consumeLaunch(id) {
    const rec = launches.get(id);
    if (!rec) return { error: `Unknown launch id "${id}": start the app again from the EHR.` };
    if (rec.used) return { error: 'This launch id was already used (launch ids are single-use): start the app again from the EHR.' };
    rec.used = true;
    if (Date.now() > rec.expiresAt) return { error: `This launch id expired (launch ids are valid for ${launchTtl} s): start the app again from the EHR.` };
    return { context: rec.context };
  }

  /**
   * The server profile whose FHIR base the `aud` parameter names (App Launch 2.x §"Obtain authorization
   * code": aud must name the FHIR server), or undefined.
   * @param {unknown} aud
   */
  function profileOfAud(aud) {
    if (typeof aud !== 'string') return undefined;
    const base = aud.replace(/\/+$/, '');
    if (base === fhirBaseUrl) return FULL;
    return PROFILES.find((p) => `${issuer}${p.basePath}` === base);
  }

  /**
   * Checks the `aud` parameter: it must name one of this sandbox's FHIR bases.
   * @param {unknown} aud
   */
  function audIsValid(aud) {
    return profileOfAud(aud) !== undefined;
  }

  /**
   * Creates a grant for the demo user with `scope` and stores its launch context.
   * @param {string} clientId
   * @param {string} scope
   * @param {LaunchContext} context
   * @returns {Promise<string>} the grant id
   */
  async function saveGrant(clientId, scope, context) {
    const grant = new provider.Grant({ accountId: context.user, clientId });
    grant.addOIDCScope(scope);
    const grantId = await grant.save();
    contexts.set(grantId, context);
    return grantId;
  }

  /**
   * Issues a real access token without the browser flow (tests, seeding). Stored in the provider,
   * so the FHIR side validates it exactly like one from the token endpoint.
   * @param {{ patient?: string, scope: string, ttl?: number, profile?: string, encounter?: string }} request `profile`: the
   *   server profile the token is for (default full); `scope` is then reduced to the profile's forms
   * @returns {Promise<{ access_token: string, token_type: 'Bearer', expires_in: number, scope: string, patient?: string }>}
   */
  async function mintToken({ patient, scope, ttl, profile, encounter }) {
    const client = await provider.Client.find(CLIENT_ID);
    if (!client) throw new Error('client not registered');
    const known = profileById(profile);
    if (!known) throw new Error(`unknown server profile "${profile}"`);
    /** @type {LaunchContext} */
    const context = { patient, user: DEMO_USER, needPatientBanner: true, profile: known.id, ...(encounter ? { encounter } : {}) };
    const grantId = await saveGrant(CLIENT_ID, scope, context);
    const at = new provider.AccessToken({ accountId: DEMO_USER, client, grantId, scope, gty: 'authorization_code', ...(ttl ? { expiresIn: ttl } : {}) });
    const accessToken = await at.save();
    return { access_token: accessToken, token_type: 'Bearer', expires_in: at.expiration, scope: effectiveScope(known, scope), ...(patient ? { patient } : {}) };
  }

  /**
   * Resolves a bearer token to its scope and launch context; undefined when unknown or expired.
   * @param {string} token
   * @returns {Promise<{ scope: string, context: LaunchContext | undefined, clientId: string } | undefined>}
   */
  async function verifyAccessToken(token) {
    const at = await provider.AccessToken.find(token);
    // find() does not check expiry; oidc-provider's own resource endpoints test isValid as well.
    if (!at || !at.isValid || !at.grantId || !at.clientId) return undefined;
    const context = contexts.get(at.grantId);
    return { scope: effectiveScope(profileById(context?.profile) ?? FULL, at.scope ?? ''), context, clientId: at.clientId };
  }

  /**
   * The discovery document at `[fhir base]/.well-known/smart-configuration` (App Launch 2.x §"Conformance"),
   * for the full server or a profile (its scopes and capabilities; one authorization server for all).
   * @param {import('./profiles/table.mjs').ServerProfile} [profile]
   * @returns {{ authorization_endpoint: string, token_endpoint: string } & Record<string, unknown>}
   */
  function smartConfiguration(profile = FULL) {
    return {
      issuer,
      jwks_uri: `${issuer}/jwks`,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      revocation_endpoint: `${issuer}/token/revocation`,
      userinfo_endpoint: `${issuer}/me`,
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: profileScopes(profile) ?? SUPPORTED_SCOPES,
      code_challenge_methods_supported: ['S256'],
      capabilities: [...CAPABILITIES, ...profile.extraCapabilities],
    };
  }

  return { provider, mintLaunch, consumeLaunch, audIsValid, profileOfAud, saveGrant, mintToken, verifyAccessToken, smartConfiguration, contexts };
}

/**
 * The SMART 2.x `fhirContext` / `appContext` an EHR launch passes to the app, from the demo EHR's
 * launch URL (`/ehr/launch?...&appContext=<string>&fhirContext=<JSON array>`). Both go to the token
 * response unchanged, as an EHR passes them through: the app must cope with whatever arrives (a
 * fhirContext that is not JSON is sent as the raw string, so tests can send malformed ones too).
 * @param {URLSearchParams} params
 * @returns {{ fhirContext?: unknown, appContext?: string }}
 */
export function launchContextFrom(params) {
  /** @type {{ fhirContext?: unknown, appContext?: string }} */
  const out = {};
  const app = params.get('appContext');
  if (app !== null) out.appContext = app;
  const fhir = params.get('fhirContext');
  if (fhir !== null) {
    try {
      out.fhirContext = JSON.parse(fhir);
    } catch {
      out.fhirContext = fhir;
    }
  }
  return out;
}

/**
 * Escapes text for HTML element and attribute content.
 * @param {unknown} s
 */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
