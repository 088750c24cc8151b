import { Alert, Box, Button, CircularProgress, Collapse, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { LazyDialog } from '../components/LazyDialog.tsx';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedModel } from '../../model/loader.ts';
import { parseMarkdown } from './markdown.ts';
import { MarkdownView } from './MarkdownView.tsx';
import { ModelCardSummary } from './ModelCardSummary.tsx';
import { ValidationSection } from './ValidationSection.tsx';
import { translateSpecText } from '../i18n/clinical.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';

const INDICATIONS: ReadonlySet<string> = new Set(['CD', 'UC', 'RA', 'RMS']);

async function fetchCard(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

/** The technical card (MODEL_CARD.md beside the model), fetched when first shown and rendered as formatted Markdown, never as HTML. */
function TechnicalCard({ url }: { url: string }) {
  const { t } = useTranslation();
  const card = useQuery({ queryKey: ['model-card', url], queryFn: () => fetchCard(url), staleTime: Infinity });
  const blocks = useMemo(() => (card.data ? parseMarkdown(card.data) : null), [card.data]);
  if (card.isPending) return <CircularProgress aria-label={t('ranking.modelCard.loading')} />;
  if (card.isError || !blocks) return <Alert severity="error">{t('ranking.modelCard.failed')}</Alert>;
  return (
    <Box data-testid="model-card-text" lang="en">
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {t('modelCard.technical.intro')}
      </Typography>
      <MarkdownView blocks={blocks} />
    </Box>
  );
}

/**
 * The model card one click away: a plain-language first page in the UI language (intended use, what
 * a number means, simulated training data, main limits with the leave-one-trial-out counts), the
 * validation against published trials, and the technical card behind its own control.
 */
export function ModelCardButton({ model }: { model: LoadedModel }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [technical, setTechnical] = useState(false);
  const url = new URL('MODEL_CARD.md', model.baseUrl).href;
  // The title in the UI language: the indication and the endpoint, not spec.json's English title.
  const indication = model.spec.indication.toUpperCase();
  const title = INDICATIONS.has(indication)
    ? t('modelCard.name', {
        indication: t(`indications.${indication}`),
        endpoint: translateSpecText(model.spec.outputs.endpoint, toClinicalLanguage(i18n.language)),
      })
    : model.spec.title;
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)} data-testid="model-card-open">
        {t('ranking.modelCard.open')}
      </Button>
      <LazyDialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth scroll="paper">
        <DialogTitle>{t('ranking.modelCard.title', { title })}</DialogTitle>
        <DialogContent dividers>
          <Typography variant="body2" gutterBottom>
            {t('ranking.modelCard.version', { version: model.spec.modelVersion })} · SHA-256 {model.spec.onnx.sha256.slice(0, 16)}…
          </Typography>
          <ModelCardSummary spec={model.spec} baseUrl={model.baseUrl} enabled={open} />
          <ValidationSection baseUrl={model.baseUrl} enabled={open} />
          <Button
            variant="outlined"
            size="small"
            sx={{ mt: 2 }}
            aria-expanded={technical}
            aria-controls="model-card-technical"
            onClick={() => setTechnical((v) => !v)}
            data-testid="model-card-technical-toggle"
          >
            {technical ? t('modelCard.technical.hide') : t('modelCard.technical.show')}
          </Button>
          <Collapse in={technical} unmountOnExit>
            <Box id="model-card-technical" sx={{ mt: 1 }}>
              <TechnicalCard url={url} />
            </Box>
          </Collapse>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('ranking.modelCard.close')}</Button>
        </DialogActions>
      </LazyDialog>
    </>
  );
}
