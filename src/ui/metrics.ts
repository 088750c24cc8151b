/**
 * Timings of one launch, for `npm run bench` (read by the benchmark from `window.therapyNavigatorMetrics`).
 * Only durations and counts: never patient data, tokens or URLs.
 */
export interface LaunchMetrics {
  /** ms since navigation start (performance.now()) at each milestone. */
  marks: Partial<Record<'appStart' | 'token' | 'recordRead' | 'extracted' | 'modelRequested' | 'modelLoaded' | 'recommended' | 'rankingRendered' | 'explained', number>>;
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
  safetyMs?: number;
  extractMs?: number;
}

declare global {
  interface Window {
    therapyNavigatorMetrics?: LaunchMetrics;
  }
}

function store(): LaunchMetrics {
  window.therapyNavigatorMetrics ??= { marks: {} };
  return window.therapyNavigatorMetrics;
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
