import { Box, Button, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import type { PreparedRecord } from '../../pipeline/index.ts';
import { assessCurrentTherapy } from '../../rules/currentTherapy.ts';
import { formatFhirDate } from '../format.ts';
import { useDrugLabel } from '../ranking/useDrugLabel.ts';
import { durationParts } from './format.ts';
import { activitySummary, ResponseLines, StatusChip, TrendSummary, useSwitchReasonText } from './ResponseSummary.tsx';

/**
 * The question first: the indication as one line (diagnosis with onset; further entries such as past
 * relapses go to the record view), the current therapy with its duration and how it is doing, and the
 * reasons to switch that the record holds.
 */
export function QuestionPanel({ record, now }: { record: PreparedRecord; now: Date }) {
  const { t, i18n } = useTranslation();
  const assessment = useMemo(() => assessCurrentTherapy(record, now), [record, now]);
  const hasTrend = useMemo(() => activitySummary(record, now) !== null, [record, now]);
  const [trendOpen, setTrendOpen] = useState(false);
  const drugLabel = useDrugLabel();
  const reasonText = useSwitchReasonText();
  const { diagnosis, current, indication } = assessment;
  if (!indication) return null;
  const name = `${t(`indications.${indication}`)}${diagnosis?.subtype ? ` (${diagnosis.subtype})` : ''}`;
  const onset = formatFhirDate(diagnosis?.onset?.raw, i18n.language);
  const duration = (months: number | null): string => {
    if (months === null) return '–';
    const p = durationParts(months);
    return p.years === 0 ? t('decision.question.months', { count: p.months }) : t('decision.question.years', p);
  };
  const start = formatFhirDate(current?.start, i18n.language);
  let currentText = t('decision.question.noCurrent');
  if (current)
    currentText = start
      ? t('decision.question.current', { drug: drugLabel(current.drug), start, duration: duration(current.months) })
      : t('decision.question.currentNoStart', { drug: drugLabel(current.drug) });
  return (
    <Paper component="section" variant="outlined" aria-labelledby="question-title" data-testid="question" sx={{ px: 1.5, py: 1, mb: 1.5 }}>
      <Typography
        component="h2"
        id="question-title"
        sx={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}
      >
        {t('decision.question.title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1.5 }}>
        <Typography variant="h6" component="p" data-testid="question-indication" data-indication={indication} sx={{ lineHeight: 1.3 }}>
          {onset ? t('decision.question.diagnosis', { diagnosis: name, onset }) : t('decision.question.diagnosisNoOnset', { diagnosis: name })}
        </Typography>
        {assessment.otherFindings > 0 && (
          <Typography variant="caption" color="text.secondary">
            {t('decision.question.moreFindings', { count: assessment.otherFindings })}
          </Typography>
        )}
      </Box>
      <Box data-testid="question-current" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 0.25 }}>
        <Typography sx={{ fontWeight: 600 }}>{currentText}</Typography>
        {current && <StatusChip status={assessment.status} />}
        {hasTrend && (
          // The activity trend since the current therapy's start, one click away on the same line, so the options stay on the first screen.
          <Button size="small" data-testid="question-trend" aria-expanded={trendOpen} onClick={() => setTrendOpen((o) => !o)} sx={{ py: 0 }}>
            {/* "Disease activity": the trend since the current therapy's start, or over two years when there is none */}
            {t('recordView.sections.activity')}
          </Button>
        )}
      </Box>
      <ResponseLines assessment={assessment} />
      {hasTrend && trendOpen && <TrendSummary record={record} now={now} />}
      <Box data-testid="switch-reasons" sx={{ mt: 0.25 }}>
        {assessment.reasons.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('decision.question.noReasons')}
          </Typography>
        ) : (
          <>
            <Typography variant="body2" component="p" sx={{ fontWeight: 600 }}>
              {t('decision.question.reasonsTitle')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {assessment.reasons.map((r, i) => (
                <Typography component="li" variant="body2" key={`${r.kind}-${i}`} data-reason={r.kind === 'safety' ? r.flag.ruleId : r.kind}>
                  {reasonText(r)}
                </Typography>
              ))}
            </Box>
          </>
        )}
      </Box>
    </Paper>
  );
}
