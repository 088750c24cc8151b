/**
 * npm run bench: the production build in headless chromium against the sandbox EHR. For each demo
 * patient (and a generated record with 20,000 Observations) it launches the app RUNS times and
 * reports medians of: token -> ranking visible (the first painted frame that shows it, not the React
 * commit), the ratio visible ranking / max(token -> last FHIR response, token -> model ready) per
 * launch (cold, warm, and "next patient": another patient in the same browser, as a clinic's next
 * launch), the JS heap after the ranking, token -> last FHIR response, the app's own work
 * after the last FHIR response, model load (includes wasm start-up on the first model), inference,
 * explanations, extraction, requests and waves; plus the initial JS size (gzip) of the build and
 * the Node-side extraction time of the 20,000-observation record. Prints one JSON document.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { defaultFixtureFiles, startSandbox } from '../../sandbox/sandbox.mjs';
import { openBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/e2e/staticServer.ts';
import { demoPatients } from '../../tests/e2e/demoPatients.ts';
import { extractRecord } from '../../src/extract/extract.ts';
import { resourcesFromBundle } from '../../src/extract/bundle.ts';
import type { LaunchMetrics } from '../../src/pipeline/metrics.ts';
import { bigRecordBundle } from './bigRecord.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]): number | null => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return Math.round((v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2) * 10) / 10;
};

/** JS the page needs before its first paint (entry + modulepreloads of index.html), gzip level 6. */
function initialJs(): { files: string[]; rawBytes: number; gzipBytes: number; allJsGzipBytes: number; wasmBytes: number } {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const buf = readFileSync(`dist/${f}`);
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 6 }).length;
  }
  const assets = readdirSync('dist/assets');
  const wasmFile = assets.find((f) => f.endsWith('.wasm'));
  const allJsGzipBytes = assets.filter((f) => f.endsWith('.js')).reduce((a, f) => a + gzipSync(readFileSync(`dist/assets/${f}`), { level: 6 }).length, 0);
  return { files, rawBytes, gzipBytes, allJsGzipBytes, wasmBytes: wasmFile ? statSync(`dist/assets/${wasmFile}`).size : 0 };
}

type Run = LaunchMetrics & { origins: string[]; heapBytes: number | null };

/**
 * Launches the app three times in one fresh browser profile: cold (empty HTTP and code caches), warm
 * (the same patient again) and next (another patient after `previous`, so the app's code is cached
 * but the patient's requests and their CORS preflights are new: a clinic's next patient).
 */
async function launchColdWarmNext(appOrigin: string, sandboxOrigin: string, patient: string, previous: string): Promise<{ cold: Run; warm: Run; next: Run }> {
  const b = await openBrowser();
  try {
    const cold = await launchIn(b, appOrigin, sandboxOrigin, patient);
    const warm = await launchIn(b, appOrigin, sandboxOrigin, patient);
    await launchIn(b, appOrigin, sandboxOrigin, previous);
    const next = await launchIn(b, appOrigin, sandboxOrigin, patient);
    return { cold, warm, next };
  } finally {
    await b.close();
  }
}

/** Visible ranking over the physical floor of the same launch: max(token -> last FHIR response, token -> model ready). */
function floorRatio(r: Run): number {
  const m = r.marks;
  const floor = Math.max((m.recordRead ?? NaN) - (m.token ?? NaN), (m.modelLoaded ?? NaN) - (m.token ?? NaN));
  return ((m.rankingVisible ?? NaN) - (m.token ?? NaN)) / floor;
}

async function launchIn(b: Awaited<ReturnType<typeof openBrowser>>, appOrigin: string, sandboxOrigin: string, patient: string): Promise<Run> {
  b.requests.length = 0;
  {
    await b.page.goto(`${sandboxOrigin}/ehr/launch?patient=${encodeURIComponent(patient)}&app=${encodeURIComponent(`${appOrigin}/launch.html`)}`);
    await b.page.getByTestId('ranking-table').or(b.page.getByTestId('model-error')).first().waitFor({ timeout: 120_000 });
    const failed = await b.page.getByTestId('model-error').count();
    if (failed > 0) throw new Error(`no ranking for ${patient}: ${(await b.page.getByTestId('model-error').first().textContent()) ?? ''}`);
    await b.page.waitForFunction(() => window.therapyNavigatorMetrics?.marks.explanationsVisible !== undefined, undefined, { timeout: 120_000 });
    const m = (await b.page.evaluate(() => window.therapyNavigatorMetrics)) as LaunchMetrics;
    // chromium's non-standard performance.memory: the JS heap in use once the ranking is explained
    const heapBytes = await b.page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null);
    const origins = [...new Set(b.requests.map((r) => new URL(r.url).origin))];
    return { ...m, origins, heapBytes };
  }
}

/** A patient's "visible ranking after the last FHIR response" figure, if it has one. */
const after = (p: Record<string, unknown>): number | null =>
  typeof p['msLastFhirResponseToRankingVisible'] === 'number' ? p['msLastFhirResponseToRankingVisible'] : null;

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') await build({ logLevel: 'warn' });
  const app = await serveStatic('dist');
  const big = bigRecordBundle(20_000);
  const sandbox = await startSandbox({
    port: 0,
    appLaunchUrl: `${app.origin}/launch.html`,
    appRedirectUris: [`${app.origin}/index.html`],
    fixtures: [...defaultFixtureFiles(), big],
  });
  const config = JSON.parse(readFileSync('dist/config.json', 'utf8')) as Record<string, unknown>;
  config['allowedFhirServers'] = [sandbox.fhirBaseUrl];
  writeFileSync('dist/config.json', JSON.stringify(config, null, 2));

  // BENCH_PATIENTS=id,id,... limits the run (e.g. one patient per specialty and bench-20k)
  const only = process.env.BENCH_PATIENTS?.split(',').filter(Boolean);
  const patients = [...demoPatients().map((p) => p.id), 'bench-20k'].filter((p) => !only || only.includes(p));
  const results: Array<Record<string, unknown>> = [];
  const allOrigins = new Set<string>();
  for (const id of patients) {
    const colds: Run[] = [];
    const runs: Run[] = [];
    const nexts: Run[] = [];
    const previous = patients[(patients.indexOf(id) + patients.length - 1) % patients.length] ?? id;
    let error: string | null = null;
    for (let i = 0; i < RUNS && error === null; i++) {
      try {
        const { cold, warm, next } = await launchColdWarmNext(app.origin, sandbox.origin, id, previous);
        colds.push(cold);
        runs.push(warm);
        nexts.push(next);
      } catch (e) {
        error = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
      }
    }
    if (error !== null) {
      results.push({ patient: id, error });
      continue;
    }
    [...colds, ...runs, ...nexts].forEach((r) => r.origins.forEach((o) => allOrigins.add(o)));
    const d = (a: keyof LaunchMetrics['marks'], b: keyof LaunchMetrics['marks'], of: Run[] = runs) =>
      median(of.map((r) => (r.marks[b] ?? NaN) - (r.marks[a] ?? NaN)));
    results.push({
      patient: id,
      runs: RUNS,
      visibleOverFloor: {
        cold: median(colds.map(floorRatio)),
        warm: median(runs.map(floorRatio)),
        next: median(nexts.map(floorRatio)),
      },
      msLastFhirResponseToRankingVisible: d('recordRead', 'rankingVisible'),
      heapMB: median(runs.map((r) => (r.heapBytes ?? NaN) / 1048576)),
      next: {
        msTokenToRankingVisible: d('token', 'rankingVisible', nexts),
        msTokenToLastFhirResponse: d('token', 'recordRead', nexts),
        msTokenToModelLoaded: d('token', 'modelLoaded', nexts),
      },
      cold: {
        msTokenToRankingVisible: d('token', 'rankingVisible', colds),
        msTokenToRankingRendered: d('token', 'rankingRendered', colds),
        msTokenToLastFhirResponse: d('token', 'recordRead', colds),
        msAppWorkAfterLastFhirResponse: d('recordRead', 'rankingRendered', colds),
        wasmInitMs: median(colds.map((r) => r.wasmInitMs ?? NaN)),
      },
      warm: 'the figures below',
      msTokenToRankingVisible: d('token', 'rankingVisible'),
      msTokenToModelLoaded: d('token', 'modelLoaded'),
      msRankingRenderedToVisible: d('rankingRendered', 'rankingVisible'),
      msTokenToRankingRendered: d('token', 'rankingRendered'),
      msTokenToLastFhirResponse: d('token', 'recordRead'),
      msAppWorkAfterLastFhirResponse: d('recordRead', 'rankingRendered'),
      msAppStartToToken: d('appStart', 'token'),
      msRecordReadToExtracted: d('recordRead', 'extracted'),
      msRecordReadToModelRequested: d('recordRead', 'modelRequested'),
      msModelRequestedToLoaded: d('modelRequested', 'modelLoaded'),
      msModelLoadedToRecommended: d('modelLoaded', 'recommended'),
      msRecommendedToRankingRendered: d('recommended', 'rankingRendered'),
      msRankingRenderedToExplained: d('rankingRendered', 'explained'),
      wasmInitMs: median(runs.map((r) => r.wasmInitMs ?? NaN)),
      modelLoadMs: median(runs.map((r) => r.modelLoadMs ?? NaN)),
      predictMs: median(runs.map((r) => r.predictMs ?? NaN)),
      explainMs: median(runs.map((r) => r.explainMs ?? NaN)),
      inferencePlusExplanationsMs: median(runs.map((r) => (r.predictMs ?? NaN) + (r.explainMs ?? NaN))),
      // compute only: the model's time in the worker for the prediction and the explanation batch,
      // plus the Shapley arithmetic (the wall times above also wait for the page's rendering)
      inferencePlusExplanationsComputeMs: median(runs.map((r) => (r.predictWorkerMs ?? NaN) + (r.explainWorkerMs ?? NaN))),
      extractMs: median(runs.map((r) => r.extractMs ?? NaN)),
      requests: median(runs.map((r) => r.requests ?? NaN)),
      waves: median(runs.map((r) => r.waves ?? NaN)),
    });
  }
  await sandbox.close();
  await app.close();

  const { resources } = resourcesFromBundle(big);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    extractRecord(resources, { now: new Date('2026-11-15T00:00:00Z') });
    times.push(performance.now() - t0);
  }
  // the 20,000-Observation record against a typical one: visible ranking measured from the last FHIR response
  const typical = median(results.filter((p) => p['patient'] !== 'bench-20k').map((p) => after(p) ?? NaN));
  const bigAfter = after(results.find((p) => p['patient'] === 'bench-20k') ?? {});
  const doc = {
    benchmark: 'therapy-navigator',
    targets: {
      'visible ranking / max(FHIR read, model ready), median over patients (<= 1.15)': {
        cold: median(results.map((p) => (p['visibleOverFloor'] as { cold?: number } | undefined)?.cold ?? NaN)),
        warm: median(results.map((p) => (p['visibleOverFloor'] as { warm?: number } | undefined)?.warm ?? NaN)),
        next: median(results.map((p) => (p['visibleOverFloor'] as { next?: number } | undefined)?.next ?? NaN)),
      },
      '20k record / typical, visible ranking after the last FHIR response (<= 1.5)':
        typical && bigAfter !== null ? Math.round((100 * bigAfter) / typical) / 100 : null,
    },
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '' },
    initialJs: initialJs(),
    origins: [...allOrigins].sort(),
    expectedOrigins: [app.origin, sandbox.origin],
    patients: results,
    extractNode20kObservations: { observations: 20_000, resources: resources.length, medianMs: median(times) },
  };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

await main();
