/**
 * One measured launch of the benchmark: the EHR launch of a patient in a browser profile, until the
 * explanations are painted, and the figures of that launch (issue 15, "what the clinician sees").
 */
import { loadavg } from 'node:os';
import type { BrowserSession } from '../../tests/support/browser.ts';
import type { LaunchMetrics } from '../../src/pipeline/metrics.ts';

/** Which launch of a browser profile this was (see bench.mts). */
export type LaunchKind = 'cold' | 'warm' | 'next';

/** The figures of one launch, in ms unless named otherwise; null when a mark is missing. */
export interface LaunchFigures {
  build: string;
  patient: string;
  kind: LaunchKind;
  /** token -> last FHIR response of the record read. */
  read: number | null;
  /** token -> model ready (wasm runtime started and the indication's session created). */
  model: number | null;
  /** token -> first painted frame showing the ranking. */
  visible: number | null;
  /** visible / max(read, model): 1 is the physical floor of this launch. */
  ratio: number | null;
  /** Last FHIR response -> visible ranking. */
  afterRead: number | null;
  /** The app's own work once both the record and the model are there: max(read, model) -> visible. */
  ownWork: number | null;
  /** token -> explanations painted. */
  explained: number | null;
  /** Page load (navigation start) -> token: settings, code exchange. */
  startToToken: number | null;
  /** The model's compute in the worker for the ranking and the explanation batch. */
  computeMs: number | null;
  /** Runtime start-up in the worker (wasm fetch and compile), measured in the worker. */
  wasmInitMs: number | null;
  /** Long tasks (> 50 ms, PerformanceObserver 'longtask') between the last FHIR response and the visible ranking. */
  longTasks: number;
  longestTaskMs: number;
  /** Long tasks over the whole page, up to the painted explanations. */
  longTasksPage: number;
  /** Every long task of the page as [start after the token, duration] (ms), to tell where each one sits among the phases. */
  longTaskList: Array<[number, number]>;
  /** JS heap in use once the record view is rendered too (CDP Performance.getMetrics JSHeapUsedSize). */
  heapMB: number | null;
  requests: number | null;
  /** Every milestone of the launch, ms after the token (src/pipeline/metrics.ts), and the pipeline's step times. */
  phases: Record<string, number>;
  /** 1-minute load average of the machine when the launch ended. */
  load: number;
}

/** Installed in every page of a profile: records long tasks from the start of each page. */
export const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  Object.defineProperty(window, 'benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no long task API: the counts stay 0 */ }
})();`;

const diff = (a: number | undefined, b: number | undefined): number | null => (a === undefined || b === undefined ? null : Math.round(b - a));

/** The marks relative to the token and the step durations, rounded to ms: where the launch's time went. */
function phasesOf(metrics: LaunchMetrics): Record<string, number> {
  const out: Record<string, number> = {};
  const token = metrics.marks.token ?? 0;
  for (const [k, v] of Object.entries(metrics.marks)) if (typeof v === 'number') out[k] = Math.round(v - token);
  for (const [k, v] of Object.entries(metrics)) if (k !== 'marks' && typeof v === 'number') out[k] = Math.round(v);
  return out;
}

/** Launches `patient` from the sandbox EHR in `b` and measures it; throws when no ranking appears. */
export async function measureLaunch(
  b: BrowserSession,
  urls: { app: string; sandbox: string },
  patient: string,
  meta: { build: string; kind: LaunchKind; timeoutMs: number },
): Promise<LaunchFigures> {
  const { page } = b;
  b.requests.length = 0;
  await page.goto(`${urls.sandbox}/ehr/launch?patient=${encodeURIComponent(patient)}&app=${encodeURIComponent(`${urls.app}/launch.html`)}`);
  const done = page.getByTestId('ranking-table').or(page.getByTestId('model-error')).or(page.getByTestId('launch-error')).or(page.getByTestId('record-error'));
  await done.first().waitFor({ timeout: meta.timeoutMs });
  if ((await page.getByTestId('ranking-table').count()) === 0) {
    const text = (await done.first().textContent()) ?? '';
    throw new Error(`no ranking for ${patient}: ${text.slice(0, 200)}`);
  }
  await page.waitForFunction(() => window.therapyNavigatorMetrics?.marks.explanationsVisible !== undefined, undefined, { timeout: meta.timeoutMs });
  const { metrics, longTasks } = await page.evaluate(() => ({
    metrics: window.therapyNavigatorMetrics as LaunchMetrics,
    longTasks: ((window as unknown as { benchLongTasks?: Array<[number, number]> }).benchLongTasks ?? []).slice(),
  }));
  // The heap with the whole page there: the record view (charts, tables) renders after the ranking.
  await page.getByTestId('record-view').waitFor({ timeout: meta.timeoutMs });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const perf = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const heap = perf.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  const m = metrics.marks;
  const read = diff(m.token, m.recordRead);
  const model = diff(m.token, m.modelLoaded);
  const visible = diff(m.token, m.rankingVisible);
  const floor = read === null || model === null ? null : Math.max(read, model);
  const between = longTasks.filter(
    ([start, d]) => m.recordRead !== undefined && m.rankingVisible !== undefined && start + d > m.recordRead && start < m.rankingVisible,
  );
  return {
    build: meta.build,
    patient,
    kind: meta.kind,
    read,
    model,
    visible,
    ratio: visible === null || !floor ? null : Math.round((100 * visible) / floor) / 100,
    afterRead: diff(m.recordRead, m.rankingVisible),
    ownWork: floor === null || visible === null ? null : visible - floor,
    explained: diff(m.token, m.explanationsVisible),
    startToToken: m.token === undefined ? null : Math.round(m.token),
    computeMs:
      metrics.predictWorkerMs === undefined || metrics.explainWorkerMs === undefined ? null : Math.round(metrics.predictWorkerMs + metrics.explainWorkerMs),
    wasmInitMs: metrics.wasmInitMs === undefined ? null : Math.round(metrics.wasmInitMs),
    longTasks: between.length,
    longestTaskMs: Math.round(Math.max(0, ...between.map(([, d]) => d))),
    longTasksPage: longTasks.length,
    longTaskList: longTasks.map(([start, d]) => [Math.round(start - (m.token ?? 0)), Math.round(d)]),
    heapMB: heap === undefined ? null : Math.round(heap / 1048576),
    requests: metrics.requests ?? null,
    phases: phasesOf(metrics),
    load: Math.round(loadavg()[0]! * 100) / 100,
  };
}
