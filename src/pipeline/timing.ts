/**
 * The one timing helper of the pipeline: a stopwatch whose laps are the durations of consecutive
 * steps (so the step times add up to the total and no step is timed twice or not at all).
 */
export interface Stopwatch {
  /** Milliseconds since the previous lap (or the start), and starts the next lap. */
  lap(): number;
  /** Milliseconds since the start. */
  total(): number;
}

/** Starts a stopwatch on `performance.now()`. */
export function stopwatch(): Stopwatch {
  const start = performance.now();
  let last = start;
  return {
    lap: () => {
      const now = performance.now();
      const ms = now - last;
      last = now;
      return ms;
    },
    total: () => performance.now() - start,
  };
}
