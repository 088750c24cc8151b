import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedModel } from '../../model/loader.ts';
import { ValidationSection } from './ValidationSection.tsx';

async function fetchCard(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

/** The model card one click away: its validation against published trials, then the Markdown served beside the model, shown as written. */
export function ModelCardButton({ model }: { model: LoadedModel }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const url = new URL('MODEL_CARD.md', model.baseUrl).href;
  const card = useQuery({ queryKey: ['model-card', url], queryFn: () => fetchCard(url), enabled: open, staleTime: Infinity });
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)} data-testid="model-card-open">
        {t('ranking.modelCard.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth scroll="paper">
        <DialogTitle>{t('ranking.modelCard.title', { title: model.spec.title })}</DialogTitle>
        <DialogContent dividers>
          <Typography variant="body2" gutterBottom>
            {t('ranking.modelCard.version', { version: model.spec.modelVersion })} · SHA-256 {model.spec.onnx.sha256.slice(0, 16)}…
          </Typography>
          <ValidationSection baseUrl={model.baseUrl} enabled={open} />
          {card.isPending && open && <CircularProgress aria-label={t('ranking.modelCard.loading')} />}
          {card.isError && <Alert severity="error">{t('ranking.modelCard.failed')}</Alert>}
          {card.data && (
            <Typography component="pre" data-testid="model-card-text" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: '0.875rem' }}>
              {card.data}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ranking.modelCard.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
