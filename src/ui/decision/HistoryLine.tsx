import { Box, Button, Chip, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { LazyDialog } from '../components/LazyDialog.tsx';
import { CITATION_MARK, Citation } from '../ranking/FlagList.tsx';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugHistory, JudgementLevel } from '../../rules/history.ts';
import { formatFhirDate } from '../format.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';
import { VISUALLY_HIDDEN } from './format.ts';
import { useHistoryText } from './useHistoryText.ts';
import { SourceListButton } from '../components/SourceListButton.tsx';
import { historySourceText } from './historySources.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';

const COLOR: Record<JudgementLevel, 'error' | 'warning' | 'info' | 'success' | 'default'> = {
  avoid: 'error',
  'not-first-choice': 'warning',
  'prefer-other-mechanism': 'warning',
  caution: 'info',
  reasonable: 'success',
  info: 'default',
};
/** A shape as well as a colour (never colour alone). */
const MARK: Record<JudgementLevel, string> = { avoid: '⛔', 'not-first-choice': '↓', 'prefer-other-mechanism': '↓', caution: '!', reasonable: '✓', info: 'i' };

/** The level of a history judgement as a small chip. */
export function HistoryChip({ level }: { level: JudgementLevel }) {
  const { t } = useTranslation();
  return (
    <Chip
      component="span"
      size="small"
      color={COLOR[level]}
      variant="outlined"
      label={`${MARK[level]} ${t(`decision.history.level.${level}`)}`}
      sx={{ height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal' } }}
    />
  );
}

/**
 * The patient's history with an option, on the option's row: one line (the worst note), and one click
 * to every episode behind it with its dates, the clinician's words, the source resources and the evidence.
 */
function HistoryLineView({ history }: { history: DrugHistory | undefined }) {
  const { t } = useTranslation();
  const drugLabel = useDrugLabel();
  const { line } = useHistoryText();
  const [open, setOpen] = useState(false);
  const headline = history?.headline;
  const text = headline ? line(headline) : null;
  if (!history || !headline || text === null) return null;
  return (
    <Box data-testid="option-history" data-level={headline.level} data-demoted={history.demoted} sx={{ mt: 0.25 }}>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        sx={{
          textTransform: 'none',
          textAlign: 'left',
          justifyContent: 'flex-start',
          whiteSpace: 'normal',
          p: 0,
          minWidth: 0,
          display: 'block',
          lineHeight: 1.35,
        }}
      >
        <HistoryChip level={headline.level} /> {text}
        <Box component="span" sx={VISUALLY_HIDDEN}>
          {` (${t('decision.history.open', { drug: drugLabel(history.drug) })})`}
        </Box>
      </Button>
      <LazyDialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{t('decision.history.title', { drug: drugLabel(history.drug) })}</DialogTitle>
        <DialogContent>
          <HistoryEpisodes history={history} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('decision.history.close')}</Button>
        </DialogActions>
      </LazyDialog>
    </Box>
  );
}

/**
 * Every episode behind a history line, for its dialog. Its own component so the episodes are formatted
 * only when the dialog opens, not on every row of the first screen (issue 15: 10-25 ms of the ranking's render).
 */
function HistoryEpisodes({ history }: { history: DrugHistory }) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const { line } = useHistoryText();
  const date = (raw: string | undefined): string => formatFhirDate(raw, i18n.language) ?? t('decision.history.dateUnknown');
  return (
    <Box component="ul" sx={{ pl: 2, m: 0 }} data-testid="history-episodes">
      {history.notes.map((n) => {
        const ep = n.episode;
        const l = line(n);
        return (
          <Box component="li" key={`${ep.inn}-${ep.start ?? ''}-${n.judgement}`} sx={{ mb: 2 }}>
            <HistoryChip level={n.level} /> {l && <Typography component="span">{l}</Typography>}
            <Typography variant="body2">
              {ep.ongoing
                ? t('decision.history.episodeOngoing', { drug: drugLabel(ep.inn), start: date(ep.start) })
                : t('decision.history.episode', { drug: drugLabel(ep.inn), start: date(ep.start), end: date(ep.end) })}
            </Typography>
            {ep.text && (
              <Typography variant="body2">
                <Citation text={t('decision.history.words', { text: CITATION_MARK })} source={ep.text} />
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary" data-testid="history-sources">
              <SourceListButton refs={ep.sources} />
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p">
              <Citation
                text={t('decision.history.evidence', { source: CITATION_MARK })}
                source={historySourceText(n.sourceKey, toClinicalLanguage(i18n.language))}
              />
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}

/** Memoised: the row re-renders when its probability arrives, its history line does not (issue 15). */
export const HistoryLine = memo(HistoryLineView);
