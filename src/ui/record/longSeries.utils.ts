/**
 * Long series in the record view (issue 15: a record with 20,000 Observations rendered about 6,000 table
 * rows and 6,000 chart points, 118,000 DOM nodes and 350 MB of JS heap): tables are paged, charts draw a
 * bounded, stated subset that keeps every peak, every crossing of a band line and the latest value. Pure.
 */

/** Rows per page of a record-view table; a table with at most this many rows is not paged (typical records). */
export const PAGE_SIZE = 50;

/** One page of a table: rows `start` (inclusive) to `end` (exclusive), 0-based. */
export interface PageWindow {
  page: number;
  pages: number;
  start: number;
  end: number;
}

/**
 * The rows of page `page` (clamped to the pages there are). Pages are counted back from the end, so the
 * last page (the latest values of an oldest-first table, where a table opens) is always a full one and
 * the first page holds the remainder: 101 rows are pages of 1, 50 and 50.
 * @param total number of rows
 * @param page 0-based page asked for
 * @param size rows per page
 */
export function pageWindow(total: number, page: number, size = PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const offset = total - pages * size;
  return { page: p, pages, start: Math.max(0, offset + p * size), end: Math.max(0, offset + (p + 1) * size) };
}

/**
 * The page a table opens on: the last one, because the tables are oldest first and the latest values are
 * what a clinician looks at first; the others are one keystroke away.
 */
export function openingPage(total: number, size = PAGE_SIZE): number {
  return pageWindow(total, Number.MAX_SAFE_INTEGER, size).page;
}

/** At most this many rows of one chart are drawn; a series with more is thinned by {@link thinRows}. */
export const MAX_DRAWN = 400;

/** What a chart draws of its rows. */
export interface Thinned<R> {
  rows: R[];
  /** Rows the chart had before thinning. */
  total: number;
  /** Number of equal time slices used; null when every row is drawn. */
  slices: number | null;
}

/**
 * The rows a chart draws. Up to `max` rows: all of them. Above it, the time domain is cut into `max / 4`
 * equal slices and each slice keeps its first, last, lowest and highest value (the M4 aggregation: Jugel U,
 * Jerzak Z, Hackenbroich G, Markl V. M4: a visualization-oriented time series data aggregation. PVLDB
 * 2014;7(10):797-808). So every slice keeps the same extremes as the full series: a value above (below) a
 * band line is drawn in every slice that has one, the line crosses each band line in every slice where
 * the full line does, and the latest value is always drawn. Rows `always` picks (implausible values,
 * disagreements, calculated scores) are all kept besides the budget. Order is kept.
 * @param rows chart rows, any order of time
 * @param valueOf the plotted value of a row (null: nothing to plot, the row is kept only if `always`)
 * @param always rows never thinned out
 * @param domain the chart's time axis; rows outside it count in the first or last slice
 * @param max the drawing budget (at least 8)
 */
export function thinRows<R extends { time: number }>(
  rows: readonly R[],
  valueOf: (r: R) => number | null,
  always: (r: R) => boolean,
  domain: readonly [number, number],
  max = MAX_DRAWN,
): Thinned<R> {
  if (rows.length <= max) return { rows: [...rows], total: rows.length, slices: null };
  const slices = Math.max(2, Math.floor(max / 4));
  const [from, to] = domain;
  const span = Math.max(to - from, 1);
  const keep = new Set<number>();
  // Per slice: indexes of first, last, lowest and highest row (by time, then by value).
  const first: number[] = [];
  const last: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  let latest = -1;
  rows.forEach((r, i) => {
    if (always(r)) keep.add(i);
    const v = valueOf(r);
    if (v === null) return;
    if (latest < 0 || r.time >= rows[latest]!.time) latest = i;
    const s = Math.min(slices - 1, Math.max(0, Math.floor(((r.time - from) / span) * slices)));
    const f = first[s];
    if (f === undefined || r.time < rows[f]!.time) first[s] = i;
    const l = last[s];
    if (l === undefined || r.time >= rows[l]!.time) last[s] = i;
    const lo = low[s];
    if (lo === undefined || v < valueOf(rows[lo]!)!) low[s] = i;
    const hi = high[s];
    if (hi === undefined || v > valueOf(rows[hi]!)!) high[s] = i;
  });
  for (const list of [first, last, low, high]) for (const i of list) if (i !== undefined) keep.add(i);
  if (latest >= 0) keep.add(latest);
  return { rows: rows.filter((_, i) => keep.has(i)), total: rows.length, slices };
}
