import { Box, Chip, List, ListItem, Typography } from '@mui/material';
import { ReasonText } from '../components/ReasonText.tsx';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord } from '../../extract/index.ts';
import { inputLabel, toClinicalLanguage } from '../i18n/inputs.ts';
import { groupGaps } from './gaps.utils.ts';
import { Section } from './Section.tsx';
import { SourceLinks } from './SourceLinks.tsx';

/** Text marks per state, so the state never depends on colour alone. */
const STATE_MARK: Record<string, string> = { missing: '○', stale: '◷', implausible: '✕', 'unknown-unit': '?', excluded: '⊘', unreadable: '⚠' };

/** Data gaps grouped by state (missing, stale, implausible, unknown unit, excluded, unreadable), the inputs that matter most first. */
export function GapsSection({ record }: { record: ExtractedRecord }) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const { groups, notes } = groupGaps(record);
  return (
    <Section id="gaps" title={t('recordView.sections.gaps')}>
      {groups.length === 0 && <Typography color="text.secondary">{t('recordView.gaps.none')}</Typography>}
      {groups.map(({ state, gaps }) => (
        <Box key={state} component="section" aria-labelledby={`gaps-${state}`} data-testid={`gaps-${state}`} sx={{ mb: 2 }}>
          <Typography variant="subtitle1" component="h4" id={`gaps-${state}`}>
            {STATE_MARK[state]} {t(`recordView.states.${state}`)} ({t('recordView.gaps.count', { count: gaps.length })})
          </Typography>
          <List dense disablePadding>
            {gaps.map((g, i) => {
              return (
                <ListItem key={`${g.input ?? 'record'}-${i}`} disableGutters sx={{ display: 'block' }}>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                    {g.input && <strong>{inputLabel(g.input, lang)}</strong>}
                    {g.input && (
                      <Typography component="code" variant="caption">
                        {g.input}
                      </Typography>
                    )}
                    <Chip
                      size="small"
                      variant={g.priority === 'model' ? 'filled' : 'outlined'}
                      color={g.priority === 'model' ? 'primary' : 'default'}
                      label={t(`recordView.gaps.priority.${g.priority}`)}
                    />
                  </Box>
                  <Typography variant="body2">
                    <ReasonText why={g.why} text={g.reason} />
                  </Typography>
                  {g.sources.length > 0 && <SourceLinks refs={g.sources} />}
                </ListItem>
              );
            })}
          </List>
        </Box>
      ))}
      {notes.length > 0 && (
        <Box component="details" sx={{ mt: 1 }}>
          <summary>
            {t('recordView.gaps.otherProblems')} ({notes.length})
          </summary>
          <List dense>
            {notes.map((n, i) => (
              <ListItem key={i}>
                <ReasonText why={n.why} text={n.message} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </Section>
  );
}
