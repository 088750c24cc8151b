// The FHIR API as the demo EHR exposes it: public metadata and smart-configuration, and for every
// data request a bearer access token (401 otherwise), SMART scopes and the patient compartment
// (403 otherwise), unknown search parameters refused (400), includes outside the compartment dropped.
// Enforcement rules: ./access-policy.mjs. Token checks: oidc-provider in process (notes §5).
import {
  classifyRequest,
  inPatientCompartment,
  isCompartmentType,
  missingScopeName,
  parseResourceScopes,
  scopeAllows,
  searchConstrainedToPatient,
} from './access-policy.mjs';
import { findUnknownSearchParam, outcome } from './fhir-server.mjs';
import { profileCapabilityStatement } from './profiles/capability.mjs';
import { refuseBundleType, refuseUnoffered, refuseWithoutEncounter } from './profiles/enforce.mjs';
import { FULL } from './profiles/table.mjs';

/** @typedef {import('./fhir-server.mjs').FhirResult} FhirResult */
/** @typedef {import('./access-policy.mjs').ResourceScope} ResourceScope */
/** @typedef {{ scopes: ResourceScope[], patient: string | undefined, encounter: string | undefined }} Access */
/** @typedef {{ method: string, path: string, params: URLSearchParams, resource?: any }} FhirCall */

/**
 * @param {{
 *   store: ReturnType<typeof import('./fhir-server.mjs').createFhirStore>,
 *   auth: ReturnType<typeof import('./smart-auth.mjs').createSmartAuth>,
 *   fhirBaseUrl: string,
 *   profile?: import('./profiles/table.mjs').ServerProfile,
 *   storeBaseUrl?: string,
 * }} deps `profile`: the EHR shape this base serves (default: the full server); `storeBaseUrl`: the base
 *   the store writes into fullUrls and paging links, rewritten to `fhirBaseUrl` in answers
 */
export function createFhirGateway({ store, auth, fhirBaseUrl, profile = FULL, storeBaseUrl = fhirBaseUrl }) {
  const smartConfiguration = auth.smartConfiguration(profile);
  const capability = profileCapabilityStatement(profile, {
    authorizeUrl: smartConfiguration.authorization_endpoint,
    tokenUrl: smartConfiguration.token_endpoint,
  });

  /**
   * Handles one HTTP request below the FHIR base.
   * @param {{ method: string, path: string, search: string, authorization: string | undefined, contentType: string, rawBody: string }} req
   *   `path` is relative to the FHIR base, without a leading slash
   * @returns {Promise<FhirResult & { headers?: Record<string, string> }>}
   */
  async function handle({ method, path, search, authorization, contentType, rawBody }) {
    if (method === 'GET' && path === '.well-known/smart-configuration') return { status: 200, body: smartConfiguration };
    if (method === 'GET' && path === 'metadata') return { status: 200, body: capability };

    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const verified = token ? await auth.verifyAccessToken(token) : undefined;
    if (!verified) {
      const error = token ? ', error="invalid_token", error_description="The access token is unknown or expired"' : '';
      return {
        status: 401,
        body: outcome(
          token ? 'expired' : 'login',
          token ? 'The access token is unknown or expired: authorize again.' : 'Missing bearer access token (SMART on FHIR authorization required).',
        ),
        headers: { 'WWW-Authenticate': `Bearer realm="${fhirBaseUrl}"${error}` },
      };
    }
    const issuedFor = verified.context?.profile ?? FULL.id;
    if (issuedFor !== profile.id) {
      return {
        status: 401,
        body: outcome('expired', `This access token was issued for another FHIR server of this EHR (${issuedFor}), not for ${fhirBaseUrl}: authorize again.`),
        headers: {
          'WWW-Authenticate': `Bearer realm="${fhirBaseUrl}", error="invalid_token", error_description="The access token was issued for another FHIR base"`,
        },
      };
    }
    /** @type {Access} */
    const access = { scopes: parseResourceScopes(verified.scope), patient: verified.context?.patient, encounter: verified.context?.encounter };

    let body;
    let params = new URLSearchParams(search);
    let callPath = path.replace(/\/+$/, '');
    let callMethod = method;
    if (rawBody && /x-www-form-urlencoded/.test(contentType)) {
      // FHIR R4 §3.1.0.8 search via POST: `Type/_search` with a form body equals the GET search.
      if (method !== 'POST' || !/^[A-Z][A-Za-z]+\/_search$/.test(callPath))
        return { status: 415, body: outcome('not-supported', 'Form bodies are accepted only for POST [type]/_search.') };
      for (const [k, v] of new URLSearchParams(rawBody)) params.append(k, v);
    } else if (rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return { status: 400, body: outcome('invalid', 'The request body is not valid JSON.') };
      }
    }
    if (callMethod === 'POST' && callPath.endsWith('/_search')) {
      callMethod = 'GET';
      callPath = callPath.slice(0, -'/_search'.length);
    }

    if (callPath === '' && callMethod === 'POST') {
      if (body?.resourceType !== 'Bundle' || !['batch', 'transaction'].includes(body.type)) {
        return { status: 400, body: outcome('invalid', 'POST to the FHIR base takes a batch or transaction Bundle.') };
      }
      const refused = refuseBundleType(profile, body.type);
      if (refused) return refused;
      for (const entry of body.entry ?? []) {
        const url = new URL(entry.request?.url ?? '', 'http://x/');
        const denied = await check(access, {
          method: entry.request?.method ?? 'GET',
          path: url.pathname.slice(1),
          params: url.searchParams,
          resource: entry.resource,
        });
        if (denied) return denied;
        // the profile may have dropped an unlisted _count
        if (entry.request?.url && url.search !== new URL(entry.request.url, 'http://x/').search) entry.request.url = url.pathname.slice(1) + url.search;
      }
    } else {
      const denied = await check(access, { method: callMethod, path: callPath, params, resource: body });
      if (denied) return denied;
    }

    const qs = params.toString();
    const result = await store.fhir(callMethod, callPath + (qs ? `?${qs}` : ''), body);
    const r = result.body;
    if (result.status < 300 && r?.resourceType && r.resourceType !== 'Bundle' && r.resourceType !== 'OperationOutcome') {
      if (access.patient === undefined ? isCompartmentType(r.resourceType) : !inPatientCompartment(r, access.patient)) {
        return forbidden(`${r.resourceType}/${r.id} is outside the patient compartment of this access token.`);
      }
    }
    if (r?.resourceType === 'Bundle') {
      filterBundle(r, access);
      if (storeBaseUrl !== fhirBaseUrl) rebase(r, storeBaseUrl, fhirBaseUrl);
    }
    /** @type {Record<string, string>} */
    const headers = {};
    if (result.status === 201 && r?.id) headers.Location = `${fhirBaseUrl}/${r.resourceType}/${r.id}/_history/${r.meta?.versionId ?? '1'}`;
    return { ...result, headers };
  }

  /**
   * Returns a 400/403 result when `call` is not allowed for `access`, else undefined.
   * @param {Access} access
   * @param {FhirCall} call
   * @returns {Promise<FhirResult | undefined>}
   */
  async function check(access, { method, path, params, resource }) {
    const cls = classifyRequest(method, path);
    if (!cls) return forbidden(`System-level interaction "${method} ${path || '/'}" is not available to patient-scoped tokens.`);
    const { type, id, perm } = cls;
    const unoffered = refuseUnoffered(profile, { type, perm, params });
    if (unoffered) return unoffered;
    if (!scopeAllows(access.scopes, type, perm, resource)) {
      let verb = 'writing';
      if (perm === 's') verb = 'searching';
      else if (perm === 'r') verb = 'reading';
      return forbidden(`The access token lacks a scope for ${verb} ${type}: needs ${missingScopeName(type, perm)}.`);
    }
    if (perm === 's') {
      const unknown = findUnknownSearchParam(type, params);
      if (unknown) return { status: 400, body: outcome('invalid', `Unknown search parameter "${unknown}" for ${type}.`) };
    }
    if (!isCompartmentType(type)) return undefined;
    const patient = access.patient;
    if (!patient) return forbidden(`The access token has no patient in context, so ${type} data is not available.`);
    if (perm === 's') {
      return searchConstrainedToPatient(type, params, patient)
        ? undefined
        : forbidden(`A ${type} search must be limited to the patient in context (${type === 'Patient' ? '_id' : 'patient'}=${patient}).`);
    }
    if (type === 'Patient' && id && id !== patient) return forbidden(`Patient/${id} is not the patient in context (Patient/${patient}).`);
    if ((perm === 'c' || perm === 'u') && (!resource || !inPatientCompartment(resource, patient))) {
      return forbidden(`A ${type} written with this token must belong to Patient/${patient}.`);
    }
    if ((perm === 'u' || perm === 'd') && id) {
      const existing = await store.fhir('GET', `${type}/${id}`);
      if (existing.status === 200 && !inPatientCompartment(existing.body, patient))
        return forbidden(`${type}/${id} is outside the patient compartment of this access token.`);
    }
    return refuseWithoutEncounter(profile, { type, perm, resource, encounter: access.encounter });
  }

  return { handle };
}

/**
 * Drops entries the token may not see (type not granted, or outside the compartment), also inside
 * nested batch-response bundles. Matches cannot leak (searches are pinned to the patient); this
 * mostly removes `_include`/`_revinclude` entries.
 * @param {any} bundle
 * @param {Access} access
 */
export function filterBundle(bundle, access) {
  if (!Array.isArray(bundle.entry)) return;
  // A transaction/batch response keeps one entry per request (FHIR R4 http.html §3.1.0.11): a
  // resource the token may not read loses its body, never its `response` (status, location).
  if (bundle.type === 'transaction-response' || bundle.type === 'batch-response') {
    for (const e of bundle.entry) {
      if (e.resource && e.resource.resourceType !== 'Bundle' && e.resource.resourceType !== 'OperationOutcome') {
        const keep = { ...bundle, type: 'searchset', entry: [{ resource: e.resource }] };
        filterBundle(keep, access);
        if (keep.entry.length === 0) delete e.resource;
      } else if (e.resource?.resourceType === 'Bundle') filterBundle(e.resource, access);
    }
    return;
  }
  bundle.entry = bundle.entry.filter((/** @type {any} */ e) => {
    const res = e.resource;
    if (!res?.resourceType) return true;
    if (res.resourceType === 'Bundle') {
      filterBundle(res, access);
      return true;
    }
    if (res.resourceType === 'OperationOutcome') return true;
    const typeOk = scopeAllows(access.scopes, res.resourceType, 'r') || scopeAllows(access.scopes, res.resourceType, 's');
    const compartmentOk = access.patient ? inPatientCompartment(res, access.patient) : !isCompartmentType(res.resourceType);
    return typeOk && compartmentOk;
  });
}

/**
 * Rewrites the store's base in a Bundle's links and fullUrls (nested Bundles too) to the base the
 * client called, so paging stays on the profile's base.
 * @param {any} bundle
 * @param {string} from
 * @param {string} to
 */
export function rebase(bundle, from, to) {
  const swap = (/** @type {unknown} */ u) => (typeof u === 'string' && u.startsWith(`${from}/`) ? to + u.slice(from.length) : u);
  for (const l of bundle.link ?? []) l.url = swap(l.url);
  for (const e of bundle.entry ?? []) {
    if (e.fullUrl) e.fullUrl = swap(e.fullUrl);
    if (e.response?.location) e.response.location = swap(e.response.location);
    if (e.resource?.resourceType === 'Bundle') rebase(e.resource, from, to);
  }
}

/**
 * A 403 with an OperationOutcome (issue type `forbidden`).
 * @param {string} text
 * @returns {FhirResult}
 */
function forbidden(text) {
  return { status: 403, body: outcome('forbidden', text) };
}
