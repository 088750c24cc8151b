// The demo EHR on the command line (`npm run sandbox`; `npm start` adds --with-app):
// FHIR R4 + SMART authorization + EHR launch page on 127.0.0.1:4010 (env SANDBOX_PORT), seeded with
// sandbox/fixtures/*.json. With --with-app it also runs the Vite dev server on 127.0.0.1:5173.
import { startSandbox } from './sandbox.mjs';

const withApp = process.argv.includes('--with-app');
const port = Number(process.env.SANDBOX_PORT ?? 4010);
const appLaunchUrl = process.env.APP_URL ?? 'http://127.0.0.1:5173/launch.html';

const sandbox = await startSandbox({ port, host: '127.0.0.1', appLaunchUrl });
const { definitionsMs, seedMs, startMs } = sandbox.timings;
const patients = await sandbox.patients();
const lines = [
  `Demo EHR ready in ${startMs} ms (FHIR definitions ${definitionsMs} ms, ${patients.length} patients seeded in ${seedMs} ms)`,
  `  EHR page:       ${sandbox.ehrUrl}`,
  `  FHIR base:      ${sandbox.fhirBaseUrl}`,
  `  Authorization:  ${sandbox.issuer} (client_id ${sandbox.clientId}, redirect URIs ${sandbox.redirectUris.join(', ')})`,
  `  Standalone:     ${sandbox.standaloneUrl()}`,
  '  EHR launches:',
  ...patients.map((p) => `    ${p.id.padEnd(14)} ${sandbox.launchUrl({ patient: p.id })}   (${p.name}; ${p.diagnoses.join(', ') || 'no diagnoses'})`),
];
process.stdout.write(`${lines.join('\n')}\n`);

/** @type {{ close(): Promise<void> } | undefined} */
let vite;
if (withApp) {
  const { createServer } = await import('vite');
  const server = await createServer({ server: { host: '127.0.0.1', port: 5173, strictPort: true } });
  await server.listen();
  vite = server;
  process.stdout.write(`App (Vite dev server) at http://127.0.0.1:5173/\nOpen ${sandbox.ehrUrl}\n`);
}

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping\n`);
  await vite?.close();
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', (s) => void stop(s));
process.on('SIGTERM', (s) => void stop(s));
