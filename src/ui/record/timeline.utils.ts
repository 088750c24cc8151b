/** Layout of the treatment timeline: where each episode's bar starts and how wide it is. Pure. */
import type { TherapyEpisode } from '../../extract/index.ts';

export interface TimelineRow {
  episode: TherapyEpisode;
  /** Percent of the track from the left. */
  left: number;
  /** Percent of the track; 0 for a single-date episode (drawn with a minimum width). */
  width: number;
}

export interface TimelineLayout {
  start: number;
  end: number;
  rows: TimelineRow[];
  ticks: Array<{ year: number; left: number }>;
}

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Bars over whole years, from January 1 of the first episode's start year to `now`. An ongoing
 * episode runs to `now`; an ended one to the end of its stop date's interval (a month-precision stop
 * covers that month). An episode without a start is drawn at its stop date, or at the left edge.
 * @param episodes therapy episodes, any order (shown in the given order)
 * @param now the right edge of the timeline
 */
export function timelineLayout(episodes: readonly TherapyEpisode[], now: Date): TimelineLayout {
  const end = now.getTime();
  const starts = episodes.map((e) => e.start?.start.getTime()).filter((x): x is number => x !== undefined && x <= end);
  const firstYear = new Date(starts.length > 0 ? Math.min(...starts) : end - YEAR_MS).getUTCFullYear();
  const start = Date.UTC(firstYear, 0, 1);
  const span = Math.max(end - start, 1);
  const pct = (time: number) => Math.min(100, Math.max(0, ((time - start) / span) * 100));
  const rows = episodes.map((episode) => {
    const from = episode.start?.start.getTime() ?? episode.end?.start.getTime() ?? start;
    const to = episode.ongoing ? end : (episode.end?.end.getTime() ?? from);
    const left = pct(from);
    return { episode, left, width: Math.max(0, pct(to) - left) };
  });
  const years = new Date(end).getUTCFullYear() - firstYear + 1;
  let step = 1;
  if (years > 16) step = 4;
  else if (years > 8) step = 2;
  const ticks: TimelineLayout['ticks'] = [];
  for (let y = firstYear; y <= new Date(end).getUTCFullYear(); y += step) ticks.push({ year: y, left: pct(Date.UTC(y, 0, 1)) });
  return { start, end, rows, ticks };
}
