/**
 * Bundle -> resources: entries of a transaction, batch, collection or searchset Bundle, with `urn:uuid:`
 * (and absolute fullUrl) references rewritten to `Type/id` so references resolve as on a FHIR server.
 */
import type { FhirResource } from 'fhir/r4';
import { arr, isRecord, isResource, str } from './fhir.ts';

export interface BundleRead {
  resources: FhirResource[];
  problems: string[];
}

function rewrite(value: unknown, map: ReadonlyMap<string, string>, depth = 0): unknown {
  if (depth > 60) return value;
  if (Array.isArray(value)) return value.map((v) => rewrite(v, map, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'reference' && typeof v === 'string' && map.has(v) ? map.get(v) : rewrite(v, map, depth + 1);
  }
  return out;
}

/**
 * Read the resources of a Bundle (any type). Entries without a resource, and non-resources, become problems.
 * @param bundle parsed JSON of a Bundle (or a bare resource array)
 */
export function resourcesFromBundle(bundle: unknown): BundleRead {
  const problems: string[] = [];
  if (Array.isArray(bundle)) return { resources: bundle.filter(isResource), problems };
  if (!isResource(bundle)) return { resources: [], problems: ['input is not a FHIR resource or Bundle'] };
  if (bundle.resourceType !== 'Bundle') return { resources: [bundle], problems };
  const map = new Map<string, string>();
  const raw: FhirResource[] = [];
  arr(bundle.entry).forEach((entry, i) => {
    const resource = isRecord(entry) ? entry.resource : undefined;
    if (!isResource(resource)) {
      problems.push(`Bundle entry ${i} has no readable resource`);
      return;
    }
    const fullUrl = isRecord(entry) ? str(entry.fullUrl) : undefined;
    let id = str(resource.id);
    if (!id && fullUrl?.startsWith('urn:uuid:')) id = fullUrl.slice('urn:uuid:'.length);
    const withId: FhirResource = id && id !== resource.id ? { ...resource, id } : resource;
    if (fullUrl && id) map.set(fullUrl, `${resource.resourceType}/${id}`);
    raw.push(withId);
  });
  const resources = raw.map((r) => rewrite(r, map)).filter(isResource);
  return { resources, problems };
}
