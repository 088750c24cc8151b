import { Button, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { LazyDialog } from './LazyDialog.tsx';
import type { Resource } from 'fhir/r4';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Opens the raw FHIR resource behind a displayed value, so any value can be checked at its source. */
export function SourceButton({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = `${resource.resourceType}/${resource.id ?? '?'}`;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={t('record.showSource', { ref })}>
        {ref}
      </Button>
      <LazyDialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{t('record.sourceTitle', { ref })}</DialogTitle>
        <DialogContent>
          <Typography component="pre" data-testid="source-json" sx={{ fontSize: '0.8rem', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {JSON.stringify(resource, null, 2)}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('record.close')}</Button>
        </DialogActions>
      </LazyDialog>
    </>
  );
}
