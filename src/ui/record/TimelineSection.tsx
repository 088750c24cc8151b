import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FhirDate, TherapyEpisode } from '../../extract/index.ts';
import { formatFhirDate } from '../format.ts';
import { drugClassLabel, drugLabel } from '../i18n/drugs.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { Section, TableDetails } from './Section.tsx';
import { SourceLinks } from './SourceLinks.tsx';
import { timelineLayout } from './timeline.utils.ts';
import { ColumnHeads } from '../components/ColumnHeads.tsx';
import { TablePager, usePaging } from './TablePager.tsx';

function useDateText() {
  const { t, i18n } = useTranslation();
  return (d: FhirDate | undefined): string => {
    if (!d) return t('recordView.timeline.noDate');
    const text = formatFhirDate(d.raw, i18n.language) ?? d.raw;
    const precision = t(`recordView.timeline.precision.${d.precision}`);
    return precision ? `${text} (${precision})` : text;
  };
}

function useEpisodeText() {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const dateText = useDateText();
  return {
    dateText,
    drug: (e: TherapyEpisode) => drugLabel(e.inn, lang),
    drugClass: (e: TherapyEpisode) => drugClassLabel(e.drugClass, lang),
    stop: (e: TherapyEpisode) => (e.ongoing ? t('recordView.timeline.ongoing') : dateText(e.end)),
    /** The stop reason in the clinician's language (the classification). */
    reason: (e: TherapyEpisode) => (e.ongoing ? '' : t(`recordView.timeline.reasons.${e.stopReason ?? 'unknown'}`)),
    /** The record's own wording, kept beside the classification unless it says the same; undefined when none. */
    recorded: (e: TherapyEpisode): string | undefined => {
      const recorded = e.stopReasonText?.trim();
      const words = e.ongoing ? '' : t(`recordView.timeline.reasons.${e.stopReason ?? 'unknown'}`);
      return recorded && recorded.toLowerCase() !== words.toLowerCase() ? recorded : undefined;
    },
  };
}

/** The bars: one row per episode over the years from the first start to now. */
function TimelineBars({ episodes, now }: { episodes: TherapyEpisode[]; now: Date }) {
  const { t } = useTranslation();
  const text = useEpisodeText();
  const layout = timelineLayout(episodes, now);
  return (
    <Box component="figure" aria-label={t('recordView.timeline.chartLabel')} sx={{ m: 0 }} data-testid="timeline-bars">
      <Box sx={{ position: 'relative', height: 20, ml: '11rem', mr: '9rem', borderBottom: 1, borderColor: 'divider' }} aria-hidden>
        {layout.ticks.map((tick) => (
          <Typography key={tick.year} variant="caption" sx={{ position: 'absolute', left: `${tick.left}%`, transform: 'translateX(-50%)' }}>
            {tick.year}
          </Typography>
        ))}
      </Box>
      {layout.rows.map(({ episode: e, left, width }, i) => {
        const label = `${text.drug(e)} (${text.drugClass(e)}): ${text.dateText(e.start)} – ${text.stop(e)}${e.ongoing ? '' : `, ${text.reason(e)}`}`;
        return (
          <Box key={`${e.drugKey}-${i}`} sx={{ display: 'flex', alignItems: 'center', minHeight: 28 }}>
            <Typography variant="body2" noWrap sx={{ width: '11rem', flexShrink: 0, pr: 1 }} title={text.drug(e)}>
              {text.drug(e)}
            </Typography>
            <Box sx={{ position: 'relative', flexGrow: 1, height: 20 }}>
              <Box
                title={label}
                aria-label={label}
                role="img"
                data-ongoing={e.ongoing}
                sx={{
                  position: 'absolute',
                  left: `${left}%`,
                  width: `max(${width}%, 6px)`,
                  top: 2,
                  bottom: 2,
                  bgcolor: e.advanced ? 'primary.main' : 'grey.500',
                  borderRadius: e.ongoing ? '3px 0 0 3px' : '3px',
                  // Ongoing: an open, dashed right end (shape, not only colour, says "still running").
                  borderRight: e.ongoing ? '3px dashed' : 'none',
                  borderColor: 'text.primary',
                }}
              />
            </Box>
            <Typography variant="caption" sx={{ width: '9rem', flexShrink: 0, pl: 1 }} noWrap title={e.ongoing ? undefined : text.reason(e)}>
              {e.ongoing ? `→ ${t('recordView.timeline.ongoing')}` : t(`recordView.timeline.reasons.${e.stopReason ?? 'unknown'}`)}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}

/** Treatment timeline: the therapy episodes as bars over the years, with a table alternative. */
export function TimelineSection({ episodes, now }: { episodes: TherapyEpisode[]; now: Date }) {
  const { t } = useTranslation();
  const text = useEpisodeText();
  const c = (k: 'drug' | 'drugClass' | 'start' | 'stop' | 'reason' | 'sources') => t(`recordView.timeline.columns.${k}`);
  const paging = usePaging(episodes.length);
  return (
    <Section id="timeline" title={t('recordView.sections.timeline')}>
      {episodes.length === 0 ? (
        <Typography color="text.secondary">{t('recordView.timeline.none')}</Typography>
      ) : (
        <>
          <TimelineBars episodes={episodes} now={now} />
          <TableDetails summary={t('recordView.timeline.showTable')} testId="timeline-table">
            <Table size="small">
              <caption>{t('recordView.sections.timeline')}</caption>
              <ColumnHeads columns={[c('drug'), c('drugClass'), c('start'), c('stop'), c('reason'), c('sources')]} />
              <TableBody>
                {episodes.slice(paging.start, paging.end).map((e, j) => (
                  <TableRow key={`${e.drugKey}-${paging.start + j}`}>
                    <TableCell component="th" scope="row">
                      {text.drug(e)}
                      {e.matchedBy === 'text' && ` (${t('recordView.timeline.textMatch')})`}
                    </TableCell>
                    <TableCell>
                      {text.drugClass(e)}
                      {e.advanced && ` · ${t('recordView.timeline.advanced')}`}
                    </TableCell>
                    <TableCell>{text.dateText(e.start)}</TableCell>
                    <TableCell>{text.stop(e)}</TableCell>
                    <TableCell>
                      {text.reason(e)}
                      {text.recorded(e) !== undefined && (
                        <>
                          {' '}
                          (<q translate="no">{text.recorded(e)}</q>)
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      <SourceLinks refs={e.sources} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <TablePager paging={paging} name={t('recordView.sections.timeline')} chronological testId="timeline-pager" />
          </TableDetails>
        </>
      )}
    </Section>
  );
}
