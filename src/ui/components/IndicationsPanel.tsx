import { Box, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { statusLabel } from '../i18n/statuses.ts';
import { formatReason } from '../i18n/reasons.ts';
import { useTranslation } from 'react-i18next';
import type { IndicationFinding } from '../../extract/indications.ts';
import { formatFhirDate } from '../format.ts';
import { ConfirmIndication } from './ConfirmIndication.tsx';

/**
 * The supported indications the record holds, each with the Condition it was read from and its certainty;
 * a suspected one carries the confirm control (`onConfirm`) and is not ranked before it is confirmed.
 */
export function IndicationsPanel({ findings, onConfirm }: { findings: readonly IndicationFinding[]; onConfirm?: (conditionRef: string) => void }) {
  const { t, i18n } = useTranslation();
  const onlySuspected = findings.length > 0 && findings.every((f) => !f.usable);
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
          {onlySuspected && (
            <Typography data-testid="only-suspected" sx={{ fontWeight: 600 }}>
              {t('indications.onlySuspected')}
            </Typography>
          )}
          {findings.map((f) => {
            const onset = formatFhirDate(f.onset?.raw, i18n.language);
            const details = [
              onset ? t('indications.since', { date: onset }) : null,
              t('indications.source', { ref: f.conditionRef }),
              f.matchedBy === 'text' ? t('indications.byText') : null,
              f.terminologyServer ? t('indications.byServer', { server: f.terminologyServer }) : null,
              !f.active && f.clinicalStatus ? t('indications.inactive', { status: statusLabel(f.clinicalStatus, lang) }) : null,
              f.certainty === 'suspected' || f.certainty === 'past' ? t('indications.certainty', { label: formatReason(f.certaintyWhy, lang) }) : null,
            ].filter(Boolean);
            const name = t(`indications.${f.indication}`);
            let label = name;
            if (f.certainty === 'suspected') label = t('indications.suspected', { name });
            else if (f.certainty === 'past') label = t('indications.pastDx', { name });
            return (
              <ListItem key={`${f.indication}-${f.conditionRef}`} data-indication={f.indication} data-certainty={f.certainty} disableGutters>
                <ListItemText
                  primary={
                    <>
                      {label}
                      {f.subtype && <Chip size="small" label={statusLabel(f.subtype, lang)} sx={{ ml: 1 }} />}
                      <ConfirmIndication finding={f} onConfirm={onConfirm} />
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
