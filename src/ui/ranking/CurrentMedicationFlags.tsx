import { Alert, Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../pipeline/index.ts';
import { FlagList } from './FlagList.tsx';
import { useDrugLabel } from './useDrugLabel.ts';

/** Safety findings for drugs the patient takes now that are not options (background therapy). */
export function CurrentMedicationFlags({ recommendation }: { recommendation: Ranking }) {
  const { t } = useTranslation();
  const drugLabel = useDrugLabel();
  const entries = Object.entries(recommendation.currentMedicationFlags);
  if (entries.length === 0) return null;
  return (
    <Alert severity="warning" component="section" aria-labelledby="current-meds-title" data-testid="current-medication-flags" sx={{ my: 2 }}>
      <Typography variant="h6" component="h3" id="current-meds-title">
        {t('ranking.currentMeds.title')}
      </Typography>
      <Typography variant="body2">{t('ranking.currentMeds.intro')}</Typography>
      {entries.map(([drug, flags]) => (
        <Box key={drug} data-drug={drug} sx={{ mt: 1 }}>
          <Typography sx={{ fontWeight: 600 }}>{drugLabel(drug)}</Typography>
          <FlagList flags={flags} />
        </Box>
      ))}
    </Alert>
  );
}
