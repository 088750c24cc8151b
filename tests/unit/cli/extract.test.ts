/**
 * Issue 12: `npm run extract` on bad arguments and bad input: one clear line, a non-zero exit code,
 * no stack trace; a bundle with two patients' records is refused unless --patient says which.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../../scripts/extractCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
const entry = (resource: object) => ({ resource });
const twoPatients = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    entry({ resourceType: 'Patient', id: 'a', gender: 'female', birthDate: '1980-01-01' }),
    entry({
      resourceType: 'Condition',
      id: 'ca',
      subject: { reference: 'Patient/a' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '34000006' }] },
    }),
    entry({ resourceType: 'Patient', id: 'b', gender: 'male', birthDate: '1950-01-01' }),
    entry({
      resourceType: 'Condition',
      id: 'cb',
      subject: { reference: 'Patient/b' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '69896004' }] },
    }),
  ],
};
const files: Record<string, string> = {
  'two.json': JSON.stringify(twoPatients),
  'patient.json': JSON.stringify({ resourceType: 'Patient', id: 'a' }),
  'outcome.json': JSON.stringify({ resourceType: 'OperationOutcome', issue: [] }),
  'number.json': '42',
  'broken.json': '{"resourceType": "Bun',
  'one.json': JSON.stringify({ ...twoPatients, entry: twoPatients.entry.slice(0, 2) }),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
const read = (path: string): string => {
  const name = path.split('/').pop() ?? '';
  if (!(name in files)) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
  return files[name] ?? '';
};
const today = new Date('2026-06-01T00:00:00Z');

describe('extract CLI: bad arguments and input', () => {
  it.each<[string, string[], RegExp]>([
    ['no file', [], /^extract: usage:/],
    ['--now garbage', ['one.json', '--now', 'garbage'], /--now must be a date like 2026-01-31.*"garbage"/],
    ['--now impossible date', ['one.json', '--now', '2026-02-31'], /not a real date/],
    ['--now without value', ['one.json', '--now'], /--now needs a value/],
    ['--indication XX', ['one.json', '--indication', 'XX'], /--indication must be one of CD, UC, RA, RMS, not "XX"/],
    ['unknown option', ['one.json', '--bogus', '1'], /unknown option --bogus/],
    ['missing file', ['nothere.json'], /cannot read nothere.json: ENOENT/],
    ['not JSON', ['broken.json'], /broken.json is not valid JSON/],
    ['a Patient, not a Bundle', ['patient.json'], /patient.json is not a FHIR Bundle \(it is a Patient\)/],
    ['an OperationOutcome', ['outcome.json'], /is not a FHIR Bundle \(it is a OperationOutcome\)/],
    ['a number', ['number.json'], /number.json is not a FHIR Bundle$/m],
    ['two patients', ['two.json'], /holds the records of 2 patients \(a, b\); choose one with --patient ID/],
    ['--patient not in the bundle', ['two.json', '--patient', 'z'], /--patient z is not in two.json \(patients: a, b\)/],
  ])('%s: one line, non-zero exit, no output', (_name, argv, message) => {
    const r = runExtract(argv, read, today);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("--patient picks one record; the other patient's resources are dropped and named", () => {
    const r = runExtract(['two.json', '--patient', 'b', '--now', '2026-01-31'], read, today);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { now: string; patient: { ref: string }; problems: string[]; indications: Array<{ indication: string }> };
    expect(out.now).toBe('2026-01-31T00:00:00.000Z');
    expect(out.patient.ref).toBe('Patient/b');
    expect(out.indications.map((f) => f.indication)).toEqual(['RA']);
    expect(out.problems).toEqual(
      expect.arrayContaining([
        'Patient/a was not used: a Patient other than the launch patient',
        'Condition/ca was not used: its subject refers to another patient',
      ]),
    );
  });

  it('a one-patient bundle needs no --patient; --indication is case-insensitive', () => {
    const r = runExtract(['one.json', '--indication', 'cd'], read, today);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { primaryIndication: string }).primaryIndication).toBe('CD');
  });
});

const run = async (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], { cwd: process.cwd() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
describe('the script itself', () => {
  it('exits non-zero with one line on --now garbage and on two patients', async () => {
    const bad = await run([join(dir, 'one.json'), '--now', 'garbage']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const two = await run([join(dir, 'two.json')]);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/2 patients/);
  }, 30_000);
});
