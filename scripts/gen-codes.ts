/**
 * Generates src/extract/terminology/codes.generated.ts from terminology/codes.csv (`npm run gen:codes`).
 *
 * One CodeRow per CSV row, in CSV order; rows with an empty code are kept (they document that no code
 * was found). Strings are written with JSON.stringify, so the output is byte-stable: CI regenerates the
 * file and fails when `git diff --exit-code` shows a difference (the CSV and the table drifted apart).
 *
 * `--check` writes nothing and exits 1 when the committed file differs from what the CSV gives.
 *
 * It also runs scripts/gen-snomed.ts (the concept sets from the copied VSAC expansions in
 * terminology/valuesets/), so one command regenerates every terminology table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeValueSets } from './gen-snomed.ts';

const ROOT = join(import.meta.dirname, '..');
const CSV = join(ROOT, 'terminology', 'codes.csv');
const OUT = join(ROOT, 'src', 'extract', 'terminology', 'codes.generated.ts');
const COLUMNS = ['concept', 'system', 'code', 'display', 'verified_source'] as const;

/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted; `""` inside quotes is one quote; quoted
 * fields may hold commas and line breaks. Throws on an unterminated quote rather than guessing.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
    i += 1;
  }
  if (quoted) throw new Error('codes.csv: a quoted field is not closed before the end of the file');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The TypeScript module text for the CSV text (pure, so a test can call it). */
export function generateCodes(csvText: string): string {
  const [header, ...rows] = parseCsv(csvText);
  if (!header || header.join(',') !== COLUMNS.join(',')) {
    throw new Error(`codes.csv: the header must be "${COLUMNS.join(',')}", found "${header?.join(',') ?? ''}"`);
  }
  const lines = rows.map((cells, index) => {
    if (cells.length !== COLUMNS.length) {
      throw new Error(`codes.csv line ${index + 2}: ${cells.length} fields, expected ${COLUMNS.length}`);
    }
    const [concept, system, code, display, verifiedSource] = cells.map((c) => JSON.stringify(c));
    return `  { concept: ${concept}, system: ${system}, code: ${code}, display: ${display}, verifiedSource: ${verifiedSource} },`;
  });
  return [
    '/**',
    ` * GENERATED from terminology/codes.csv (${rows.length} rows; columns concept, system, code, display,`,
    ' * verified_source) by scripts/gen-codes.ts (`npm run gen:codes`). Regenerate rather than edit: one CodeRow',
    ' * per CSV row, in CSV order, rows with an empty code kept (they document that no code was found).',
    ' * `verifiedSource` is the CSV column verbatim.',
    ' */',
    "import type { CodeRow } from './types.ts';",
    '',
    'export const CODE_ROWS: readonly CodeRow[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

// Run as a script (not when a test imports the functions above).
if (import.meta.filename === process.argv[1]) {
  const text = generateCodes(readFileSync(CSV, 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      process.stderr.write('codes.generated.ts differs from terminology/codes.csv: run npm run gen:codes\n');
      process.exit(1);
    }
    if (!writeValueSets(true)) {
      process.stderr.write('valueSets.generated.ts differs from terminology/valuesets: run npm run gen:codes\n');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    writeValueSets(false);
  }
}
