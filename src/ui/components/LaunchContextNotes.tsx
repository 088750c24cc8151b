import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LaunchNote } from '../../pipeline/launchFocus.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';

/**
 * Short notes about the launch context (fhirContext / appContext) that was not followed: malformed,
 * another patient's resource, an indication the record does not hold, an unknown drug. Informational:
 * the screen shows what the record supports either way. Nothing is rendered without notes.
 */
export function LaunchContextNotes({ notes, testId = 'launch-context-notes' }: { notes: readonly LaunchNote[]; testId?: string }) {
  const { t } = useTranslation();
  const drugLabel = useDrugLabel();
  if (notes.length === 0) return null;
  return (
    <Alert severity="info" role="status" data-testid={testId} sx={{ mb: 2 }}>
      <AlertTitle>{t('launchContext.title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {notes.map((n, i) => (
          <li key={`${n.code}-${i}`} data-code={n.code}>
            {t(`launchContext.note.${n.code}`, {
              raw: n.raw ?? '',
              ref: n.ref ?? '',
              indication: n.indication ? t(`indications.${n.indication}`) : '',
              drug: n.drug ? drugLabel(n.drug) : '',
            })}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
