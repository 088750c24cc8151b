import { Box, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { statusLabel } from '../i18n/statuses.ts';
import { useTranslation } from 'react-i18next';
import type { IndicationFinding } from '../../extract/indications.ts';
import { formatFhirDate } from '../format.ts';

/** The supported indications the record holds, each with the Condition it was read from. */
export function IndicationsPanel({ findings }: { findings: readonly IndicationFinding[] }) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  return (
    <Box component="section" aria-labelledby="indications-title" data-testid="indications" sx={{ mb: 3 }}>
      <Typography variant="h5" component="h2" id="indications-title" gutterBottom>
        {t('indications.title')}
      </Typography>
      {findings.length === 0 ? (
        <Typography data-testid="no-indication">{t('indications.none')}</Typography>
      ) : (
        <List dense disablePadding>
          {findings.map((f) => {
            const onset = formatFhirDate(f.onset?.raw, i18n.language);
            const details = [
              onset ? t('indications.since', { date: onset }) : null,
              t('indications.source', { ref: f.conditionRef }),
              f.matchedBy === 'text' ? t('indications.byText') : null,
              !f.active && f.clinicalStatus ? t('indications.inactive', { status: statusLabel(f.clinicalStatus, lang) }) : null,
            ].filter(Boolean);
            return (
              <ListItem key={`${f.indication}-${f.conditionRef}`} data-indication={f.indication} disableGutters>
                <ListItemText
                  primary={
                    <>
                      {t(`indications.${f.indication}`)}
                      {f.subtype && <Chip size="small" label={statusLabel(f.subtype, lang)} sx={{ ml: 1 }} />}
                    </>
                  }
                  secondary={details.join(' · ')}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </Box>
  );
}
