/** Defensive accessors for resources whose shape is not guaranteed (real exports, fuzzed input). */
import type { FhirResource, Resource } from 'fhir/r4';

/** `Type/id` of a resource, or the type alone when it has no id. */
export function refOf(resource: Resource): string {
  return typeof resource.id === 'string' && resource.id !== '' ? `${resource.resourceType}/${resource.id}` : `${resource.resourceType}/(no id)`;
}

/** True for a value that looks like a FHIR resource (object with a string resourceType). */
export function isResource(value: unknown): value is FhirResource {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { resourceType?: unknown }).resourceType === 'string';
}

/** The code of a status CodeableConcept (e.g. Condition.clinicalStatus), lower case; undefined if absent. */
export function statusCode(concept: unknown): string | undefined {
  if (typeof concept !== 'object' || concept === null) return undefined;
  const coding = (concept as { coding?: unknown }).coding;
  if (!Array.isArray(coding)) return undefined;
  for (const c of coding as unknown[]) {
    const code = typeof c === 'object' && c !== null ? (c as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && code.trim() !== '') return code.trim().toLowerCase();
  }
  return undefined;
}

/** A string field or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A finite number or undefined. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** True for a non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array or an empty array. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/**
 * A value of a lookup table by a key read from a resource, only when the table itself has that key:
 * a code named like an Object.prototype property (`constructor`, `toString`, `__proto__`) is unknown,
 * never a function that silently changes an input.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
