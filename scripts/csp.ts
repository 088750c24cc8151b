/**
 * npm run csp -- [dist/config.json]: prints the Content-Security-Policy header for the deployment
 * described by config.json (see README, "Launching it from a real EHR"). A missing, unreadable or
 * invalid file ends on one line naming every problem and exit code 1, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { LaunchError } from '../src/smart/errors.ts';
import { contentSecurityPolicy } from '../src/smart/contentSecurityPolicy.ts';
import { parseSettings } from '../src/smart/settings.ts';

function fail(message: string): never {
  process.stderr.write(`csp: ${message.replace(/\s+/g, ' ')}\n`);
  process.exit(1);
}

const file = process.argv[2] ?? 'dist/config.json';
let text = '';
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch {
  fail(`${file} is not valid JSON`);
}
try {
  process.stdout.write(`Content-Security-Policy: ${contentSecurityPolicy(parseSettings(json))}\n`);
} catch (e) {
  fail(e instanceof LaunchError ? `${file} is invalid: ${e.detail}` : `${file}: ${e instanceof Error ? e.message : String(e)}`);
}
