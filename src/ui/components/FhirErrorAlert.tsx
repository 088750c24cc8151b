import { Alert, AlertTitle, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FhirRequestError } from '../../smart/errors.ts';

/** A failed read explained: what could not be read, and a retry or a relaunch as the case needs. */
export function FhirErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const e = error instanceof FhirRequestError ? error : new FhirRequestError('bad-response', null, 'Patient', String(error));
  const relaunch = e.code === 'unauthorized';
  return (
    <Alert
      severity="error"
      role="alert"
      data-testid="record-error"
      data-error-code={e.code}
      action={relaunch ? undefined : <Button onClick={onRetry}>{t('errors.retry')}</Button>}
      sx={{ my: 2 }}
    >
      <AlertTitle>{t(`errors.fhir.${e.code}`, { resourceType: e.resourceType })}</AlertTitle>
      {relaunch && <Typography>{t('errors.relaunch')}</Typography>}
      <Typography variant="body2" component="details">
        <summary>{t('errors.technical')}</summary>
        {e.status ?? ''} {e.detail}
      </Typography>
    </Alert>
  );
}
