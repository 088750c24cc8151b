import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Indication } from '../../extract/indications.ts';
import { describeReadPlan, prepare, readOutcomes } from '../../pipeline/index.ts';
import { RankingPanel } from '../ranking/RankingPanel.tsx';
import { RecordView } from '../record/RecordView.tsx';
import { useSession } from '../SessionContext.ts';
import { useQueryClient } from '@tanstack/react-query';
import type { Observation } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { PatientBanner } from '../components/PatientBanner.tsx';
import { IndicationsPanel } from '../components/IndicationsPanel.tsx';
import { QuestionPanel } from '../decision/QuestionPanel.tsx';
import { RecordTables } from '../components/RecordTables.tsx';
import { FhirErrorAlert } from '../components/FhirErrorAlert.tsx';
import { RecordGaps } from '../components/RecordGaps.tsx';
import { ReadPlanPanel } from '../components/ReadPlanPanel.tsx';
import { foreignProblem } from '../../smart/patientContext.ts';
import type { WriteOutcome } from '../../writeback/writeOutcome.ts';
import { excludedProblem } from '../../extract/problems.ts';
import { usePatientRecord } from '../hooks/usePatientRecord.ts';
import { useTerminologyLookup } from '../hooks/useTerminologyLookup.ts';
import { recordPrepared } from '../../pipeline/metrics.ts';
import { sendEnteredObservations } from '../../writeback/entered.ts';
import { ResourceIndexContext } from '../record/SourceLinks.tsx';
import { resourceIndex } from '../record/recordView.utils.ts';
import { SYSTEMS } from '../../../contract/systems.ts';
import { useLaunchFocus } from '../hooks/useLaunchFocus.ts';
import { LaunchFocusContext, NO_LAUNCH_FOCUS } from '../LaunchFocusContext.ts';
import { LaunchContextNotes } from '../components/LaunchContextNotes.tsx';

/**
 * Categories of the clinician-entered Observations (writeback/entered.ts: `survey` for what the patient
 * reports, `exam` for what the clinician finds): a granular scope must allow both for the save button.
 */
const ENTERED_CATEGORIES = (['survey', 'exam'] as const).map((code) => ({ system: SYSTEMS.observationCategory, code }));

/** The screen after launch: banner, indications, and the record as read. */
export function PatientPage() {
  const { t } = useTranslation();
  const { data: read, error, isPending, progress, refetch } = usePatientRecord();
  // The record as read is rendered as a deferred (concurrent) update: the extraction and the first
  // screen render in slices of a few ms instead of one 60-130 ms task right after the last FHIR
  // response (issue 15, the bench's longTasksAt); the loading line stays until that render is done.
  const record = useDeferredValue(read);
  const session = useSession();
  const queryClient = useQueryClient();
  const canWrite = session.canCreate('Observation', ENTERED_CATEGORIES);
  /**
   * Saves clinician-entered items as one transaction of conditional creates (writeback/entered.ts),
   * reads the outcome from the answer, and re-reads the record once they are confirmed.
   */
  const saveEntered = async (observations: Observation[], saveId: string): Promise<WriteOutcome> => {
    const outcome = await sendEnteredObservations(session, observations, saveId);
    if (outcome.kind === 'saved') await queryClient.invalidateQueries({ queryKey: ['patient-record'] });
    return outcome;
  };
  // One reference time per screen, so ages, staleness and windows agree with each other.
  const [now] = useState(() => new Date());
  const [chosen, setChosen] = useState<Indication | undefined>(undefined);
  // Suspected diagnoses the clinician confirmed on this screen (certainty.ts): only then are they ranked.
  const [confirmed, setConfirmed] = useState<readonly string[]>([]);
  const confirm = useCallback((ref: string) => setConfirmed((list) => (list.includes(ref) ? list : [...list, ref])), []);
  // The EHR's fhirContext/appContext (launchFocus.ts): opens on an indication the record supports, never
  // on another; the clinician's own choice of indication wins.
  const focus = useLaunchFocus(record, now, confirmed);
  const indication = chosen ?? focus?.indication;
  const focusValue = useMemo(() => (focus ? { ...(focus.drug ? { drug: focus.drug } : {}), notes: focus.notes } : NO_LAUNCH_FOCUS), [focus]);
  // The ranking renders and is painted first; the record view (charts, long tables) starts after that
  // frame (RankingPanel calls onSettled after the paint) and renders as a transition, so the answer
  // the clinician opened the app for is never held up by the detail below it.
  const [detailsReady, setDetailsReady] = useState(false);
  const showDetails = useCallback(() => startTransition(() => setDetailsReady(true)), []);
  const resources = record?.resources;
  // Failed searches and types the server does not share go into the extraction: what they would have
  // held is unknown, not absent.
  const failures = record?.failures;
  const gaps = record?.gaps;
  // Resources dropped as not this patient's are named in the record's problems (and the gaps list).
  const foreign = record?.foreign;
  // The optional terminology server's answers for unknown SNOMED CT codes (off by default: undefined).
  const terminology = useTerminologyLookup(resources);
  const extracted = useMemo(() => {
    if (!resources) return null;
    const prepared = prepare(resources, now, indication, readOutcomes({ failures: failures ?? [], gaps: gaps ?? [] }), confirmed, terminology);
    return foreign && foreign.length > 0
      ? { ...prepared, problems: [...foreign.map((f) => excludedProblem(foreignProblem(f))), ...prepared.problems] }
      : prepared;
  }, [resources, foreign, failures, gaps, now, indication, confirmed, terminology]);
  // Every panel opens a value's source resources (SourceListButton), not only the record view.
  const index = useMemo(() => resourceIndex(resources ?? []), [resources]);
  useEffect(() => {
    if (!extracted) return;
    recordPrepared(extracted);
  }, [extracted]);
  if (isPending || (!error && !record)) {
    return (
      <Box role="status" aria-live="polite" data-testid="record-loading" sx={{ my: 4 }}>
        <Typography gutterBottom>{t('loading.record', { done: progress.done, total: progress.total || '…' })}</Typography>
        <LinearProgress variant={progress.total ? 'determinate' : 'indeterminate'} value={progress.total ? (100 * progress.done) / progress.total : 0} />
      </Box>
    );
  }
  if (error) return <FhirErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!record || !extracted) return null;
  const readPlanLine = describeReadPlan(record);
  const found = [...new Set(extracted.indications.filter((f) => f.active && f.usable).map((f) => f.indication))];
  return (
    <ResourceIndexContext.Provider value={index}>
      <LaunchFocusContext.Provider value={focusValue}>
        {session.needPatientBanner !== false && (
          <PanelBoundary name="banner">
            <PatientBanner patient={record.patient} now={now} />
          </PanelBoundary>
        )}
        {record.failures.length > 0 && (
          <Alert severity="warning" role="alert" data-testid="record-incomplete" sx={{ mb: 2 }}>
            {t('record.incomplete', { parts: [...new Set(record.failures.map((f) => f.resourceType))].join(', ') })}
          </Alert>
        )}
        <RecordGaps gaps={record.gaps} />
        {record.foreign.length > 0 && (
          <Alert severity="warning" role="alert" data-testid="record-foreign" sx={{ mb: 2 }}>
            {t('record.foreign', { count: record.foreign.length, refs: record.foreign.map((f) => f.ref).join(', ') })}
          </Alert>
        )}
        {found.length === 0 && (
          <PanelBoundary name="indications">
            <IndicationsPanel findings={extracted.indications} onConfirm={confirm} />
          </PanelBoundary>
        )}
        <LaunchContextNotes notes={focusValue.notes} />
        <PanelBoundary name="question">
          <QuestionPanel record={extracted} now={now} />
        </PanelBoundary>
        <PanelBoundary name="ranking">
          <RankingPanel
            record={extracted}
            indications={found}
            now={now}
            onIndicationChange={setChosen}
            onSettled={showDetails}
            patient={record.patient}
            readPlan={readPlanLine}
          />
        </PanelBoundary>
        {detailsReady ? (
          <>
            {found.length > 0 && (
              <PanelBoundary name="indications">
                <IndicationsPanel findings={extracted.indications} onConfirm={confirm} />
              </PanelBoundary>
            )}
            <PanelBoundary name="record-view">
              <RecordView record={extracted} resources={record.resources} now={now} canWrite={canWrite} onSaveEntered={saveEntered} />
            </PanelBoundary>
            <Box component="section" aria-labelledby="record-title">
              <Typography variant="h5" component="h2" id="record-title" gutterBottom>
                {t('record.title')}
              </Typography>
              <PanelBoundary name="record">
                <RecordTables resources={record.resources} />
              </PanelBoundary>
              <PanelBoundary name="read-plan">
                <ReadPlanPanel record={record} />
              </PanelBoundary>
            </Box>
          </>
        ) : (
          <LinearProgress aria-label={t('record.title')} />
        )}
      </LaunchFocusContext.Provider>
    </ResourceIndexContext.Provider>
  );
}
