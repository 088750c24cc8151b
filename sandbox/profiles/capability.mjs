// What a profile says about itself, generated from its table (./table.mjs): the CapabilityStatement at
// [base]/metadata, the scopes and capabilities of [base]/.well-known/smart-configuration, and the scopes a
// token actually carries on that base. The enforcement (./enforce.mjs) reads the same table.
import '../ws-shim.mjs';
import { getSearchParameters } from '@medplum/core';
import { buildCapabilityStatement } from '../fhir-server.mjs';

/** @typedef {import('./table.mjs').ServerProfile} ServerProfile */

/** Launch, identity and refresh scopes every profile offers (SMART App Launch 2.x §"Scopes and Launch Context"). */
const COMMON_SCOPES = ['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'launch/encounter', 'offline_access', 'online_access'];

/**
 * The search parameters a profile lists for a type: the table's list, or every FHIR R4 parameter of the type.
 * @param {import('./table.mjs').ResourceRule} rule
 * @param {string} type
 * @returns {Array<{ name: string, type: string }>}
 */
export function listedSearchParams(rule, type) {
  const all = Object.values(getSearchParameters(type) ?? {}).map((sp) => ({ name: sp.code ?? '', type: sp.type ?? 'token' }));
  if (!rule.searchParams) return all;
  return rule.searchParams.map((name) => ({ name, type: all.find((p) => p.name === name)?.type ?? (name === '_count' ? 'number' : 'token') }));
}

/**
 * The CapabilityStatement of a profile (FHIR R4 capabilitystatement.html). The full server keeps the
 * statement of fhir-server.mjs unchanged.
 * @param {ServerProfile} profile
 * @param {{ authorizeUrl: string, tokenUrl: string }} oauth
 * @returns {import('fhir/r4').CapabilityStatement}
 */
export function profileCapabilityStatement(profile, oauth) {
  const base = buildCapabilityStatement(oauth);
  if (!profile.enforced) return base;
  const rest = base.rest?.[0];
  return {
    ...base,
    software: { name: `Therapy Navigator demo EHR: ${profile.title}` },
    description: `Sandbox profile modelled on published documents (${profile.sources.map((s) => s.url).join('; ')}), not the vendor's server.`,
    rest: [
      {
        mode: 'server',
        ...(rest?.security ? { security: rest.security } : {}),
        resource: Object.entries(profile.resources).map(([type, rule]) => ({
          type: /** @type {any} */ (type),
          interaction: rule.interactions.map((code) => ({ code: /** @type {any} */ (code) })),
          searchParam: listedSearchParams(rule, type).map((p) => ({ name: p.name, type: /** @type {any} */ (p.type) })),
          ...(rule.includes ? { searchInclude: rule.includes } : {}),
          ...(rule.revincludes ? { searchRevInclude: rule.revincludes } : {}),
        })),
        interaction: profile.system.map((code) => ({ code: /** @type {any} */ (code) })),
      },
    ],
  };
}

/**
 * The scopes a profile offers (smart-configuration `scopes_supported`); undefined for the full server,
 * which keeps the authorization server's own list.
 * @param {ServerProfile} profile
 * @returns {string[] | undefined}
 */
export function profileScopes(profile) {
  if (!profile.enforced) return undefined;
  const perType = Object.keys(profile.resources).flatMap((t) => profile.scopeForms(t));
  const granular = Object.values(profile.grantAs).flat();
  return [...COMMON_SCOPES, ...perType, ...granular, 'user/Practitioner.rs', 'user/Practitioner.read'].filter((s, i, all) => all.indexOf(s) === i);
}

/**
 * The scopes a token carries on this profile's base: what the authorization server granted, reduced to
 * the forms the profile offers, with requested forms it grants differently (granular v2) replaced.
 * The token response and the FHIR enforcement both use this, so they cannot disagree.
 * @param {ServerProfile} profile
 * @param {string} granted space-separated scope of the access token
 */
export function effectiveScope(profile, granted) {
  const offered = profileScopes(profile);
  if (!offered) return granted;
  const out = granted
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((s) => profile.grantAs[s] ?? (offered.includes(s) ? [s] : []));
  return out.filter((s, i, all) => all.indexOf(s) === i).join(' ');
}
