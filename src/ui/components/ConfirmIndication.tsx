import { Button, Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IndicationFinding } from '../../extract/indications.ts';

/**
 * The confirm control on a suspected indication line (certainty.ts: verificationStatus unconfirmed /
 * provisional / differential, ICD-10-GM V, or a suspicion in the text). A suspected diagnosis is not used
 * for ranking until the clinician confirms it here; the confirmation holds for this screen only and
 * changes nothing in the record. Nothing is rendered for other findings.
 */
export function ConfirmIndication({ finding, onConfirm }: { finding: IndicationFinding; onConfirm?: ((conditionRef: string) => void) | undefined }) {
  const { t } = useTranslation();
  if (finding.certainty !== 'suspected') return null;
  if (finding.confirmedByClinician === true)
    return <Chip size="small" color="success" variant="outlined" label={t('indications.confirmed')} data-testid="indication-confirmed" sx={{ ml: 1 }} />;
  if (!onConfirm) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={() => onConfirm(finding.conditionRef)}
      data-testid="confirm-indication"
      title={t('indications.confirmHint')}
      sx={{ ml: 1 }}
    >
      {t('indications.confirm')}
    </Button>
  );
}
