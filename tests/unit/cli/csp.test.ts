/** Issue 12: `npm run csp` with a bad config: one clear line and a non-zero exit code, no stack trace. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'csp-cli-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const run = async (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/csp.ts', ...args], { cwd: process.cwd() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('csp CLI', () => {
  it.each<[string, () => string, RegExp]>([
    ['a missing file', () => join(dir, 'nothere.json'), /^csp: cannot read .*nothere\.json \(ENOENT\)$/],
    ['not JSON', () => file('broken.json', '{"allowedFhirServers": ['), /^csp: .*broken\.json is not valid JSON$/],
    [
      'an invalid config (wildcard, ; injection)',
      () => file('bad.json', JSON.stringify({ allowedFhirServers: ['http://*'], frameAncestors: ['https://ehr.example; script-src *'] })),
      /^csp: .*bad\.json is invalid: .*wildcards.*frameAncestors/,
    ],
  ])(
    '%s: one line, exit 1',
    async (_name, path, message) => {
      const r = await run([path()]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    },
    30_000,
  );

  it('prints the header for a valid config', async () => {
    const r = await run([file('ok.json', JSON.stringify({ allowedFhirServers: ['https://fhir.example/r4'], frameAncestors: ['https://ehr.example'] }))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Content-Security-Policy: default-src 'self'.*connect-src 'self' https:\/\/fhir\.example;.*frame-ancestors 'self' https:\/\/ehr\.example\n$/,
    );
  }, 30_000);
});
