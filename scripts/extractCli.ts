/**
 * The logic of `npm run extract` (scripts/extract.ts), apart from process I/O so tests can run it.
 * Every bad argument or input ends on one clear line and a non-zero exit code, never a stack trace.
 */
import { extractRecord, INDICATIONS, resourcesFromBundle, type Indication } from '../src/extract/index.ts';
import { scoreRecord } from '../src/scores/fromRecord.ts';
import { foreignProblem, partitionByPatient, patientIdsIn } from '../src/smart/patientContext.ts';

/**
 * JSON replacer: the typed reasons (`why`, `noteWhy`: src/extract/reasons.ts) are for the screen's languages;
 * the command line prints the English sentences it always printed.
 */
function englishOnly(key: string, value: unknown): unknown {
  return key === 'why' || key === 'noteWhy' ? undefined : value;
}

export const USAGE = 'usage: npm run extract -- <bundle.json> [--now YYYY-MM-DD] [--indication CD|UC|RA|RMS] [--patient ID]';

/** What the command prints and how it exits. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A bad argument or input: one line on stderr, exit 2 (usage) or 1 (input). */
export class CliError extends Error {
  readonly code: number;
  constructor(message: string, code = 2) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

interface Args {
  file: string;
  now: Date;
  indication?: Indication;
  patient?: string;
}

const OPTIONS = new Set(['--now', '--indication', '--patient']);

/** `YYYY-MM-DD` or a full ISO date-time; anything else (or an impossible date) is refused. */
export function parseNow(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  if (!m) throw new CliError(`--now must be a date like 2026-01-31 (or an ISO date-time with a zone), not "${text}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = m[4] ? new Date(text) : new Date(Date.UTC(2000, mo - 1, d));
  if (!m[4]) date.setUTCFullYear(y);
  const valid = !Number.isNaN(date.getTime()) && date.getUTCMonth() === mo - 1 && (m[4] ? true : date.getUTCDate() === d) && y >= 1900 && y <= 2200;
  if (!valid) throw new CliError(`--now is not a real date between 1900 and 2200: "${text}"`);
  return date;
}

/** Parses the command line; unknown options, missing values and bad values are refused. */
export function parseArgs(argv: readonly string[], today: Date): Args {
  let file: string | undefined;
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      if (!OPTIONS.has(a)) throw new CliError(`unknown option ${a}\n${USAGE}`);
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new CliError(`${a} needs a value\n${USAGE}`);
      values[a] = v;
      i++;
    } else if (file === undefined) file = a;
    else throw new CliError(`only one bundle file may be given (got "${file}" and "${a}")\n${USAGE}`);
  }
  if (!file) throw new CliError(USAGE);
  const args: Args = { file, now: values['--now'] === undefined ? today : parseNow(values['--now']) };
  const ind = values['--indication'];
  if (ind !== undefined) {
    const found = INDICATIONS.find((i) => i === ind.toUpperCase());
    if (!found) throw new CliError(`--indication must be one of ${INDICATIONS.join(', ')}, not "${ind}"`);
    args.indication = found;
  }
  if (values['--patient'] !== undefined) args.patient = values['--patient'];
  return args;
}

/**
 * Runs the command on a file's text. Refuses input that is not a FHIR Bundle (or resource list),
 * and a bundle about more than one patient unless `--patient` says which one.
 */
export function runExtract(argv: readonly string[], readFile: (path: string) => string, today: Date = new Date()): CliResult {
  try {
    const args = parseArgs(argv, today);
    let text: string;
    try {
      text = readFile(args.file);
    } catch (e) {
      throw new CliError(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`, 1);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CliError(`${args.file} is not valid JSON`, 1);
    }
    const isBundle = typeof parsed === 'object' && parsed !== null && (parsed as { resourceType?: unknown }).resourceType === 'Bundle';
    if (!isBundle && !Array.isArray(parsed)) {
      const type = typeof parsed === 'object' && parsed !== null ? (parsed as { resourceType?: unknown }).resourceType : undefined;
      throw new CliError(`${args.file} is not a FHIR Bundle${typeof type === 'string' ? ` (it is a ${type})` : ''}`, 1);
    }
    const bundle = resourcesFromBundle(parsed);
    const patients = patientIdsIn(bundle.resources);
    let patientId = args.patient;
    if (patientId === undefined) {
      if (patients.length > 1)
        throw new CliError(`${args.file} holds the records of ${patients.length} patients (${patients.join(', ')}); choose one with --patient ID`, 1);
      patientId = patients[0];
    } else if (!patients.includes(patientId)) {
      throw new CliError(`--patient ${patientId} is not in ${args.file} (patients: ${patients.join(', ') || 'none'})`, 1);
    }
    const { kept, foreign } = patientId === undefined ? { kept: bundle.resources, foreign: [] } : partitionByPatient(bundle.resources, patientId);
    const { now, indication } = args;
    const record = extractRecord(kept, { now, ...(indication ? { indication } : {}) });
    // Scores: the latest result of every score of the record's indication(s), computed from the
    // components where no total is recorded; derived model inputs are listed apart, never merged into inputs.
    const scored = scoreRecord(record, now);
    const scores = scored.latest.map((s) => ({ ...s, ...(scored.notes[s.score] ? { note: scored.notes[s.score] } : {}) }));
    const out = {
      file: args.file,
      now: now.toISOString(),
      patient: record.patient,
      primaryIndication: record.primaryIndication,
      indications: record.indications,
      episodes: record.episodes,
      inputs: record.inputs,
      scores,
      derivedInputs: scored.derivedInputs,
      gaps: record.gaps,
      problems: [...bundle.problems, ...foreign.map(foreignProblem), ...record.problems],
      observationSeries: Object.fromEntries(Object.entries(record.observations).map(([k, v]) => [k, v.length])),
    };
    return { code: 0, stdout: `${JSON.stringify(out, englishOnly, 2)}\n`, stderr: scored.problems.length > 0 ? `scores: ${scored.problems.join('; ')}\n` : '' };
  } catch (e) {
    if (e instanceof CliError) return { code: e.code, stdout: '', stderr: `extract: ${e.message}\n` };
    return { code: 1, stdout: '', stderr: `extract: failed: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}
