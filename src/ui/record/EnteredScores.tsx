import { Box, List, ListItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_BY_NAME } from '../../extract/index.ts';
import type { ScoreId, ScoreResult } from '../../scores/index.ts';
import { formatFhirDate } from '../format.ts';
import { translateBand } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import type { RecordedLab } from '../../writeback/entered.ts';
import { displayUnit, formatNumber } from './recordView.utils.ts';
import type { SeriesKey } from './trends.utils.ts';

const SCORE_NAME: Partial<Record<ScoreId, SeriesKey>> = {
  hbi: 'hbi',
  'mayo-partial': 'mayoPartial',
  'das28-crp': 'das28Crp',
  'das28-esr': 'das28Esr',
  'cdai-ra': 'cdaiRa',
  sdai: 'sdai',
  edss: 'edss',
};

/** Which recorded laboratory value each score takes from the record (das28.ts, cdaiRa.ts). */
const LAB_OF: Partial<Record<ScoreId, 'crp' | 'esr'>> = { 'das28-crp': 'crp', sdai: 'crp', 'das28-esr': 'esr' };

/** The live scores of the entered items, each with its status and the recorded value it used. */
export function EnteredScores({ results, labs }: { results: readonly ScoreResult[]; labs: { crp?: RecordedLab; esr?: RecordedLab } }) {
  const { t, i18n } = useTranslation();
  const itemName = (item: string): string => {
    if (item === 'crp') return t('recordView.series.crp');
    if (item === 'esr') return t('recordView.series.esr');
    return t(`recordView.entered.items.${item}`, { defaultValue: item });
  };
  return (
    <Box aria-live="polite" sx={{ mt: 2 }} data-testid="entered-scores">
      <List dense disablePadding>
        {results.map((r) => {
          const key = SCORE_NAME[r.score];
          const name = key ? t(`recordView.series.${key}`) : r.score;
          const labKey = LAB_OF[r.score];
          const lab = labKey ? labs[labKey] : undefined;
          const labInput = labKey === 'crp' ? CATALOGUE_BY_NAME.crp_mg_l : CATALOGUE_BY_NAME.esr_mm_h;
          const labName = labKey ? t(`recordView.series.${labKey}`) : '';
          let status: string;
          if (r.status === 'complete' && r.value !== null) {
            status = t('recordView.entered.score', { name, value: formatNumber(r.value, i18n.language) });
            if (r.band) status += ` · ${t('recordView.entered.band', { band: translateBand(r.band, toClinicalLanguage(i18n.language)) })}`;
          } else if (r.status === 'invalid') {
            status = `${name}: ${t('recordView.entered.invalid', { reason: r.reason ?? '' })}`;
          } else {
            status = `${name}: ${t('recordView.entered.incomplete', { items: r.missing.map(itemName).join(', ') })}`;
          }
          return (
            <ListItem key={r.score} disableGutters sx={{ display: 'block' }} data-testid={`entered-score-${r.score}`} data-status={r.status}>
              <Typography variant="body1" sx={{ fontWeight: r.status === 'complete' ? 600 : 400 }}>
                {status}
              </Typography>
              {labKey && (
                <Typography variant="caption" component="div">
                  {lab
                    ? t('recordView.entered.usesRecorded', {
                        name: labName,
                        date: formatFhirDate(lab.date, i18n.language) ?? lab.date,
                        value: `${formatNumber(lab.value, i18n.language)} ${displayUnit(labInput.unit)}`,
                      })
                    : t('recordView.entered.noRecorded', { name: labName, days: labInput.staleAfterDays ?? '' })}
                </Typography>
              )}
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
