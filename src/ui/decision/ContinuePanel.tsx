import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RankedOption } from '../../rules/ranking.ts';
import type { CurrentTherapyAssessment } from '../../rules/currentTherapy.ts';
import { isChecklistFlag } from '../../rules/checklist.ts';
import { FlagList } from '../ranking/FlagList.tsx';
import { percent } from '../ranking/format.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';
import { ResponseLines, StatusChip } from './ResponseSummary.tsx';

/**
 * "Continue the current therapy?" as its own panel: judged on the current response and the switch
 * reasons (shown in the question above), with the model's estimate for continuing stated as not
 * comparable with a new start, and the findings on the drug taken now. Not ranked against new starts.
 */
export function ContinuePanel({ option, assessment }: { option: RankedOption | undefined; assessment: CurrentTherapyAssessment }) {
  const { t, i18n } = useTranslation();
  const drugLabel = useDrugLabel();
  const drug = assessment.current?.drug;
  if (!drug) return null;
  const lang = i18n.language;
  const flags = (option?.flags ?? []).filter((f) => !isChecklistFlag(f));
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="continue-title"
      data-testid="continue-panel"
      data-drug={drug}
      data-ranked={option ? 'true' : 'false'}
      sx={{ p: 1.5, my: 1.5 }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography variant="h6" component="h3" id="continue-title">
          {t('decision.continue.title', { drug: drugLabel(drug) })}
        </Typography>
        <StatusChip status={assessment.status} />
      </Box>
      <Typography variant="body2" color="text.secondary">
        {t('decision.continue.intro')}
      </Typography>
      <ResponseLines assessment={assessment} />
      {option && (
        <Typography variant="body2" data-testid="continue-model">
          {t('decision.continue.model', { p: percent(option.probability, lang), lower: percent(option.lower, lang), upper: percent(option.upper, lang) })}
        </Typography>
      )}
      {flags.length > 0 && (
        <Box sx={{ mt: 1 }} data-testid="continue-flags">
          <Typography variant="subtitle2" component="h4">
            {t('decision.continue.findings', { drug: drugLabel(drug) })}
          </Typography>
          <FlagList flags={flags} />
        </Box>
      )}
    </Paper>
  );
}
