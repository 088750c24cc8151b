// What a server profile refuses, read from the same table as its CapabilityStatement (./table.mjs):
// resource types it does not offer, interactions it does not list, search parameters and includes it
// does not list, transaction Bundles where only batch is offered, and writes without the launch encounter.
// Pure functions; the gateway (../fhir-gateway.mjs) calls them after the SMART scope checks.
import { outcome } from '../fhir-server.mjs';

/** @typedef {import('./table.mjs').ServerProfile} ServerProfile */
/** @typedef {import('../fhir-server.mjs').FhirResult} FhirResult */

/**
 * Paging parameters the server writes into its own `next`/`previous` links (fhir-server.mjs decorate):
 * a client follows those links as given (FHIR R4 http.html §3.1.0.11 "paging"), so they are never refused.
 */
const PAGING = new Set(['_offset']);

/** SMART permission to the CapabilityStatement interaction it needs. */
const INTERACTION = /** @type {const} */ ({ s: 'search-type', r: 'read', c: 'create', u: 'update', d: 'delete' });

/**
 * Refuses a call the profile does not offer; may also edit `params` (an unlisted `_count` is dropped:
 * FHIR R4 search.html §3.1.1.5.7 lets a server return fewer or more than asked, so it is ignored, not refused).
 * @param {ServerProfile} profile
 * @param {{ type: string, perm: 'c' | 'r' | 'u' | 'd' | 's', params: URLSearchParams }} call
 * @returns {FhirResult | undefined}
 */
export function refuseUnoffered(profile, { type, perm, params }) {
  if (!profile.enforced) return undefined;
  const rule = profile.resources[type];
  if (!rule) {
    // FHIR R4 http.html (create, search): "404 Not Found - resource type not supported".
    return { status: 404, body: outcome('not-supported', `This server does not offer the resource type ${type} (see its CapabilityStatement at /metadata).`) };
  }
  const interaction = INTERACTION[perm];
  if (!rule.interactions.includes(interaction)) {
    return { status: 405, body: outcome('not-supported', `This server does not offer the "${interaction}" interaction on ${type} (see /metadata).`) };
  }
  if (perm !== 's' || !rule.searchParams) return checkIncludes(rule, type, params);
  for (const name of new Set(params.keys())) {
    const code = name.split(/[:.]/, 1)[0] ?? name;
    if (PAGING.has(code) || rule.searchParams.includes(code)) continue;
    if (code === '_count') {
      params.delete(name);
      continue;
    }
    return { status: 400, body: outcome('not-supported', `The search parameter "${name}" is not supported for ${type} by this server (see /metadata).`) };
  }
  return checkIncludes(rule, type, params);
}

/**
 * `_include`/`_revinclude` values must be listed (searchInclude/searchRevInclude, or `*`).
 * @param {import('./table.mjs').ResourceRule} rule
 * @param {string} type
 * @param {URLSearchParams} params
 * @returns {FhirResult | undefined}
 */
function checkIncludes(rule, type, params) {
  for (const [key, listed] of /** @type {const} */ ([
    ['_include', rule.includes ?? []],
    ['_revinclude', rule.revincludes ?? []],
  ])) {
    for (const value of params.getAll(key)) {
      if (listed.includes('*') || listed.includes(value)) continue;
      return { status: 400, body: outcome('not-supported', `${key}=${value} is not supported for ${type} by this server (see /metadata).`) };
    }
  }
  return undefined;
}

/**
 * A Bundle posted to the base: its type must be one the profile lists (rest.interaction).
 * @param {ServerProfile} profile
 * @param {string} bundleType `batch` or `transaction`
 * @returns {FhirResult | undefined}
 */
export function refuseBundleType(profile, bundleType) {
  if (!profile.enforced || profile.system.includes(bundleType)) return undefined;
  const offered = profile.system.length ? `it offers ${profile.system.join(' and ')}` : 'it offers neither batch nor transaction';
  return { status: 400, body: outcome('not-supported', `This server does not accept ${bundleType} Bundles; ${offered} (see /metadata).`) };
}

/**
 * Writes the profile files by encounter must reference the launch's encounter (ISiK Dokumentenaustausch:
 * patient and encounter context before a document is provided). 422: FHIR R4 http.html, "the proposed
 * resource violated applicable FHIR profiles or server business rules".
 * @param {ServerProfile} profile
 * @param {{ type: string, perm: string, resource: any, encounter: string | undefined }} call
 * @returns {FhirResult | undefined}
 */
export function refuseWithoutEncounter(profile, { type, perm, resource, encounter }) {
  const path = profile.writeNeedsEncounter[type];
  if (!path || (perm !== 'c' && perm !== 'u')) return undefined;
  const refs = referencesAt(resource, path);
  if (!encounter) {
    return {
      status: 422,
      body: outcome('invalid', `A ${type} needs encounter context (${path}), and this access token has no encounter: launch the app from a case.`),
    };
  }
  if (refs.length === 0) {
    return {
      status: 422,
      body: outcome(
        'invalid',
        `A ${type} must reference the encounter it was written in: ${path} = Encounter/${encounter} (the launch's encounter) is missing.`,
      ),
    };
  }
  if (!refs.every((r) => r === `Encounter/${encounter}` || r.endsWith(`/Encounter/${encounter}`))) {
    return { status: 422, body: outcome('invalid', `${type}.${path} names ${refs.join(', ')}, not the launch's encounter Encounter/${encounter}.`) };
  }
  return undefined;
}

/**
 * The reference strings at a dotted element path (`context.encounter`), arrays flattened.
 * @param {any} resource
 * @param {string} path
 * @returns {string[]}
 */
export function referencesAt(resource, path) {
  /** @type {any[]} */
  let nodes = [resource];
  for (const step of path.split('.')) nodes = nodes.flatMap((n) => (n && typeof n === 'object' ? [n[step]].flat() : [])).filter((n) => n !== undefined);
  return nodes.map((n) => n?.reference).filter((r) => typeof r === 'string');
}
