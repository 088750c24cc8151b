import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ComputedFromItem } from '../../scores/index.ts';
import { formatFhirDate } from '../format.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { translateBand } from '../i18n/clinical.ts';
import type { ActivityPoint, ActivitySeries, ActivitySeriesKey } from './activity.utils.ts';
import { LAB_PAIRING_DAYS } from '../../scores/fromRecord.ts';
import { displayUnit, formatNumber } from './recordView.utils.ts';
import { TableDetails } from './Section.tsx';
import { SourceLinks } from './SourceLinks.tsx';
import { ColumnHeads } from '../components/ColumnHeads.tsx';
import { TablePager, usePaging } from './TablePager.tsx';

/**
 * Units of a component as it entered the formula: DAS28 takes the patient global in mm (Prevoo 1995),
 * CDAI/SDAI both globals in cm and SDAI CRP in mg/dL (Aletaha 2005, Smolen 2003); see src/scores.
 */
function componentUnit(key: ActivitySeriesKey, item: string): string {
  if (item === 'ptga') return key === 'das28Crp' || key === 'das28Esr' ? 'mm' : 'cm';
  if (item === 'phga') return 'cm';
  if (item === 'crp') return key === 'sdai' ? 'mg/dL' : 'mg/L';
  if (item === 'esr') return 'mm/h';
  return '';
}

/** Words for one point's state: ok, missing (which items), implausible, unknown unit, disagreement, and a mark. */
export function useStateText(): (p: ActivityPoint, mark?: string) => string {
  const { t, i18n } = useTranslation();
  const fmt = (v: number) => formatNumber(v, i18n.language);
  const item = (id: string) => t(`recordView.activity.items.${id}`, { defaultValue: id });
  return (p, mark) => {
    let text = t('recordView.activity.state.ok');
    if (p.state === 'missing') {
      text =
        p.missing && p.missing.length > 0
          ? t('recordView.activity.state.missing', { items: p.missing.map(item).join(', ') })
          : t('recordView.activity.state.missingNone');
      if (p.missing?.some((m) => m === 'crp' || m === 'esr')) text += ` (${t('recordView.activity.state.pairing', { days: LAB_PAIRING_DAYS })})`;
    } else if (p.state === 'implausible') {
      const why = p.outside ? t('recordView.activity.state.outside', { from: fmt(p.outside[0]), to: fmt(p.outside[1]) }) : p.reason;
      text = `✕ ${t('recordView.activity.state.implausible')}${why ? `: ${why}` : ''}`;
    } else if (p.state === 'unknown-unit') text = `? ${t('recordView.activity.state.unknown-unit')}`;
    if (p.disagreement) {
      const d = p.disagreement;
      text += ` · ▲ ${t('recordView.activity.state.disagreement', { recorded: fmt(d.recorded), calculated: fmt(d.calculated), difference: fmt(d.difference) })}`;
    }
    return mark ? `${text} · ${mark}` : text;
  };
}

function useComponentsText(key: ActivitySeriesKey): (items: readonly ComputedFromItem[] | undefined) => string {
  const { t, i18n } = useTranslation();
  return (items) =>
    (items ?? [])
      .filter((c) => typeof c.value === 'number')
      .map((c) => {
        const unit = componentUnit(key, c.item);
        const value = typeof c.value === 'number' ? formatNumber(c.value, i18n.language) : '';
        const date = c.date && (c.item === 'crp' || c.item === 'esr') ? ` (${formatFhirDate(c.date, i18n.language)})` : '';
        return `${t(`recordView.activity.items.${c.item}`, { defaultValue: c.item })} ${value}${unit ? ` ${unit}` : ''}${date}`;
      })
      .join(', ');
}

/** The table alternative of an activity chart: every point with kind, reading, band, components and sources; paged when long (opens on the latest). */
export function ActivityTable({ series, name, marks }: { series: ActivitySeries; name: string; marks: Readonly<Record<string, string>> }) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const stateText = useStateText();
  const componentsText = useComponentsText(series.key);
  const unit = displayUnit(series.unit, (u) => t(`recordView.units.${u}`));
  const paging = usePaging(series.points.length);
  const c = (k: 'date' | 'value' | 'kind' | 'state' | 'band' | 'from' | 'source') => t(`recordView.activity.columns.${k}`);
  return (
    <TableDetails summary={t('recordView.activity.showTable', { name })} testId={`activity-table-${series.key}`}>
      <Table size="small">
        <caption>{name}</caption>
        <ColumnHeads columns={[c('date'), c('value'), c('kind'), c('state'), c('band'), c('from'), c('source')]} />
        <TableBody>
          {series.points.slice(paging.start, paging.end).map((p, j) => (
            <TableRow
              key={`${p.time}-${p.kind}-${paging.start + j}`}
              data-state={p.state}
              data-kind={p.kind}
              data-disagreement={p.disagreement ? 'true' : undefined}
            >
              <TableCell component="th" scope="row">
                {formatFhirDate(p.date, i18n.language)}
              </TableCell>
              <TableCell>{p.value === undefined ? '—' : `${formatNumber(p.value, i18n.language)}${unit ? ` ${unit}` : ''}`}</TableCell>
              <TableCell>{t(`recordView.activity.kind.${p.kind}`)}</TableCell>
              <TableCell>{stateText(p, marks[p.date.slice(0, 10)])}</TableCell>
              <TableCell>{p.band ? translateBand(p.band, lang) : '—'}</TableCell>
              <TableCell>{p.kind === 'calculated' ? componentsText(p.components) || '—' : '—'}</TableCell>
              <TableCell>
                <SourceLinks refs={p.sources} max={6} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePager paging={paging} name={name} chronological testId={`activity-pager-${series.key}`} />
    </TableDetails>
  );
}
