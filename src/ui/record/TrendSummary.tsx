import { Box, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord } from '../../extract/index.ts';
import { formatFhirDate } from '../format.ts';
import { drugLabel } from '../i18n/drugs.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { translateBand } from '../i18n/clinical.ts';
import { activitySummary, type SummaryItem } from './activity.summary.ts';
import { dayTime } from './activity.utils.ts';
import { displayUnit, formatNumber } from './recordView.utils.ts';

const W = 72;
const H = 18;

/** A sparkline: decoration only (aria-hidden); the words beside it carry the same information. */
function Spark({ item, from, to, onsets = [] }: { item: SummaryItem; from: number; to: number; onsets?: readonly number[] }) {
  const theme = useTheme();
  const span = Math.max(to - from, 1);
  const values = item.points.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (time: number) => 2 + ((time - from) / span) * (W - 4);
  const y = (v: number) => (hi === lo ? H / 2 : H - 2 - ((v - lo) / (hi - lo)) * (H - 4));
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      {onsets.map((o) => (
        <line key={o} x1={x(o)} x2={x(o)} y1={0} y2={H} stroke={theme.palette.error.main} strokeDasharray="2 1" />
      ))}
      {item.points.length > 1 && (
        <polyline points={item.points.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')} fill="none" stroke={theme.palette.primary.main} strokeWidth={1.5} />
      )}
      {item.points.map((p) => (
        <circle
          key={p.time}
          cx={x(p.time)}
          cy={y(p.value)}
          r={2}
          fill={p.kind === 'calculated' ? 'white' : theme.palette.primary.main}
          stroke={theme.palette.primary.main}
        />
      ))}
    </svg>
  );
}

/**
 * The trends of the current therapy in one compact block for the question panel: a sparkline per series
 * with its latest value, band, the first value of the period and the direction, in words; MS adds the
 * relapse counts. States (calculated, out of date, no value) are written out.
 */
export function TrendSummary({ record, now }: { record: ExtractedRecord; now: Date }) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const summary = useMemo(() => activitySummary(record, now), [record, now]);
  if (!summary) return null;
  const date = (raw: string) => formatFhirDate(raw, i18n.language) ?? raw;
  const from = dayTime(summary.from);
  const fmt = (v: number) => formatNumber(v, i18n.language);
  const text = (item: SummaryItem): string => {
    const name = t(`recordView.activity.series.${item.key}`);
    if (!item.latest) return `${name}: ${t('recordView.activity.summary.none')}`;
    const unit = displayUnit(item.unit, (u) => t(`recordView.units.${u}`));
    const notes = [
      item.latest.band ? translateBand(item.latest.band, lang) : '',
      item.latest.kind === 'calculated' ? t('recordView.activity.summary.calculated') : '',
      item.stale ? t('recordView.activity.summary.stale') : '',
    ].filter(Boolean);
    const head = t('recordView.activity.summary.item', { name, value: `${fmt(item.latest.value)}${unit ? ` ${unit}` : ''}`, date: date(item.latest.date) });
    const direction = item.direction === 'none' ? 'single' : item.direction;
    const trend =
      item.first && direction !== 'single'
        ? `${t(`recordView.activity.summary.direction.${direction}`)} ${t('recordView.activity.summary.from', { value: fmt(item.first.value), date: date(item.first.date) })}`
        : t('recordView.activity.summary.direction.single');
    return `${head}${notes.length > 0 ? ` [${notes.join(', ')}]` : ''}, ${trend}`;
  };
  const r = summary.relapses;
  return (
    <Box component="section" aria-labelledby="trend-summary-title" data-testid="trend-summary" sx={{ mt: 0.5 }}>
      <Typography variant="body2" component="h3" id="trend-summary-title" sx={{ fontWeight: 600 }}>
        {t('recordView.activity.summary.title')} ·{' '}
        {summary.therapy
          ? t('recordView.activity.summary.since', { date: date(summary.from), drug: drugLabel(summary.therapy.inn, lang) })
          : t('recordView.activity.summary.sinceNoTherapy')}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
        {r && (
          <Typography component="li" variant="body2" data-testid="trend-summary-relapses">
            {t('recordView.activity.summary.relapses', {
              r12: r.r12 ?? '–',
              r24: r.r24 ?? '–',
              arr: r.arr2 === null ? '–' : fmt(r.arr2),
            })}
          </Typography>
        )}
        {summary.items.map((item) => (
          <Typography
            component="li"
            variant="body2"
            key={item.key}
            data-testid={`trend-summary-${item.key}`}
            data-direction={item.direction}
            sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
          >
            {item.points.length > 0 && <Spark item={item} from={from} to={now.getTime()} {...(r ? { onsets: r.onsets } : {})} />}
            <span>{text(item)}</span>
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
