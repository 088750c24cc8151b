import { Alert, Box, Button, CircularProgress, List, ListItem, TextField, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Patient } from 'fhir/r4';
import { useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, PreparedRecord, Ranking } from '../../pipeline/index.ts';
import type { FhirSession } from '../../smart/session.ts';
import { loadSettings } from '../../smart/settings.ts';
import { isRecordable, planDecisionWrite } from '../../writeback/decisionRecord.ts';
import type { DecisionOutcome } from '../../writeback/decisionTransport.ts';
import { draftDecision, errorCode, MAX_SENDS, sendDecision, type PendingDecision } from '../../writeback/sendDecision.ts';
import { SessionContext } from '../SessionContext.ts';
import { useSignedInName } from '../hooks/useSignedInUser.ts';
import type { RecordedDecision } from './printSummary.ts';
import { useDrugLabel } from './useDrugLabel.ts';
import { useDecisionSummaryText } from './useDecisionSummaryText.ts';
import { DecisionOutcomeLines, PartialEntries } from './DecisionOutcomeLines.tsx';

interface DecisionProps {
  ranking: Ranking;
  explanation?: Explanation | undefined;
  record: PreparedRecord;
  /** The launch's Patient (name, birth date, identifiers) for the document, when read. */
  patient?: Patient | undefined;
  /** One line saying which read plan the app used; written into the Provenance. */
  readPlan?: string | undefined;
  onRecorded?: ((decision: RecordedDecision) => void) | undefined;
}

/**
 * "Record this decision" (opt-in): shown when the deployment enables `writeBack` and the granted
 * scopes allow creating the document or the GuidanceResponse (the two resources that hold the decision
 * itself). What is written, and how, follows the server's CapabilityStatement (planDecisionWrite).
 * `writeBack` may be passed (tests); otherwise it is read from config.json. `onRecorded` hears of a
 * decision once the EHR confirmed it (the print summary names it).
 */
export function RecordDecision({ writeBack, ...props }: DecisionProps & { writeBack?: boolean }) {
  const session = useContext(SessionContext);
  const settings = useQuery({ queryKey: ['deployment-settings'], queryFn: () => loadSettings(), staleTime: Infinity, enabled: writeBack === undefined });
  const enabled = writeBack ?? settings.data?.writeBack ?? false;
  const allowed = session !== null && (session.canCreate('DocumentReference') || session.canCreate('GuidanceResponse'));
  if (!session || !enabled || !allowed) return null;
  return <DecisionForm session={session} {...props} />;
}

function DecisionForm({ session, ranking, explanation, record, patient, readPlan, onRecorded }: DecisionProps & { session: FhirSession }) {
  const { t } = useTranslation();
  const summaryText = useDecisionSummaryText();
  const caps = useQuery({ queryKey: ['capabilities', session.fhirBaseUrl], queryFn: () => session.capabilities(), staleTime: Infinity });
  const plan = useMemo(() => (caps.data ? planDecisionWrite(caps.data, (type) => session.canCreate(type)) : null), [caps.data, session]);
  const encounterRef = session.encounterId ? `Encounter/${session.encounterId}` : undefined;
  const drugLabel = useDrugLabel();
  const first = ranking.options[0]?.drug ?? '';
  const [choice, setChoice] = useState(first);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [attempt, setAttempt] = useState(1);
  // The send loop (writeback/sendDecision.ts) reads the outcome from the answer; it never rejects.
  // The name read once from the fhirUser resource (the header's query): the record's author display.
  const userName = useSignedInName(session);
  const send = useMutation<DecisionOutcome, Error, PendingDecision>({
    mutationFn: (p) => sendDecision(session, p, setAttempt),
    // Only a confirmed save is a recorded decision; "may have been saved" is not printed as recorded.
    onSuccess: (outcome, p) => {
      if (outcome.kind === 'saved')
        onRecorded?.({ drug: choice, reason: choice === first ? '' : reason, user: userName ?? session.user, at: new Date(), decisionId: p.decisionId });
    },
  });
  const outcome = send.data;
  const saving = send.isPending;
  const needsReason = choice !== first && reason.trim() === '';
  const locked = pending !== null;

  function submit(): void {
    if (needsReason || saving || !plan) return;
    const now = new Date();
    // Generated once per decision and kept: every retry resends exactly these resources.
    const p =
      pending ??
      draftDecision(
        {
          ranking,
          ...(explanation ? { explanation } : {}),
          record,
          chosenDrug: choice,
          reason,
          user: session.user,
          userName,
          patientRef: `Patient/${session.patientId}`,
          ...(encounterRef ? { encounterRef } : {}),
          ...(readPlan ? { readPlan } : {}),
          now,
        },
        plan,
        (decisionId) =>
          summaryText({
            ranking,
            record,
            now,
            patient,
            encounterRef,
            decision: { drug: choice, reason: choice === first ? '' : reason, user: userName ?? session.user, at: now, decisionId },
          }),
      );
    if (!pending) setPending(p);
    send.mutate(p);
  }

  if (ranking.overridden.length > 0) {
    return (
      <Alert severity="info" data-testid="record-decision-hypothetical" sx={{ my: 2 }}>
        {t('ranking.decision.hypothetical')}
      </Alert>
    );
  }
  if (!plan) {
    return (
      <Typography role="status" data-testid="record-decision-checking" sx={{ my: 2 }}>
        <CircularProgress size={16} sx={{ mr: 1 }} />
        {t('ranking.decision.outcome.checking')}
      </Typography>
    );
  }
  if (!isRecordable(plan)) {
    return (
      <Alert severity="info" data-testid="record-decision-unavailable" sx={{ my: 2 }}>
        {t('ranking.decision.outcome.notRecordable')}
      </Alert>
    );
  }
  return (
    <Box
      component="section"
      aria-labelledby="record-decision-title"
      data-testid="record-decision"
      sx={{ my: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Typography variant="h6" component="h3" id="record-decision-title">
        {t('ranking.decision.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('ranking.decision.intro')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label={t('ranking.decision.choice')}
          value={choice}
          disabled={locked}
          onChange={(e) => setChoice(e.target.value)}
          slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'decision-choice' }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 260 }}
        >
          {ranking.options.map((o) => (
            <option key={o.drug} value={o.drug}>
              {o.drug === first ? t('ranking.decision.firstRanked', { drug: drugLabel(o.drug) }) : `${o.rank}. ${drugLabel(o.drug)}`}
            </option>
          ))}
        </TextField>
        {choice !== first && (
          <TextField
            size="small"
            required
            multiline
            minRows={2}
            label={t('ranking.decision.reason')}
            value={reason}
            disabled={locked}
            onChange={(e) => setReason(e.target.value)}
            error={needsReason}
            helperText={needsReason ? t('ranking.decision.reasonRequired') : ' '}
            slotProps={{ htmlInput: { 'data-testid': 'decision-reason' } }}
            sx={{ minWidth: 360, flexGrow: 1 }}
          />
        )}
        {!saving && outcome === undefined && (
          <Button variant="contained" onClick={submit} disabled={needsReason || saving} data-testid="decision-submit">
            {t('ranking.decision.submit')}
          </Button>
        )}
      </Box>
      {saving && (
        <Typography role="status" sx={{ mt: 1 }}>
          <CircularProgress size={16} sx={{ mr: 1 }} />
          {attempt > 1 ? t('ranking.decision.attempt', { attempt, max: MAX_SENDS }) : t('ranking.decision.saving')}
        </Typography>
      )}
      {!saving && outcome?.kind === 'saved' && (
        <Alert
          severity="success"
          role="status"
          data-testid="decision-saved"
          data-decision-id={pending?.decisionId}
          data-form={outcome.form}
          data-encounter={encounterRef ?? ''}
          sx={{ mt: 1 }}
        >
          {t('ranking.decision.saved', { count: outcome.items.length })}
          {pending && <DecisionOutcomeLines plan={pending.plan} outcome={outcome} encounterRef={pending.input.encounterRef} />}
          <List dense>
            {outcome.items.map((i) => (
              <ListItem key={i.location} data-testid="decision-saved-item" data-location={i.location} sx={{ py: 0 }}>
                {i.location}: {i.created ? t('ranking.decision.created') : t('ranking.decision.existing')}
              </ListItem>
            ))}
          </List>
          <Typography variant="caption">{t('ranking.decision.decisionId', { id: pending?.decisionId })}</Typography>
        </Alert>
      )}
      {!saving && outcome !== undefined && outcome.kind !== 'saved' && pending && (
        <Alert
          severity="error"
          role="alert"
          data-testid="decision-error"
          data-decision-id={pending.decisionId}
          data-error-code={errorCode(outcome)}
          data-outcome={outcome.kind}
          data-form={outcome.form}
          sx={{ mt: 1 }}
          action={
            <Button color="inherit" size="small" onClick={submit} data-testid="decision-retry">
              {t('ranking.decision.retry')}
            </Button>
          }
        >
          {outcome.kind === 'not-saved' && t('ranking.decision.failedHttp', { detail: outcome.detail })}
          {outcome.kind === 'uncertain' && t('ranking.decision.failedUnknown', { detail: outcome.detail })}
          {outcome.kind === 'partial' && <PartialEntries outcome={outcome} />}
          <Typography variant="caption" component="div">
            {t('ranking.decision.decisionId', { id: pending.decisionId })}
          </Typography>
        </Alert>
      )}
    </Box>
  );
}
