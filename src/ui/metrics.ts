/**
 * Timings of one launch, for `npm run bench` (read by the benchmark from `window.__therapyNavigator`).
 * Only durations and counts: never patient data, tokens or URLs.
 */
export interface LaunchMetrics {
  /** ms since navigation start (performance.now()) at each milestone. */
  marks: Partial<Record<'appStart' | 'token' | 'recordRead' | 'extracted' | 'modelLoaded' | 'rankingRendered', number>>;
  requests?: number;
  waves?: number;
  modelLoadMs?: number;
  encodeMs?: number;
  predictMs?: number;
  explainMs?: number;
  safetyMs?: number;
  extractMs?: number;
}

declare global {
  interface Window {
    __therapyNavigator?: LaunchMetrics;
  }
}

function store(): LaunchMetrics {
  window.__therapyNavigator ??= { marks: {} };
  return window.__therapyNavigator;
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
