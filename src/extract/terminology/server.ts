/**
 * The optional terminology server (config.json `terminologyServer`, off by default): for a SNOMED CT code on
 * a Condition that neither codes.csv nor the bundled value-set expansions know, the app asks the server
 * whether the code is subsumed by the root concept of one of the four diseases
 * (`CodeSystem/$subsumes`, FHIR R4 terminology service, http://hl7.org/fhir/R4/codesystem-operation-subsumes.html).
 *
 * Only the code itself leaves the browser: the request carries the system, the record's code and the
 * disease root, no patient identifier, no date, no text, no credentials (`credentials: 'omit'`, no
 * Authorization header). A server that fails, answers late or answers something unreadable is reported
 * as a visible note naming the server and the code; the code then stays unknown (text fallback), never
 * silently counted or dropped.
 */
import type { Condition } from 'fhir/r4';
import { because } from '../reasons.ts';
import { noteProblem, type ExtractProblem } from '../problems.ts';
import { SYSTEMS } from '../../../contract/systems.ts';
import { codeMatches, codingsOf } from './match.ts';

/**
 * The disease roots asked about: SNOMED CT International concepts, the same ids as the codes.csv rows of
 * the four indications (verified there against the VSAC expansions).
 */
export const DISEASE_ROOTS = [
  { concept: 'dx.crohns_disease', code: '34000006', display: "Crohn's disease" },
  { concept: 'dx.ulcerative_colitis', code: '64766004', display: 'Ulcerative colitis' },
  { concept: 'dx.rheumatoid_arthritis', code: '69896004', display: 'Rheumatoid arthritis' },
  { concept: 'dx.multiple_sclerosis', code: '24700007', display: 'Multiple sclerosis' },
] as const;

/** A code the server placed under a disease root. */
export interface ServerMatch {
  system: string;
  code: string;
  concept: (typeof DISEASE_ROOTS)[number]['concept'];
  /** The root it is subsumed by (or equivalent to), with its display. */
  root: string;
  /** The server's origin, named in every source and note. */
  server: string;
  outcome: 'subsumed-by' | 'equivalent';
}

/** What the lookup found: matches, and notes for every failed question. */
export interface TerminologyLookup {
  matches: ServerMatch[];
  problems: ExtractProblem[];
}

/**
 * SNOMED CT codes on Conditions whose codings the bundled code sets do not know (a Condition with any
 * known coding is decided by it). Sorted and unique: the question list, nothing else from the record.
 */
export function unknownSnomedCodes(resources: readonly unknown[]): string[] {
  const codes = new Set<string>();
  for (const r of resources) {
    if (typeof r !== 'object' || r === null || (r as { resourceType?: unknown }).resourceType !== 'Condition') continue;
    const code = (r as Condition).code;
    if (codeMatches(code).length > 0) continue;
    for (const c of codingsOf(code)) if (c.system === SYSTEMS.snomed && c.code && /^\d{6,18}$/.test(c.code)) codes.add(c.code);
  }
  return [...codes].sort();
}

/** The outcome of one `$subsumes` answer (FHIR Parameters, parameter `outcome`, valueCode). */
function outcomeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || (body as { resourceType?: unknown }).resourceType !== 'Parameters') return undefined;
  const params = (body as { parameter?: unknown }).parameter;
  if (!Array.isArray(params)) return undefined;
  for (const p of params as unknown[]) {
    if (typeof p === 'object' && p !== null && (p as { name?: unknown }).name === 'outcome') {
      const v = (p as { valueCode?: unknown }).valueCode;
      return typeof v === 'string' ? v : undefined;
    }
  }
  return undefined;
}

export interface LookupOptions {
  /** Injected for tests; the browser's fetch by default. */
  fetch?: typeof fetch;
  /** Per request (default 10 s). */
  timeoutMs?: number;
}

/** Asks one question; resolves to the outcome or throws with a short reason. */
async function subsumes(base: string, code: string, root: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<string> {
  const url = `${base}/CodeSystem/$subsumes?system=${encodeURIComponent(SYSTEMS.snomed)}&codeA=${encodeURIComponent(code)}&codeB=${encodeURIComponent(root)}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { headers: { Accept: 'application/fhir+json' }, credentials: 'omit', signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const outcome = outcomeOf(await response.json().catch(() => undefined));
    if (!outcome) throw new Error('the answer is not a Parameters resource with an outcome');
    return outcome;
  } catch (e) {
    if (controller.signal.aborted) throw new Error(`no answer within ${timeoutMs / 1000} s`, { cause: e });
    throw e instanceof Error ? e : new Error(String(e));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * For each unknown code, asks `$subsumes` against each disease root until one answers `subsumed-by` or
 * `equivalent`. A failed question is a note (one per code); the code then stays unknown.
 * @param server the configured base URL (`terminologyServer`, no trailing slash)
 */
export async function lookupSubsumption(server: string, codes: readonly string[], options: LookupOptions = {}): Promise<TerminologyLookup> {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = server.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const matches: ServerMatch[] = [];
  const problems: ExtractProblem[] = [];
  await Promise.all(
    codes.map(async (code) => {
      try {
        for (const root of DISEASE_ROOTS) {
          const outcome = await subsumes(base, code, root.code, fetchImpl, timeoutMs);
          if (outcome === 'subsumed-by' || outcome === 'equivalent') {
            matches.push({ system: SYSTEMS.snomed, code, concept: root.concept, root: `${root.code} |${root.display}|`, server: origin, outcome });
            return;
          }
        }
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        problems.push(
          noteProblem(
            `The terminology server ${origin} could not be asked about SNOMED CT ${code} (${error}): the code stays unknown`,
            because('terminology-server-failed', { server: origin, code, error: { text: error } }),
          ),
        );
      }
    }),
  );
  matches.sort((a, b) => a.code.localeCompare(b.code));
  problems.sort((a, b) => a.message.localeCompare(b.message));
  return { matches, problems };
}
