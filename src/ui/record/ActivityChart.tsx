import { Box, Chip, Typography } from '@mui/material';
import { useTheme, type Theme } from '@mui/material/styles';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../format.ts';
import { drugLabel } from '../i18n/drugs.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { ActivityTable } from './ActivityTable.tsx';
import { DISAGREEMENT_THRESHOLD, niceMax, timeTicks, type ActivityPoint, type ActivitySeries } from './activity.utils.ts';
import type { TherapyPeriod } from './activity.ibd.ts';
import { displayUnit } from './recordView.utils.ts';
import { Citation, CITATION_MARK } from '../ranking/FlagList.tsx';
import { dateTimeFormat, numberFormat } from '../intl.ts';
import { thinRows } from './longSeries.utils.ts';
import { ThinnedNote } from './TablePager.tsx';

/** One chart row: ok values feed the line and a marker of their kind; others get their own marker. */
export interface ActivityRow {
  time: number;
  line: number | null;
  recorded: number | null;
  calculated: number | null;
  implausible: number | null;
  disagreement: number | null;
  index: number;
}

/**
 * Chart rows of a series. The line joins one value per day (a recorded total wins over a calculation
 * of the same day); both still get their marker. Implausible values are never joined.
 */
export function activityRows(points: readonly ActivityPoint[]): ActivityRow[] {
  const recordedDays = new Set(points.filter((p) => p.state === 'ok' && p.kind === 'recorded').map((p) => p.date));
  return points.flatMap((p, index) => {
    if (p.value === undefined) return [];
    const ok = p.state === 'ok';
    return [
      {
        time: p.time,
        line: ok && (p.kind === 'recorded' || !recordedDays.has(p.date)) ? p.value : null,
        recorded: ok && p.kind === 'recorded' ? p.value : null,
        calculated: ok && p.kind === 'calculated' ? p.value : null,
        implausible: p.state === 'implausible' ? p.value : null,
        disagreement: ok && p.disagreement ? p.value : null,
        index,
      },
    ];
  });
}

const BAND_TINT: Readonly<Record<string, [keyof Pick<Theme['palette'], 'success' | 'warning' | 'error'>, number]>> = {
  remission: ['success', 0.16],
  low: ['success', 0.07],
  mild: ['warning', 0.08],
  moderate: ['warning', 0.14],
  high: ['error', 0.12],
  severe: ['error', 0.12],
  'jcv-low': ['success', 0.08],
  'jcv-intermediate': ['warning', 0.12],
  'jcv-high': ['error', 0.12],
  'fcal-active': ['error', 0.08],
};

// recharts passes cy = null for a row without a value in the marker's series: no marker there (not one at y = 0).
type Shape = { cx?: number | null; cy?: number | null; fill?: unknown };
const colour = (fill: unknown) => (typeof fill === 'string' ? fill : 'currentColor');

/** Calculated values: a hollow circle (shape, not only colour). */
function Hollow({ cx, cy, fill }: Shape) {
  if (cx == null || cy == null || Number.isNaN(cy)) return null;
  return <circle cx={cx} cy={cy} r={4} fill="white" stroke={colour(fill)} strokeWidth={2} />;
}

/** Implausible values: an ✕. */
function Cross({ cx, cy, fill }: Shape) {
  if (cx == null || cy == null || Number.isNaN(cy)) return null;
  const r = 5;
  return <path d={`M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx - r},${cy + r}L${cx + r},${cy - r}`} strokeWidth={2.5} stroke={colour(fill)} />;
}

/** Recorded and calculated disagree: a triangle above the point. */
function Triangle({ cx, cy, fill }: Shape) {
  if (cx == null || cy == null || Number.isNaN(cy)) return null;
  return <path d={`M${cx},${cy - 14}L${cx - 6},${cy - 4}L${cx + 6},${cy - 4}Z`} fill={colour(fill)} />;
}

export interface ActivityChartProps {
  series: ActivitySeries;
  /** Which axis label the values take (unit series use their unit). */
  axis: 'score' | 'joints' | 'index' | 'unit';
  /** Shared x domain of small multiples. */
  xDomain?: [number, number];
  /** Therapy periods to shade (IBD). */
  periods?: readonly TherapyPeriod[];
  /** Vertical event lines (MS: relapse onsets). */
  events?: ReadonlyArray<{ time: number; label: string }>;
  /** Labelled vertical lines (MS: onset and confirmation of disability progression). */
  highlights?: ReadonlyArray<{ time: number; label: string }>;
  /** Extra words per point date for the table (e.g. EDSS progression marks). */
  marks?: Readonly<Record<string, string>>;
  height?: number;
}

/**
 * One activity series: chart with its bands as reference areas, therapy periods and events, the states
 * in words under it, and the table alternative (keyboard reachable `<details>`).
 */
export function ActivityChart({ series, axis, xDomain, periods = [], events = [], highlights = [], marks = {}, height = 200 }: ActivityChartProps) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const lang = toClinicalLanguage(i18n.language);
  const name = t(`recordView.activity.series.${series.key}`);
  const unit = displayUnit(series.unit, (u) => t(`recordView.units.${u}`));
  const all = useMemo(() => activityRows(series.points), [series.points]);
  const headingId = `activity-${series.key}`;
  const dateTick = (time: number) => dateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(time));
  const yearTick = (time: number) => (new Date(time).getUTCMonth() === 0 ? String(new Date(time).getUTCFullYear()) : dateTick(time));
  const axisLabel = axis === 'unit' ? `${name}${unit ? ` (${unit})` : ''}` : t(`recordView.activity.axis.${axis}`);
  const values = all.flatMap((r) => [r.line, r.recorded, r.calculated, r.implausible].filter((v): v is number => v !== null));
  const areas = series.bands?.areas ?? [];
  const finiteTops = areas.map((a) => a.from).filter((x) => x > 0);
  const yMax = Math.max(...values, finiteTops.length > 0 ? Math.max(...finiteTops) * 1.25 : 0);
  const domain: [number, number] = [0, niceMax(yMax * 1.05)];
  const times = all.map((r) => r.time);
  // A single date gets a month either side, so the point is not drawn on the axis' edge.
  const pad = times.length > 0 && Math.min(...times) === Math.max(...times) ? 30 * 86_400_000 : 0;
  const x: [number, number] = xDomain ?? [Math.min(...times) - pad, Math.max(...times) + pad];
  const [from, to] = x;
  // A long series draws a stated, bounded subset: every peak, band crossing and the latest value; the table has all.
  // Implausible values, calculated scores and disagreements are always drawn.
  const thinned = useMemo(
    () =>
      thinRows(
        all,
        (r) => r.line ?? r.recorded,
        (r) => r.implausible !== null || r.calculated !== null || r.disagreement !== null,
        [from, to],
      ),
    [all, from, to],
  );
  const rows = thinned.rows;
  // A marker series without any value is not rendered: recharts lays out every row of every series.
  const has = (k: 'recorded' | 'calculated' | 'implausible' | 'disagreement') => rows.some((r) => r[k] !== null);
  // The marked kinds of point, each with a shape as well as a colour (never colour alone).
  const markers = [
    { key: 'calculated', name: t('recordView.activity.kind.calculated'), fill: theme.palette.secondary.main, shape: Hollow },
    { key: 'implausible', name: t('recordView.activity.state.implausible'), fill: theme.palette.error.main, shape: Cross },
    { key: 'disagreement', name: t('recordView.activity.legend.disagreementShort'), fill: theme.palette.warning.dark, shape: Triangle },
  ] as const;
  const kinds = new Set(series.points.map((p) => (p.state === 'ok' ? p.kind : p.state)));
  const hasDisagreement = series.points.some((p) => p.disagreement);
  const shown = periods.filter((p) => p.to >= x[0] && p.from <= x[1]);
  const decimal = numberFormat(i18n.language).format(1.5).charAt(1);
  const bandText = areas
    .map((a) => `${t(`recordView.activity.bands.${a.band}`)}${a.range ? ` ${a.range.replace(/(\d)\.(\d)/g, `$1${decimal}$2`)}` : ''}`)
    .join(', ');

  return (
    <Box component="article" aria-labelledby={headingId} data-testid={`activity-${series.key}`} sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h4" id={headingId}>
        {name}
        {unit ? ` (${unit})` : ''} · {t('recordView.activity.points', { count: series.points.length })}
      </Typography>
      {series.stale && (
        <Chip
          size="small"
          variant="outlined"
          data-testid="activity-stale"
          label={`◷ ${t('recordView.activity.state.stale', { date: formatFhirDate(series.stale.date, i18n.language), days: series.stale.days, limit: series.stale.limit })}`}
          sx={{ my: 0.5, height: 'auto', color: 'text.primary', borderColor: 'warning.main', borderWidth: 2, '& .MuiChip-label': { whiteSpace: 'normal' } }}
        />
      )}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('recordView.activity.noPlot')}
        </Typography>
      ) : (
        <Box component="figure" aria-label={t('recordView.activity.chartLabel', { name })} sx={{ width: '100%', height, m: 0 }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
            <ComposedChart data={rows} margin={{ top: 16, right: 16, bottom: 16, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              {shown.map((p, i) => (
                <ReferenceArea
                  key={`${p.inn}-${p.from}`}
                  x1={Math.max(p.from, x[0])}
                  x2={Math.min(p.to, x[1])}
                  fill={p.advanced ? theme.palette.info.main : theme.palette.grey[500]}
                  fillOpacity={p.advanced ? 0.1 + (i % 2) * 0.06 : 0.12}
                  ifOverflow="hidden"
                  label={{ value: drugLabel(p.inn, lang), position: 'insideTopLeft', fontSize: 10 }}
                />
              ))}
              {areas.map((a) => {
                const [tone, opacity] = BAND_TINT[a.band] ?? ['warning', 0.1];
                return (
                  <ReferenceArea
                    key={a.band}
                    y1={a.from}
                    y2={Math.min(a.to, domain[1])}
                    fill={theme.palette[tone].main}
                    fillOpacity={opacity}
                    ifOverflow="hidden"
                  />
                );
              })}
              {events.map((e) => (
                <ReferenceLine key={`${e.time}-${e.label}`} x={e.time} stroke={theme.palette.error.main} strokeDasharray="4 2" ifOverflow="hidden" />
              ))}
              {highlights.map((h) => (
                <ReferenceLine
                  key={`${h.time}-${h.label}`}
                  x={h.time}
                  stroke={theme.palette.warning.dark}
                  strokeWidth={2}
                  ifOverflow="hidden"
                  label={{ value: h.label, position: 'insideTopRight', fontSize: 10 }}
                />
              ))}
              <XAxis
                dataKey="time"
                type="number"
                scale="time"
                domain={x}
                ticks={timeTicks(x)}
                tickFormatter={yearTick}
                label={{ value: t('recordView.activity.axis.date'), position: 'insideBottom', offset: -8 }}
              />
              <YAxis
                width={56}
                domain={domain}
                allowDataOverflow
                label={{ value: axisLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }}
              />
              <Tooltip labelFormatter={(v) => (typeof v === 'number' ? dateTick(v) : '')} />
              <Line dataKey="line" name={name} connectNulls stroke={theme.palette.primary.main} dot={false} isAnimationActive={false} />
              {has('recorded') && (
                <Scatter dataKey="recorded" name={t('recordView.activity.kind.recorded')} fill={theme.palette.primary.main} isAnimationActive={false} />
              )}
              {markers
                .filter((m) => has(m.key))
                .map((m) => (
                  <Scatter key={m.key} dataKey={m.key} name={m.name} fill={m.fill} shape={m.shape} isAnimationActive={false} />
                ))}
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
      )}
      <ThinnedNote thinned={thinned} />
      <Typography variant="caption" component="p" color="text.secondary" data-testid="activity-legend">
        {[
          kinds.has('recorded') ? t('recordView.activity.legend.recorded') : '',
          kinds.has('calculated') ? t('recordView.activity.legend.calculated') : '',
          kinds.has('implausible') ? t('recordView.activity.legend.implausible') : '',
          hasDisagreement ? t('recordView.activity.legend.disagreement', { threshold: DISAGREEMENT_THRESHOLD }) : '',
          events.length > 0 ? t('recordView.activity.legend.events') : '',
          highlights.length > 0 ? t('recordView.activity.legend.highlights', { marks: highlights.map((h) => h.label).join(', ') }) : '',
          shown.length > 0 ? t('recordView.activity.legend.periods', { drugs: [...new Set(shown.map((p) => drugLabel(p.inn, lang)))].join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
        {areas.length > 0 && (
          <>
            {' · '}
            {/* the citation stays as published (translate="no"); the sentence around it is translated */}
            <Citation text={t('recordView.activity.legend.bands', { bands: bandText, source: CITATION_MARK })} source={series.bands?.source ?? ''} />
          </>
        )}
      </Typography>
      <ActivityTable series={series} name={name} marks={marks} />
    </Box>
  );
}
