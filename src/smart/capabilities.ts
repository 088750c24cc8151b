/**
 * What a FHIR server says it supports: its CapabilityStatement (`GET [base]/metadata`, FHIR R4
 * capabilitystatement.html), reduced to the facts the read plan and the write-back need. Read once per
 * launch and cached per server (the statement changes with server releases, not between patients).
 *
 * A server that does not answer `/metadata` with a readable CapabilityStatement is not treated as
 * supporting nothing: the app then plans as before (every type, parameter and interaction assumed) and
 * says so (`source: 'unavailable'` with the reason), because refusing to read would hide the record.
 */
import type { CapabilityStatement } from 'fhir/r4';

/** What the server declares for one resource type (CapabilityStatement.rest.resource). */
export interface ResourceCapability {
  /** Type-level and instance-level interactions: `read`, `search-type`, `create`, ... */
  interactions: ReadonlySet<string>;
  /** Search parameter names (`patient`, `code`, `date`, `_count`, ...). Empty: none listed. */
  searchParams: ReadonlySet<string>;
  /** `_include` values (`MedicationRequest:medication`); `*` when the server lists a wildcard. */
  searchIncludes: ReadonlySet<string>;
  /** CapabilityStatement.rest.resource.conditionalCreate (`ifNoneExist`), false when absent. */
  conditionalCreate: boolean;
}

/** The facts of one server's CapabilityStatement the app uses. */
export interface ServerCapabilities {
  /** `metadata`: read from the server; `unavailable`: no readable statement, everything assumed (see `reason`). */
  source: 'metadata' | 'unavailable';
  /** Why no statement could be used (`source: 'unavailable'`), in words for the data-provenance panel. */
  reason?: string;
  /** CapabilityStatement.software.name and version, or implementation.description, if given. */
  software?: string;
  fhirVersion?: string;
  /** System-level interactions (rest.interaction): `transaction`, `batch`, `search-system`, ... */
  systemInteractions: ReadonlySet<string>;
  /** Resource types the server lists, with what it declares for each. */
  resources: ReadonlyMap<string, ResourceCapability>;
}

const strings = (values: readonly (string | undefined)[] | undefined): Set<string> =>
  new Set((values ?? []).filter((v): v is string => typeof v === 'string' && v !== ''));

/**
 * Reduces a CapabilityStatement to {@link ServerCapabilities}. Only the first `rest` entry with mode
 * `server` is read (a server statement has one; FHIR R4 cpb-? invariants allow one per mode).
 * Anything that is not a CapabilityStatement gives `source: 'unavailable'` with the reason.
 */
export function parseCapabilityStatement(json: unknown): ServerCapabilities {
  const statement = json as Partial<CapabilityStatement> | null;
  if (!statement || typeof statement !== 'object' || statement.resourceType !== 'CapabilityStatement') {
    return unavailableCapabilities('the server did not answer /metadata with a CapabilityStatement');
  }
  const rest = (statement.rest ?? []).find((r) => r?.mode === 'server');
  if (!rest) return unavailableCapabilities('the CapabilityStatement has no server (rest mode "server") part');
  const resources = new Map<string, ResourceCapability>();
  for (const r of rest.resource ?? []) {
    if (!r || typeof r.type !== 'string') continue;
    resources.set(r.type, {
      interactions: strings((r.interaction ?? []).map((i) => i?.code)),
      searchParams: strings((r.searchParam ?? []).map((p) => p?.name)),
      searchIncludes: strings(r.searchInclude),
      conditionalCreate: r.conditionalCreate === true,
    });
  }
  const software = [statement.software?.name, statement.software?.version].filter(Boolean).join(' ') || statement.implementation?.description;
  return {
    source: 'metadata',
    ...(software ? { software } : {}),
    ...(typeof statement.fhirVersion === 'string' ? { fhirVersion: statement.fhirVersion } : {}),
    systemInteractions: strings((rest.interaction ?? []).map((i) => i?.code)),
    resources,
  };
}

/** No usable statement: the app plans as if everything were supported and reports `reason`. */
export function unavailableCapabilities(reason: string): ServerCapabilities {
  return { source: 'unavailable', reason, systemInteractions: new Set(), resources: new Map() };
}

/** The server offers this resource type (always true without a statement). */
export function offersType(caps: ServerCapabilities, resourceType: string): boolean {
  return caps.source === 'unavailable' || caps.resources.has(resourceType);
}

/**
 * The server offers this interaction on the type (`search-type`, `read`, `create`, ...). Always true
 * without a statement. A listed type with no interactions listed is taken as offering none of them.
 */
export function offersInteraction(caps: ServerCapabilities, resourceType: string, interaction: string): boolean {
  if (caps.source === 'unavailable') return true;
  return caps.resources.get(resourceType)?.interactions.has(interaction) ?? false;
}

/**
 * The server lists this search parameter for the type. Always true without a statement, and true when
 * the type lists no search parameters at all (many statements omit them; the search result's warnings
 * still say when a parameter was ignored).
 */
export function offersSearchParam(caps: ServerCapabilities, resourceType: string, name: string): boolean {
  if (caps.source === 'unavailable') return true;
  const resource = caps.resources.get(resourceType);
  if (!resource) return false;
  return resource.searchParams.size === 0 || resource.searchParams.has(name);
}

/** The server lists this `_include` (or `*`) for the type. Always true without a statement. */
export function offersInclude(caps: ServerCapabilities, resourceType: string, include: string): boolean {
  if (caps.source === 'unavailable') return true;
  const includes = caps.resources.get(resourceType)?.searchIncludes;
  return includes !== undefined && (includes.has(include) || includes.has('*'));
}

/** The server offers a system-level interaction (`transaction`, `batch`). Always true without a statement. */
export function offersSystem(caps: ServerCapabilities, interaction: string): boolean {
  return caps.source === 'unavailable' || caps.systemInteractions.has(interaction);
}

const cache = new Map<string, Promise<ServerCapabilities>>();

/**
 * The server's capabilities, read once per FHIR base and page (a second launch against the same
 * server reuses the answer). A failed read is not cached as a fact about the server beyond this page:
 * it gives `unavailable` with the reason, and the plan assumes everything.
 */
export function readCapabilities(fhirBaseUrl: string, fetchMetadata: () => Promise<unknown>): Promise<ServerCapabilities> {
  let known = cache.get(fhirBaseUrl);
  if (!known) {
    known = fetchMetadata().then(parseCapabilityStatement, (e: unknown) =>
      unavailableCapabilities(`the CapabilityStatement could not be read (${e instanceof Error ? e.message : String(e)})`),
    );
    cache.set(fhirBaseUrl, known);
  }
  return known;
}

/** Forgets cached statements (tests that start servers with different profiles on one base URL). */
export function clearCapabilitiesCache(): void {
  cache.clear();
}
