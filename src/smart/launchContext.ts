/**
 * The launch context that can open the app on an indication or a drug: the token response's
 * `fhirContext` and `appContext`, read defensively. What they point at is checked against the record
 * later (src/pipeline/launchFocus.ts); this module only says what the EHR sent and what was malformed.
 *
 * `fhirContext` (SMART App Launch, "Scopes and Launch Context", section "fhirContext",
 * http://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#fhir-context):
 * - 2.0.0 (STU 2): an array of objects, each with a relative `reference` ("MedicationRequest/123").
 * - 2.1.0 (STU 2.1) and 2.2.0 (STU 2.2, current): each object SHALL carry at least one of `reference`,
 *   `canonical` or `identifier` (a FHIR Identifier), MAY carry `type` (RECOMMENDED with canonical or
 *   identifier) and `role` (a URI; absent means "launch"; SHALL NOT be the empty string). Patient and
 *   Encounter are not permitted unless with a role other than "launch".
 * - Ballot drafts before 2.0.0 sent plain strings (`["DiagnosticReport/123"]`); such a string is read
 *   as a `reference`, since some servers still send it.
 *
 * `appContext` is an opaque string the EHR passes through unchanged in the token response, alongside the
 * other launch parameters (CDS Hooks 2.0, Card "Link", field `appContext`, for SMART links; SMART App
 * Launch 2.2.0, Task profile task-ehr-launch, input `smartonfhir-appcontext`). This app reads it as a JSON object `{"indication": "RA",
 * "drug": "upadacitinib"}` (README, "Launch context the app honours"). An object instead of a string is
 * also accepted (some EHRs send the JSON unquoted). Unknown keys are ignored.
 */

/** Resource types in `fhirContext` this app can open on; other types and other roles are not for it. */
export const CONTEXT_TYPES = ['Condition', 'MedicationRequest', 'MedicationStatement', 'MedicationAdministration'] as const;
/** A resource type of {@link CONTEXT_TYPES}. */
export type ContextType = (typeof CONTEXT_TYPES)[number];

/** One thing the launch asks the app to open on. */
export type LaunchTarget =
  | { kind: 'indication'; value: string; from: 'appContext' }
  | { kind: 'drug'; value: string; from: 'appContext' }
  | { kind: 'resource'; resourceType: ContextType; reference?: string; identifier?: { system?: string; value: string }; from: 'fhirContext' };

/** A part of the launch context that could not be read at all (shown as a note, otherwise ignored). */
export interface LaunchContextProblem {
  code: 'fhir-context-malformed' | 'app-context-malformed';
  /** What was wrong, in English, for the log and tests (the UI shows its own wording per code). */
  detail: string;
}

/** What the launch context asks for, before it is checked against the record. */
export interface LaunchContextRequest {
  targets: LaunchTarget[];
  problems: LaunchContextProblem[];
  /** fhirContext items the app does not use (other types, other roles, canonical-only): counted, not shown. */
  unused: number;
}

/** A FHIR id (R4 datatypes: [A-Za-z0-9\-\.]{1,64}). */
const REFERENCE = /^([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
/** The longest appContext read; anything longer is not one of ours. */
const MAX_APP_CONTEXT = 4096;
/** The longest indication or drug value read. */
const MAX_VALUE = 100;
/** At most this many fhirContext items are read (a launch names a handful). */
const MAX_ITEMS = 50;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isContextType(x: string): x is ContextType {
  return (CONTEXT_TYPES as readonly string[]).includes(x);
}

/** One fhirContext item: a target, `unused`, or a problem. */
function readItem(raw: unknown, index: number): LaunchTarget | 'unused' | LaunchContextProblem {
  const bad = (why: string): LaunchContextProblem => ({ code: 'fhir-context-malformed', detail: `fhirContext[${index}]: ${why}` });
  const item = typeof raw === 'string' ? { reference: raw } : raw;
  if (!isObject(item)) return bad('not an object');
  const { reference, canonical, identifier, type, role } = item;
  if (reference === undefined && canonical === undefined && identifier === undefined) return bad('none of reference, canonical, identifier');
  if (role !== undefined && (typeof role !== 'string' || role.trim() === '')) return bad('role is empty or not a string');
  if (type !== undefined && typeof type !== 'string') return bad('type is not a string');
  // Another role is context for another purpose (e.g. a medication list "at home"), not the launch's own resource.
  if (role !== undefined && role !== 'launch') return 'unused';
  if (reference !== undefined) {
    const m = typeof reference === 'string' ? REFERENCE.exec(reference.trim()) : null;
    if (!m) return bad(`reference ${JSON.stringify(reference).slice(0, 80)} is not a relative reference Type/id`);
    const [, rt = '', id = ''] = m;
    if (type !== undefined && type !== rt) return bad(`type ${type} contradicts the reference ${rt}/${id}`);
    return isContextType(rt) ? { kind: 'resource', resourceType: rt, reference: `${rt}/${id}`, from: 'fhirContext' } : 'unused';
  }
  if (identifier !== undefined) {
    if (!isObject(identifier) || typeof identifier.value !== 'string' || identifier.value.trim() === '') return bad('identifier without a value');
    if (identifier.system !== undefined && typeof identifier.system !== 'string') return bad('identifier.system is not a string');
    // Without a type the identifier cannot be looked up in one resource type.
    if (typeof type !== 'string' || !isContextType(type)) return 'unused';
    return {
      kind: 'resource',
      resourceType: type,
      identifier: { value: identifier.value.trim(), ...(typeof identifier.system === 'string' ? { system: identifier.system } : {}) },
      from: 'fhirContext',
    };
  }
  // A canonical names a definition (Questionnaire, PlanDefinition), never a patient's diagnosis or order.
  return typeof canonical === 'string' ? 'unused' : bad('canonical is not a string');
}

/** Reads the token response's `fhirContext` (any JSON value; absent = nothing). */
export function readFhirContext(value: unknown): LaunchContextRequest {
  const out: LaunchContextRequest = { targets: [], problems: [], unused: 0 };
  if (value === undefined || value === null) return out;
  if (!Array.isArray(value)) return { ...out, problems: [{ code: 'fhir-context-malformed', detail: 'fhirContext is not an array' }] };
  if (value.length > MAX_ITEMS)
    out.problems.push({ code: 'fhir-context-malformed', detail: `fhirContext has ${value.length} items; the first ${MAX_ITEMS} were read` });
  value.slice(0, MAX_ITEMS).forEach((raw, i) => {
    const r = readItem(raw, i);
    if (r === 'unused') out.unused++;
    else if ('code' in r) out.problems.push(r);
    else out.targets.push(r);
  });
  return out;
}

/** Reads the token response's `appContext` as this app's JSON object (absent or empty = nothing). */
export function readAppContext(value: unknown): LaunchContextRequest {
  const out: LaunchContextRequest = { targets: [], problems: [], unused: 0 };
  const bad = (detail: string): LaunchContextRequest => ({ ...out, problems: [{ code: 'app-context-malformed', detail }] });
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return out;
  let json: unknown = value;
  if (typeof value === 'string') {
    if (value.length > MAX_APP_CONTEXT) return bad(`appContext is longer than ${MAX_APP_CONTEXT} characters`);
    try {
      json = JSON.parse(value);
    } catch {
      return bad('appContext is not JSON');
    }
  }
  if (!isObject(json)) return bad('appContext is not a JSON object');
  for (const kind of ['indication', 'drug'] as const) {
    const v = json[kind];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_VALUE) return bad(`appContext.${kind} is not a short, non-empty string`);
    out.targets.push({ kind, value: v.trim(), from: 'appContext' });
  }
  if (out.targets.length === 0) return bad('appContext names neither an indication nor a drug');
  return out;
}

/**
 * The launch context of a token response, or undefined when it has neither `fhirContext` nor
 * `appContext` (the usual launch: nothing to open on, nothing to say). fhirContext items come first:
 * they point at the EHR's own records, which the app checks; appContext is the EHR's free text.
 */
export function readLaunchContext(tokenResponse: unknown): LaunchContextRequest | undefined {
  if (!isObject(tokenResponse)) return undefined;
  const { fhirContext, appContext } = tokenResponse;
  if ((fhirContext === undefined || fhirContext === null) && (appContext === undefined || appContext === null)) return undefined;
  const f = readFhirContext(fhirContext);
  const a = readAppContext(appContext);
  const merged = { targets: [...f.targets, ...a.targets], problems: [...f.problems, ...a.problems], unused: f.unused + a.unused };
  return merged.targets.length === 0 && merged.problems.length === 0 ? undefined : merged;
}
