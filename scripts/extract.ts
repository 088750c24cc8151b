/**
 * Print what the data layer reads from a FHIR Bundle, as one JSON document.
 * Usage: npx tsx scripts/extract.ts <bundle.json> [--now 2026-01-01] [--indication CD|UC|RA|RMS]
 */
import { readFileSync } from 'node:fs';
import { extractRecord, INDICATIONS, resourcesFromBundle } from '../src/extract/index.ts';
import { scoreRecord } from '../src/scores/fromRecord.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: npx tsx scripts/extract.ts <bundle.json> [--now YYYY-MM-DD] [--indication CD|UC|RA|RMS]');
  process.exit(2);
}
let parsed: unknown;
try {
  parsed = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const nowArg = arg('--now');
const now = nowArg ? new Date(nowArg) : new Date();
const indicationArg = arg('--indication');
const indication = INDICATIONS.find((i) => i === indicationArg);
const bundle = resourcesFromBundle(parsed);
const record = extractRecord(bundle.resources, { now, ...(indication ? { indication } : {}) });
// Scores: the latest result of every score of the record's indication(s), computed from the
// components where no total is recorded; derived model inputs are listed apart, never merged into inputs.
const scored = scoreRecord(record, now);
const scores = scored.latest.map((s) => ({ ...s, ...(scored.notes[s.score] ? { note: scored.notes[s.score] } : {}) }));
if (scored.problems.length > 0) console.error(`scores: ${scored.problems.join('; ')}`);
process.stdout.write(
  `${JSON.stringify(
    {
      file,
      now: now.toISOString(),
      patient: record.patient,
      primaryIndication: record.primaryIndication,
      indications: record.indications,
      episodes: record.episodes,
      inputs: record.inputs,
      scores,
      derivedInputs: scored.derivedInputs,
      gaps: record.gaps,
      problems: [...bundle.problems, ...record.problems.map((p) => p.message)],
      observationSeries: Object.fromEntries(Object.entries(record.observations).map(([k, v]) => [k, v.length])),
    },
    null,
    2,
  )}\n`,
);
