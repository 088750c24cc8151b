import { Box, Typography } from '@mui/material';
import type { WriteOutcome } from '../../writeback/writeOutcome.ts';
import type { Observation, Resource } from 'fhir/r4';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedRecord } from '../../extract/index.ts';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { ActivityPanel } from './ActivityPanel.tsx';
import { EnteredItemsSection } from './EnteredItemsSection.tsx';
import { GapsSection } from './GapsSection.tsx';
import { InputsSection } from './InputsSection.tsx';
import { resourceIndex } from './recordView.utils.ts';
import { Section } from './Section.tsx';
import { ResourceIndexContext } from './SourceLinks.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { TrendChart } from './TrendChart.tsx';
import { trendSeries } from './trends.utils.ts';

export interface RecordViewProps {
  /** The record as extracted by `extractRecord(resources, { now })`. */
  record: ExtractedRecord;
  /** The FHIR resources the record was extracted from (to open any value's source). */
  resources: readonly Resource[];
  /** The reference time the record was extracted with (staleness, timeline's right edge). */
  now: Date;
  /** Whether this launch may write Observations (scope `user/Observation.write` or similar). */
  canWrite: boolean;
  /** Writes the clinician-entered Observations to the EHR; absent = saving unavailable. */
  onSaveEntered?: (obs: Observation[], saveId: string) => Promise<WriteOutcome>;
}

function TrendsSection({ record, now }: { record: ExtractedRecord; now: Date }) {
  const { t } = useTranslation();
  const series = useMemo(() => trendSeries(record, now), [record, now]);
  return (
    <Section id="trends" title={t('recordView.sections.trends')}>
      {series.length === 0 ? (
        <Typography color="text.secondary">{t('recordView.trends.none')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, columnGap: 3 }}>
          {series.map((s) => (
            <TrendChart key={s.concept} series={s} />
          ))}
        </Box>
      )}
    </Section>
  );
}

/**
 * The record view: the disease-activity panel, trends, treatment timeline, data gaps, every input with its source, and the
 * clinician-entered score items. Each panel has its own error boundary.
 */
export function RecordView({ record, resources, now, canWrite, onSaveEntered }: RecordViewProps) {
  const { t } = useTranslation();
  const index = useMemo(() => resourceIndex(resources), [resources]);
  const indication = record.primaryIndication;
  return (
    <ResourceIndexContext.Provider value={index}>
      <Box component="section" aria-labelledby="record-view-title" data-testid="record-view">
        <Typography variant="h5" component="h2" id="record-view-title" gutterBottom>
          {t('recordView.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('recordView.intro')}
        </Typography>
        <PanelBoundary name="activity">
          <ActivityPanel record={record} now={now} />
        </PanelBoundary>
        <PanelBoundary name="trends">
          <TrendsSection record={record} now={now} />
        </PanelBoundary>
        <PanelBoundary name="timeline">
          <TimelineSection episodes={record.episodes} now={now} />
        </PanelBoundary>
        <PanelBoundary name="gaps">
          <GapsSection record={record} />
        </PanelBoundary>
        <PanelBoundary name="inputs">
          <InputsSection record={record} />
        </PanelBoundary>
        {indication && (
          <PanelBoundary name="entered">
            <EnteredItemsSection key={indication} record={record} indication={indication} canWrite={canWrite} {...(onSaveEntered ? { onSaveEntered } : {})} />
          </PanelBoundary>
        )}
      </Box>
    </ResourceIndexContext.Provider>
  );
}
