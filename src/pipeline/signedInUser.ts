/**
 * Who is signed in, by name. SMART App Launch 2.x ("Scopes for requesting identity data") puts a
 * `fhirUser` claim in the id_token: a reference to the user's FHIR resource, one of Practitioner,
 * PractitionerRole, Patient, RelatedPerson or Person. The claim alone is only a reference
 * (`Practitioner/pract-demo`); the name is in the resource, which the app reads once after launch.
 *
 * Access: the read needs a scope for the resource type. The app requests `user/Practitioner.rs`
 * (SMART v1 `user/Practitioner.read`; src/smart/settings.ts), the type of nearly every clinician
 * user; a server that refuses the read, a user of another type without a matching scope, or any
 * failure leaves the reference, shown with what it is and why the name is missing, never bare.
 */
import type { FhirSession } from '../smart/index.ts';
import { FhirRequestError } from '../smart/errors.ts';

/** The resource types SMART allows as `fhirUser` (App Launch 2.x, "fhirUser" claim). */
export const USER_TYPES = ['Practitioner', 'PractitionerRole', 'Patient', 'RelatedPerson', 'Person'] as const;
export type UserType = (typeof USER_TYPES)[number];

/** Why the name could not be shown. */
export type UserNameProblem = 'forbidden' | 'failed' | 'no-name' | 'wrong-resource' | 'unsupported-type';

/** The signed-in user: the claim's reference and, when it could be read, the name to show. */
export type SignedInUser =
  | { kind: 'none' }
  | { kind: 'named'; reference: string; type: UserType | null; name: string }
  | { kind: 'reference-only'; reference: string; type: UserType | null; problem: UserNameProblem; detail: string };

type Json = Record<string, unknown>;
const record = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : []);

/**
 * A person's name as a colleague is addressed on screen: prefix, given names, family name, suffix
 * ("Dr. Anna Weber"), from the official name, else the usual one, else the first; a name with only
 * `text` gives that text. Null when the resource holds no usable name.
 */
export function personName(resource: unknown): string | null {
  const own = record(resource)?.['name'];
  const names = (Array.isArray(own) ? (own as unknown[]) : []).map(record).filter((n) => n !== undefined);
  const current = names.filter((n) => !str(record(n['period'])?.['end']) && n['use'] !== 'old');
  const pool = current.length > 0 ? current : names;
  const n = pool.find((x) => x['use'] === 'official') ?? pool.find((x) => x['use'] === 'usual') ?? pool[0];
  if (!n) return null;
  const parts = [...strings(n['prefix']), ...strings(n['given']), str(n['family']), ...strings(n['suffix'])].filter((p): p is string => p !== undefined);
  // A prefix alone ("Dr.") is no name: then the name's text, else nothing.
  if (str(n['family']) || strings(n['given']).length > 0) return parts.join(' ');
  return str(n['text']) ?? null;
}

/** `Practitioner/x` from a relative or absolute reference (`https://ehr/fhir/Practitioner/x`), else null. */
export function relativeUserReference(claim: string): { reference: string; type: UserType | null } | null {
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(claim.trim());
  if (!m) return null;
  const type = (USER_TYPES as readonly string[]).includes(m[1] ?? '') ? (m[1] as UserType) : null;
  return { reference: `${m[1]}/${m[2]}`, type };
}

function problemOf(e: unknown): { problem: UserNameProblem; detail: string } {
  if (e instanceof FhirRequestError) return { problem: e.code === 'forbidden' || e.code === 'unauthorized' ? 'forbidden' : 'failed', detail: e.message };
  return { problem: 'failed', detail: e instanceof Error ? e.message : String(e) };
}

/**
 * Reads the `fhirUser` resource once and returns the name to show. A PractitionerRole names its
 * practitioner: the role's `practitioner.display` when present, else the Practitioner is read too.
 * Never throws: every failure is a `reference-only` result carrying its reason.
 */
export async function readSignedInUser(session: Pick<FhirSession, 'user' | 'read'>): Promise<SignedInUser> {
  if (!session.user) return { kind: 'none' };
  const ref = relativeUserReference(session.user);
  if (!ref) return { kind: 'reference-only', reference: session.user, type: null, problem: 'unsupported-type', detail: 'not a FHIR resource reference' };
  const { reference, type } = ref;
  if (!type)
    return {
      kind: 'reference-only',
      reference,
      type,
      problem: 'unsupported-type',
      detail: `a fhirUser of type ${reference.split('/')[0] ?? '?'} is not a person`,
    };
  const only = (problem: UserNameProblem, detail: string): SignedInUser => ({ kind: 'reference-only', reference, type, problem, detail });
  let resource: unknown;
  try {
    resource = await session.read(reference);
  } catch (e) {
    const { problem, detail } = problemOf(e);
    return only(problem, detail);
  }
  const r = record(resource);
  if (!r || r['resourceType'] !== type || r['id'] !== reference.split('/')[1]) return only('wrong-resource', `the server did not answer with ${reference}`);
  if (type === 'PractitionerRole') {
    const practitioner = record(r['practitioner']);
    const display = str(practitioner?.['display']);
    if (display) return { kind: 'named', reference, type, name: display };
    const target = str(practitioner?.['reference']);
    const targetRef = target ? relativeUserReference(target) : null;
    if (!targetRef || targetRef.type !== 'Practitioner') return only('no-name', 'the PractitionerRole names no practitioner');
    try {
      const p = record(await session.read(targetRef.reference));
      const name = p?.['resourceType'] === 'Practitioner' ? personName(p) : null;
      return name ? { kind: 'named', reference, type, name } : only('no-name', `${targetRef.reference} holds no name`);
    } catch (e) {
      const { problem, detail } = problemOf(e);
      return only(problem, detail);
    }
  }
  const name = personName(r);
  return name ? { kind: 'named', reference, type, name } : only('no-name', `${reference} holds no name`);
}
