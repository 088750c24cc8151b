import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import type { Indication } from '../../extract/indications.ts';
import { prepare } from '../../pipeline.ts';
import { RankingPanel } from '../ranking/RankingPanel.tsx';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { PatientBanner } from '../components/PatientBanner.tsx';
import { IndicationsPanel } from '../components/IndicationsPanel.tsx';
import { RecordTables } from '../components/RecordTables.tsx';
import { FhirErrorAlert } from '../components/FhirErrorAlert.tsx';
import { usePatientRecord } from '../hooks/usePatientRecord.ts';
import { mark, record as recordMetrics } from '../metrics.ts';

/** The screen after launch: banner, indications, and the record as read. */
export function PatientPage() {
  const { t } = useTranslation();
  const { data: record, error, isPending, progress, refetch } = usePatientRecord();
  // One reference time per screen, so ages, staleness and windows agree with each other.
  const [now] = useState(() => new Date());
  const [chosen, setChosen] = useState<Indication | undefined>(undefined);
  const resources = record?.resources;
  const extracted = useMemo(() => {
    if (!resources) return null;
    const t0 = performance.now();
    const result = prepare(resources, now, chosen);
    recordMetrics({ extractMs: performance.now() - t0 });
    mark('extracted');
    return result;
  }, [resources, now, chosen]);
  if (isPending) {
    return (
      <Box role="status" aria-live="polite" data-testid="record-loading" sx={{ my: 4 }}>
        <Typography gutterBottom>{t('loading.record', { done: progress.done, total: progress.total || '…' })}</Typography>
        <LinearProgress variant={progress.total ? 'determinate' : 'indeterminate'} value={progress.total ? (100 * progress.done) / progress.total : 0} />
      </Box>
    );
  }
  if (error) return <FhirErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!extracted) return null;
  const found = [...new Set(extracted.indications.filter((f) => f.active).map((f) => f.indication))];
  return (
    <>
      <PanelBoundary name="banner">
        <PatientBanner patient={record.patient} now={now} />
      </PanelBoundary>
      {record.failures.length > 0 && (
        <Alert severity="warning" role="alert" data-testid="record-incomplete" sx={{ mb: 2 }}>
          {t('record.incomplete', { parts: [...new Set(record.failures.map((f) => f.resourceType))].join(', ') })}
        </Alert>
      )}
      <PanelBoundary name="indications">
        <IndicationsPanel resources={record.resources} />
      </PanelBoundary>
      <PanelBoundary name="ranking">
        <RankingPanel record={extracted} indications={found} now={now} onIndicationChange={setChosen} />
      </PanelBoundary>
      <Box component="section" aria-labelledby="record-title">
        <Typography variant="h5" component="h2" id="record-title" gutterBottom>
          {t('record.title')}
        </Typography>
        <PanelBoundary name="record">
          <RecordTables resources={record.resources} />
        </PanelBoundary>
      </Box>
    </>
  );
}
