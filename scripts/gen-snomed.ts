/**
 * Generates src/extract/terminology/valueSets.generated.ts from the published value-set expansions copied
 * into terminology/valuesets/ and the concept mapping terminology/valuesets/concept-map.json (run by
 * `npm run gen:codes`, together with the codes.csv table).
 *
 * No SNOMED CT release is available to the project (it is licensed), so hierarchies are not computed here:
 * the concept sets are the expansions NLM published in VSAC, as copied (see terminology/valuesets/README.md
 * for each file's repository, path and commit). For each concept set the generator records the value set's
 * OID and version, the expansion's identifier and timestamp and the SNOMED CT version(s) the expansion
 * names, so every generated row says which edition and date it comes from.
 *
 * Every SNOMED CT code is checked before it is written: digits only, 6-18 characters, a concept partition
 * (second- and third-last digits 00 or 10) and a valid Verhoeff check digit (SNOMED CT Technical
 * Implementation Guide, "SCTID check-digit"). A copied code that fails stops the generator: a typing error
 * in a copy can therefore not become a code the app matches.
 *
 * Output is byte-stable (sorted, JSON.stringify), so CI regenerates and diffs it. `--check` writes nothing
 * and exits 1 when the committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verhoeffValid } from './verhoeff.mjs';

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'terminology', 'valuesets');
export const VALUE_SETS_OUT = join(ROOT, 'src', 'extract', 'terminology', 'valueSets.generated.ts');
const SNOMED = 'http://snomed.info/sct';

export { verhoeffValid };

/** Why a string is not a SNOMED CT concept id, or undefined when it is well-formed. */
export function sctidProblem(code: string): string | undefined {
  if (!/^\d{6,18}$/.test(code)) return 'not 6-18 digits';
  if (code.startsWith('0')) return 'leading zero';
  const partition = code.slice(-3, -1);
  if (partition !== '00' && partition !== '10') return `partition ${partition} is not a concept partition (00 or 10)`;
  if (!verhoeffValid(code)) return 'Verhoeff check digit does not match';
  return undefined;
}

interface ContainsEntry {
  system: string;
  version?: string;
  code: string;
  display: string;
}

interface CopiedValueSet {
  id: string;
  url: string;
  version: string;
  title: string;
  publisher?: string;
  expansion: { identifier?: string; timestamp?: string; contains: ContainsEntry[] };
}

interface SourceEntry {
  file: string;
  repository: string;
  path: string;
  commit: string;
  trimmed: string;
}

interface ConceptRule {
  concept: string;
  valueSet: string;
  system?: string;
  displayMatches?: string;
  excludeDisplayMatches?: string;
  codes?: string[];
  excludeCodes?: Array<{ code: string; why: string }>;
  why: string;
}

interface ConceptMap {
  valueSets: SourceEntry[];
  concepts: ConceptRule[];
}

/** The files the generator reads, by name (so a test can hand it edited copies). */
export type ReadFile = (name: string) => string;

function fail(message: string): never {
  throw new Error(`terminology/valuesets: ${message}`);
}

function parseJson(read: ReadFile, name: string): unknown {
  try {
    return JSON.parse(read(name));
  } catch (e) {
    return fail(`${name} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function checkValueSet(vs: CopiedValueSet, file: string): void {
  for (const key of ['id', 'url', 'version', 'title'] as const) if (typeof vs[key] !== 'string' || vs[key] === '') fail(`${file}: "${key}" is missing`);
  if (!Array.isArray(vs.expansion?.contains) || vs.expansion.contains.length === 0) fail(`${file}: no expansion.contains`);
  for (const e of vs.expansion.contains) {
    if (typeof e.system !== 'string' || typeof e.code !== 'string' || typeof e.display !== 'string') fail(`${file}: an entry lacks system, code or display`);
    if (e.system === SNOMED) {
      const problem = sctidProblem(e.code);
      if (problem) fail(`${file}: SNOMED CT code ${e.code} (${e.display}): ${problem}`);
      if (typeof e.version !== 'string' || e.version === '') fail(`${file}: SNOMED CT code ${e.code} has no version`);
    }
  }
}

/** "SNOMED CT US Edition 20230901" for a version URI, the label as published otherwise ("2023-09"). */
export function describeSnomedVersion(version: string): string {
  const m = /^http:\/\/snomed\.info\/sct\/(\d+)\/version\/(\d{8})$/.exec(version);
  if (!m) return `SNOMED CT ${version} (VSAC code-system version label)`;
  const editions: Record<string, string> = { '731000124108': 'US Edition', '900000000000207008': 'International Edition' };
  return `SNOMED CT ${editions[m[1] ?? ''] ?? `edition ${m[1] ?? ''}`} ${m[2] ?? ''}`;
}

/** One generated row before formatting. */
interface Row {
  concept: string;
  system: string;
  code: string;
  display: string;
  source: string;
}

/** The TypeScript module text for the copied value sets and the concept map (pure, so a test can call it). */
export function generateValueSets(read: ReadFile): string {
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- the lists are checked here, each entry where it is used
  const map = parseJson(read, 'concept-map.json') as ConceptMap;
  if (typeof map !== 'object' || map === null || !Array.isArray(map.valueSets) || !Array.isArray(map.concepts))
    fail('concept-map.json needs "valueSets" and "concepts" lists');
  const sets = new Map<string, { vs: CopiedValueSet; src: SourceEntry }>();
  for (const src of map.valueSets) {
    // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- checked field by field by checkValueSet
    const vs = parseJson(read, src.file) as CopiedValueSet;
    checkValueSet(vs, src.file);
    if (`${vs.id}.json` !== src.file) fail(`${src.file}: its id is ${vs.id}`);
    if (!/^[0-9a-f]{40}$/.test(src.commit) || src.repository === '' || src.path === '')
      fail(`${src.file}: repository, path and a 40-digit commit are required`);
    sets.set(vs.id, { vs, src });
  }
  const rows: Row[] = [];
  const summaries: string[] = [];
  for (const rule of map.concepts) {
    const set = sets.get(rule.valueSet) ?? fail(`concept ${rule.concept}: value set ${rule.valueSet} is not listed in "valueSets"`);
    const { vs, src } = set;
    const include = rule.displayMatches ? new RegExp(rule.displayMatches, 'i') : undefined;
    const exclude = rule.excludeDisplayMatches ? new RegExp(rule.excludeDisplayMatches, 'i') : undefined;
    const excluded = new Set((rule.excludeCodes ?? []).map((x) => x.code));
    for (const code of [...excluded, ...(rule.codes ?? [])]) {
      if (!vs.expansion.contains.some((e) => e.code === code)) fail(`concept ${rule.concept}: code ${code} is not in ${src.file}`);
    }
    const picked = vs.expansion.contains.filter(
      (e) =>
        (rule.system === undefined || e.system === rule.system) &&
        (rule.codes === undefined || rule.codes.includes(e.code)) &&
        (include === undefined || include.test(e.display)) &&
        !(exclude?.test(e.display) ?? false) &&
        !excluded.has(e.code),
    );
    if (picked.length === 0) fail(`concept ${rule.concept}: the rule selects no code of ${src.file}`);
    const expansion = [vs.expansion.identifier, vs.expansion.timestamp].filter((x) => x !== undefined && x !== '').join(', ');
    for (const e of picked) {
      const edition =
        e.system === SNOMED ? describeSnomedVersion(e.version ?? '') : `${e.system.replace(/^http:\/\/hl7\.org\/fhir\/sid\//, '')} ${e.version ?? ''}`.trim();
      rows.push({
        concept: rule.concept,
        system: e.system,
        code: e.code,
        display: e.display,
        source: `verified: VSAC ${vs.id} ${vs.title} v${vs.version}, expansion ${expansion}; ${edition} (terminology/valuesets/${src.file}, from ${src.repository} ${src.commit.slice(0, 12)})`,
      });
    }
    const versions = [...new Set(picked.filter((e) => e.system === SNOMED).map((e) => describeSnomedVersion(e.version ?? '')))].sort();
    const systems = [...new Set(picked.map((e) => e.system))].sort();
    summaries.push(
      `  { concept: ${JSON.stringify(rule.concept)}, valueSet: ${JSON.stringify(vs.url)}, title: ${JSON.stringify(vs.title)}, version: ${JSON.stringify(vs.version)}, ` +
        `expansionIdentifier: ${JSON.stringify(vs.expansion.identifier ?? '')}, expansionTimestamp: ${JSON.stringify(vs.expansion.timestamp ?? '')}, ` +
        `snomedVersions: ${JSON.stringify(versions)}, systems: ${JSON.stringify(systems)}, codes: ${picked.length}, ` +
        `source: ${JSON.stringify(`${src.repository} ${src.path} @ ${src.commit}`)} },`,
    );
  }
  rows.sort((a, b) => a.concept.localeCompare(b.concept) || a.system.localeCompare(b.system) || a.code.localeCompare(b.code));
  const lines = rows.map(
    (r) =>
      `  { concept: ${JSON.stringify(r.concept)}, system: ${JSON.stringify(r.system)}, code: ${JSON.stringify(r.code)}, display: ${JSON.stringify(r.display)}, verifiedSource: ${JSON.stringify(r.source)} },`,
  );
  return [
    '/**',
    ` * GENERATED from terminology/valuesets/*.json and concept-map.json (${rows.length} rows, ${map.concepts.length} concept sets) by`,
    ' * scripts/gen-snomed.ts (`npm run gen:codes`). Regenerate rather than edit. Published VSAC expansions, not a',
    ' * hierarchy computed here: a code outside these sets and codes.csv is unknown to the app (text fallback, or the',
    ' * optional terminology server).',
    ' */',
    "import type { CodeRow } from './types.ts';",
    '',
    '/** One concept set: which value set, which version and expansion, which SNOMED CT edition(s), how many codes. */',
    'export interface ConceptSetSummary {',
    '  concept: string;',
    '  valueSet: string;',
    '  title: string;',
    '  version: string;',
    '  expansionIdentifier: string;',
    '  expansionTimestamp: string;',
    '  snomedVersions: readonly string[];',
    '  systems: readonly string[];',
    '  codes: number;',
    '  source: string;',
    '}',
    '',
    'export const CONCEPT_SETS: readonly ConceptSetSummary[] = [',
    ...summaries,
    '];',
    '',
    'export const VALUE_SET_ROWS: readonly CodeRow[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

/** Reads the copied files from terminology/valuesets/. */
export const readValueSetFile: ReadFile = (name) => readFileSync(join(DIR, name), 'utf8');

/** Writes (or with `check`, compares) the generated file; returns false when a check finds a difference. */
export function writeValueSets(check: boolean): boolean {
  const text = generateValueSets(readValueSetFile);
  if (check) return readFileSync(VALUE_SETS_OUT, 'utf8') === text;
  writeFileSync(VALUE_SETS_OUT, text);
  return true;
}

if (import.meta.filename === process.argv[1]) {
  if (!writeValueSets(process.argv.includes('--check'))) {
    process.stderr.write('valueSets.generated.ts differs from terminology/valuesets: run npm run gen:codes\n');
    process.exit(1);
  }
}
