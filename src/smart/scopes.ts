/**
 * Reading the scopes a SMART token grants (SMART App Launch 2.x, "Scopes and Launch Context"): v1
 * clinical scopes (`patient/Observation.write`, `user/*.*`, `.read`) and v2 (`patient/Observation.c`,
 * `user/DocumentReference.cu`, `patient/*.cruds`), for the `patient/`, `user/` and `system/` contexts,
 * including v2 granular scopes restricted by a search query (`patient/Observation.c?category=
 * http://terminology.hl7.org/CodeSystem/observation-category|survey`, SMART 2.x "Finer-grained resource
 * constraints using search parameters").
 *
 * The question the app asks is "may I create this resource?": a restricted scope allows the create only
 * when the resource matches its query. The only query the app can check is `category` (token search:
 * `system|code`, `code`, or `system|`; comma-separated values are alternatives); a scope restricted by
 * any other parameter is not counted for create (the app cannot tell whether its resource matches, and a
 * refused write is worse than a hidden button). Permissions follow the spec's fixed order c, r, u, d, s.
 */

/** A permission of SMART v2 (create, read, update, delete, search). */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

/** One clinical scope, parsed. */
export interface ClinicalScope {
  raw: string;
  context: 'patient' | 'user' | 'system';
  /** A resource type, or `*` for all. */
  resourceType: string;
  syntax: 'v1' | 'v2';
  permissions: ReadonlySet<Permission>;
  /** The granular query's parameters (decoded), empty for an unrestricted scope. */
  query: ReadonlyArray<readonly [string, string]>;
}

/** A category of the resource to create (FHIR Coding-like: system and code). */
export interface CategoryToken {
  system?: string;
  code: string;
}

const ALL: ReadonlySet<Permission> = new Set<Permission>(['c', 'r', 'u', 'd', 's']);
const V1: Readonly<Record<string, ReadonlySet<Permission>>> = {
  read: new Set<Permission>(['r', 's']),
  write: new Set<Permission>(['c', 'u', 'd']),
  '*': ALL,
};

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** One scope string to a clinical scope; undefined for `openid`, `launch/patient`, `fhirUser` or a malformed scope. */
export function parseScope(raw: string): ClinicalScope | undefined {
  const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(?:\?(.*))?$/.exec(raw.trim());
  if (!m) return undefined;
  const [, context, resourceType, perm, q] = m as unknown as [string, ClinicalScope['context'], string, string, string | undefined];
  let permissions: ReadonlySet<Permission>;
  let syntax: ClinicalScope['syntax'];
  const v1 = V1[perm];
  if (v1) {
    permissions = v1;
    syntax = 'v1';
  } else if (/^c?r?u?d?s?$/.test(perm)) {
    permissions = new Set(perm.split('') as Permission[]);
    syntax = 'v2';
  } else return undefined;
  // A query is v2 only; on a v1 scope it is malformed.
  if (q !== undefined && syntax === 'v1') return undefined;
  const query: Array<readonly [string, string]> = [];
  for (const part of (q ?? '').split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    query.push(at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))]);
  }
  return { raw, context, resourceType, syntax, permissions, query };
}

/** Every clinical scope of a granted scope string (space-separated; others ignored). */
export function parseScopes(granted: string): ClinicalScope[] {
  return granted
    .split(/\s+/)
    .map(parseScope)
    .filter((s): s is ClinicalScope => s !== undefined);
}

/** Does one `category` token search value match the category? (FHIR token search: `system|code`, `code`, `system|`, `|code`.) */
function tokenMatches(value: string, cat: CategoryToken): boolean {
  const bar = value.indexOf('|');
  if (bar < 0) return value === cat.code;
  const system = value.slice(0, bar);
  const code = value.slice(bar + 1);
  if (code === '') return system === cat.system;
  if (system === '') return cat.system === undefined && code === cat.code;
  return system === cat.system && code === cat.code;
}

/** Does a scope's query admit a resource of these categories? Only `category` can be checked. */
function queryAdmits(scope: ClinicalScope, categories: readonly CategoryToken[]): boolean {
  if (scope.query.length === 0) return true;
  // Several parameters are ANDed; each must be a category and match one of the resource's categories.
  return scope.query.every(([name, value]) => name === 'category' && value.split(',').some((v) => categories.some((c) => tokenMatches(v, c))));
}

/**
 * May the granted scopes create a resource of `resourceType` with these categories? Without `categories`
 * only unrestricted scopes count (a `?category=` scope allows just the resources of that category).
 * @param granted the token's `scope` string, or scopes parsed by {@link parseScopes}
 */
export function scopesAllowCreate(granted: string | readonly ClinicalScope[], resourceType: string, categories: readonly CategoryToken[] = []): boolean {
  const scopes = typeof granted === 'string' ? parseScopes(granted) : granted;
  return scopes.some((s) => (s.resourceType === resourceType || s.resourceType === '*') && s.permissions.has('c') && queryAdmits(s, categories));
}

/**
 * May the scopes create resources of this type for EVERY one of these categories (e.g. the entered items
 * are written as `survey` and `exam` Observations: both must be allowed)?
 */
export function scopesAllowCreateAll(granted: string | readonly ClinicalScope[], resourceType: string, categories: readonly CategoryToken[]): boolean {
  const scopes = typeof granted === 'string' ? parseScopes(granted) : granted;
  return categories.length === 0 ? scopesAllowCreate(scopes, resourceType) : categories.every((c) => scopesAllowCreate(scopes, resourceType, [c]));
}
