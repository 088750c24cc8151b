import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// Plain ESM JavaScript (also what `npm run sandbox` runs), typed by its JSDoc: tsconfig.sandbox.json checks it (checkJs).
import { defaultFixtureFiles, startSandbox } from '../../sandbox/sandbox.mjs';

/**
 * What the integration tests need to reach the sandbox. `testKey` authenticates the test-only
 * endpoints (`POST /__test__/token`, `/__test__/launch`), which exist only in test mode.
 */
export interface SandboxInfo {
  origin: string;
  fhirBaseUrl: string;
  ehrUrl: string;
  clientId: string;
  redirectUris: string[];
  appLaunchUrl: string;
  testKey: string;
  timings: { definitionsMs: number; seedMs: number; startMs: number };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandbox: SandboxInfo;
  }
}

const root = join(import.meta.dirname, '..', '..');

/** The sandbox's own test bundle (tests/fixtures/sandbox), loaded after the demo fixtures. */
export const SANDBOX_TEST_BUNDLE = join(root, 'tests', 'fixtures', 'sandbox', 'sandbox-test-bundle.json');

/**
 * Starts the demo EHR once for the `integration` project: FHIR R4 + SMART authorization server on a
 * free 127.0.0.1 port, seeded with sandbox/fixtures/*.json and the sandbox test bundle.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sb = await startSandbox({ port: 0, testMode: true, fixtures: [...defaultFixtureFiles(), SANDBOX_TEST_BUNDLE] });
  if (!sb.testKey) throw new Error('sandbox started without test mode');
  project.provide('sandbox', {
    origin: sb.origin,
    fhirBaseUrl: sb.fhirBaseUrl,
    ehrUrl: sb.ehrUrl,
    clientId: sb.clientId,
    redirectUris: sb.redirectUris,
    appLaunchUrl: sb.appLaunchUrl,
    testKey: sb.testKey,
    timings: sb.timings,
  });
  process.stderr.write(
    `sandbox ready at ${sb.origin} (definitions ${sb.timings.definitionsMs} ms, seeding ${sb.timings.seedMs} ms, total ${sb.timings.startMs} ms)\n`,
  );
  return () => sb.close();
}
