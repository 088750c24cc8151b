/**
 * Runs `callback` after the browser has painted the frame that holds the current DOM: a
 * requestAnimationFrame callback runs just before the paint, and a message posted from it is
 * delivered as a new task after that paint. Used to (1) start the record view's heavy rendering only
 * once the ranking is visible, and (2) time "ranking visible" for the benchmark at the painted frame,
 * not at the React commit (issue 15: the commit-time mark came 1.4-8.8 s before the first frame that
 * showed the ranking, because the record view rendered in the same task).
 * Without requestAnimationFrame (jsdom) or in a hidden tab (frames paused) it falls back to a timer.
 * Returns a cancel function.
 */
export function afterPaint(callback: () => void): () => void {
  let cancelled = false;
  const run = (): void => {
    if (!cancelled) callback();
  };
  // A hidden tab paints nothing and pauses animation frames: there a timer keeps the work going.
  const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  if (hidden || typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    const timer = setTimeout(run, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
