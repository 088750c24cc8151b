import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LaunchError } from '../../smart/errors.ts';

/**
 * The page a failed launch ends on: what happened and what to do, in the user's language, and
 * the technical cause folded away for IT support. Never a blank page or a stack trace.
 */
export function LaunchErrorView({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const launchError = error instanceof LaunchError ? error : new LaunchError('authorization-failed', error instanceof Error ? error.message : String(error));
  const code = launchError.code;
  return (
    <Box component="main" sx={{ maxWidth: 720, mx: 'auto', my: 4, px: 2 }} data-testid="launch-error" data-error-code={code}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('app.title')}
      </Typography>
      <Alert severity="error" role="alert">
        <AlertTitle>{t(`errors.launch.${code}.title`)}</AlertTitle>
        <Typography>{t(`errors.launch.${code}.action`)}</Typography>
      </Alert>
      <Box component="details" sx={{ mt: 2 }}>
        <summary>{t('errors.technical')}</summary>
        <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: '0.8rem' }}>
          {code}: {launchError.detail}
        </Typography>
      </Box>
    </Box>
  );
}
