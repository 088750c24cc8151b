/**
 * Print what the data layer reads from a FHIR Bundle, as one JSON document.
 * Usage: npm run extract -- <bundle.json> [--now 2026-01-01] [--indication CD|UC|RA|RMS] [--patient ID]
 * The logic is in extractCli.ts; a bad argument or input ends on one line and a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { runExtract } from './extractCli.ts';

const result = runExtract(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
