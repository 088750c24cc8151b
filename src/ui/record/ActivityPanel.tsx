import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord } from '../../extract/index.ts';
import { formatFhirDate } from '../format.ts';
import { drugLabel } from '../i18n/drugs.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { ActivityChart } from './ActivityChart.tsx';
import { ibdActivity, type IbdActivity } from './activity.ibd.ts';
import { msActivity } from './activity.ms.ts';
import { raActivity, type RaActivity } from './activity.ra.ts';
import { MsActivityPanel } from './MsActivityPanel.tsx';
import { Section, TableDetails } from './Section.tsx';
import { SourceLinks } from './SourceLinks.tsx';
import { ColumnHeads } from '../components/ColumnHeads.tsx';

const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, columnGap: 3 } as const;

function RaPanel({ data }: { data: RaActivity }) {
  const { t } = useTranslation();
  const times = [...data.scores, ...data.joints].flatMap((s) => s.points.map((p) => p.time));
  const xDomain: [number, number] | undefined = times.length > 0 ? [Math.min(...times), Math.max(...times)] : undefined;
  return (
    <Box data-testid="activity-ra">
      {data.scores.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('recordView.activity.noValue', { name: t('recordView.activity.series.das28Crp') })}
        </Typography>
      )}
      <Box sx={grid}>
        {data.scores.map((s) => (
          <ActivityChart key={s.key} series={s} axis="score" {...(xDomain ? { xDomain } : {})} />
        ))}
        {data.joints.map((s) => (
          <ActivityChart key={s.key} series={s} axis="joints" {...(xDomain ? { xDomain } : {})} />
        ))}
      </Box>
    </Box>
  );
}

function PeriodsTable({ data, now }: { data: IbdActivity; now: Date }) {
  const { t, i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  const day = (ms: number) => formatFhirDate(new Date(ms).toISOString().slice(0, 10), i18n.language);
  const name = t('recordView.activity.ibd.periodsTable');
  if (data.periods.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('recordView.activity.ibd.noPeriods')}
      </Typography>
    );
  }
  return (
    <TableDetails summary={t('recordView.activity.showTable', { name })} testId="activity-table-periods">
      <Table size="small">
        <caption>{name}</caption>
        <ColumnHeads
          columns={[
            t('recordView.activity.ibd.periodColumns.drug'),
            t('recordView.activity.ibd.periodColumns.from'),
            t('recordView.activity.ibd.periodColumns.to'),
            t('recordView.activity.columns.source'),
          ]}
        />
        <TableBody>
          {data.periods.map((p) => (
            <TableRow key={`${p.inn}-${p.from}`}>
              <TableCell component="th" scope="row">
                {drugLabel(p.inn, lang)}
              </TableCell>
              <TableCell>{day(p.from)}</TableCell>
              <TableCell>{p.ongoing || p.to >= now.getTime() ? t('recordView.activity.ibd.ongoing') : day(p.to)}</TableCell>
              <TableCell>
                <SourceLinks refs={p.sources} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableDetails>
  );
}

/** CD/UC: the clinical score, calprotectin and CRP as small multiples on one time axis, therapy periods shaded. */
function IbdPanel({ data, now }: { data: IbdActivity; now: Date }) {
  const { t } = useTranslation();
  const times = [...data.scores, ...data.markers].flatMap((s) => s.points.map((p) => p.time));
  const xDomain: [number, number] = [times.length > 0 ? Math.min(...times) : now.getTime() - 2 * 365.25 * 86_400_000, now.getTime()];
  return (
    <Box data-testid={`activity-${data.indication.toLowerCase()}`}>
      {data.missingScores.map((k) => (
        <Typography key={k} variant="body2" color="text.secondary" data-testid={`activity-missing-${k}`}>
          {t('recordView.activity.noValue', { name: t(`recordView.activity.series.${k}`) })}
        </Typography>
      ))}
      {data.scores.map((s) => (
        <ActivityChart key={s.key} series={s} axis="score" xDomain={xDomain} periods={data.periods} height={180} />
      ))}
      {data.markers.map((s) => (
        <ActivityChart key={s.key} series={s} axis="unit" xDomain={xDomain} periods={data.periods} height={180} />
      ))}
      <PeriodsTable data={data} now={now} />
    </Box>
  );
}

/**
 * The disease-activity panel at the top of the record view: the trends a specialist decides on for the
 * record's primary indication (RA: DAS28/CDAI/SDAI recorded and calculated, joint counts; MS: relapses,
 * EDSS, MRI lesions, JCV index, NEDA-3; CD/UC: clinical score with calprotectin and CRP over the therapies).
 */
export function ActivityPanel({ record, now }: { record: ExtractedRecord; now: Date }) {
  const { t } = useTranslation();
  const indication = record.primaryIndication;
  const content = useMemo(() => {
    switch (indication) {
      case 'RA':
        return { kind: 'RA' as const, data: raActivity(record, now) };
      case 'CD':
      case 'UC':
        return { kind: 'IBD' as const, data: ibdActivity(record, indication, now) };
      case 'RMS':
        return { kind: 'RMS' as const, data: msActivity(record, now) };
      case null:
        return null;
    }
  }, [record, now, indication]);
  return (
    <Section id="activity" title={t('recordView.sections.activity')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {content ? t('recordView.activity.intro') : t('recordView.activity.none')}
      </Typography>
      {content?.kind === 'RA' && <RaPanel data={content.data} />}
      {content?.kind === 'IBD' && <IbdPanel data={content.data} now={now} />}
      {content?.kind === 'RMS' && <MsActivityPanel data={content.data} now={now} />}
    </Section>
  );
}
