/**
 * Timings of one launch, for `npm run bench` (read by the benchmark from `window.therapyNavigatorMetrics`).
 * Only durations and counts: never patient data, tokens or URLs. The one place launch metrics are
 * written: the pipeline steps mark their milestones here, and the UI reports what it rendered through
 * the `record*` functions below (so which figure comes from where is decided in this file only).
 */
import type { LoadedModel } from '../model/loader.ts';
import type { Explanation, PreparedRecord, Ranking } from './types.ts';

export interface LaunchMetrics {
  /** ms since navigation start (performance.now()) at each milestone. */
  marks: Partial<
    Record<
      | 'appStart'
      | 'token'
      | 'recordRead'
      | 'extracted'
      | 'modelRequested'
      | 'modelLoaded'
      | 'recommended'
      | 'rankingRendered'
      | 'rankingVisible'
      | 'explained'
      | 'explanationsVisible',
      number
    >
  >;
  requests?: number;
  waves?: number;
  modelLoadMs?: number;
  wasmInitMs?: number;
  encodeMs?: number;
  predictMs?: number;
  explainMs?: number;
  /** The model's own compute time in the worker: prediction, and the explanation batch. */
  predictWorkerMs?: number;
  explainWorkerMs?: number;
  /** The explanation-size warm-up batch in the worker, run while the ranking renders (not in the compute figures). */
  explainWarmupWorkerMs?: number;
  safetyMs?: number;
  extractMs?: number;
}

declare global {
  interface Window {
    therapyNavigatorMetrics?: LaunchMetrics;
  }
}

/** In the browser this is `window`; under Node (tests, scripts) the figures go to the global object. */
const host = globalThis as { therapyNavigatorMetrics?: LaunchMetrics };

function store(): LaunchMetrics {
  host.therapyNavigatorMetrics ??= { marks: {} };
  return host.therapyNavigatorMetrics;
}

/** Records a milestone once (the first time it is reached). */
export function mark(name: keyof LaunchMetrics['marks']): void {
  const m = store();
  m.marks[name] ??= performance.now();
}

/** Records figures of the launch. */
export function record(values: Omit<Partial<LaunchMetrics>, 'marks'>): void {
  Object.assign(store(), values);
}

/** The record was prepared (extracted and scored) for the screen. */
export function recordPrepared(prepared: PreparedRecord): void {
  record({ extractMs: prepared.timings.prepareMs });
  mark('extracted');
}

/** The first (not what-if) ranking is on screen. */
export function recordRanked(ranking: Ranking, model: LoadedModel | undefined): void {
  mark('rankingRendered');
  const t = ranking.timings;
  record({
    encodeMs: t.encodeMs,
    predictMs: t.predictMs,
    predictWorkerMs: t.predictWorkerMs,
    safetyMs: t.safetyMs,
    ...(model ? { modelLoadMs: model.loadMs } : {}),
  });
}

/**
 * The first ranking has been painted (the frame after its commit: see src/ui/afterPaint.ts). This,
 * not `rankingRendered` (the React commit), is what the clinician sees and what the benchmark times.
 */
export function recordRankingVisible(): void {
  mark('rankingVisible');
}

/** The explanations of the first ranking have been painted. */
export function recordExplanationsVisible(): void {
  mark('explanationsVisible');
}

/** The explanations of the first ranking are on screen. */
export function recordExplained(explanation: Explanation): void {
  mark('explained');
  const t = explanation.explainTimings;
  record({ explainMs: t.runMs + t.explainMs, explainWorkerMs: t.workerMs + t.explainMs });
}
