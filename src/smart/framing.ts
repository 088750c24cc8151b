/**
 * The app refuses to run inside a frame of an origin that config.json does not list in
 * `frameAncestors`, even where the web server sends no `frame-ancestors` header (a clickjacking
 * EHR look-alike must not show a patient's ranking). The browser tells who frames the page through
 * `location.ancestorOrigins` (Chromium, WebKit); elsewhere a same-origin top window can be read, and
 * `document.referrer` names the parent unless its referrer policy hides it.
 */
import { LaunchError } from './errors.ts';

/** What the page can observe about its ancestors. */
export interface FramingContext {
  selfOrigin: string;
  /** window.top !== window.self */
  framed: boolean;
  /** `location.ancestorOrigins`, parent first; null where the browser has none. */
  ancestorOrigins: readonly string[] | null;
  /** The top window's origin when readable (same origin), else null. */
  topOrigin: string | null;
  /** Origin of `document.referrer`, or null when empty. */
  referrerOrigin: string | null;
}

/**
 * Null when the page may run; otherwise why not.
 * @param frameAncestors the configured origins allowed to frame the app (its own origin always is)
 */
export function framingProblem(ctx: FramingContext, frameAncestors: readonly string[]): string | null {
  if (!ctx.framed) return null;
  const allowed = new Set([ctx.selfOrigin, ...frameAncestors]);
  if (ctx.ancestorOrigins !== null) {
    const foreign = ctx.ancestorOrigins.find((o) => !allowed.has(o));
    return foreign === undefined ? null : `the app is shown inside a page of ${foreign}, which is not in frameAncestors`;
  }
  if (ctx.topOrigin !== null) return allowed.has(ctx.topOrigin) ? null : `the app is shown inside a page of ${ctx.topOrigin}, which is not in frameAncestors`;
  if (ctx.referrerOrigin !== null && !allowed.has(ctx.referrerOrigin))
    return `the app is shown inside a page of ${ctx.referrerOrigin}, which is not in frameAncestors`;
  // Nothing names the framing page: only a configured embedding is accepted (the header then decides).
  if (frameAncestors.length === 0) return 'the app is shown inside a frame of an unknown page, and no frameAncestors are configured';
  return null;
}

/** Reads the framing context of this window (never throws: cross-origin reads count as unknown). */
export function currentFramingContext(win: Window = window): FramingContext {
  let framed = true;
  let topOrigin: string | null = null;
  try {
    framed = win.top !== win.self;
    topOrigin = framed ? (win.top?.location.origin ?? null) : win.location.origin;
  } catch {
    topOrigin = null;
  }
  const ancestors = (win.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  let referrerOrigin: string | null = null;
  try {
    referrerOrigin = win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    referrerOrigin = null;
  }
  return { selfOrigin: win.location.origin, framed, ancestorOrigins: ancestors ? Array.from(ancestors) : null, topOrigin, referrerOrigin };
}

/**
 * Stops the page when it is framed by an origin not allowed.
 * @throws LaunchError `framed-by-unknown-origin`
 */
export function assertFramingAllowed(frameAncestors: readonly string[], ctx: FramingContext = currentFramingContext()): void {
  const problem = framingProblem(ctx, frameAncestors);
  if (problem) throw new LaunchError('framed-by-unknown-origin', problem);
}
