// The demo EHR on the command line (`npm run sandbox`; `npm start` adds --with-app):
// FHIR R4 + SMART authorization + EHR launch page on 127.0.0.1:4010 (env SANDBOX_PORT), seeded with
// sandbox/fixtures/*.json. With --with-app it also serves the app on 127.0.0.1:5173: the production
// build (rebuilt when a source changed; sandbox/startApp.mjs), or with --dev the Vite dev server.
// It prints a status line or two and, last, the one URL to open; --verbose adds every patient's
// EHR launch URL (the EHR page lists the same patients with a launch button).
const args = process.argv.slice(2);
const withApp = args.includes('--with-app');
const dev = args.includes('--dev');
const verbose = args.includes('--verbose');
const port = Number(process.env.SANDBOX_PORT ?? 4010);
const APP_PORT = 5173;
const appLaunchUrl = process.env.APP_URL ?? `http://127.0.0.1:${APP_PORT}/launch.html`;
const root = new URL('..', import.meta.url).pathname;

// oidc-provider warns at import that it supports only Node 22+; the demo runs on the project's Node 20.19+
// (package.json engines; the sandbox's tests run there), so that one line is noise before the URL to open.
const warn = console.warn;
console.warn = (...a) => {
  if (!String(a[0]).includes('oidc-provider WARNING: Unsupported runtime')) warn(...a);
};
const { startSandbox } = await import('./sandbox.mjs');
console.warn = warn;

/** @param {string} line */
const say = (line) => process.stdout.write(`${line}\n`);

const appStart = withApp ? import('./startApp.mjs').then((m) => m.startApp({ root, port: APP_PORT, dev, status: say })) : undefined;
const sandbox = await startSandbox({ port, host: '127.0.0.1', appLaunchUrl });
const patients = await sandbox.patients();
say(`Demo EHR ready in ${sandbox.timings.startMs} ms: ${patients.length} demo patients, FHIR base ${sandbox.fhirBaseUrl}`);
if (!withApp) say(`  The app is expected at ${appLaunchUrl} (npm run dev; npm start runs both)`);
if (verbose || !withApp) {
  say(`  Authorization:  ${sandbox.issuer} (client_id ${sandbox.clientId}, redirect URIs ${sandbox.redirectUris.join(', ')})`);
  say(`  Standalone:     ${sandbox.standaloneUrl()}`);
}
if (verbose) {
  say('  EHR launches:');
  for (const p of patients) say(`    ${p.id.padEnd(14)} ${sandbox.launchUrl({ patient: p.id })}   (${p.name}; ${p.diagnoses.join(', ') || 'no diagnoses'})`);
}

/** @type {{ mode: string, close(): Promise<void> } | undefined} */
let app;
try {
  app = await appStart;
} catch (error) {
  await sandbox.close();
  throw error;
}
if (app) say(`App (${app.mode}) on http://127.0.0.1:${APP_PORT}/`);
say(`Open ${sandbox.ehrUrl} to choose a demo patient`);

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`\n${signal}: stopping`);
  await app?.close();
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', (s) => void stop(s));
process.on('SIGTERM', (s) => void stop(s));
