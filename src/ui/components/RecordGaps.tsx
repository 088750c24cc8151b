import { Alert, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReadGap } from '../../pipeline/index.ts';
import { listFormat } from '../intl.ts';

/** A resource type in the reader's language ("prescriptions (MedicationRequest)"); the type itself when unknown. */
export function useTypeLabel(): (resourceType: string) => string {
  const { t } = useTranslation();
  return (resourceType) => t(`readPlan.type.${resourceType}`, { defaultValue: resourceType });
}

/**
 * The record's known gaps: types this EHR does not share (its CapabilityStatement), each with what it
 * means for the reader. Shown beside "record incomplete" (a search that failed), and distinct from it: a
 * gap is a property of the EHR, not an error, and is shown as information unless it leaves data unread
 * (then the inputs that depend on it are also shown as missing in the record view).
 */
export function RecordGaps({ gaps }: { gaps: readonly ReadGap[] }) {
  const { t, i18n } = useTranslation();
  const label = useTypeLabel();
  if (gaps.length === 0) return null;
  const list = listFormat(i18n.language, { type: 'conjunction' });
  return (
    <Box data-testid="record-gaps" sx={{ mb: 2 }}>
      {gaps.map((g) => (
        <Alert
          key={g.resourceType}
          severity={g.leavesUnknown ? 'warning' : 'info'}
          data-testid="record-gap"
          data-gap-type={g.resourceType}
          data-gap-consequence={g.consequence}
          sx={{ mb: 1 }}
        >
          {t(`readPlan.gap.${g.consequence}`, { type: label(g.resourceType), from: list.format((g.from ?? []).map(label)), count: g.unresolved ?? 0 })}
        </Alert>
      ))}
    </Box>
  );
}
