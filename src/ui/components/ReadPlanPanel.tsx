import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { describeReadPlan, type ReadPlanSummary } from '../../pipeline/index.ts';
import { useTypeLabel } from './RecordGaps.tsx';

/**
 * The data-provenance panel: how the record was read (from the EHR's capability statement or not, which
 * kinds of data were not searched and why, which search criteria were left out, whether medications were
 * read separately), in the reader's language. A native `<details>`, closed by default: it is for the
 * clinician who asks why something is missing and for IT support; the technical line is the one the
 * write-back puts into the Provenance.
 */
export function ReadPlanPanel({ record }: { record: { plan: ReadPlanSummary; requests: readonly unknown[]; waves: number } }) {
  const { t } = useTranslation();
  const label = useTypeLabel();
  const p = record.plan;
  const colon = t('readPlan.plan.colon');
  const byType = new Map<string, string[]>();
  for (const d of p.droppedParams) byType.set(d.resourceType, [...(byType.get(d.resourceType) ?? []), d.param]);
  return (
    <Box
      component="details"
      data-testid="read-plan"
      data-plan-source={p.capabilities}
      sx={{ mt: 2, '& > summary': { cursor: 'pointer', color: 'primary.main', fontSize: '0.875rem', py: 0.5 } }}
    >
      <summary>{t('readPlan.plan.title')}</summary>
      <Typography variant="body2">{t(`readPlan.plan.source.${p.capabilities}`)}</Typography>
      {p.software && (
        <Typography variant="body2" data-testid="read-plan-server">
          {t('readPlan.plan.server', { software: p.software })}
        </Typography>
      )}
      {p.skipped.length > 0 ? (
        <>
          <Typography variant="body2" component="h4" sx={{ fontWeight: 600, mt: 1 }}>
            {t('readPlan.plan.skipped')}
          </Typography>
          <Box component="ul" sx={{ mt: 0 }}>
            {p.skipped.map((s) => (
              <Typography component="li" variant="body2" key={s.resourceType} data-testid="read-plan-skipped" data-type={s.resourceType}>
                {label(s.resourceType)}
                {colon}
                {t(`readPlan.why.${s.why}`)}
              </Typography>
            ))}
          </Box>
        </>
      ) : (
        <Typography variant="body2">{t('readPlan.plan.noneSkipped')}</Typography>
      )}
      {byType.size > 0 && (
        <>
          <Typography variant="body2" component="h4" sx={{ fontWeight: 600, mt: 1 }}>
            {t('readPlan.plan.dropped')}
          </Typography>
          <Box component="ul" sx={{ mt: 0 }}>
            {[...byType].map(([type, params]) => (
              <Typography component="li" variant="body2" key={type} data-testid="read-plan-dropped" data-type={type}>
                {label(type)}
                {colon}
                <code>{params.join(', ')}</code>
              </Typography>
            ))}
          </Box>
        </>
      )}
      {p.includeReplaced.length > 0 && (
        <Typography variant="body2" data-testid="read-plan-include">
          {t('readPlan.plan.include', { types: p.includeReplaced.map(label).join(', ') })}
        </Typography>
      )}
      <Typography variant="body2">{t('readPlan.plan.requests', { count: record.requests.length, waves: record.waves })}</Typography>
      <Typography variant="caption" component="p" sx={{ mt: 1 }}>
        {t('readPlan.plan.technical')}
        {colon}
        <code data-testid="read-plan-technical">{describeReadPlan(record)}</code>
      </Typography>
    </Box>
  );
}
