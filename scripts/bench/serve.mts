/**
 * One server of the benchmark in its own process (scripts/bench/bench.mts starts two): `static <root>`
 * serves a production build, `sandbox <appOrigin>` the demo EHR (FHIR, SMART authorization, launch
 * pages) with the demo fixtures and the generated 20,000-Observation record. Each runs on its own
 * event loop, so the browser driver and in-memory FHIR searches never hold up a static file (in one
 * process spec.json waited 4 s behind the searches: issue 15). Prints one line `READY <json>` with
 * its addresses, then serves until its parent closes its stdin.
 */
import { defaultFixtureFiles, startSandbox } from '../../sandbox/sandbox.mjs';
import { serveStatic } from '../../tests/e2e/staticServer.ts';
import { bigRecordBundle } from './bigRecord.ts';

const [mode, arg] = process.argv.slice(2);
if (!arg || (mode !== 'static' && mode !== 'sandbox')) {
  process.stderr.write('usage: serve.mts static <root> | sandbox <appOrigin>\n');
  process.exit(2);
}

let close: () => Promise<unknown>;
if (mode === 'static') {
  // `root` may be a symbolic link: the benchmark points it at another build between browser sessions.
  const server = await serveStatic(arg);
  close = () => server.close();
  process.stdout.write(`READY ${JSON.stringify({ origin: server.origin })}\n`);
} else {
  const sandbox = await startSandbox({
    port: 0,
    appLaunchUrl: `${arg}/launch.html`,
    appRedirectUris: [`${arg}/index.html`],
    fixtures: [...defaultFixtureFiles(), bigRecordBundle(20_000)],
  });
  close = () => sandbox.close();
  process.stdout.write(`READY ${JSON.stringify({ origin: sandbox.origin, fhirBaseUrl: sandbox.fhirBaseUrl })}\n`);
}
// The parent ends us by closing stdin (also when it dies).
process.stdin.resume();
process.stdin.on('end', () => void close().finally(() => process.exit(0)));
