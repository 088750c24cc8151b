/**
 * Mutations of the realistic sandbox records (sandbox/fixtures/*.json): drop a field, change a field's
 * type, swap a unit, shuffle the resources, duplicate a resource. Applied to a deep copy; the
 * originals are never touched.
 */
import * as fc from 'fast-check';
import type { Resource } from 'fhir/r4';

export type Mutation =
  | { op: 'drop'; target: number; path: number }
  | { op: 'retype'; target: number; path: number; value: unknown }
  | { op: 'swap-unit'; target: number; unit: string }
  | { op: 'duplicate'; target: number }
  | { op: 'shuffle'; seed: number };

/** Units a lab system may send instead of the recorded one: valid but other, alias, unknown, empty. */
const UNITS = ['mg/dL', 'mg/L', 'g/L', 'g/dL', '/nL', '10*9/L', '10*3/uL', 'G/l', 'mmol/L', 'umol/L', '%', 'foo', '', 'kg'];

const replacement = fc.oneof(
  fc.constantFrom(null, '', 'garbage', 0, -1, 1e12, Number.NaN, true, [], {}, '2099-01-01', '1850-01-01', '1905-06-01', '2021', '2021-07'),
  fc.string({ maxLength: 6 }),
  fc.double(),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), target: fc.nat(), path: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), target: fc.nat(), path: fc.nat(), value: replacement }),
  fc.record({ op: fc.constant('swap-unit' as const), target: fc.nat(), unit: fc.constantFrom(...UNITS) }),
  fc.record({ op: fc.constant('duplicate' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('shuffle' as const), seed: fc.nat() }),
);

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every (parent, key) inside a resource, depth first: the places a mutation can hit. */
function slots(root: Json): Array<[Json | unknown[], string | number]> {
  const out: Array<[Json | unknown[], string | number]> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([node, i]);
        walk(child);
      });
    } else if (isObject(node)) {
      for (const [k, child] of Object.entries(node)) {
        if (node === root && k === 'resourceType') continue;
        out.push([node, k]);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

function setSlot(parent: Json | unknown[], key: string | number, value: unknown, drop: boolean): void {
  if (Array.isArray(parent) && typeof key === 'number') {
    if (drop) parent.splice(key, 1);
    else parent[key] = value;
  } else if (!Array.isArray(parent) && typeof key === 'string') {
    if (drop) delete parent[key];
    else parent[key] = value;
  }
}

/** Applies the mutations in order to a deep copy of `resources`. */
export function applyMutations(resources: readonly Resource[], mutations: readonly Mutation[]): unknown[] {
  const copy = structuredClone(resources) as unknown as Json[];
  for (const m of mutations) {
    if (m.op === 'shuffle') {
      // Deterministic Fisher-Yates from the generated seed (LCG of Numerical Recipes, 1664525/1013904223).
      let s = m.seed >>> 0;
      for (let i = copy.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const j = s % (i + 1);
        [copy[i], copy[j]] = [copy[j] as Json, copy[i] as Json];
      }
      continue;
    }
    if (copy.length === 0) continue;
    const target = copy[m.target % copy.length] as Json;
    if (m.op === 'duplicate') {
      copy.push(structuredClone(target));
      continue;
    }
    if (m.op === 'swap-unit') {
      // Among the resources that carry a quantity, so the swap lands on a measurement.
      const withQuantity = copy.filter((r) => isObject(r.valueQuantity));
      const q = withQuantity[m.target % Math.max(1, withQuantity.length)]?.valueQuantity;
      if (isObject(q)) {
        q.code = m.unit;
        q.unit = m.unit;
      }
      continue;
    }
    const places = slots(target);
    const place = places[m.path % Math.max(1, places.length)];
    if (!place) continue;
    setSlot(place[0], place[1], m.op === 'retype' ? m.value : undefined, m.op === 'drop');
  }
  return copy;
}
