import { Box, Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../format.ts';
import { displayUnit, formatNumber } from './recordView.utils.ts';
import { TableDetails } from './Section.tsx';
import { formatReason } from '../i18n/reasons.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';

/** ": <why the point is not used>" in the reader's language (the typed reason; the English one only without it). */
function reasonOf(point: Pick<TrendPoint, 'reason' | 'why'>, language: string): string {
  if (point.why) return `: ${formatReason(point.why, toClinicalLanguage(language))}`;
  return point.reason ? `: ${point.reason}` : '';
}
import { SourceLinks } from './SourceLinks.tsx';
import { chartRows, type ChartRow, type TrendPoint, type TrendSeries } from './trends.utils.ts';
import { ColumnHeads } from '../components/ColumnHeads.tsx';
import { dateTimeFormat } from '../intl.ts';
import { thinRows } from './longSeries.utils.ts';
import { TablePager, ThinnedNote, usePaging } from './TablePager.tsx';

function useValueText(series: TrendSeries) {
  const { t, i18n } = useTranslation();
  const unit = displayUnit(series.unit, (u) => t(`recordView.units.${u}`));
  return (p: TrendPoint): string => {
    if (p.value === undefined) return p.original ?? t('recordView.inputs.noValue');
    return `${formatNumber(p.value, i18n.language)}${unit ? ` ${unit}` : ''}`;
  };
}

function isChartRow(x: unknown): x is ChartRow {
  return typeof x === 'object' && x !== null && typeof (x as { index?: unknown }).index === 'number';
}

/** Tooltip of one point: value, unit, reading, date and source references. recharts injects `active` and `payload`. */
function PointTooltip({ series, active, payload }: Partial<Pick<TooltipContentProps, 'active' | 'payload'>> & { series: TrendSeries }) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText(series);
  const row: unknown = payload?.[0]?.payload;
  const point = isChartRow(row) ? series.points[row.index] : undefined;
  if (!active || !point) return null;
  return (
    <Box sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', p: 1, fontSize: '0.8rem' }}>
      <div>
        <strong>{valueText(point)}</strong>
        {point.state !== 'ok' && ` (${t(`recordView.states.${point.state}`)}${reasonOf(point, i18n.language)})`}
      </div>
      <div>{formatFhirDate(point.raw, i18n.language)}</div>
      <div>{t('recordView.trends.tooltipSource', { refs: point.sources.join(', ') })}</div>
    </Box>
  );
}

/** The implausible marker: an ✕ (shape, not only colour), matching the ✕ of the legend and the table. */
function XMark({ cx, cy, fill, payload }: { cx?: number; cy?: number; fill?: unknown; payload?: unknown }) {
  // recharts also calls the shape for rows whose value is null (ok points): draw nothing there.
  if (cx === undefined || cy === undefined || !isChartRow(payload) || payload.implausible === null) return null;
  const r = 5;
  return (
    <path
      d={`M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx - r},${cy + r}L${cx + r},${cy - r}`}
      strokeWidth={2.5}
      stroke={typeof fill === 'string' ? fill : 'currentColor'}
    />
  );
}

/** The table alternative of a trend chart: every value with date, reading and source, paged when long (opens on the latest). */
function TrendTable({ series, name }: { series: TrendSeries; name: string }) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText(series);
  // Paging state lives here, so turning a page re-renders the table only, never the chart.
  const paging = usePaging(series.points.length);
  const c = (k: 'date' | 'value' | 'state' | 'source') => t(`recordView.trends.columns.${k}`);
  return (
    <TableDetails summary={t('recordView.trends.showTable', { name })} testId={`trend-table-${series.concept}`}>
      <Table size="small">
        <caption>{name}</caption>
        <ColumnHeads columns={[c('date'), c('value'), c('state'), c('source')]} />
        <TableBody>
          {series.points.slice(paging.start, paging.end).map((p, j) => (
            <TableRow key={`${p.time}-${paging.start + j}`} data-state={p.state}>
              <TableCell component="th" scope="row">
                {formatFhirDate(p.raw, i18n.language)}
              </TableCell>
              <TableCell>{valueText(p)}</TableCell>
              <TableCell>
                {p.state === 'ok'
                  ? t('recordView.states.ok')
                  : `${p.state === 'implausible' ? '✕ ' : '? '}${t(`recordView.states.${p.state}`)}${reasonOf(p, i18n.language)}`}
                {p.matchedBy === 'text' && ` · ${t('recordView.inputs.textWarning')}`}
              </TableCell>
              <TableCell>
                <SourceLinks refs={p.sources} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePager paging={paging} name={name} chronological testId={`trend-pager-${series.concept}`} />
    </TableDetails>
  );
}

/** One marker or score series: a small line chart (implausible values as separate ✕ markers) and its table. */
export function TrendChart({ series }: { series: TrendSeries }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const name = t(`recordView.series.${series.key}`);
  const unit = displayUnit(series.unit, (u) => t(`recordView.units.${u}`));
  const all = useMemo(() => chartRows(series), [series]);
  // A long series draws a stated, bounded subset (every peak and the latest value); the table pages through all.
  const thinned = useMemo(
    () =>
      thinRows(
        all,
        (r) => r.value ?? r.implausible,
        (r) => r.implausible !== null,
        [all[0]?.time ?? 0, all.at(-1)?.time ?? 0],
      ),
    [all],
  );
  const rows = thinned.rows;
  const hasImplausible = series.points.some((p) => p.state === 'implausible');
  const headingId = `trend-${series.concept.replace(/\W/g, '-')}`;
  const dateTick = (time: number) => dateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(time));

  return (
    <Box component="article" aria-labelledby={headingId} data-testid={`trend-${series.concept}`} sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h4" id={headingId}>
        {name}
        {unit ? ` (${unit})` : ''} · {t('recordView.trends.points', { count: series.points.length })}
      </Typography>
      {series.stale && (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          data-testid="stale-latest"
          label={`◷ ${t('recordView.trends.stale', { date: formatFhirDate(series.stale.date, i18n.language), days: series.stale.days, limit: series.stale.limit })}`}
          // Body text on an orange border: MUI's warning orange as text fails WCAG AA (3.1:1).
          sx={{ my: 0.5, height: 'auto', color: 'text.primary', borderColor: 'warning.main', borderWidth: 2, '& .MuiChip-label': { whiteSpace: 'normal' } }}
        />
      )}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('recordView.trends.noPlot')}
        </Typography>
      ) : (
        <Box component="figure" aria-label={t('recordView.trends.chartLabel', { name })} sx={{ width: '100%', height: 180, m: 0 }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 180 }}>
            <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={dateTick} />
              <YAxis width={48} />
              <Tooltip content={<PointTooltip series={series} />} />
              <Line dataKey="value" name={name} connectNulls stroke={theme.palette.primary.main} dot={{ r: 3 }} isAnimationActive={false} />
              {/* Without implausible values no marker series (recharts lays out a marker for every row of a series). */}
              {hasImplausible && (
                <Scatter
                  dataKey="implausible"
                  name={t('recordView.states.implausible')}
                  shape={XMark}
                  fill={theme.palette.error.main}
                  isAnimationActive={false}
                />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
      )}
      <ThinnedNote thinned={thinned} />
      {hasImplausible && (
        <Typography variant="caption" color="error" component="p">
          {t('recordView.trends.implausibleLegend')}
        </Typography>
      )}
      <TrendTable series={series} name={name} />
    </Box>
  );
}
