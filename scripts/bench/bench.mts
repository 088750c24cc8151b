/**
 * npm run bench: the production build in headless chromium against the sandbox EHR, measured as the
 * clinician sees it (issue 15). Static files and the sandbox run in their own processes
 * (scripts/bench/serve.mts). For each patient (the demo patients and a generated record with 20,000
 * Observations) and each of RUNS rounds, two fresh browser profiles: the first launches the patient
 * cold (empty caches) then warm (same patient again); the second launches another patient first and
 * then this one, "next" (the app's code is cached, this patient's requests and their CORS preflights
 * are not: a clinic's next patient). Each launch reports token -> last FHIR response, token -> model
 * ready, token -> visible ranking (the first painted frame), their ratio, the app's own work, long
 * tasks and the JS heap (scripts/bench/launch.mts). Prints one line per launch, medians per patient,
 * the targets, then one JSON document. No figure is asserted anywhere: they are printed.
 *
 * Environment: BENCH_RUNS (default 3), BENCH_PATIENTS=id,id (e.g. one patient per specialty and
 * bench-20k), BENCH_BIG_RUNS and BENCH_BIG_NEXT=0 for the 20k record, BENCH_SKIP_BUILD=1 or
 * BENCH_DIST=<a build folder> (measured instead of building dist/), BENCH_BASELINE=<another build folder>: every round then runs the same
 * launches on that build and on dist/ in alternating order, through the same server (same origin),
 * so before/after are compared under the same machine load.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as viteBuild } from 'vite';
import { openBrowser } from '../../tests/support/browser.ts';
import { demoPatients } from '../../tests/e2e/demoPatients.ts';
import { extractRecord } from '../../src/extract/extract.ts';
import { resourcesFromBundle } from '../../src/extract/bundle.ts';
import { bigRecordBundle } from './bigRecord.ts';
import { LONG_TASK_OBSERVER, measureLaunch, type LaunchFigures, type LaunchKind } from './launch.mts';
import { initialJs, median, startServer } from './report.mts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIG = 'bench-20k';
// The 20,000-Observation record takes minutes per launch on the in-memory sandbox: its rounds and its
// "next" launch can be limited (BENCH_BIG_RUNS, BENCH_BIG_NEXT=0); the output says how many ran.
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? RUNS);
const BIG_NEXT = process.env.BENCH_BIG_NEXT !== '0';
const out = (text: string): void => void process.stdout.write(`${text}\n`);
const loads = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The builds compared: dist/ alone, or a baseline and dist/ (BENCH_BASELINE). */
function builds(): Array<{ name: string; dir: string }> {
  const after = { name: 'after', dir: resolve(process.env.BENCH_DIST ?? 'dist') };
  return process.env.BENCH_BASELINE ? [{ name: 'before', dir: resolve(process.env.BENCH_BASELINE) }, after] : [{ name: 'dist', dir: after.dir }];
}

/** Points the static server's root (a symbolic link) at `dir`, atomically. */
function serveBuild(link: string, dir: string): void {
  const tmp = `${link}.next`;
  rmSync(tmp, { force: true });
  symlinkSync(dir, tmp);
  renameSync(tmp, link);
}

const med = (fs: LaunchFigures[], k: keyof LaunchFigures): number | null => median(fs.map((f) => (typeof f[k] === 'number' ? f[k] : NaN)));
const n = (v: number | null, w = 5): string => (v === null ? '-' : String(v)).padStart(w);

function line(f: LaunchFigures): string {
  return (
    `launch ${f.build.padEnd(6)} ${f.kind.padEnd(4)} ${f.patient.padEnd(22)} read ${n(f.read)} model ${n(f.model)} visible ${n(f.visible)} ` +
    `ratio ${n(f.ratio, 4)} afterRead ${n(f.afterRead)} own ${n(f.ownWork)} explained ${n(f.explained)} compute ${n(f.computeMs, 4)} ` +
    `wasm ${n(f.wasmInitMs)} longTasks ${f.longTasks} (max ${f.longestTaskMs}) page ${f.longTasksPage} heap ${n(f.heapMB, 4)}MB load ${f.load}`
  );
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1' && !process.env.BENCH_DIST) await viteBuild({ logLevel: 'warn' });
  out(`load average at start: ${loads()} (${cpus().length} cpus)`);
  const work = mkdtempSync(join(tmpdir(), 'tn-bench-'));
  const link = join(work, 'app');
  const list = builds();
  serveBuild(link, list[0]!.dir);
  const app = await startServer(['static', link]);
  const sandbox = await startServer(['sandbox', app.origin]);
  const fhirBaseUrl = sandbox.info['fhirBaseUrl'] as string;
  for (const b of list) {
    const file = join(b.dir, 'config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    config['allowedFhirServers'] = [fhirBaseUrl];
    // The 20,000-Observation record's pages take long on the in-memory server: the deployment's maximum.
    config['requestTimeoutSeconds'] = 300;
    writeFileSync(file, JSON.stringify(config, null, 2));
  }
  const urls = { app: app.origin, sandbox: sandbox.origin };
  const only = process.env.BENCH_PATIENTS?.split(',').filter(Boolean);
  const demo = demoPatients().map((p) => p.id);
  const patients = [...demo, BIG].filter((p) => !only || only.includes(p));
  const all: LaunchFigures[] = [];
  const errors: Array<{ patient: string; build: string; error: string }> = [];
  try {
    for (const patient of patients) {
      // The patient launched before "next": another demo patient (never the big record).
      const other = demo.find((p) => p !== patient) ?? patient;
      const timeoutMs = patient === BIG ? 600_000 : 120_000;
      const rounds = patient === BIG ? BIG_RUNS : RUNS;
      for (let i = 0; i < rounds; i++) {
        const order = i % 2 === 0 ? list : [...list].reverse();
        for (const b of order) {
          serveBuild(link, b.dir);
          try {
            const sessions: ReadonlyArray<readonly ['cold', 'warm'] | readonly ['other', 'next']> =
              patient === BIG && !BIG_NEXT
                ? [['cold', 'warm']]
                : [
                    ['cold', 'warm'],
                    ['other', 'next'],
                  ];
            for (const kinds of sessions) {
              const browser = await openBrowser();
              try {
                await browser.context.addInitScript(LONG_TASK_OBSERVER);
                for (const kind of kinds) {
                  if (kind === 'other') {
                    await measureLaunch(browser, urls, other, { build: b.name, kind: 'cold', timeoutMs });
                    continue;
                  }
                  const f = await measureLaunch(browser, urls, patient, { build: b.name, kind, timeoutMs });
                  all.push(f);
                  out(line(f));
                  out(
                    `  phases ${Object.entries(f.phases)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(' ')} longTasksAt ${f.longTaskList.map(([at, d]) => `${at}+${d}`).join(',') || '-'}`,
                  );
                }
              } finally {
                await browser.close();
              }
            }
          } catch (e) {
            const error = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
            errors.push({ patient, build: b.name, error });
            out(`error  ${b.name} ${patient}: ${error}`);
          }
        }
      }
    }
  } finally {
    await sandbox.close();
    await app.close();
    rmSync(work, { recursive: true, force: true });
  }

  const kinds: LaunchKind[] = ['cold', 'warm', 'next'];
  const pick = (name: string, patient: string | null, kind: LaunchKind | null) =>
    all.filter((f) => f.build === name && (patient === null || f.patient === patient) && (kind === null || f.kind === kind));
  const figures = [
    'read',
    'model',
    'visible',
    'ratio',
    'afterRead',
    'ownWork',
    'explained',
    'startToToken',
    'computeMs',
    'wasmInitMs',
    'longTasks',
    'longestTaskMs',
    'heapMB',
    'load',
  ] as const;
  const summary: Array<Record<string, unknown>> = [];
  for (const patient of patients) {
    for (const b of list) {
      for (const kind of kinds) {
        const fs = pick(b.name, patient, kind);
        if (fs.length === 0) continue;
        const row: Record<string, unknown> = { build: b.name, patient, kind, launches: fs.length };
        for (const k of figures) row[k] = med(fs, k);
        summary.push(row);
        out(
          `median ${b.name.padEnd(6)} ${kind.padEnd(4)} ${patient.padEnd(22)} n=${fs.length} ${figures.map((k) => `${k} ${JSON.stringify(row[k] ?? null)}`).join(' ')}`,
        );
      }
    }
  }
  const targets: Record<string, unknown> = {};
  for (const b of list) {
    const per = (kind: LaunchKind, k: keyof LaunchFigures) => median(patients.filter((p) => p !== BIG).map((p) => med(pick(b.name, p, kind), k) ?? NaN));
    const typicalAfter = per('warm', 'afterRead');
    const bigAfter = med(pick(b.name, BIG, 'warm'), 'afterRead');
    const t = {
      'visible / max(read, model) <= 1.15 (median over typical patients)': Object.fromEntries(kinds.map((k) => [k, per(k, 'ratio')])),
      'visible / max(read, model), 20k record': Object.fromEntries(kinds.map((k) => [k, med(pick(b.name, BIG, k), 'ratio')])),
      "app's own work after the last FHIR response, warm (<= 150 ms)": { afterRead: typicalAfter, afterMaxReadModel: per('warm', 'ownWork') },
      'inference + explanations compute incl. first run in a fresh worker (<= 100 ms)': { cold: per('cold', 'computeMs'), warm: per('warm', 'computeMs') },
      '20k / typical, visible after the last FHIR response (<= 1.5)':
        typicalAfter && bigAfter !== null ? Math.round((100 * bigAfter) / typicalAfter) / 100 : null,
      '20k heap MB (<= 200)': med(pick(b.name, BIG, null), 'heapMB'),
      'long tasks between last FHIR response and visible ranking (target 0), max ms': median(pick(b.name, null, null).map((f) => f.longestTaskMs)),
    };
    targets[b.name] = t;
    for (const [name, v] of Object.entries(t)) out(`target ${b.name.padEnd(6)} ${name}: ${JSON.stringify(v)}`);
  }
  if (list.length === 2) {
    // Paired: the same patient and kind, before and after, in the same round (order alternated).
    for (const kind of kinds) {
      const pairs = patients.map((p) => {
        const a = med(pick('after', p, kind), 'visible');
        const bf = med(pick('before', p, kind), 'visible');
        return a !== null && bf ? Math.round((100 * a) / bf) / 100 : null;
      });
      out(`paired ${kind}: visible after/before per patient ${patients.map((p, i) => `${p} ${pairs[i] ?? '-'}`).join(', ')}`);
    }
  }

  const big = bigRecordBundle(20_000);
  const { resources } = resourcesFromBundle(big);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    extractRecord(resources, { now: new Date('2026-11-15T00:00:00Z') });
    times.push(performance.now() - t0);
  }
  const js = Object.fromEntries(list.map((b) => [b.name, initialJs(b.dir)]));
  for (const [name, v] of Object.entries(js)) out(`initial JS ${name}: ${v.gzipBytes} bytes gzip (<= 300 kB), wasm ${v.wasmBytes} bytes`);
  out(`load average at end: ${loads()}`);
  const doc = {
    benchmark: 'therapy-navigator',
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverageAtEnd: loadavg() },
    targets,
    initialJs: js,
    errors,
    summary,
    launches: all,
    extractNode20kObservations: { observations: 20_000, resources: resources.length, medianMs: median(times) },
  };
  out(JSON.stringify(doc));
}

await main();
