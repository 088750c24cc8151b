import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
// The sandbox is plain ESM JavaScript (it is also what `npm start` runs).
import { startSandbox } from '../../sandbox/sandbox.mjs';
import { demoPatients, type DemoPatient } from './demoPatients.ts';
import { serveStatic } from './staticServer.ts';
import { contentSecurityPolicy } from '../../src/smart/contentSecurityPolicy.ts';
import { parseSettings } from '../../src/smart/settings.ts';

/** The CSP for dist/config.json as it is now. */
export function deploymentCsp(dist: string): string {
  return contentSecurityPolicy(parseSettings(JSON.parse(readFileSync(resolve(dist, 'config.json'), 'utf8'))));
}

export interface E2eContext {
  appOrigin: string;
  sandboxOrigin: string;
  fhirBaseUrl: string;
  /** The FHIR base of each sandbox server profile (full = fhirBaseUrl, oracle, isik: sandbox/profiles/). */
  profileBaseUrls: Record<string, string>;
  /** Allowed in config.json but answers 404 everywhere: a FHIR server without SMART configuration. */
  noSmartFhirBaseUrl: string;
  /** Allowed in config.json but nobody listens there: a FHIR server that is down. */
  downFhirBaseUrl: string;
  patients: DemoPatient[];
  /** Key for the sandbox's test-only endpoints (minting a launch with a short lifetime). */
  sandboxTestKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

/**
 * Builds the production app, serves dist/ as a hospital web server would, starts the demo EHR
 * (FHIR server + SMART authorization server) and writes the deployment's config.json for them:
 * the same deploy-time override a site makes, with no rebuild.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = resolve('dist');
  if (process.env.E2E_SKIP_BUILD !== '1') await build({ logLevel: 'warn' });
  // The Content-Security-Policy a site would send, computed from the deployment's config.json at
  // each request (the tests rewrite config.json); every e2e test runs under it.
  const app = await serveStatic(dist, 0, {}, () => ({ 'Content-Security-Policy': deploymentCsp(dist) }));
  const sandbox = await startSandbox({
    port: 0,
    appLaunchUrl: `${app.origin}/launch.html`,
    appRedirectUris: [`${app.origin}/index.html`],
    testMode: true,
  });
  const noSmart = createServer((_req, res) => res.writeHead(404, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' }).end('not found'));
  const noSmartPort = await listen(noSmart);
  const down = createServer();
  const downPort = await listen(down);
  await new Promise<void>((ok) => down.close(() => ok()));

  const ctx: E2eContext = {
    appOrigin: app.origin,
    sandboxOrigin: sandbox.origin,
    fhirBaseUrl: sandbox.fhirBaseUrl,
    profileBaseUrls: sandbox.profileBaseUrls,
    noSmartFhirBaseUrl: `http://127.0.0.1:${noSmartPort}/fhir`,
    downFhirBaseUrl: `http://127.0.0.1:${downPort}/fhir`,
    patients: demoPatients(),
    sandboxTestKey: sandbox.testKey ?? '',
  };
  const configPath = resolve(dist, 'config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
  const profileBases = Object.values(ctx.profileBaseUrls).filter((u) => u !== ctx.fhirBaseUrl);
  config['allowedFhirServers'] = [ctx.fhirBaseUrl, ...profileBases, ctx.noSmartFhirBaseUrl, ctx.downFhirBaseUrl];
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  project.provide('e2e', ctx);

  return async () => {
    await new Promise<void>((ok) => noSmart.close(() => ok()));
    await sandbox.close();
    await app.close();
  };
}
