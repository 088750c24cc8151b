// Paging and chart thinning of long record-view series (issue 15: the 20,000-Observation record).
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN, openingPage, PAGE_SIZE, pageWindow, thinRows } from '@src/ui/record/longSeries.utils.ts';

describe('pageWindow', () => {
  it('cuts 1,000 rows into 20 pages of 50 and clamps a page out of range', () => {
    expect(PAGE_SIZE).toBe(50);
    expect(pageWindow(1000, 0)).toEqual({ page: 0, pages: 20, start: 0, end: 50 });
    expect(pageWindow(1000, 19)).toEqual({ page: 19, pages: 20, start: 950, end: 1000 });
    expect(pageWindow(1000, 25)).toEqual({ page: 19, pages: 20, start: 950, end: 1000 });
    expect(pageWindow(1000, -3)).toEqual({ page: 0, pages: 20, start: 0, end: 50 });
  });

  it('has one page for an empty or short table, and a full last page with the remainder first', () => {
    expect(pageWindow(0, 0)).toEqual({ page: 0, pages: 1, start: 0, end: 0 });
    expect(pageWindow(12, 3)).toEqual({ page: 0, pages: 1, start: 0, end: 12 });
    expect(pageWindow(101, 9)).toEqual({ page: 2, pages: 3, start: 51, end: 101 });
    expect(pageWindow(101, 1)).toEqual({ page: 1, pages: 3, start: 1, end: 51 });
    expect(pageWindow(101, 0)).toEqual({ page: 0, pages: 3, start: 0, end: 1 });
    expect(pageWindow(989, 19)).toEqual({ page: 19, pages: 20, start: 939, end: 989 });
  });

  it('covers every row exactly once over all pages', () => {
    for (const total of [1, 49, 50, 51, 99, 100, 101, 989, 1000]) {
      const { pages } = pageWindow(total, 0);
      const seen: number[] = [];
      for (let p = 0; p < pages; p++) {
        const w = pageWindow(total, p);
        expect(w.end - w.start).toBeLessThanOrEqual(50);
        for (let i = w.start; i < w.end; i++) seen.push(i);
      }
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
    }
  });

  it('opens on the last page (the latest values of an oldest-first table)', () => {
    expect(openingPage(30)).toBe(0);
    expect(openingPage(50)).toBe(0);
    expect(openingPage(51)).toBe(1);
    expect(openingPage(20_000)).toBe(399);
  });
});

interface Row {
  time: number;
  value: number | null;
  odd: boolean;
}

/** A noisy deterministic series of `n` rows, one a day, with a few "always" rows. */
function series(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    time: Date.UTC(2020, 0, 1) + i * 86_400_000,
    value: i % 97 === 13 ? null : Math.round(((i * 2654435761) % 1000) / 3) / 10 + (i % 500 === 250 ? 500 : 0),
    odd: i % 331 === 7,
  }));
}
const valueOf = (r: Row) => r.value;
const always = (r: Row) => r.odd;
const domainOf = (rows: Row[]): [number, number] => [rows[0]!.time, rows.at(-1)!.time];
const slice = (r: Row, [from, to]: [number, number], slices: number) => Math.min(slices - 1, Math.floor(((r.time - from) / Math.max(to - from, 1)) * slices));

describe('thinRows', () => {
  it('draws every row of a series within the budget (a typical record)', () => {
    const rows = series(MAX_DRAWN);
    const out = thinRows(rows, valueOf, always, domainOf(rows));
    expect(out).toEqual({ rows, total: MAX_DRAWN, slices: null });
  });

  it('draws at most the budget plus the rows always kept, in the original order', () => {
    const rows = series(5000);
    const out = thinRows(rows, valueOf, always, domainOf(rows));
    const kept = rows.filter(always).length;
    expect(out.total).toBe(5000);
    expect(out.slices).toBe(MAX_DRAWN / 4);
    expect(out.rows.length).toBeLessThanOrEqual(MAX_DRAWN + kept);
    expect(out.rows.length).toBeGreaterThan(MAX_DRAWN / 2);
    const order = out.rows.map((r) => rows.indexOf(r));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const r of rows.filter(always)) expect(out.rows).toContain(r);
  });

  it('keeps the latest value and each slice’s lowest and highest, so every peak and band crossing is drawn', () => {
    const rows = series(5000);
    const domain = domainOf(rows);
    const out = thinRows(rows, valueOf, always, domain);
    const slices = out.slices ?? 0;
    const latest = rows.filter((r) => r.value !== null).at(-1);
    expect(out.rows).toContain(latest);
    const extremes = (list: Row[]) => {
      const lo = new Map<number, number>();
      const hi = new Map<number, number>();
      for (const r of list) {
        if (r.value === null) continue;
        const s = slice(r, domain, slices);
        lo.set(s, Math.min(lo.get(s) ?? Infinity, r.value));
        hi.set(s, Math.max(hi.get(s) ?? -Infinity, r.value));
      }
      return { lo, hi };
    };
    const full = extremes(rows);
    const drawn = extremes(out.rows);
    expect(drawn.lo).toEqual(full.lo);
    expect(drawn.hi).toEqual(full.hi);
    // A band line at any height: every slice with a value above it (or below it) still has one drawn.
    for (const line of [5, 25, 50, 99.9, 250, 500]) {
      const above = (list: Row[]) => new Set(list.filter((r) => r.value !== null && r.value > line).map((r) => slice(r, domain, slices)));
      const below = (list: Row[]) => new Set(list.filter((r) => r.value !== null && r.value < line).map((r) => slice(r, domain, slices)));
      expect(above(out.rows)).toEqual(above(rows));
      expect(below(out.rows)).toEqual(below(rows));
    }
    // The peaks added at every 500th row are all drawn.
    for (const r of rows.filter((x) => x.value !== null && x.value >= 500)) expect(out.rows).toContain(r);
  });

  it('counts rows outside the time domain in the first or last slice instead of losing them', () => {
    const rows = series(1000);
    const out = thinRows(rows, valueOf, always, [rows[100]!.time, rows[900]!.time]);
    expect(out.rows).toContain(rows[0]);
    expect(out.rows).toContain(rows.at(-1));
  });
});
