import { Box, Button, GlobalStyles, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord } from '../../extract/extract.ts';
import type { Ranking } from '../../pipeline/index.ts';
import { formatFhirDate } from '../format.ts';
import { percent } from './format.ts';
import { useDrugLabel } from './useDrugLabel.ts';
import { useSafetyText } from './useSafetyText.ts';

/**
 * A print-friendly summary for the conversation with the patient: on paper only this block is
 * printed (the screen elements are hidden by print CSS); on screen only the button shows.
 */
export function PrintSummary({ recommendation, record, now }: { recommendation: Ranking; record: ExtractedRecord; now: Date }) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const safetyText = useSafetyText();
  const lang = i18n.language;
  return (
    <>
      <GlobalStyles
        styles={{
          '@media print': {
            'body *': { visibility: 'hidden' },
            '#print-summary, #print-summary *': { visibility: 'visible' },
            '#print-summary': { position: 'absolute', left: 0, top: 0, display: 'block !important' },
          },
        }}
      />
      <Button variant="outlined" size="small" onClick={() => window.print()} data-testid="print-summary-button">
        {t('ranking.print.button')}
      </Button>
      <Box id="print-summary" sx={{ display: 'none' }} data-testid="print-summary">
        <Typography variant="h5" component="p">
          {t('ranking.print.title')}
        </Typography>
        <Typography>
          {record.patient.name ?? ''} · {formatFhirDate(record.patient.birthDate, lang) ?? ''}
        </Typography>
        <Typography variant="body2">
          {t('ranking.print.generated', {
            date: new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(now),
            model: `${recommendation.spec.title} ${recommendation.spec.modelVersion}`,
          })}
        </Typography>
        <Typography variant="body2">{t('ranking.print.disclaimer')}</Typography>
        {recommendation.overridden.length > 0 && (
          <Typography sx={{ fontWeight: 700 }}>{t('ranking.hypothetical', { inputs: recommendation.overridden.join(', ') })}</Typography>
        )}
        <ol>
          {recommendation.options.map((o) => (
            <li key={o.drug}>
              {drugLabel(o.drug)}: {percent(o.probability, lang)} ({percent(o.lower, lang)} – {percent(o.upper, lang)})
              {o.flags.length > 0 && (
                <ul>
                  {o.flags.map((f) => (
                    <li key={f.ruleId}>{safetyText(f)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </Box>
    </>
  );
}
