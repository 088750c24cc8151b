/**
 * A small in-memory FHIR server for the write-back transports: transaction (all-or-nothing, urn:uuid
 * references resolved), batch (independent entries: a urn:uuid reference is refused) and conditional
 * creates (`If-None-Exist`), with switches for what the server refuses and for a lost answer.
 * Conditional creates match on the `ifNoneExist` search exactly as sent (the app always sends the same
 * search for the same resource), which is what makes a resend idempotent here as on a real server.
 */
import type { Bundle, BundleEntry, CapabilityStatement, CapabilityStatementRestResource, FhirResource, Resource } from 'fhir/r4';
import { parseCapabilityStatement, type ServerCapabilities } from '@src/smart/capabilities.ts';
import { FhirRequestError } from '@src/smart/errors.ts';
import type { RawAnswer } from '@src/smart/session.ts';

export interface FakeEhrOptions {
  transaction?: boolean;
  batch?: boolean;
  /** Types whose creates the server refuses (400 with OperationOutcome `not-supported`). */
  refuseTypes?: string[];
  /** How the server refuses an unsupported system interaction (default 501). */
  unsupportedStatus?: number;
  /** The OperationOutcome issue code of a refused type (default `not-supported`). */
  refusalCode?: string;
}

export interface FakeEhr {
  transaction(bundle: Bundle): Promise<RawAnswer>;
  createConditional(resource: Resource, ifNoneExist: string): Promise<RawAnswer>;
  /** Every stored resource, by `Type/id`. */
  stored: Map<string, FhirResource>;
  /** Requests received: `transaction`, `batch`, or `create <Type>`. */
  calls: string[];
  /** The next request whose label matches is processed, then its answer is lost (timeout). */
  loseAnswer(match: (label: string) => boolean): void;
  options: FakeEhrOptions;
}

const notSupported = (status: number, what: string) =>
  new FhirRequestError(status === 404 ? 'not-found' : 'bad-response', status, 'Bundle', `HTTP ${status}; OperationOutcome: not-supported (${what})`);

function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else referencesIn(v, out);
    }
  return out;
}

function rewrite(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, map));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'reference' && typeof v === 'string' ? (map.get(v) ?? v) : rewrite(v, map)]));
  return value;
}

const statusLine = (s: number) => `${s} ${s === 201 ? 'Created' : s === 200 ? 'OK' : 'Bad Request'}`;

export function fakeEhr(options: FakeEhrOptions = {}): FakeEhr {
  const stored = new Map<string, FhirResource>();
  const byCondition = new Map<string, string>();
  const calls: string[] = [];
  let lose: ((label: string) => boolean) | null = null;
  let next = 1;
  const opts = { transaction: true, batch: true, refuseTypes: [], ...options };

  /** One conditional create: [status, location] or an error status. */
  function create(resource: FhirResource, ifNoneExist: string): { status: number; location?: string } {
    const known = byCondition.get(ifNoneExist);
    if (known) return { status: 200, location: known };
    if (opts.refuseTypes.includes(resource.resourceType)) return { status: 400 };
    const location = `${resource.resourceType}/${next++}`;
    stored.set(location, { ...resource, id: location.split('/')[1] });
    byCondition.set(ifNoneExist, location);
    return { status: 201, location };
  }

  function answer(label: string, body: unknown, location?: string): RawAnswer {
    if (lose?.(label)) {
      lose = null;
      throw new FhirRequestError('timeout', null, 'Bundle', 'timeout');
    }
    return { status: 200, text: JSON.stringify(body), ...(location ? { location } : {}) };
  }

  return {
    stored,
    calls,
    options: opts,
    loseAnswer(match) {
      lose = match;
    },
    transaction(bundle) {
      const label = bundle.type ?? 'unknown';
      calls.push(label);
      if (bundle.type === 'transaction') {
        if (!opts.transaction) return Promise.reject(notSupported(opts.unsupportedStatus ?? 501, 'transaction'));
        const entries = bundle.entry ?? [];
        const fullUrls = new Set(entries.map((e) => e.fullUrl));
        // All or nothing: a refused type fails the whole transaction before anything is stored.
        if (entries.some((e) => e.resource && opts.refuseTypes.includes(e.resource.resourceType)))
          return Promise.reject(new FhirRequestError('bad-response', 400, 'Bundle', `HTTP 400; OperationOutcome: ${opts.refusalCode ?? 'not-supported'}`));
        const map = new Map<string, string>();
        const results = entries.map((e) => {
          const r = create(e.resource as FhirResource, e.request?.ifNoneExist ?? '');
          if (e.fullUrl && r.location) map.set(e.fullUrl, r.location);
          return r;
        });
        for (const [loc, res] of stored) stored.set(loc, rewrite(res, map) as FhirResource);
        const dangling = [...stored.values()].flatMap((r) => referencesIn(r)).filter((x) => x.startsWith('urn:uuid:') && fullUrls.has(x));
        if (dangling.length > 0) throw new Error(`unresolved urn:uuid references: ${dangling.join(', ')}`);
        return Promise.resolve(
          answer(label, {
            resourceType: 'Bundle',
            type: 'transaction-response',
            entry: results.map((r) => ({ response: { status: statusLine(r.status), location: `${r.location}/_history/1` } })),
          }),
        );
      }
      if (!opts.batch) return Promise.reject(notSupported(opts.unsupportedStatus ?? 501, 'batch'));
      const entries: BundleEntry[] = bundle.entry ?? [];
      const urn = entries.flatMap((e) => referencesIn(e.resource)).filter((x) => x.startsWith('urn:uuid:'));
      if (urn.length > 0) throw new Error(`a batch entry refers to another entry by urn:uuid: ${urn.join(', ')}`);
      const results = entries.map((e) => create(e.resource as FhirResource, e.request?.ifNoneExist ?? ''));
      return Promise.resolve(
        answer(label, {
          resourceType: 'Bundle',
          type: 'batch-response',
          entry: results.map((r) =>
            r.status >= 400
              ? {
                  response: { status: '400 Bad Request', outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] } },
                }
              : { response: { status: statusLine(r.status), location: `http://ehr.test/fhir/${r.location}/_history/1` } },
          ),
        }),
      );
    },
    createConditional(resource, ifNoneExist) {
      const label = `create ${resource.resourceType}`;
      calls.push(label);
      const r = create(resource as FhirResource, ifNoneExist);
      if (r.status >= 400)
        return Promise.reject(new FhirRequestError('bad-response', r.status, resource.resourceType, `HTTP ${r.status}; OperationOutcome: not-supported`));
      const a = answer(label, { ...resource, id: r.location?.split('/')[1] }, `http://ehr.test/fhir/${r.location}/_history/1`);
      return Promise.resolve({ ...a, status: r.status });
    },
  };
}

/** The capabilities of a CapabilityStatement listing `types` with read and create, and the given system interactions. */
export function capsOf(types: readonly CapabilityStatementRestResource['type'][], system: readonly ('transaction' | 'batch')[]): ServerCapabilities {
  const statement: CapabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        resource: types.map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'create' }] })),
        interaction: system.map((code) => ({ code })),
      },
    ],
  };
  return parseCapabilityStatement(statement);
}
