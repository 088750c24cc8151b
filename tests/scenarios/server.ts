/**
 * An in-memory FHIR server behind the app's FhirSession interface: it answers the query plan's searches
 * from one scenario record the way a FHIR R4 server would (token search on system|code over all codings,
 * date prefixes, patient compartment, `_include` of Medications, `_id`), so each scenario goes through
 * the app's own plan and readRecord(). Searches of chosen resource types can be made to fail (a timeout),
 * which is how a scenario simulates an incomplete read.
 */
import type { CodeableConcept, Coding, Patient, Resource } from 'fhir/r4';
import { FhirRequestError } from '@src/smart/errors.ts';
import type { FhirSession, SearchResult } from '@src/smart/session.ts';
import { unavailableCapabilities } from '@src/smart/capabilities.ts';

type Json = Record<string, unknown>;

/** Search parameters the server understood; anything else is recorded (and ignored: the server returns a superset, as lenient servers do). */
const KNOWN = new Set(['patient', 'subject', '_count', 'code', 'date', '_include', '_id', 'category', 'status', 'clinical-status', 'vaccine-code']);

function codings(cc: unknown): Coding[] {
  const c = cc as CodeableConcept | undefined;
  return Array.isArray(c?.coding) ? c.coding : [];
}

function tokenMatches(concepts: unknown[], param: string): boolean {
  const tokens = param
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const all = concepts.flatMap(codings);
  return tokens.some((t) => {
    const bar = t.indexOf('|');
    const system = bar >= 0 ? t.slice(0, bar) : undefined;
    const code = bar >= 0 ? t.slice(bar + 1) : t;
    return all.some((c) => c.code === code && (system === undefined || system === '' || c.system === system));
  });
}

/** Compares a resource date with a FHIR date search value (`ge2025-01-01`), on the date part. */
function dateMatches(value: string | undefined, param: string): boolean {
  if (!value) return false;
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb)?(.+)$/.exec(param);
  const prefix = m?.[1] ?? 'eq';
  const target = (m?.[2] ?? '').slice(0, 10);
  const v = value.slice(0, 10);
  switch (prefix) {
    case 'ge':
      return v >= target;
    case 'gt':
    case 'sa':
      return v > target;
    case 'le':
      return v <= target;
    case 'lt':
    case 'eb':
      return v < target;
    case 'ne':
      return v !== target;
    default:
      return v === target;
  }
}

function codeConcepts(r: Json): unknown[] {
  switch (r.resourceType) {
    case 'Immunization':
      return [r.vaccineCode];
    case 'MedicationRequest':
    case 'MedicationStatement':
    case 'MedicationAdministration':
      return [r.medicationCodeableConcept];
    default:
      return [r.code];
  }
}

function resourceDate(r: Json): string | undefined {
  const period = r.effectivePeriod as { start?: string } | undefined;
  switch (r.resourceType) {
    case 'Observation':
      return (r.effectiveDateTime as string | undefined) ?? period?.start ?? (r.effectiveInstant as string | undefined);
    case 'Immunization':
      return r.occurrenceDateTime as string | undefined;
    case 'Condition':
      return (r.recordedDate as string | undefined) ?? (r.onsetDateTime as string | undefined);
    case 'Procedure':
      return r.performedDateTime as string | undefined;
    default:
      return undefined;
  }
}

function patientRef(r: Json): string | undefined {
  const ref = (r.subject ?? r.patient) as { reference?: string } | undefined;
  return ref?.reference;
}

export interface MemoryServerOptions {
  /** Resource types whose searches fail with a timeout. */
  failing?: readonly string[];
}

export interface MemorySession extends FhirSession {
  /** Search parameters the plan used that this server does not implement (ignored). */
  readonly ignoredParams: ReadonlySet<string>;
  /** Searches answered, as `Type?params`. */
  readonly searches: readonly string[];
}

/** A FhirSession over one record held in memory. */
export function memorySession(resources: readonly Resource[], options: MemoryServerOptions = {}): MemorySession {
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  if (!patient?.id) throw new Error('scenario record has no Patient with an id');
  const patientId = patient.id;
  const failing = new Set(options.failing ?? []);
  const ignoredParams = new Set<string>();
  const searches: string[] = [];
  const all = resources as unknown as Json[];

  const search = (resourceType: string, params: Record<string, string>): Promise<SearchResult> => {
    searches.push(`${resourceType}?${new URLSearchParams(params).toString()}`);
    if (failing.has(resourceType)) {
      // A Condition failure is a 403 (scope not granted), the others a timeout: the two ways issue 10 names.
      const error =
        resourceType === 'Condition'
          ? new FhirRequestError('forbidden', 403, resourceType, 'simulated: the server refused the search')
          : new FhirRequestError('timeout', null, resourceType, 'simulated: no answer within the request timeout');
      return Promise.reject(error);
    }
    for (const k of Object.keys(params)) if (!KNOWN.has(k)) ignoredParams.add(`${resourceType}:${k}`);
    const matches = all.filter((r) => {
      if (r.resourceType !== resourceType) return false;
      const who = params.patient ?? params.subject;
      if (who !== undefined && patientRef(r) !== `Patient/${who.replace(/^Patient\//, '')}`) return false;
      const code = params.code ?? params['vaccine-code'];
      if (code !== undefined && !tokenMatches(codeConcepts(r), code)) return false;
      if (params.date !== undefined && !dateMatches(resourceDate(r), params.date)) return false;
      const ids = params['_id'];
      if (ids !== undefined && !ids.split(',').includes(String(r.id))) return false;
      if (params.category !== undefined) {
        const cats = Array.isArray(r.category) ? (r.category as unknown[]) : [r.category];
        if (!tokenMatches(cats, params.category)) return false;
      }
      if (params.status !== undefined && !params.status.split(',').includes(String(r.status))) return false;
      if (params['clinical-status'] !== undefined && !tokenMatches([r.clinicalStatus], params['clinical-status'])) return false;
      return true;
    });
    const included: Json[] = [];
    if (params['_include']?.endsWith(':medication')) {
      for (const m of matches) {
        const ref = (m.medicationReference as { reference?: string } | undefined)?.reference;
        const id = ref?.startsWith('Medication/') ? ref.slice('Medication/'.length) : undefined;
        const med = id ? all.find((r) => r.resourceType === 'Medication' && r.id === id) : undefined;
        if (med && !included.includes(med)) included.push(med);
      }
    }
    return Promise.resolve({
      matches: structuredClone(matches) as unknown as Resource[],
      included: structuredClone(included) as unknown as Resource[],
      pages: 1,
      total: matches.length,
    });
  };

  return {
    fhirBaseUrl: 'http://scenario.test/fhir',
    patientId,
    user: null,
    grantedScope: 'launch/patient patient/*.rs',
    requestLog: [],
    ignoredParams,
    searches,
    readPatient: () => Promise.resolve(structuredClone(patient)),
    read: <T extends Resource>(reference: string) => {
      const [type, id] = reference.split('/');
      const r = all.find((x) => x.resourceType === type && x.id === id);
      return r ? Promise.resolve(structuredClone(r) as unknown as T) : Promise.reject(new FhirRequestError('not-found', 404, type ?? 'unknown', reference));
    },
    search,
    canCreate: () => false,
    create: () => Promise.reject(new Error('the scenario server is read-only')),
    transaction: () => Promise.reject(new Error('the scenario server is read-only')),
    createConditional: () => Promise.reject(new Error('the scenario server is read-only')),
    // An in-memory server publishes no CapabilityStatement: the plan assumes every type and parameter.
    capabilities: () => Promise.resolve(unavailableCapabilities('in-memory scenario server without /metadata')),
  };
}
